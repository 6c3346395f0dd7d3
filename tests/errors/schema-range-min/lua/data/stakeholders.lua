-- Fictional stakeholders: support at its minimum (-2) is fine, one
-- below it (-3) is not; the check stops at the first error.
return {
  { id = "police-unit",
    name = { fr = "Unité de police", en = "Police unit" },
    sector = "police", level = "local",
    influence = 1, support = -2, champion = true },
  { id = "ministry",
    name = "Ministère / Ministry",
    sector = "government", level = "national",
    influence = 5, support = -3 },
}
