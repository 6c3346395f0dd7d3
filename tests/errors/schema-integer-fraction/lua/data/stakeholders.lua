-- Fictional stakeholders: an integer field given a fraction.
return {
  { id = "police-unit",
    name = { fr = "Unité de police", en = "Police unit" },
    sector = "police", level = "local",
    influence = 4, support = 1, champion = true },
  { id = "shelter",
    name = { fr = "Foyer d’accueil", en = "Shelter" },
    sector = "shelter", level = "local",
    influence = 2.5, support = 0 },
}
