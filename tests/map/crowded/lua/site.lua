-- Crowded stakeholder maps: a dozen actors on four cells (tests/map).
return {
  title = "Crowded maps",
  languages = { "fr", "en" },
}
