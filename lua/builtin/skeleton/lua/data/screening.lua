return {
  { who = "police", trusted = "partly", respected = "yes", risks = "partly", advocate = "yes",
    champions = "yes", influential = "yes",
    why = { fr = "Une cheffe d’unité engagée ; une confiance encore fragile.",
            en = "A committed unit head; trust is still fragile." } },
  { who = "shelter", trusted = "yes", respected = "yes", risks = "no", advocate = "partly",
    champions = "unknown", influential = "no",
    why = { fr = "Reconnu par les associations.", en = "Recognised by the associations." } },
}
