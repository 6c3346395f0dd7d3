return {
  title = "T", languages = { "fr", "en" },
  contact = { email = "partnerships at ministry",
              phone = "none" },
}
