"""Legal text itself: Markdown to HTML with stable article ids, the article structure, the
bounded diff and the 신구대비표's comparison, and dates a text states. Used by the rules and
the renderers alike; knows nothing of files or settings."""
