-- The default toolkit: building partnerships to end violence against women
-- and girls, in French and English.
return {
  title = { fr = "Partenariats contre la violence faite aux femmes et aux filles",
            en = "Partnerships to End Violence against Women and Girls" },
  description = { fr = "Un guide et des outils prêts à l’emploi pour bâtir des partenariats qui relient le secteur de la sécurité, les services et la société civile afin de mettre fin à la violence faite aux femmes et aux filles.",
                  en = "A guide and ready-to-use tools for building partnerships between the security sector, services and civil society to end violence against women and girls." },
  author = "pactkit",
  languages = { "fr", "en" },
  base_url = "https://example.org/partenariats/",
  theme = "default",
  -- A4 in both languages, as most NGOs print; Letter is one setting
  -- away, per language ({ fr = "A4", en = "Letter" }) or per document
  paper = "A4",
  documents = {
    { id = "guide",
      title = { fr = "Guide : établir des partenariats", en = "Guide: building partnerships" },
      pages = { "guide/*" } },
    { id = "mou",
      title = { fr = "Protocole d’accord : exemple rempli", en = "Memorandum of understanding: filled example" },
      pages = { "tool-mou", "tool-sharing" }, formats = { "pdf", "odt", "docx" } },
    { id = "mou-template",
      title = { fr = "Protocole d’accord : modèle à remplir", en = "Memorandum of understanding: blank template" },
      pages = { "tool-mou-blank", "tool-sharing-blank" }, formats = { "pdf", "odt", "docx" } },
    { id = "worksheets",
      title = { fr = "Fiches de travail", en = "Worksheets" },
      pages = { "tool-map", "tool-screening", "tool-plan", "tool-log" } },
    { id = "workshop-pack",
      title = { fr = "Dossier d’atelier : animation", en = "Workshop pack: facilitators" },
      pages = { "agenda", "guide/*", "tool-map", "tool-screening", "tool-mou-blank",
                "tool-sharing-blank", "tool-plan", "tool-log" },  -- "guide/*" already holds the examples
      recto = true },
    -- what each participant gets: the chapters the sessions use and the
    -- worksheets, without the filled examples the facilitators show
    { id = "participant-pack",
      title = { fr = "Dossier du participant", en = "Participant pack" },
      pages = { "why", "examples", "choose", "risks", "action-plan", "glossary",
                "tool-map", "tool-screening",
                "tool-plan", "tool-log", "tool-sharing-blank" },
      examples = false },
    -- each blank worksheet once, to print more copies
    { id = "blank-worksheets",
      title = { fr = "Fiches vierges", en = "Blank worksheets" },
      pages = { "tool-map", "tool-screening", "tool-mou-blank", "tool-sharing-blank",
                "tool-plan", "tool-log" },
      worksheets_only = true },
  },
}
