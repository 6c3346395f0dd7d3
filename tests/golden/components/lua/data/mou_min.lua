-- Only the required fields: no confidentiality clause, so the default
-- one must appear.
return {
  title = "MoU",
  parties = {
    { id = "a", name = "Organisation A", signatory = { name = "C. Ndiaye", title = "Director" } },
    { id = "b", name = "Organisation B", signatory = { name = "D. Okafor", title = "Chair" } },
  },
  purpose = "Cooperate.", scope = "District.",
  responsibilities = { { who = "a", items = { "Refer." } }, { who = "b", items = { "Shelter." } } },
}
