-- consultation-log: the regular consultations between partners: date,
-- kind of meeting, participating organisations, decisions, follow-up
-- (action, who, by when), next meeting.  Organisations and roles only:
-- the schema has no field for a person, let alone a survivor.
--   source = "consultations"    the log (docs/contract.md §3)
--   parties = "stakeholders"    where the organisations' names come from
--   title = loc                 optional caption
--   blank = true                a worksheet with rows = 4 meetings

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
  -- wider than tall: a landscape page in print, where the dates stay on
  -- one line and the decisions get their room (a single meeting stays
  -- on the portrait page, rather than a landscape page for one row)
  return pk.h("section", { class = #log > 1 and "pk-component pk-consultation-log pk-landscape"
    or "pk-component pk-consultation-log" },
    pk.h("table", { class = "pk-table" }, cap, thead, pk.h("tbody", nil, rows)))
end

-- A field of a blank row: its label for screen readers only (the column
-- header says it in print); lines of handwriting in print; size: the
-- room wished for, in characters; rows: a text area of that many rows on
-- screen.
local function field(label, name, lines, size, rows)
  local id = pk.id("log")
  local lab = pk.h("label", { ["for"] = id, class = "pk-visually-hidden" }, label)
  if rows then
    return lab, pk.h("textarea", { id = id, name = name, rows = rows, cols = size,
      ["data-pk-lines"] = lines })
  end
  return lab, pk.h("input", { type = "text", id = id, name = name, size = size,
    ["data-pk-lines"] = lines })
end

-- The room of a blank row: LINES handwriting lines, and per column the
-- width wished for, in characters, so that the example's longest cells
-- (five organisations, two decisions, two follow-up actions) fit.
local LINES = 4
local WISH = { participants = 30, decisions = 36, follow_up = 40 }

-- The blank log: the columns of the example, a row per meeting, on
-- landscape pages in print (the agenda is left out, as in the example).
local function blank(args, title)
  local rows = {}
  for i = 1, args.rows or 4 do
    local n = "m" .. i .. "-"
    local kinds = { pk.h("legend", { class = "pk-visually-hidden" }, pk.t("log.kind") .. " " .. i) }
    for _, k in ipairs(KINDS) do
      local id = pk.id("log")
      kinds[#kinds + 1] = pk.h("input", { type = "radio", id = id, name = n .. "kind", value = k })
      kinds[#kinds + 1] = pk.h("label", { ["for"] = id }, KIND[k])
    end
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("td", nil, field(pk.t("log.date") .. " " .. i, n .. "date", LINES, 10)),
      pk.h("td", nil, pk.h("fieldset", { class = "pk-choices pk-ticks" }, kinds)),
      pk.h("td", nil, field(pk.t("log.participants") .. " " .. i, n .. "participants", LINES,
        WISH.participants, 2)),
      pk.h("td", nil, field(pk.t("log.decisions") .. " " .. i, n .. "decisions", LINES,
        WISH.decisions, 3)),
      pk.h("td", nil, field(pk.t("log.follow_up") .. " " .. i, n .. "follow-up", LINES,
        WISH.follow_up, 3)),
      pk.h("td", nil, field(pk.t("log.next_meeting") .. " " .. i, n .. "next", LINES, 10)))
  end
  local ths = {}
  for _, c in ipairs(COLS) do
    ths[#ths + 1] = pk.h("th", { scope = "col" }, pk.t(c == "log.follow_up" and "log.follow_up_cols" or c))
  end
  return pk.h("section", { class = "pk-component pk-consultation-log" },
    pk.h("form", { class = "pk-form",
      ["data-pk-form"] = args.form or ("consultation-log-" .. pk.lang) },
      pk.h("div", { class = "pk-landscape" },
        pk.h("p", { class = "pk-form-title" }, pk.h("strong", nil, title)),
        pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice"))),
        pk.h("table", { class = "pk-table pk-blank" },
          pk.h("thead", nil, pk.h("tr", nil, ths)), pk.h("tbody", nil, rows)))))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  local title = args.title and pk.loc(args.title) or pk.t("log.title")
  if args.blank then return blank(args, title) end
  return filled(args, title)
end
