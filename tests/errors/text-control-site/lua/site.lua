return { title = { fr = "T", en = "T\27[1m" }, languages = { "fr", "en" },
  documents = { { id = "d", title = "D\12", pages = { "index" }, formats = { "pdf", "odt", "docx" } } } }
