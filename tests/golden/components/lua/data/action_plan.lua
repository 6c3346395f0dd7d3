return {
  title = { fr = "Plan d’action de Vallée-Verte", en = "Green Valley action plan" },
  problem = {
    { question = { fr = "Quel problème concret nous préoccupe ?", en = "What practical problem concerns us?" },
      answer = { fr = "Les appels de nuit restent sans réponse.", en = "Night calls go unanswered." } },
    { question = { fr = "Peut-on le régler localement ?", en = "Can it be solved locally?" },
      answer = { fr = "En partie.", en = "Partly." } },
  },
  vision = { fr = "Toute femme qui appelle reçoit une réponse dans l’heure.", en = "Every woman who calls gets a response within the hour." },
  actions = {
    { action = { fr = "Transférer les appels de nuit", en = "Route night calls" }, who = { "police" },
      by = "2027-04-30", strategy = { fr = "Note de service", en = "Station memo" }, level = "local" },
    { action = { fr = "Former les agents", en = "Train officers" }, who = { "police", "women" },
      by = "2027-06-30", strategy = { fr = "Formation conjointe", en = "Joint training" }, level = "regional" },
  },
  indicators = {
    { indicator = { fr = "Délai de réponse", en = "Response time" }, baseline = { fr = "24 heures", en = "24 hours" },
      target = { fr = "1 heure", en = "1 hour" } },
  },
  reviews = { "2027-06-30", "2027-12-31" },
}
