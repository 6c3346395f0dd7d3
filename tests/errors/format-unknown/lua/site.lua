return {
  title = "T", languages = { "fr", "en" },
  documents = {
    { id = "guide", title = "Guide", pages = { "index" },
      formats = { "pdf", "rtf" } },
  },
}
