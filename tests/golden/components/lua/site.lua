-- Golden project for the built-in components (tests/t_components.sh).
return {
  title = { fr = "Composants", en = "Components" },
  languages = { "fr", "en" },
  base_url = "https://example.org/components/",
}
