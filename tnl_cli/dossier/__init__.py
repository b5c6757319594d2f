"""The candidacy dossier: view model and Markdown, HTML and ODT rendering."""
