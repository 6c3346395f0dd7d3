return {
  title = "T", languages = { "fr", "en" },
  base_url = "https://www.example.org/kit/",
  contact = { email = "desk@example.com", url = "https://help.example.net/" },
}
