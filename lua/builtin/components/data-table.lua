-- data-table: any data file (a list of records) as a table.
--   source = "stakeholders"                  the data file (required)
--   columns = { "name", "sector" }           default: every scalar field of
--                                            the first record, sorted
--   headers = { name = { fr = …, en = … } }  default: pk.t("col.NAME"),
--                                            else a vocabulary's word for
--                                            it, else the field name
--   title = loc                              optional caption
--   blank = true                             a header row and rows = 8
--                                            empty rows of fields
-- Values: localised strings in the page's language, booleans as yes/no
-- words, numbers with pk.number (but a whole number in a column of years,
-- year, as_of or *_year, as written: 2026, never 2,026), ISO dates with
-- pk.date, known enum values (sector, level, kind, decision: the
-- project's vocabularies; answer) with their label.  A blank table
-- carries the safety notice.

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true },
  columns = { type = "list", min = 1, of = { type = "string", nonempty = true }, optional = true },
  headers = { type = "record", fields = {}, optional = true },   -- checked below
  title = { type = "loc", optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 100, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

-- Enum-like fields whose values are items of a vocabulary (pk.label).
local LABELS = { sector = { "sectors" }, level = { "levels", "plan_levels" },
  kind = { "meeting_kinds" }, decision = { "decisions" } }
local ANSWERS = { yes = true, partly = true, no = true, unknown = true }

local function isloc(v)
  if type(v) ~= "table" or #v > 0 then return false end
  local any = false
  for k, x in pairs(v) do
    if type(k) ~= "string" or type(x) ~= "string" then return false end
    any = true
  end
  return any
end

local function isdate(s)
  if type(s) ~= "string" or #s ~= 10 then return false end
  for i = 1, 10 do
    local c = s:sub(i, i)
    if i == 5 or i == 8 then
      if c ~= "-" then return false end
    elseif c < "0" or c > "9" then return false end
  end
  return true
end

local function scalar(v)
  local t = type(v)
  return t == "string" or t == "number" or t == "boolean" or isloc(v)
end

-- A column's header: `headers`, else the interface string col.NAME, else
-- the vocabularies' word (what `trusted` means, a screening question),
-- else the field name itself, as the docs say: no warning.
local function header(name, headers)
  if headers and headers[name] ~= nil then return pk.text(headers[name]) end
  if name == "trusted" then return pk.vocab("trusted") end
  if pk.hast("col." .. name) then return pk.t("col." .. name) end
  return pk.label("screening_questions", name) or name
end

-- Whether column name holds years (year, as_of, founded_year).
local function years(name)
  return name == "year" or name == "as_of" or
    (#name > 5 and name:sub(-5) == "_year")
end

-- The text of one value.
local function value(name, v)
  local t = type(v)
  if v == nil then return nil end
  if t == "boolean" then return pk.t(v and "answer.yes" or "answer.no") end
  if t == "number" and years(name) and math.type(v) == "integer" then
    return tostring(v)
  end
  if t == "number" then return pk.number(v) end
  if t == "string" then
    for _, vocab in ipairs(LABELS[name] or {}) do
      local s = pk.label(vocab, v)
      if s then return s end
    end
    if ANSWERS[v] then return pk.t("answer." .. v) end
    if isdate(v) then return pk.h("time", { datetime = v }, pk.date(v)) end
    return v
  end
  if isloc(v) then return pk.text(v) end
  if t == "table" then   -- a list of scalars: joined
    local out = {}
    for i, x in ipairs(v) do
      if i > 1 then out[#out + 1] = ", " end
      out[#out + 1] = value(name, x)
    end
    return out
  end
  return tostring(v)
end

return function(args)
  -- headers: any field names, each a loc
  local h = args.headers
  args.headers = nil
  pk.check(args, ARGS)
  args.headers = h
  if h ~= nil then
    if type(h) ~= "table" then error("data-table: headers: expected a table { name = … }", 0) end
    local fields = {}
    for k in pairs(h) do fields[k] = { type = "loc" } end
    pk.check(h, { type = "record", fields = fields }, "headers")
  end

  local cols = args.columns
  local list
  if not args.blank or cols == nil then
    list = pk.check(pk.data(args.source), { type = "list", min = 1 }, args.source)
  end
  if cols == nil then
    cols = {}
    for k, v in pairs(list[1]) do
      if type(k) == "string" and scalar(v) then cols[#cols + 1] = k end
    end
    table.sort(cols)
  end

  local ths = {}
  for _, c in ipairs(cols) do ths[#ths + 1] = pk.h("th", { scope = "col" }, header(c, h)) end
  local caption = args.title and pk.h("caption", nil, pk.text(args.title)) or nil
  local thead = pk.h("thead", nil, pk.h("tr", nil, ths))

  local rows = {}
  if args.blank then
    for r = 1, args.rows or 8 do
      local cells = {}
      for j, c in ipairs(cols) do
        local id = pk.id("table")
        local label = pk.h("label", { ["for"] = id, class = "pk-visually-hidden" }, header(c, h), " ", tostring(r))
        cells[#cells + 1] = pk.h("td", nil, label,
          pk.h("input", { type = "text", id = id, name = "row" .. r .. "-" .. c, ["data-pk-lines"] = 1 }))
      end
      rows[#rows + 1] = pk.h("tr", nil, cells)
    end
    return pk.h("section", { class = "pk-component pk-data-table" },
      pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("data-table-" .. args.source .. "-" .. pk.lang) },
        pk.h("table", { class = "pk-table" }, caption, thead, pk.h("tbody", nil, rows)),
        pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice")))))
  end

  -- a column holding booleans: a missing value is "no"
  local boolean, numeric = {}, {}
  for _, item in ipairs(list) do
    if type(item) == "table" then
      for _, c in ipairs(cols) do
        if type(item[c]) == "boolean" then boolean[c] = true end
        if type(item[c]) == "number" and numeric[c] ~= false then numeric[c] = true
        elseif item[c] ~= nil then numeric[c] = false end
      end
    end
  end
  for i, item in ipairs(list) do
    if type(item) ~= "table" then
      pk.check(item, { type = "record", fields = {} }, args.source .. "[" .. i .. "]")
    end
    local cells = {}
    for j, c in ipairs(cols) do
      local v = item[c]
      if v == nil and boolean[c] then v = false end
      local attr = j == 1 and { scope = "row" } or (numeric[c] and { class = "pk-num" }) or nil
      cells[#cells + 1] = pk.h(j == 1 and "th" or "td", attr, value(c, v))
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
  end
  return pk.h("section", { class = "pk-component pk-data-table" },
    pk.h("table", { class = "pk-table" }, caption, thead, pk.h("tbody", nil, rows)))
end
