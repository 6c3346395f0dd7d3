-- Fictional organisations for the component tests.  Three share the same
-- position (2, +2) and two share (4, +1): their markers must not hide
-- one another.
return {
  { id = "police", name = { fr = "Unité de police de Vallée-Verte", en = "Green Valley police unit" },
    sector = "police", level = "local", influence = 4, support = 1, champion = true },
  { id = "health", name = { fr = "Centre de santé de Vallée-Verte", en = "Green Valley health centre" },
    sector = "health", level = "local", influence = 4, support = 1, trusted = true },
  { id = "shelter", name = { fr = "Foyer « La Porte »", en = "“The Door” shelter" },
    sector = "shelter", level = "community", influence = 2, support = 2, trusted = true },
  { id = "women", name = { fr = "Collectif des femmes de Vallée-Verte", en = "Green Valley women’s collective" },
    sector = "womens-org", level = "community", influence = 2, support = 2, champion = true, trusted = true },
  { id = "lawyers", name = { fr = "Permanence juridique", en = "Legal aid desk" },
    sector = "civil-society", level = "local", influence = 2, support = 2, trusted = true },
  { id = "court", name = { fr = "Tribunal de district", en = "District court" },
    sector = "justice", level = "regional", influence = 5, support = -1 },
  { id = "radio", name = "Radio Vallée FM",
    sector = "media", level = "local", influence = 1, support = -2,
    notes = { fr = "Émet dans trois langues.", en = "Broadcasts in three languages." } },
}
