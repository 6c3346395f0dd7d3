return { title = "T", languages = { "fr", "en" }, theme = "absent" }
