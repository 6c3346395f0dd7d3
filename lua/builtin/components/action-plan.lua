-- action-plan: the four steps of the guide: 1 problem analysis (guiding
-- questions and answers), 2 vision of the change, 3 the plan (action,
-- who, by when, strategy, level of authority), 4 monitoring (indicators,
-- review dates).
--   source = "action_plan"     the plan (docs/contract.md §3)
--   parties = "stakeholders"   where the names of `who` come from
--   blank = true               a worksheet: rows = 6 plan rows,
--                              indicators = 4 rows, reviews = 3 dates

-- the levels of authority (vocabulary plan_levels) and the guiding
-- questions of the blank worksheet (plan_questions): the project's
local LEVELS, LEVEL = {}, {}

local function vocab()
  LEVELS, LEVEL = {}, {}
  for _, l in ipairs(pk.vocab("plan_levels")) do
    LEVELS[#LEVELS + 1] = l.id
    LEVEL[l.id] = l.label
  end
end

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  parties = { type = "string", nonempty = true, optional = true },
  title = { type = "loc", optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 60, optional = true },
  indicators = { type = "integer", min = 1, max = 30, optional = true },
  reviews = { type = "integer", min = 1, max = 30, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

local function schema(parties)
  local loc = { type = "loc" }
  return { type = "record", fields = {
    title = { type = "loc", optional = true },
    problem = { type = "list", min = 1, of = { type = "record", fields = {
      question = loc, answer = loc } } },
    vision = loc,
    actions = { type = "list", min = 1, of = { type = "record", fields = {
      action = loc, who = { type = "list", min = 1, of = { type = "ref", to = parties } },
      by = { type = "date" }, strategy = loc,
      level = { type = "enum", values = LEVELS } } } },
    indicators = { type = "list", optional = true, of = { type = "record", fields = {
      indicator = loc, baseline = loc, target = loc } } },
    reviews = { type = "list", optional = true, of = { type = "date" } },
  } }
end

local function th(key) return pk.h("th", { scope = "col" }, pk.t(key)) end

local PLAN_COLS = { "plan.action", "plan.who", "plan.by", "plan.strategy", "plan.level" }
local IND_COLS = { "plan.indicator", "plan.baseline", "plan.target" }

local function thead(cols)
  local ths = {}
  for _, c in ipairs(cols) do ths[#ths + 1] = th(c) end
  return pk.h("thead", nil, pk.h("tr", nil, ths))
end

local function filled(args)
  local source = args.source or "action_plan"
  local parties = args.parties or "stakeholders"
  local p = pk.check(pk.data(source), schema(parties), source)
  local names = {}
  for _, s in ipairs(pk.data(parties)) do
    if type(s) == "table" and s.id ~= nil then names[s.id] = s.name end
  end
  local title = args.title or p.title
  local out = {}
  if title then out[#out + 1] = pk.h("p", { class = "pk-plan-title" }, pk.h("strong", nil, pk.text(title))) end

  -- 1: problem analysis
  local qa = {}
  for _, q in ipairs(p.problem) do
    qa[#qa + 1] = pk.h("dt", nil, pk.text(q.question))
    qa[#qa + 1] = pk.h("dd", nil, pk.text(q.answer))
  end
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step1"))
  out[#out + 1] = pk.h("dl", { class = "pk-questions" }, qa)

  -- 2: vision
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step2"))
  out[#out + 1] = pk.h("p", { class = "pk-vision" }, pk.text(p.vision))

  -- 3: the plan
  local rows = {}
  for _, a in ipairs(p.actions) do
    local who = {}
    for i, id in ipairs(a.who) do
      if i > 1 then who[#who + 1] = ", " end
      who[#who + 1] = pk.text(names[id] or id)
    end
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, pk.text(a.action)),
      pk.h("td", nil, who),
      pk.h("td", nil, pk.h("time", { datetime = a.by }, pk.date(a.by))),
      pk.h("td", nil, pk.text(a.strategy)),
      pk.h("td", nil, LEVEL[a.level]))
  end
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step3"))
  out[#out + 1] = pk.h("table", { class = "pk-table" }, thead(PLAN_COLS), pk.h("tbody", nil, rows))

  -- 4: monitoring
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step4"))
  if p.indicators then
    local ir = {}
    for _, i in ipairs(p.indicators) do
      ir[#ir + 1] = pk.h("tr", nil, pk.h("th", { scope = "row" }, pk.text(i.indicator)),
        pk.h("td", nil, pk.text(i.baseline)), pk.h("td", nil, pk.text(i.target)))
    end
    out[#out + 1] = pk.h("table", { class = "pk-table" }, thead(IND_COLS), pk.h("tbody", nil, ir))
  end
  if p.reviews and #p.reviews > 0 then
    local li = {}
    for _, d in ipairs(p.reviews) do
      li[#li + 1] = pk.h("li", nil, pk.h("time", { datetime = d }, pk.date(d)))
    end
    out[#out + 1] = pk.h("p", nil, pk.h("strong", nil, pk.t("plan.reviews")))
    out[#out + 1] = pk.h("ul", { class = "pk-reviews" }, li)
  end
  return pk.h("section", { class = "pk-component pk-action-plan" }, out)
end

-- ---- blank worksheet ----------------------------------------------------

-- size: the width wished for, in characters (tables share their width by
-- it); hidden: a label for screen readers only (in a table, the column
-- header says it in print); lines: handwriting lines in print
local function field(label, name, lines, hidden, size, textarea)
  local id = pk.id("plan")
  local lab = pk.h("label", { ["for"] = id, class = hidden and "pk-visually-hidden" or nil }, label)
  if textarea or (lines and lines > 1 and not hidden) then
    return lab, pk.h("textarea", { id = id, name = name, rows = textarea or lines, cols = size,
      ["data-pk-lines"] = lines })
  end
  return lab, pk.h("input", { type = "text", id = id, name = name, size = size,
    ["data-pk-lines"] = lines or 1 })
end

-- The room a row of the plan gives each column: the width wished for, in
-- characters, so that the widest cells of the example (four partners'
-- names, a strategy of two lines) fit in LINES handwriting lines.
local WISH = { ["plan.action"] = 32, ["plan.who"] = 36, ["plan.by"] = 12,
  ["plan.strategy"] = 36,
  ["plan.indicator"] = 40, ["plan.baseline"] = 26, ["plan.target"] = 26 }
local LINES = 3          -- handwriting lines in a row of the plan
local IND_LINES = 3      -- and of the indicators

-- The level of authority of a blank row: one box to tick per level.
local function level_ticks(r)
  local boxes = { pk.h("legend", { class = "pk-visually-hidden" }, pk.t("plan.level") .. " " .. r) }
  for _, l in ipairs(LEVELS) do
    local id = pk.id("plan")
    boxes[#boxes + 1] = pk.h("input", { type = "radio", id = id, name = "action" .. r .. "-level",
      value = l })
    boxes[#boxes + 1] = pk.h("label", { ["for"] = id }, LEVEL[l])
  end
  return pk.h("fieldset", { class = "pk-choices pk-ticks" }, boxes)
end

local function blank(args)
  local out = {}
  if args.title then
    out[#out + 1] = pk.h("p", { class = "pk-plan-title" }, pk.h("strong", nil, pk.text(args.title)))
  end
  out[#out + 1] = pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice")))
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step1"))
  -- three handwriting lines a question: step 2 stays on the page of the
  -- last questions on Letter too (before the plan's landscape pages)
  for i, q in ipairs(pk.vocab("plan_questions")) do
    out[#out + 1] = { field(q, "q" .. i, 3) }
  end
  out[#out + 1] = pk.h("h3", nil, pk.t("plan.step2"))
  out[#out + 1] = { field(pk.t("plan.vision"), "vision", 5) }

  -- steps 3 and 4 are wider than tall: landscape pages in print
  local wide = {}
  wide[#wide + 1] = pk.h("h3", nil, pk.t("plan.step3"))
  local rows = {}
  for r = 1, args.rows or 6 do
    local cells = {}
    for _, c in ipairs(PLAN_COLS) do
      if c == "plan.level" then
        cells[#cells + 1] = pk.h("td", nil, level_ticks(r))
      else
        local name = "action" .. r .. "-" .. c:sub(6)
        cells[#cells + 1] = pk.h("td", nil,
          field(pk.t(c) .. " " .. r, name, LINES, true, WISH[c], c ~= "plan.by" and 2 or nil))
      end
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
  end
  wide[#wide + 1] = pk.h("table", { class = "pk-table pk-blank" }, thead(PLAN_COLS),
    pk.h("tbody", nil, rows))

  wide[#wide + 1] = pk.h("h3", nil, pk.t("plan.step4"))
  local ir = {}
  for r = 1, args.indicators or 4 do
    local cells = {}
    for _, c in ipairs(IND_COLS) do
      cells[#cells + 1] = pk.h("td", nil,
        field(pk.t(c) .. " " .. r, "indicator" .. r .. "-" .. c:sub(6), IND_LINES, true, WISH[c]))
    end
    ir[#ir + 1] = pk.h("tr", nil, cells)
  end
  wide[#wide + 1] = pk.h("table", { class = "pk-table pk-blank" }, thead(IND_COLS),
    pk.h("tbody", nil, ir))
  local rv = { pk.h("legend", nil, pk.t("plan.reviews")) }
  for r = 1, args.reviews or 3 do
    rv[#rv + 1] = { field(pk.t("form.date") .. " " .. r, "review" .. r) }
  end
  wide[#wide + 1] = pk.h("fieldset", { class = "pk-compact" }, rv)
  out[#out + 1] = pk.h("div", { class = "pk-landscape" }, wide)
  return pk.h("section", { class = "pk-component pk-action-plan" },
    pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("action-plan-" .. pk.lang) },
      out))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  if args.blank then return blank(args) end
  return filled(args)
end
