return {
  ["ville-sud"] = {
    country = { fr = "Pays imaginaire", en = "An imaginary country" }, year = 2024,
    parties = { { fr = "Écoles du Sud", en = "Southern schools" }, { fr = "Centre de santé", en = "Health centre" } },
    agreed = { fr = "Un rendez-vous sous deux semaines pour tout élève orienté.",
               en = "An appointment within two weeks for every referred pupil." },
    figures = { { label = { fr = "Élèves orientés", en = "Pupils referred" }, value = 140, as_of = 2024 } },
    source = { fr = "Exemple inventé pour ce guide", en = "Example made up for this guide" }, as_of = 2024 },
}
