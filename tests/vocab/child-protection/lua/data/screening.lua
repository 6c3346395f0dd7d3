return {
  { who = "centre-sante", families = "yes", children = "yes", safeguarding = "yes",
    refers = "yes", influential = "partly",
    why = { fr = "Connu des familles, il suit déjà des élèves.", en = "Known to families; it already follows pupils." },
    decision = "partner" },
  { who = "mairie", families = "partly", children = "no", safeguarding = "unknown",
    refers = "partly", influential = "yes",
    why = { fr = "Finance les locaux, mais n’a pas de politique écrite.", en = "Funds the premises, but has no written policy." },
    decision = "involve" },
  { who = "soutien-scolaire", families = "yes", children = "yes", safeguarding = "no",
    refers = "no", influential = "no",
    why = { fr = "Proche des élèves ; sa politique est à écrire.", en = "Close to pupils; its policy is still to be written." },
    decision = "inform" },
}
