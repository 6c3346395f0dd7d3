return {
  title = "T", languages = { "fr", "en" },
  publisher = { name = "Ministère",
    logo = "../logo.svg" },
}
