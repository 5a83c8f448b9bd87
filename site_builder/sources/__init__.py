"""Reading what the tool is given into the model: policies/ (settings, documents, versions,
translations, with the line of every key), the git history of the published branch, and
published sites. Every problem is collected as a value with its file and line."""
