return {
  { date = "2027-02-10", kind = "joint-committee", participants = { "police", "shelter" },
    agenda = { { fr = "Lancement", en = "Launch" } },
    decisions = { { fr = "Adopter le plan.", en = "Adopt the plan." } },
    follow_up = { { action = { fr = "Diffuser le plan.", en = "Circulate the plan." }, who = "police", by = "2027-02-20" } },
    next_meeting = "2027-03-10" },
}
