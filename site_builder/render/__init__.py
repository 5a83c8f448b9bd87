"""From the model to bytes: which pages each language has, the pages' views and jobs, the
theme, feeds, indexes and the public record. Renderers never touch the output folder."""
