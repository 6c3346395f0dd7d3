return { title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  documents = { { id = "d", title = "D", pages = { "index" }, formats = { "pdf", "odt", "docx" } } } }
