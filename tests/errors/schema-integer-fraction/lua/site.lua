return { title = "Probe", languages = { "fr", "en" } }
