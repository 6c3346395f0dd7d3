return {
  ["referrals.title"] = "Orientations de l’année",
  ["referrals.count"] = "%d partenaires, dont %d établissements scolaires",
}
