-- mou: a memorandum of understanding in the usual order of sections
-- (USERS.md §3.2), as numbered articles.
--   source = "mou"      the agreement (docs/contract.md §3)
--   blank = true        the same skeleton as a form to fill in
--   parties = 3         blank: how many party blocks
-- The confidentiality article is always there: when the data has none,
-- the default clause (the vocabulary clauses.confidentiality) is used.

local loc = { type = "loc" }
local locs = { type = "list", of = loc }
local optloc = { type = "loc", optional = true }

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  blank = { type = "boolean", optional = true },
  parties = { type = "integer", min = 1, max = 12, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

local function schema(ids)
  local ref = { type = "ref", to = ids }
  return { type = "record", fields = {
    title = loc, reference = { type = "string", optional = true },
    date = { type = "date", optional = true }, place = optloc,
    parties = { type = "list", min = 2, of = { type = "record", fields = {
      id = { type = "string", nonempty = true }, name = loc, address = optloc,
      signatory = { type = "record", fields = {
        name = { type = "string", nonempty = true }, title = loc } },
      focal_point = optloc } } },
    preamble = optloc, purpose = loc,
    objectives = { type = "list", of = loc, optional = true },
    scope = loc,
    principles = { type = "list", of = loc, optional = true },
    responsibilities = { type = "list", of = { type = "record", fields = {
      who = ref, items = locs } } },
    coordination = optloc, consultations = optloc,
    work_plan = { type = "list", optional = true, of = { type = "record", fields = {
      activity = loc, who = { type = "list", of = ref, min = 1 }, by = { type = "date" } } } },
    communication = optloc, confidentiality = optloc,
    code_of_conduct = { type = "list", of = loc, optional = true },
    budget = { type = "record", optional = true, fields = {
      currency = { type = "string", nonempty = true },
      lines = { type = "list", of = { type = "record", fields = {
        who = ref, item = loc, amount = { type = "number", min = 0 },
        kind = { type = "enum", values = { "cash", "in-kind" }, optional = true } } } } } },
    monitoring = optloc,
    duration = { type = "record", optional = true, fields = {
      start = { type = "date" }, months = { type = "integer", min = 1, max = 600 } } },
    amendment = optloc, disputes = optloc, termination = optloc,
  } }
end

-- The date `months` after iso (the day before the same day that many
-- months later: an agreement from 1 March for 24 months ends 28 February).
local function enddate(iso, months)
  local y, m, d = tonumber(iso:sub(1, 4)), tonumber(iso:sub(6, 7)), tonumber(iso:sub(9, 10))
  m = m + months
  y = y + (m - 1) // 12
  m = (m - 1) % 12 + 1
  local function dim(yy, mm)
    local n = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
    if mm == 2 and (yy % 4 == 0 and (yy % 100 ~= 0 or yy % 400 == 0)) then return 29 end
    return n[mm]
  end
  if d > dim(y, m) then d = dim(y, m) end
  d = d - 1
  if d == 0 then
    m = m - 1
    if m == 0 then m, y = 12, y - 1 end
    d = dim(y, m)
  end
  return string.format("%04d-%02d-%02d", y, m, d)
end

local function paras(v)
  if v == nil then return nil end
  return pk.h("p", nil, pk.text(v))
end

local function list(items, tag)
  if items == nil or #items == 0 then return nil end
  local li = {}
  for _, it in ipairs(items) do li[#li + 1] = pk.h("li", nil, pk.text(it)) end
  return pk.h(tag or "ul", nil, li)
end

-- Articles are numbered as they come.
local function articles()
  local n = 0
  return function(key, ...)
    n = n + 1
    return pk.h("section", { class = "pk-article" },
      pk.h("h3", nil, pk.number(n) .. ". " .. pk.t(key)), ...)
  end
end

-- The budget table's header row, filled or blank.
local function budget_head()
  return pk.h("thead", nil, pk.h("tr", nil,
    pk.h("th", { scope = "col" }, pk.t("mou.contributor")),
    pk.h("th", { scope = "col" }, pk.t("mou.item")),
    pk.h("th", { scope = "col" }, pk.t("mou.kind")),
    pk.h("th", { scope = "col" }, pk.t("mou.amount"))))
end

local function filled(args)
  local source = args.source or "mou"
  local raw = pk.data(source)
  -- party ids, for the references in the rest of the agreement
  local ids = {}
  if type(raw) == "table" and type(raw.parties) == "table" then
    for _, p in ipairs(raw.parties) do
      if type(p) == "table" and type(p.id) == "string" then ids[#ids + 1] = p.id end
    end
  end
  local m = pk.check(raw, schema(ids), source)
  local name = {}
  for _, p in ipairs(m.parties) do name[p.id] = p.name end
  local art = articles()
  local out = {}

  -- title, reference, date, place
  out[#out + 1] = pk.h("h2", { class = "pk-mou-title" }, pk.text(m.title))
  local meta = {}
  if m.reference then
    meta[#meta + 1] = pk.h("dt", nil, pk.t("mou.reference"))
    meta[#meta + 1] = pk.h("dd", nil, m.reference)
  end
  if m.date then
    meta[#meta + 1] = pk.h("dt", nil, pk.t("mou.date"))
    meta[#meta + 1] = pk.h("dd", nil, pk.h("time", { datetime = m.date }, pk.date(m.date)))
  end
  if m.place then
    meta[#meta + 1] = pk.h("dt", nil, pk.t("mou.place"))
    meta[#meta + 1] = pk.h("dd", nil, pk.text(m.place))
  end
  if #meta > 0 then out[#out + 1] = pk.h("dl", { class = "pk-mou-meta" }, meta) end

  -- parties
  local parties = {}
  for _, p in ipairs(m.parties) do
    local dl = { pk.h("dt", nil, pk.t("mou.name")), pk.h("dd", nil, pk.text(p.name)) }
    if p.address then
      dl[#dl + 1] = pk.h("dt", nil, pk.t("mou.address"))
      dl[#dl + 1] = pk.h("dd", nil, pk.text(p.address))
    end
    dl[#dl + 1] = pk.h("dt", nil, pk.t("mou.signatory"))
    dl[#dl + 1] = pk.h("dd", nil, p.signatory.name, ", ", pk.text(p.signatory.title))
    if p.focal_point then
      dl[#dl + 1] = pk.h("dt", nil, pk.t("mou.focal_point"))
      dl[#dl + 1] = pk.h("dd", nil, pk.text(p.focal_point))
    end
    parties[#parties + 1] = pk.h("li", nil, pk.h("dl", nil, dl))
  end
  out[#out + 1] = art("mou.parties", pk.h("p", nil, pk.t("mou.between")), pk.h("ol", nil, parties))

  if m.preamble then out[#out + 1] = art("mou.preamble", paras(m.preamble)) end
  out[#out + 1] = art("mou.purpose", paras(m.purpose),
    m.objectives and pk.h("h4", nil, pk.t("mou.objectives")) or nil, list(m.objectives, "ol"))
  out[#out + 1] = art("mou.scope", paras(m.scope))
  if m.principles then out[#out + 1] = art("mou.principles", list(m.principles)) end

  local resp = {}
  for _, r in ipairs(m.responsibilities) do
    resp[#resp + 1] = pk.h("h4", nil, pk.text(name[r.who]))
    resp[#resp + 1] = list(r.items)
  end
  out[#out + 1] = art("mou.responsibilities", resp)

  if m.coordination or m.consultations then
    out[#out + 1] = art("mou.coordination", paras(m.coordination),
      m.consultations and pk.h("h4", nil, pk.t("mou.consultations")) or nil,
      paras(m.consultations))
  end

  if m.work_plan then
    local rows = {}
    for _, w in ipairs(m.work_plan) do
      local who = {}
      for i, id in ipairs(w.who) do
        if i > 1 then who[#who + 1] = ", " end
        who[#who + 1] = pk.text(name[id])
      end
      rows[#rows + 1] = pk.h("tr", nil, pk.h("th", { scope = "row" }, pk.text(w.activity)),
        pk.h("td", nil, who),
        pk.h("td", nil, pk.h("time", { datetime = w.by }, pk.date(w.by))))
    end
    out[#out + 1] = art("mou.work_plan", pk.h("table", { class = "pk-table" },
      pk.h("thead", nil, pk.h("tr", nil, pk.h("th", { scope = "col" }, pk.t("mou.activity")),
        pk.h("th", { scope = "col" }, pk.t("mou.who")),
        pk.h("th", { scope = "col" }, pk.t("mou.by")))),
      pk.h("tbody", nil, rows)))
  end

  if m.communication then out[#out + 1] = art("mou.communication", paras(m.communication)) end
  out[#out + 1] = art("mou.confidentiality",
    paras(m.confidentiality or pk.vocab("clauses").confidentiality))
  if m.code_of_conduct then out[#out + 1] = art("mou.code_of_conduct", list(m.code_of_conduct)) end

  if m.budget then
    local cur = m.budget.currency
    local totals, order, total = {}, {}, 0
    for _, l in ipairs(m.budget.lines) do
      if totals[l.who] == nil then totals[l.who] = 0; order[#order + 1] = l.who end
      totals[l.who] = totals[l.who] + l.amount
      total = total + l.amount
    end
    -- one row group per party, in the order the parties are listed: its
    -- lines, then its total
    local groups = {}
    for _, p in ipairs(m.parties) do
      if totals[p.id] then
        local lines = {}
        for _, l in ipairs(m.budget.lines) do
          if l.who == p.id then lines[#lines + 1] = l end
        end
        local rows = {}
        for i, l in ipairs(lines) do
          rows[#rows + 1] = pk.h("tr", nil,
            i == 1 and pk.h("th", { scope = "rowgroup", rowspan = #lines + 1 }, pk.text(p.name)) or nil,
            pk.h("td", nil, pk.text(l.item)),
            pk.h("td", nil, l.kind and pk.t(l.kind == "cash" and "mou.cash" or "mou.in_kind") or nil),
            pk.h("td", { class = "pk-num" }, pk.money(l.amount, cur)))
        end
        rows[#rows + 1] = pk.h("tr", { class = "pk-subtotal" },
          pk.h("th", { scope = "row", colspan = 2 }, pk.t("mou.total")),
          pk.h("td", { class = "pk-num" }, pk.money(totals[p.id], cur)))
        groups[#groups + 1] = pk.h("tbody", nil, rows)
      end
    end
    out[#out + 1] = art("mou.budget", pk.h("table", { class = "pk-table" },
      budget_head(),
      groups,
      pk.h("tfoot", nil, pk.h("tr", { class = "pk-total" },
        pk.h("th", { scope = "row", colspan = 3 }, pk.t("mou.total")),
        pk.h("td", { class = "pk-num" }, pk.money(total, cur))))))
  end

  if m.monitoring then out[#out + 1] = art("mou.monitoring", paras(m.monitoring)) end

  if m.duration or m.amendment then
    local dur = {}
    if m.duration then
      local last = enddate(m.duration.start, m.duration.months)
      dur = pk.h("dl", nil,
        pk.h("dt", nil, pk.t("mou.start")),
        pk.h("dd", nil, pk.h("time", { datetime = m.duration.start }, pk.date(m.duration.start))),
        pk.h("dt", nil, pk.t("mou.duration")),
        pk.h("dd", nil, pk.t("mou.months", m.duration.months)),
        pk.h("dt", nil, pk.t("mou.end")),
        pk.h("dd", nil, pk.h("time", { datetime = last }, pk.date(last))))
    end
    out[#out + 1] = art("mou.duration", dur,
      m.amendment and pk.h("h4", nil, pk.t("mou.amendment")) or nil, paras(m.amendment))
  end
  if m.disputes then out[#out + 1] = art("mou.disputes", paras(m.disputes)) end
  out[#out + 1] = art("mou.termination", paras(m.termination),
    pk.h("p", { class = "pk-non-binding" }, pk.t("mou.non_binding")))

  -- signatures: one block per party
  local sigs = {}
  for _, p in ipairs(m.parties) do
    sigs[#sigs + 1] = pk.h("div", { class = "pk-signature" },
      pk.h("p", nil, pk.h("strong", nil, pk.t("mou.for", pk.loc(p.name)))),
      pk.h("dl", nil,
        pk.h("dt", nil, pk.t("form.name")), pk.h("dd", nil, p.signatory.name),
        pk.h("dt", nil, pk.t("mou.signatory_title")), pk.h("dd", nil, pk.text(p.signatory.title)),
        pk.h("dt", nil, pk.t("mou.sign_date")), pk.h("dd", { class = "pk-sign-line" }),
        pk.h("dt", nil, pk.t("mou.signature")), pk.h("dd", { class = "pk-sign-line" }),
        pk.h("dt", nil, pk.t("mou.seal")), pk.h("dd", { class = "pk-sign-line pk-sign-seal" })))
  end
  -- two by two, side by side in print
  out[#out + 1] = art("mou.signatures", pk.h("div", { class = "pk-pairs" }, sigs))
  -- the information-sharing protocol is always annexed (USERS.md §3.6)
  out[#out + 1] = art("mou.annexes", pk.h("ol", nil, pk.h("li", nil, pk.t("mou.annex_isp"))))
  return pk.h("section", { class = "pk-component pk-mou" }, out)
end

-- ---- blank: the same skeleton as a form --------------------------------

-- A field with its label; hidden = true: a label for screen readers only
-- (the article's heading says it in print); prompt: a line of help above
-- the field (light grey), which screen readers read with the field.
local function field(label, name, lines, hidden, prompt)
  local id = pk.id("mou")
  local out = { pk.h("label", { ["for"] = id, class = hidden and "pk-visually-hidden" or nil }, label) }
  local pid
  if prompt then
    pid = id .. "-prompt"
    out[#out + 1] = pk.h("p", { class = "pk-prompt", id = pid }, prompt)
  end
  if lines and lines > 1 then
    out[#out + 1] = pk.h("textarea", { id = id, name = name, rows = lines, ["data-pk-lines"] = lines,
      ["aria-describedby"] = pid })
  else
    out[#out + 1] = pk.h("input", { type = "text", id = id, name = name, ["data-pk-lines"] = 1,
      ["aria-describedby"] = pid })
  end
  return out
end

-- The one field of an article: its heading is its label.
local function sole(key, name, lines)
  return field(pk.t(key), name, lines, true, pk.t("mou.prompt." .. key:sub(5)))
end

-- A field in a table cell, whose column header says what it is: its
-- label for screen readers only; lines of handwriting in print.
local function cell(label, name, lines, size)
  local id = pk.id("mou")
  return pk.h("label", { ["for"] = id, class = "pk-visually-hidden" }, label),
    pk.h("input", { type = "text", id = id, name = name, size = size,
      ["data-pk-lines"] = lines or 3 })
end

-- Boxes to tick in a table cell: cash, in kind (both when a party gives
-- both).
local function kinds(label, name)
  local out = { pk.h("legend", { class = "pk-visually-hidden" }, label) }
  for _, k in ipairs({ { "cash", "mou.cash" }, { "in-kind", "mou.in_kind" } }) do
    local id = pk.id("mou")
    out[#out + 1] = pk.h("input", { type = "checkbox", id = id, name = name .. k[1] })
    out[#out + 1] = pk.h("label", { ["for"] = id }, pk.t(k[2]))
  end
  return pk.h("fieldset", { class = "pk-choices pk-ticks" }, out)
end

local function blank(args)
  local np = args.parties or 3
  local art = articles()
  local out = {}
  out[#out + 1] = pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice")))
  -- pk-compact: in print, each label at the left of its writing line
  out[#out + 1] = pk.h("div", { class = "pk-mou-meta pk-compact" },
    { field(pk.t("mou.title_field"), "title", 2) }, { field(pk.t("mou.reference"), "reference") },
    { field(pk.t("mou.date"), "date") }, { field(pk.t("mou.place"), "place") })

  local parties = {}
  for i = 1, np do
    local n = "party" .. i .. "-"
    parties[#parties + 1] = pk.h("fieldset", { class = "pk-compact pk-keep" },
      pk.h("legend", nil, pk.t("mou.party", i)),
      { field(pk.t("mou.name"), n .. "name") },
      { field(pk.t("mou.address"), n .. "address", 2) },
      { field(pk.t("mou.signatory"), n .. "signatory") },
      { field(pk.t("mou.signatory_title"), n .. "signatory-title") },
      { field(pk.t("mou.focal_point"), n .. "focal-point") })
  end
  out[#out + 1] = art("mou.parties", parties)
  out[#out + 1] = art("mou.preamble", sole("mou.preamble", "preamble", 6))
  out[#out + 1] = art("mou.purpose", { sole("mou.purpose", "purpose", 4) },
    { field(pk.t("mou.objectives"), "objectives", 6, false, pk.t("mou.prompt.objectives")) })
  out[#out + 1] = art("mou.scope", sole("mou.scope", "scope", 5))
  out[#out + 1] = art("mou.principles", sole("mou.principles", "principles", 6))
  local resp = { pk.h("p", { class = "pk-prompt" }, pk.t("mou.prompt.responsibilities")) }
  for i = 1, np do
    resp[#resp + 1] = { field(pk.t("mou.party", i), "responsibilities-" .. i, 6) }
  end
  out[#out + 1] = art("mou.responsibilities", resp)
  out[#out + 1] = art("mou.coordination", { sole("mou.coordination", "coordination", 5) },
    { field(pk.t("mou.consultations"), "consultations", 4, false, pk.t("mou.prompt.consultations")) })

  local wrows = {}
  for r = 1, 5 do
    wrows[#wrows + 1] = pk.h("tr", nil,
      pk.h("td", nil, cell(pk.t("mou.activity") .. " " .. r, "plan" .. r .. "-activity", 3, 40)),
      pk.h("td", nil, cell(pk.t("mou.who") .. " " .. r, "plan" .. r .. "-who", 3, 24)),
      pk.h("td", nil, cell(pk.t("mou.by") .. " " .. r, "plan" .. r .. "-by", 3, 12)))
  end
  out[#out + 1] = art("mou.work_plan", pk.h("table", { class = "pk-table pk-blank" },
    pk.h("thead", nil, pk.h("tr", nil, pk.h("th", { scope = "col" }, pk.t("mou.activity")),
      pk.h("th", { scope = "col" }, pk.t("mou.who")), pk.h("th", { scope = "col" }, pk.t("mou.by")))),
    pk.h("tbody", nil, wrows)))
  out[#out + 1] = art("mou.communication", sole("mou.communication", "communication", 5))
  out[#out + 1] = art("mou.confidentiality",
    pk.h("p", nil, pk.vocab("clauses").confidentiality),
    sole("mou.confidentiality", "confidentiality", 4))
  out[#out + 1] = art("mou.code_of_conduct", sole("mou.code_of_conduct", "code-of-conduct", 6))

  -- the budget: a row per party, room for its contributions and their kind
  local brows = {}
  for i = 1, np do
    local n = "budget" .. i .. "-"
    local who = pk.t("mou.party", i)
    brows[#brows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, who),
      pk.h("td", nil, cell(pk.t("mou.item") .. " " .. who, n .. "item", 3, 36)),
      pk.h("td", nil, kinds(pk.t("mou.kind") .. " " .. who, n)),
      pk.h("td", nil, cell(pk.t("mou.amount") .. " " .. who, n .. "amount", 3, 14)))
  end
  out[#out + 1] = art("mou.budget", pk.h("table", { class = "pk-table pk-blank" },
    budget_head(), pk.h("tbody", nil, brows)),
    pk.h("div", { class = "pk-compact" }, field(pk.t("mou.total"), "budget-total")))
  out[#out + 1] = art("mou.monitoring", sole("mou.monitoring", "monitoring", 5))
  out[#out + 1] = art("mou.duration", pk.h("div", { class = "pk-compact" },
      { field(pk.t("mou.start"), "start") }, { field(pk.t("mou.months_label"), "duration") }),
    { field(pk.t("mou.amendment"), "amendment", 4, false, pk.t("mou.prompt.amendment")) })
  out[#out + 1] = art("mou.disputes", sole("mou.disputes", "disputes", 4))
  out[#out + 1] = art("mou.termination", { sole("mou.termination", "termination", 4) },
    pk.h("p", { class = "pk-non-binding" }, pk.t("mou.non_binding")))

  -- signatures: name, title and date to write, a line to sign on and a
  -- box for the seal; two by two, side by side in print
  local sigs = {}
  for i = 1, np do
    local n = "sign" .. i .. "-"
    sigs[#sigs + 1] = pk.h("fieldset", { class = "pk-signature" },
      pk.h("legend", nil, pk.t("mou.party", i)),
      pk.h("div", { class = "pk-compact" },
        { field(pk.t("form.name"), n .. "name") },
        { field(pk.t("mou.signatory_title"), n .. "title") },
        { field(pk.t("mou.sign_date"), n .. "date") }),
      pk.h("dl", nil,
        pk.h("dt", nil, pk.t("mou.signature")), pk.h("dd", { class = "pk-sign-line" }),
        pk.h("dt", nil, pk.t("mou.seal")), pk.h("dd", { class = "pk-sign-line pk-sign-seal" })))
  end
  out[#out + 1] = art("mou.signatures", pk.h("div", { class = "pk-pairs" }, sigs))
  out[#out + 1] = art("mou.annexes", pk.h("ol", nil, pk.h("li", nil, pk.t("mou.annex_isp"))),
    sole("mou.annexes", "annexes", 3))
  return pk.h("section", { class = "pk-component pk-mou" },
    pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("mou-" .. pk.lang) }, out))
end

return function(args)
  pk.check(args, ARGS)
  if args.blank then return blank(args) end
  return filled(args)
end
