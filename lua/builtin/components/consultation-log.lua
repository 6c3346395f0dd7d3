-- consultation-log: the regular consultations between partners: date,
-- kind of meeting, participating organisations, decisions, follow-up
-- (action, who, by when), next meeting.  Organisations and roles only:
-- the schema has no field for a person, let alone a survivor.
--   source = "consultations"    the log (docs/contract.md §3)
--   parties = "stakeholders"    where the organisations' names come from
--   title = loc                 optional caption
--   blank = true                a worksheet with rows = 5 meetings

local KINDS, KIND = {}, {}   -- the vocabulary meeting_kinds: ids, labels

local function vocab()
  KINDS, KIND = {}, {}
  for _, k in ipairs(pk.vocab("meeting_kinds")) do
    KINDS[#KINDS + 1] = k.id
    KIND[k.id] = k.label
  end
end
-- (the agenda stays in the data: the log shows what was decided)
local COLS = { "log.date", "log.kind", "log.participants", "log.decisions",
  "log.follow_up", "log.next_meeting" }

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  parties = { type = "string", nonempty = true, optional = true },
  title = { type = "loc", optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 60, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

local function schema(parties)
  local loc = { type = "loc" }
  local ref = { type = "ref", to = parties }
  return { type = "list", of = { type = "record", fields = {
    date = { type = "date" },
    kind = { type = "enum", values = KINDS },
    participants = { type = "list", min = 1, of = ref },
    agenda = { type = "list", of = loc, optional = true },
    decisions = { type = "list", of = loc, optional = true },
    follow_up = { type = "list", optional = true, of = { type = "record", fields = {
      action = loc, who = ref, by = { type = "date" } } } },
    next_meeting = { type = "date", optional = true },
  } } }
end

local function when(iso) return pk.h("time", { datetime = iso }, pk.date(iso)) end

local function list(items, f)
  if items == nil or #items == 0 then return nil end
  local li = {}
  for _, it in ipairs(items) do li[#li + 1] = pk.h("li", nil, f and f(it) or pk.text(it)) end
  return pk.h("ul", nil, li)
end

-- Organisation names, separated by commas.
local function joined(ids, names)
  local out = {}
  for i, id in ipairs(ids) do
    if i > 1 then out[#out + 1] = ", " end
    out[#out + 1] = pk.text(names[id] or id)
  end
  return out
end

local function head(caption, cols)
  local ths = {}
  for _, c in ipairs(cols) do ths[#ths + 1] = pk.h("th", { scope = "col" }, pk.t(c)) end
  return pk.h("caption", nil, caption), pk.h("thead", nil, pk.h("tr", nil, ths))
end

local function filled(args, title)
  local source = args.source or "consultations"
  local parties = args.parties or "stakeholders"
  local log = pk.check(pk.data(source), schema(parties), source)
  local names = {}
  for _, s in ipairs(pk.data(parties)) do
    if type(s) == "table" and s.id ~= nil then names[s.id] = s.name end
  end
  local rows = {}
  for _, m in ipairs(log) do
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, when(m.date)),
      pk.h("td", nil, KIND[m.kind]),
      pk.h("td", nil, joined(m.participants, names)),
      pk.h("td", nil, list(m.decisions)),
      pk.h("td", nil, list(m.follow_up, function(f)
        return { pk.text(f.action), " (", pk.text(names[f.who] or f.who), ", ", when(f.by), ")" }
      end)),
      pk.h("td", nil, m.next_meeting and when(m.next_meeting) or nil))
  end
  local cap, thead = head(title, COLS)
  return pk.h("section", { class = "pk-component pk-consultation-log" },
    pk.h("table", { class = "pk-table" }, cap, thead, pk.h("tbody", nil, rows)))
end

-- hidden: a label for screen readers only (in a table, its column says it);
-- size: the room wished for, in characters
local function field(label, name, lines, hidden, size)
  local id = pk.id("log")
  local lab = pk.h("label", { ["for"] = id, class = hidden and "pk-visually-hidden" or nil }, label)
  if lines and lines > 1 then
    return lab, pk.h("textarea", { id = id, name = name, rows = lines, ["data-pk-lines"] = lines })
  end
  return lab, pk.h("input", { type = "text", id = id, name = name, size = size, ["data-pk-lines"] = 1 })
end

-- One fieldset per meeting: a table row would leave no room to write.
local function blank(args, title)
  local out = {
    pk.h("p", { class = "pk-form-title" }, pk.h("strong", nil, title)),
    pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice"))),
  }
  for i = 1, args.rows or 5 do
    local n = "m" .. i .. "-"
    local kinds = { pk.h("legend", nil, pk.t("log.kind")) }
    for _, k in ipairs(KINDS) do
      local id = pk.id("log")
      kinds[#kinds + 1] = pk.h("input", { type = "radio", id = id, name = n .. "kind", value = k })
      kinds[#kinds + 1] = pk.h("label", { ["for"] = id }, KIND[k])
    end
    -- the follow-up: a small table, one row per action
    local fr = {}
    for r = 1, 3 do
      fr[#fr + 1] = pk.h("tr", nil,
        pk.h("td", nil, field(pk.t("log.action") .. " " .. r, n .. "action" .. r, 1, true, 44)),
        pk.h("td", nil, field(pk.t("log.who") .. " " .. r, n .. "who" .. r, 1, true, 18)),
        pk.h("td", nil, field(pk.t("log.by") .. " " .. r, n .. "by" .. r, 1, true, 10)))
    end
    local fu = { pk.h("legend", nil, pk.t("log.follow_up")),
      pk.h("table", { class = "pk-table" }, pk.h("thead", nil, pk.h("tr", nil,
        pk.h("th", { scope = "col" }, pk.t("log.action")),
        pk.h("th", { scope = "col" }, pk.t("log.who")),
        pk.h("th", { scope = "col" }, pk.t("log.by")))),
        pk.h("tbody", nil, fr)) }
    out[#out + 1] = pk.h("fieldset", { class = "pk-meeting pk-keep" },
      pk.h("legend", nil, pk.t("log.kind") .. " " .. i),
      { field(pk.t("log.date"), n .. "date") },
      pk.h("fieldset", { class = "pk-choices" }, kinds),
      { field(pk.t("log.participants"), n .. "participants", 3) },
      { field(pk.t("log.agenda"), n .. "agenda", 2) },
      { field(pk.t("log.decisions"), n .. "decisions", 4) },
      pk.h("fieldset", nil, fu),
      { field(pk.t("log.next_meeting"), n .. "next") })
  end
  return pk.h("section", { class = "pk-component pk-consultation-log" },
    pk.h("form", { class = "pk-form",
      ["data-pk-form"] = args.form or ("consultation-log-" .. pk.lang) }, out))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  local title = args.title and pk.loc(args.title) or pk.t("log.title")
  if args.blank then return blank(args, title) end
  return filled(args, title)
end
