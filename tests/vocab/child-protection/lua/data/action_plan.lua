return {
  title = { fr = "Plan d’action école-santé", en = "School and health action plan" },
  problem = {
    { question = { fr = "Quelle difficulté concrète ?", en = "What practical difficulty?" },
      answer = { fr = "Les rendez-vous arrivent trop tard.", en = "Appointments come too late." } },
  },
  vision = { fr = "Chaque élève orienté est reçu en deux semaines.", en = "Every referred pupil is seen within two weeks." },
  actions = {
    { action = { fr = "Écrire le circuit d’orientation", en = "Write the referral path" },
      who = { "college-nord", "centre-sante" }, by = "2027-05-31",
      strategy = { fr = "Atelier commun", en = "Joint workshop" }, level = "school" },
    { action = { fr = "Former les équipes", en = "Train the teams" },
      who = { "cellule-enfance" }, by = "2027-10-15",
      strategy = { fr = "Formation", en = "Training" }, level = "district" },
  },
  indicators = { { indicator = { fr = "Délai moyen de rendez-vous", en = "Average wait for an appointment" },
                   baseline = { fr = "6 semaines", en = "6 weeks" }, target = { fr = "2 semaines", en = "2 weeks" } } },
  reviews = { "2027-12-15" },
}
