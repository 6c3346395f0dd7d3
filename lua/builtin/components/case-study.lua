-- case-study: a country example: country, year, parties, what was
-- agreed, figures with their "as of" year, and the source.
--   source = "examples"   a table of examples keyed by id (docs/contract.md §3)
--   id = "albania"        which one (required unless blank)
--   blank = true          fields for each of these, to document a new example

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  id = { type = "string", nonempty = true, optional = true },
  blank = { type = "boolean", optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

local loc = { type = "loc" }
local EXAMPLE = { type = "record", fields = {
  country = loc,
  year = { type = "integer", min = 1900, max = 2200 },
  parties = { type = "list", min = 1, of = loc },
  agreed = loc,
  figures = { type = "list", optional = true, of = { type = "record", fields = {
    label = loc, value = { type = "number" },
    as_of = { type = "integer", min = 1900, max = 2200 } } } },
  source = loc,
  as_of = { type = "integer", min = 1900, max = 2200 },
} }

local function filled(args)
  local source = args.source or "examples"
  local all = pk.data(source)
  if type(all) ~= "table" then error("case-study: " .. source .. " is not a table of examples", 0) end
  -- the id must be one of the examples': checked as an argument, so that
  -- the error names the Markdown file and line, and lists the known ids
  local ids = {}
  for k in pairs(all) do if type(k) == "string" then ids[#ids + 1] = k end end
  table.sort(ids)
  if #ids == 0 then error("case-study: " .. source .. " holds no examples", 0) end
  local argsid = {}
  for k, v in pairs(ARGS.fields) do argsid[k] = v end
  argsid.id = { type = "enum", values = ids }
  pk.check(args, { type = "record", fields = argsid })
  local ex = all[args.id]
  pk.check(ex, EXAMPLE, source .. "." .. args.id)
  local parties = {}
  for _, p in ipairs(ex.parties) do parties[#parties + 1] = pk.h("li", nil, pk.text(p)) end
  -- country and year are the caption: not repeated in the list
  local dl = {
    pk.h("dt", nil, pk.t("case.parties")), pk.h("dd", nil, pk.h("ul", nil, parties)),
    pk.h("dt", nil, pk.t("case.agreed")), pk.h("dd", nil, pk.text(ex.agreed)),
  }
  if ex.figures and #ex.figures > 0 then
    local li = {}
    for _, f in ipairs(ex.figures) do
      li[#li + 1] = pk.h("li", nil, pk.h("strong", nil, pk.number(f.value)), " ", pk.text(f.label),
        " (", pk.t("case.as_of", f.as_of), ")")
    end
    dl[#dl + 1] = pk.h("dt", nil, pk.t("case.figures"))
    dl[#dl + 1] = pk.h("dd", nil, pk.h("ul", nil, li))
  end
  return pk.h("figure", { class = "pk-component pk-case-study" },
    pk.h("figcaption", nil, pk.text(ex.country), " (", tostring(ex.year), ")"),
    pk.h("dl", nil, dl),
    -- "Source (as of 2011): …": the source text may end with its own full stop
    pk.h("p", { class = "pk-meta" }, pk.t("case.source"), " (", pk.t("case.as_of", ex.as_of), ")",
      pk.lang == "fr" and "\u{a0}: " or ": ", pk.text(ex.source)))
end

local function field(label, name, lines)
  local id = pk.id("case")
  local lab = pk.h("label", { ["for"] = id }, label)
  if lines and lines > 1 then
    return lab, pk.h("textarea", { id = id, name = name, rows = lines, ["data-pk-lines"] = lines })
  end
  return lab, pk.h("input", { type = "text", id = id, name = name, ["data-pk-lines"] = 1 })
end

local function blank(args)
  local figs = { pk.h("legend", nil, pk.t("case.figures")) }
  for i = 1, 3 do
    figs[#figs + 1] = { field(pk.t("case.figures") .. " " .. i, "figure" .. i, 2) }
    figs[#figs + 1] = { field(pk.t("case.year") .. " " .. i, "figure" .. i .. "-year") }
  end
  return pk.h("section", { class = "pk-component pk-case-study" },
    pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("case-study-" .. pk.lang) },
      { field(pk.t("case.country"), "country") },
      { field(pk.t("case.year"), "year") },
      { field(pk.t("case.parties"), "parties", 4) },
      { field(pk.t("case.agreed"), "agreed", 6) },
      pk.h("fieldset", nil, figs),
      { field(pk.t("case.source"), "source", 3) },
      pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice")))))
end

return function(args)
  pk.check(args, ARGS)
  if args.blank then return blank(args) end
  return filled(args)
end
