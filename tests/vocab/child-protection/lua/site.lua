-- A toolkit on another topic than the default one: partnerships between
-- schools and health services for child protection.  Written from the
-- README alone (tests/t_vocab.sh builds it and looks for the default
-- topic's words in everything it makes).
return {
  title = { fr = "École et santé : protéger les enfants ensemble",
            en = "Schools and health services: protecting children together" },
  description = { fr = "Un guide et des outils pour les partenariats entre écoles et services de santé.",
                  en = "A guide and tools for partnerships between schools and health services." },
  author = "Réseau école-santé",
  languages = { "fr", "en" },
  paper = { fr = "A4", en = "Letter" },
  documents = {
    { id = "guide", title = { fr = "Guide", en = "Guide" }, pages = { "home", "guide/*" } },
    { id = "convention",
      title = { fr = "Convention école-santé", en = "School and health agreement" },
      pages = { "agreement", "agreement-blank" }, formats = { "pdf", "odt", "docx" } },
    { id = "fiches", title = { fr = "Fiches de travail", en = "Worksheets" },
      pages = { "map", "screening", "plan", "log", "example", "trainings" } },
  },
}
