return {
  sample = { country = { fr = "Pays exemple", en = "Sample country" }, year = 2020,
             parties = { { fr = "Police", en = "Police" }, { fr = "Santé", en = "Health" } },
             agreed = { fr = "Un protocole d’orientation.", en = "A referral protocol." },
             source = { fr = "Exemple fictif", en = "Fictional example" }, as_of = 2020 },
}
