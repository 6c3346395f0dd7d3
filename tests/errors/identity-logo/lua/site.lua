return {
  title = "T", languages = { "fr", "en" },
  publisher = { name = "Ministère",
    logo = "assets/logo.gif" },
}
