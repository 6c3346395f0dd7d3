-- The default toolkit: building partnerships to end violence against women
-- and girls, in French and English.
return {
  title = { fr = "Partenariats contre la violence faite aux femmes et aux filles",
            en = "Partnerships to End Violence against Women and Girls" },
  description = { fr = "Un guide et des outils prêts à l’emploi pour bâtir des partenariats qui relient le secteur de la sécurité, les services et la société civile afin de mettre fin à la violence faite aux femmes et aux filles.",
                  en = "A guide and ready-to-use tools for building partnerships between the security sector, services and civil society to end violence against women and girls." },
  author = "pactkit",
  languages = { "fr", "en" },
  -- who publishes it: the covers, the colophons and the site's footer
  -- say so (a ministry puts its own here)
  publisher = { name = { fr = "Projet pactkit", en = "The pactkit project" },
                logo = "assets/logo.svg" },
  edition = { fr = "Édition de démonstration, décembre 2026",
              en = "Demonstration edition, December 2026" },
  licence = { name = "CC BY 4.0",
              url = "https://creativecommons.org/licenses/by/4.0/" },
  cite = { fr = "Projet pactkit (2026). Partenariats contre la violence faite aux femmes et aux filles : guide et outils. Édition de démonstration.",
           en = "The pactkit project (2026). Partnerships to End Violence against Women and Girls: guide and tools. Demonstration edition." },
  disclaimer = { fr = "Les données des fiches, de la carte et du district de Kessa sont fictives. Les exemples nationaux résument des sources publiques, citées avec l’année de leurs chiffres ; vérifiez-les avant de vous en servir et adaptez ce guide au droit et aux services de votre pays.",
                 en = "The data in the worksheets, the map and the Kessa district are fictional. The country examples summarise public sources, cited with the year of their figures; check them before use, and adapt this guide to your country’s law and services." },
  theme_color = "#4a235a",
  base_url = "",                     -- the published address; empty: relative links, no sitemap.xml
  theme = "default",
  -- A4 in both languages, as most NGOs print; Letter is one setting
  -- away, per language ({ fr = "A4", en = "Letter" }) or per document
  paper = "A4",
  documents = {
    { id = "guide",
      title = { fr = "Guide : établir des partenariats", en = "Guide: building partnerships" },
      pages = { "guide/*" },
      booklet = true },    -- also guide-booklet.pdf: A5, two-up on A4
    { id = "mou",
      title = { fr = "Protocole d’accord : exemple rempli", en = "Memorandum of understanding: filled example" },
      -- read front to back, its articles numbered: no contents page
      pages = { "tool-mou", "tool-sharing" }, formats = { "pdf", "odt", "docx" }, toc = false },
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
    },
    -- what each participant gets: the chapters the sessions read (the
    -- facilitators present "why" and show the examples from their pack)
    -- and the worksheets without their filled examples; also as an A5
    -- booklet
    { id = "participant-pack",
      title = { fr = "Dossier du participant", en = "Participant pack" },
      pages = { "examples", "choose", "risks", "action-plan",
                "tool-map", "tool-screening", "tool-plan", "tool-log", "tool-sharing-blank" },
      examples = false, booklet = true },
    -- each blank worksheet once, to print more copies
    { id = "blank-worksheets",
      title = { fr = "Fiches vierges", en = "Blank worksheets" },
      pages = { "tool-map", "tool-screening", "tool-mou-blank", "tool-sharing-blank",
                "tool-plan", "tool-log" },
      worksheets_only = true },
  },
}
