return {
  title = "T", languages = { "fr", "en" },
  documents = {
    { id = "guide", pages = { "index" },
      paper = { fr = "A4", en = "A5" } },
  },
}
