return {
  title = { fr = "Plan d’action", en = "Action plan" },
  problem = { { question = { fr = "Quel est le problème ?", en = "What is the problem?" },
                answer = { fr = "Les orientations sont lentes.", en = "Referrals are slow." } } },
  vision = { fr = "Chaque survivante est orientée le jour même.", en = "Every survivor is referred the same day." },
  actions = { { action = { fr = "Créer un annuaire des services.", en = "Build a service directory." },
                who = { "police", "health" }, by = "2027-04-30",
                strategy = { fr = "Atelier conjoint", en = "Joint workshop" }, level = "local" } },
  indicators = { { indicator = { fr = "Délai moyen d’orientation", en = "Average referral time" },
                   baseline = { fr = "3 jours", en = "3 days" }, target = { fr = "1 jour", en = "1 day" } } },
  reviews = { "2027-06-30" },
}
