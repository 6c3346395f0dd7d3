return { title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  documents = { { id = "doc", title = { fr = "Doc", en = "Doc" }, pages = { "index" } } } }
