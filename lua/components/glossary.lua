-- glossary: the terms of lua/data/glossary.lua in the page's language, in
-- alphabetical order (accents ignored) under their initial letter, each with the other language's
-- term beside it, marked with its language for screen readers, and its
-- definition.  One data file feeds both pages, so they always list the
-- same entries.
--   source = "glossary"   a list of { fr = { term, def }, en = { term, def } }

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  blank = { type = "boolean", optional = true },
} }

local SIDE = { type = "record", fields = {
  term = { type = "string", nonempty = true },
  def = { type = "string", nonempty = true },
} }

-- "French: …" on the English page, "Anglais : …" on the French one
local NAMES = {
  fr = { fr = "Français", en = "French" },
  en = { fr = "Anglais", en = "English" },
}

-- A sort key: lower case, accents and ligatures folded, apostrophes and
-- hyphens as spaces (string.gsub is not in the sandbox: walk code points).
local FOLD = {
  [0xE0] = "a", [0xE2] = "a", [0xE4] = "a", [0xC0] = "a", [0xC2] = "a",
  [0xE7] = "c", [0xC7] = "c",
  [0xE8] = "e", [0xE9] = "e", [0xEA] = "e", [0xEB] = "e",
  [0xC8] = "e", [0xC9] = "e", [0xCA] = "e", [0xCB] = "e",
  [0xEE] = "i", [0xEF] = "i", [0xCE] = "i", [0xCF] = "i",
  [0xF4] = "o", [0xF6] = "o", [0xD4] = "o",
  [0xF9] = "u", [0xFB] = "u", [0xFC] = "u", [0xD9] = "u", [0xDB] = "u",
  [0x153] = "oe", [0x152] = "oe", [0xE6] = "ae", [0xC6] = "ae",
  [0x2019] = " ", [0x27] = " ", [0x2D] = " ",
}

local function sortkey(s)
  local out = {}
  for _, c in utf8.codes(s) do
    local f = FOLD[c]
    if f then out[#out + 1] = f
    elseif c < 0x80 then out[#out + 1] = string.lower(utf8.char(c))
    else out[#out + 1] = utf8.char(c) end
  end
  return table.concat(out)
end

return function(args)
  pk.check(args, ARGS)
  if args.blank then error("glossary: there is no blank glossary", 0) end
  local source = args.source or "glossary"
  local other = pk.lang == "fr" and "en" or "fr"
  local fields = {}
  for _, l in ipairs(pk.langs) do fields[l] = SIDE end
  local list = pk.check(pk.data(source), { type = "list", min = 1,
    of = { type = "record", fields = fields } }, source)
  local entries = {}
  for _, e in ipairs(list) do entries[#entries + 1] = e end
  table.sort(entries, function(a, b)
    return sortkey(a[pk.lang].term) < sortkey(b[pk.lang].term)
  end)
  -- under one heading per initial letter: the page's table of contents
  -- then reads as an index (A, C, D, …) with the terms beneath
  local out, letter = {}, nil
  for _, e in ipairs(entries) do
    local here, there = e[pk.lang], e[other]
    local first = string.upper(sortkey(here.term):sub(1, 1))
    if first ~= letter then
      letter = first
      out[#out + 1] = pk.h("h2", nil, first)
    end
    out[#out + 1] = pk.h("section", { class = "pk-gloss-entry" },
      pk.h("h3", nil, here.term),
      pk.h("p", { class = "pk-gloss-other" },
        NAMES[other][pk.lang], pk.lang == "fr" and "\u{a0}: " or ": ",
        pk.h("em", { lang = other }, there.term)),
      pk.h("p", nil, here.def))
  end
  return pk.h("section", { class = "pk-component pk-glossary" }, out)
end
