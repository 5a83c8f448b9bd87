"""The output folder: written whole beside the live one and swapped in, or updated in place
through a journal; the only place that knows the names of the files beside it (lock,
manifest, journal, leftovers). Knows nothing about policies."""
