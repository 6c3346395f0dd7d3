return {
  title = "T", languages = { "fr", "en" },
  licence = { name = "CC BY 4.0",
              url = "creativecommons.org/licenses/by/4.0/" },
  publisher = { name = "M", logo = "assets/missing.png" },
}
