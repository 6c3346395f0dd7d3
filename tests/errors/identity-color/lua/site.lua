return {
  title = "T", languages = { "fr", "en" },
  theme_color = "#1d4f7",
  publisher = 12,
}
