return { title = "T", languages = { "fr", "en" } }
