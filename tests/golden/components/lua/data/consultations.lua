return {
  { date = "2027-03-10", kind = "joint-committee", participants = { "police", "shelter", "women" },
    agenda = { { fr = "Installation du comité", en = "Setting up the committee" } },
    decisions = { { fr = "Réunion mensuelle.", en = "Monthly meeting." } },
    follow_up = { { action = { fr = "Projet de procédure", en = "Draft procedure" }, who = "women", by = "2027-04-07" } },
    next_meeting = "2027-04-14" },
  { date = "2027-04-14", kind = "bilateral", participants = { "police", "health" },
    decisions = { { fr = "Un numéro unique.", en = "A single number." } } },
}
