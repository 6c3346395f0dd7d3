return { title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  documents = { { id = "guide", title = "G", pages = { "page" } } } }
