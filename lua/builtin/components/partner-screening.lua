-- partner-screening: candidate partners against the screening questions
-- (the project's vocabulary screening_questions: the guide's six by
-- default), answers written in words, with the reasons ("why") and the
-- decision (the vocabulary decisions) when one was taken.
--   source = "screening"      the answers (docs/contract.md §3)
--   parties = "stakeholders"  where the candidates' names come from
--   title = loc               optional caption
--   blank = true              a worksheet: rows = 4 candidate blocks

local ANSWERS = { "yes", "partly", "no", "unknown" }
local QUESTIONS, DECISIONS = {}, {}   -- ids, from the vocabularies
local TEXT = {}                       -- question or decision id -> label

local function vocab()
  QUESTIONS, DECISIONS, TEXT = {}, {}, {}
  for _, q in ipairs(pk.vocab("screening_questions")) do
    QUESTIONS[#QUESTIONS + 1] = q.id
    TEXT["q:" .. q.id] = q.label
  end
  for _, d in ipairs(pk.vocab("decisions")) do
    DECISIONS[#DECISIONS + 1] = d.id
    TEXT["d:" .. d.id] = d.label
  end
end

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  parties = { type = "string", nonempty = true, optional = true },
  title = { type = "loc", optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 40, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

local function schema(parties)
  local answer = { type = "enum", values = ANSWERS }
  local fields = {
    who = { type = "ref", to = parties },
    why = { type = "loc" },
    decision = { type = "enum", values = DECISIONS, optional = true },
  }
  for _, q in ipairs(QUESTIONS) do fields[q] = answer end
  return { type = "list", of = { type = "record", fields = fields } }
end

local function head(caption, decision)
  local ths = { pk.h("th", { scope = "col" }, pk.t("screen.candidate")) }
  for _, q in ipairs(QUESTIONS) do
    ths[#ths + 1] = pk.h("th", { scope = "col" }, TEXT["q:" .. q])
  end
  if decision then ths[#ths + 1] = pk.h("th", { scope = "col" }, pk.t("screen.decision")) end
  return pk.h("caption", nil, caption), pk.h("thead", nil, pk.h("tr", nil, ths))
end

local function filled(args, title)
  local source = args.source or "screening"
  local parties = args.parties or "stakeholders"
  local list = pk.check(pk.data(source), schema(parties), source)
  local names = {}
  for _, s in ipairs(pk.data(parties)) do
    if type(s) == "table" and s.id ~= nil then names[s.id] = s.name end
  end
  local decision = false
  for _, c in ipairs(list) do if c.decision then decision = true end end
  -- two rows per candidate: the answers, then the reasons across the
  -- width of the table (a narrow column would make them unreadable)
  local rows = {}
  for _, c in ipairs(list) do
    local cells = { pk.h("th", { scope = "row", rowspan = 2 }, pk.text(names[c.who] or c.who)) }
    for _, q in ipairs(QUESTIONS) do
      cells[#cells + 1] = pk.h("td", { class = "pk-answer pk-answer-" .. c[q] },
        pk.t("answer." .. c[q]))
    end
    if decision then
      cells[#cells + 1] = pk.h("td", { class = "pk-decision" },
        c.decision and TEXT["d:" .. c.decision] or nil)
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
    rows[#rows + 1] = pk.h("tr", { class = "pk-why" },
      pk.h("td", { colspan = #QUESTIONS + (decision and 1 or 0) },
        pk.h("strong", nil, pk.t("screen.why")), pk.lang == "fr" and " : " or ": ",
        pk.text(c.why)))
  end
  local cap, thead = head(title, decision)
  return pk.h("section", { class = "pk-component pk-partner-screening" },
    pk.h("table", { class = "pk-table" }, cap, thead, pk.h("tbody", nil, rows)))
end

-- One choice of a one-answer question (a radio button: the same name for
-- the whole question) with its label after it.
local function tick(name, value, label)
  local id = pk.id("screen")
  return pk.h("input", { type = "radio", id = id, name = name, value = value }),
    pk.h("label", { ["for"] = id }, label)
end

-- The questions of one candidate as a grid: a row per question, a
-- column per answer, one box to tick in each cell (its label, for screen
-- readers, says the question and the answer).
local function answers(n)
  local ths = { pk.h("th", { scope = "col" }, pk.t("screen.question")) }
  for _, a in ipairs(ANSWERS) do
    ths[#ths + 1] = pk.h("th", { scope = "col", class = "pk-tick" }, pk.t("answer." .. a))
  end
  local rows = {}
  for _, q in ipairs(QUESTIONS) do
    local cells = { pk.h("th", { scope = "row" }, TEXT["q:" .. q]) }
    for _, a in ipairs(ANSWERS) do
      local id = pk.id("screen")
      cells[#cells + 1] = pk.h("td", { class = "pk-tick" },
        pk.h("input", { type = "radio", id = id, name = n .. q, value = a }),
        pk.h("label", { ["for"] = id, class = "pk-visually-hidden" },
          TEXT["q:" .. q] .. " " .. pk.t("answer." .. a)))
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
  end
  return pk.h("table", { class = "pk-table pk-blank pk-answers" },
    pk.h("thead", nil, pk.h("tr", nil, ths)), pk.h("tbody", nil, rows))
end

-- One block per candidate, small enough for two on a page: the
-- organisation, the answers, the reasons, the decision.
local function blank(args, title)
  local blocks = {}
  for i = 1, args.rows or 4 do
    local n = "c" .. i .. "-"
    local id, wid = pk.id("screen"), pk.id("screen")
    local dec = { pk.h("legend", nil, pk.t("screen.decision")) }
    for _, d in ipairs(DECISIONS) do
      local box, label = tick(n .. "decision", d, TEXT["d:" .. d])
      dec[#dec + 1] = box
      dec[#dec + 1] = label
    end
    blocks[#blocks + 1] = pk.h("fieldset", { class = "pk-candidate pk-keep" },
      pk.h("legend", nil, pk.t("screen.candidate") .. " " .. i),
      pk.h("div", { class = "pk-compact" },
        pk.h("label", { ["for"] = id }, pk.t("screen.name")),
        pk.h("input", { type = "text", id = id, name = n .. "name", ["data-pk-lines"] = 1 })),
      answers(n),
      pk.h("label", { ["for"] = wid }, pk.t("screen.why")),
      pk.h("textarea", { id = wid, name = n .. "why", rows = 4, ["data-pk-lines"] = 4 }),
      pk.h("fieldset", { class = "pk-choices" }, dec))
  end
  return pk.h("section", { class = "pk-component pk-partner-screening" },
    pk.h("form", { class = "pk-form",
      ["data-pk-form"] = args.form or ("partner-screening-" .. pk.lang) },
      pk.h("p", { class = "pk-form-title" }, pk.h("strong", nil, title)),
      pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice"))),
      blocks))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  local title = args.title and pk.loc(args.title) or pk.t("screen.title")
  if args.blank then return blank(args, title) end
  return filled(args, title)
end
