return {
  { date = "2027-03-10", kind = "bilateral", participants = { "college-nord", "centre-sante" },
    decisions = { { fr = "Un référent de chaque côté.", en = "One lead on each side." } },
    follow_up = { { action = { fr = "Nommer les référents", en = "Name the leads" },
                    who = "college-nord", by = "2027-03-31" } },
    next_meeting = "2027-04-14" },
  { date = "2027-04-14", kind = "network", participants = { "college-nord", "centre-sante", "aide-sociale" } },
}
