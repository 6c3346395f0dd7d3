-- Fictional stakeholders for the schema tests.
return {
  { id = "police-unit",
    name = { fr = "Unité de police", en = "Police unit" },
    sector = "police", level = "local",
    influence = 4, support = 1, champion = true },
}
