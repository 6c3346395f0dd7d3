-- Project settings: edit the title, the languages and the PDFs to build.
return {
  title = { fr = "Ma boîte à outils", en = "My toolkit" },
  description = { fr = "Partenariats pour mettre fin à la violence contre les femmes",
                  en = "Partnerships to end violence against women" },
  author = "Mon organisation",
  languages = { "fr", "en" },        -- the first one is the default
  base_url = "",                     -- the site's address once published, such as
                                     -- "https://www.ministry.gov/toolkit/"; empty:
                                     -- relative links, no sitemap.xml
  paper = { fr = "A4", en = "Letter" },
  documents = {
    { id = "guide", title = { fr = "Guide", en = "Guide" }, pages = { "home", "guide/*" } },
    { id = "worksheets", title = { fr = "Fiches de travail", en = "Worksheets" },
      pages = { "tools" } },
  },
}
