"""The site as data (settings, documents, versions, translations) and which versions the public
sees on a given day. Pure values and pure functions of dates."""
