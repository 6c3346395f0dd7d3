return {
  { who = "police-unit", trusted = "partly", respected = "yes",
    risks = "no", advocate = "yes", champions = "unknown",
    influential = "yes", why = { fr = "Premier contact", en = "First contact" } },
}
