-- Checks the stakeholders and screening data against their schemas.
local loc = { type = "loc" }
local stakeholder = { type = "record", fields = {
  id = { type = "string", nonempty = true },
  name = loc,
  sector = { type = "enum", values = { "police", "security", "justice",
    "health", "shelter", "womens-org", "civil-society", "government",
    "community", "media", "other" } },
  level = { type = "enum", values = { "community", "local", "regional",
    "national", "international" } },
  influence = { type = "integer", min = 1, max = 5 },
  support = { type = "integer", min = -2, max = 2 },
  champion = { type = "boolean", optional = true },
  trusted = { type = "boolean", optional = true },
  notes = { type = "loc", optional = true },
  since = { type = "date", optional = true },
} }
local answer = { type = "enum", values = { "yes", "partly", "no", "unknown" } }
local candidate = { type = "record", fields = {
  who = { type = "ref", to = "stakeholders" },
  trusted = answer, respected = answer, risks = answer,
  advocate = answer, champions = answer, influential = answer,
  why = loc,
  decision = { type = "enum", values = { "partner", "engage", "monitor", "avoid" },
    optional = true },
} }
return function(args)
  pk.check(pk.data("stakeholders"), { type = "list", of = stakeholder, min = 2 },
    "stakeholders")
  pk.check(pk.data("screening"), { type = "list", of = candidate }, "screening")
  return pk.h("p", nil, "ok")
end
