-- Fictional sample data: organisations and roles only, never survivors.
return {
  { id = "police", name = { fr = "Unité de police du district", en = "District police unit" },
    sector = "police", level = "local", influence = 4, support = 1, champion = true },
  { id = "health", name = { fr = "Centre de santé", en = "Health centre" },
    sector = "health", level = "local", influence = 3, support = 2, trusted = true },
  { id = "shelter", name = { fr = "Foyer d’accueil", en = "Shelter" },
    sector = "shelter", level = "community", influence = 2, support = 2, trusted = true },
  { id = "court", name = { fr = "Tribunal régional", en = "Regional court" },
    sector = "justice", level = "regional", influence = 5, support = -1 },
}
