return {
  title = { fr = "Boîte à outils", en = "Toolkit" },
  languages = { "fr", "en" },
  base_url = "https://example.org/kit/",
  paper = { fr = "A4", en = "Letter" },
  documents = {
    { id = "guide", title = { fr = "Le guide", en = "The guide" }, pages = { "guide/*" } },
  },
}
