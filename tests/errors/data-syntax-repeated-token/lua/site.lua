return { title = "Probe", languages = { "fr" } }
