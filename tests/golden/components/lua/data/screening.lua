return {
  { who = "police", trusted = "partly", respected = "yes", risks = "yes",
    advocate = "yes", champions = "yes", influential = "yes",
    why = { fr = "Point d’entrée des plaintes ; lenteurs signalées.", en = "Entry point for complaints; slow responses reported." },
    decision = "partner" },
  { who = "shelter", trusted = "yes", respected = "yes", risks = "no",
    advocate = "partly", champions = "unknown", influential = "no",
    why = { fr = "Seul lieu d’hébergement sûr.", en = "The only safe accommodation." } },
  { who = "court", trusted = "unknown", respected = "partly", risks = "partly",
    advocate = "no", champions = "no", influential = "yes",
    why = { fr = "Attend de voir des dossiers mieux documentés.", en = "Waits for better-documented files." },
    decision = "monitor" },
}
