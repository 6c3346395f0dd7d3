return { title = { fr = "T", en = "T" }, languages = { "fr", "en" } }
