-- signing-sheet: the MoU's signing form, filled from lua/data/signing.lua
-- (place, parties, notes), so that the partners print it or finish it in a
-- PDF reader.
local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true },
  blank = { type = "boolean", optional = true },
} }

local blank = false

local function field(id, label, value)
  if blank then value = nil end
  return pk.h("p", nil,
    pk.h("label", { ["for"] = id }, label),
    pk.h("input", { type = "text", id = id, name = id, value = value }))
end

return function(args)
  pk.check(args, ARGS, "signing-sheet")
  local d = pk.data(args.source)
  blank = args.blank or false
  local out = {
    field("place", "Lieu de la signature", d.place),
    field("date", "Date", pk.date(d.date)),
  }
  for i, p in ipairs(d.parties) do
    out[#out + 1] = pk.h("fieldset", nil, pk.h("legend", nil, "Partie " .. i),
      field("p" .. i .. "-name", "Nom de l’organisation", p.name),
      field("p" .. i .. "-signatory", "Signataire", p.signatory),
      field("p" .. i .. "-budget", "Contribution", p.budget))
  end
  out[#out + 1] = pk.h("p", nil,
    pk.h("label", { ["for"] = "notes" }, "Notes de la séance"),
    pk.h("textarea", { id = "notes", name = "notes", rows = 5 }, not blank and d.notes or nil))
  out[#out + 1] = pk.h("p", nil,
    pk.h("input", { type = "checkbox", id = "confidential", name = "confidential",
      checked = not blank and d.confidential }),
    pk.h("label", { ["for"] = "confidential" }, "Clause de confidentialité lue à voix haute"))
  local opts = { { "monthly", "Tous les mois" }, { "yearly", "Tous les ans" } }
  local radios = { pk.h("legend", nil, "Revue du protocole") }
  for _, o in ipairs(opts) do
    radios[#radios + 1] = pk.h("input", { type = "radio", id = "review-" .. o[1],
      name = "review", value = o[1], checked = not blank and d.review == o[1] })
    radios[#radios + 1] = pk.h("label", { ["for"] = "review-" .. o[1] }, o[2])
  end
  out[#out + 1] = pk.h("fieldset", nil, radios)
  return pk.h("form", { class = "pk-form", ["data-pk-form"] = "signing" }, out)
end
