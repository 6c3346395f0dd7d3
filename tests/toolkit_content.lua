-- lua5.4 toolkit_content.lua CHECK ARGS...: the default toolkit's content
-- checks (tests/t_toolkit.sh).  Prints "ok", or the reason and exits 1.
--   parity FILE...            pages paired by their front matter `key`:
--                             same headings, components and links, and
--                             comparable length in French and English
--   runs SOURCE               the source text's 8-word runs, as hashes (to
--                             write tests/toolkit-source-runs.txt: the
--                             repository keeps no copy of the source text)
--   ownwords RUNS FILE...     under 3 % of the pages' 8-word runs are among
--                             the source's (RUNS: the file `runs` wrote)
--   agenda FILE               every session's times follow on, durations
--                             match, programme totals add up; sessions
--                             have materials and facilitator notes
--   glossary FR.html EN.html  the same entries on both pages, each paired
--                             with the other language's term
--   checklist FILE HEADING N  the section whose heading starts with
--                             HEADING holds at least N list items
local what = arg[1]

local function read(p)
  local f = assert(io.open(p, "rb")); local s = f:read("a"); f:close(); return s
end

local function die(msg) io.write(msg, "\n"); os.exit(1) end

-- front matter out, code fences kept as their info string only
local function body(s)
  s = s:gsub("^%+%+%+\n.-\n%+%+%+\n", "")
  return s
end

local function key_of(s)
  return s:match('\nkey%s*=%s*"([^"]+)"') or s:match('^%+%+%+\nkey%s*=%s*"([^"]+)"')
end

local function words(s)
  local n = 0
  for _ in s:gmatch("[%w\128-\255]+") do n = n + 1 end
  return n
end

if what == "parity" then
  local pages = {}
  for i = 2, #arg do
    local s = read(arg[i])
    local lang = arg[i]:match("content/(%a%a)/")
    local k = key_of(s)
    if not k then die(arg[i] .. ": no key") end
    pages[k] = pages[k] or {}
    pages[k][lang] = { file = arg[i], text = body(s) }
  end
  local function shape(t)
    local h, c, l = {}, {}, 0
    for lvl in t:gmatch("\n(#+) ") do h[#h + 1] = #lvl end
    for name in t:gmatch("```{([%w-]+)}") do c[#c + 1] = name end
    for _ in t:gmatch("%]%(") do l = l + 1 end
    for _ in t:gmatch("<https?://") do l = l + 1 end
    return table.concat(h, ","), table.concat(c, ","), l
  end
  local bad = {}
  for k, p in pairs(pages) do
    if not (p.fr and p.en) then
      bad[#bad + 1] = k .. ": only in " .. (p.fr and "fr" or "en")
    else
      local hf, cf, lf = shape(p.fr.text)
      local he, ce, le = shape(p.en.text)
      if hf ~= he then bad[#bad + 1] = k .. ": headings fr " .. hf .. " / en " .. he end
      if cf ~= ce then bad[#bad + 1] = k .. ": components fr " .. cf .. " / en " .. ce end
      if lf ~= le then bad[#bad + 1] = k .. ": links fr " .. lf .. " / en " .. le end
      local r = words(p.fr.text) / math.max(1, words(p.en.text))
      if r < 0.9 or r > 1.5 then bad[#bad + 1] = string.format("%s: fr/en words %.2f", k, r) end
    end
  end
  table.sort(bad)
  if #bad > 0 then die(table.concat(bad, "; ")) end
  print("ok")

elseif what == "ownwords" or what == "runs" then
  -- lower case, typographic apostrophes and accented capitals folded, markup out
  local UP = { ["À"] = "à", ["Â"] = "â", ["Ç"] = "ç", ["É"] = "é", ["È"] = "è",
               ["Ê"] = "ê", ["Î"] = "î", ["Ô"] = "ô", ["Œ"] = "œ", ["Û"] = "û" }
  local function toks(s)
    s = s:gsub("```.-```", " "):gsub("%b()", " "):gsub("’", "'")
    for u, l in pairs(UP) do s = s:gsub(u, l) end
    s = s:lower()
    local t = {}
    for w in s:gmatch("[%w\128-\255]+") do t[#t + 1] = w end
    return t
  end
  local function runs(t)
    local r = {}
    for i = 1, #t - 7 do r[#r + 1] = table.concat(t, " ", i, i + 7) end
    return r
  end
  -- FNV-1a, 32 bits, as 8 hex digits
  local function hash(r)
    local h = 0x811c9dc5
    for i = 1, #r do h = ((h ~ r:byte(i)) * 0x01000193) & 0xffffffff end
    return string.format("%08x", h)
  end
  if what == "runs" then
    local seen, out = {}, {}
    for _, r in ipairs(runs(toks(read(arg[2])))) do
      local h = hash(r)
      if not seen[h] then seen[h] = true; out[#out + 1] = h end
    end
    table.sort(out)
    io.write("# FNV-1a hashes of the 8-word runs of the default toolkit's source page\n",
      "# (lua5.4 tests/toolkit_content.lua runs SOURCE > tests/toolkit-source-runs.txt)\n",
      table.concat(out, "\n"), "\n")
    os.exit(0)
  end
  local src = {}
  for h in read(arg[2]):gmatch("\n(%x%x%x%x%x%x%x%x)") do src[h] = true end
  local total, shared, worst, wfile = 0, 0, 0, ""
  for i = 3, #arg do
    local rs = runs(toks(body(read(arg[i]))))
    local n = 0
    for _, r in ipairs(rs) do if src[hash(r)] then n = n + 1 end end
    total, shared = total + #rs, shared + n
    if n > worst then worst, wfile = n, arg[i] end
  end
  local pct = 100 * shared / math.max(1, total)
  if total < 1000 then die("only " .. total .. " 8-word runs: wrong files?") end
  if pct >= 3 then
    die(string.format("%.2f %% of %d 8-word runs are in the source (most: %d in %s)", pct, total, worst, wfile))
  end
  print(string.format("ok %.2f %%", pct))

elseif what == "agenda" then
  local t = body(read(arg[2]))
  -- "9:15" or "9 h 15" / "9 h" -> minutes
  local function clock(s)
    local h, m = s:match("^(%d+):(%d%d)$")
    if not h then h, m = s:match("^(%d+) h (%d%d)$") end
    if not h then h = s:match("^(%d+) h$"); m = "0" end
    if not h then return nil end
    return tonumber(h) * 60 + tonumber(m)
  end
  -- "45 min", "1 hour 15 minutes", "3 hours 30 minutes", "1 h 15", "3 h 30", "6 h 45"
  local function length(s)
    local m = s:match("^(%d+) min")
    if m then return tonumber(m) end
    local h, mm = s:match("^(%d+) hours? (%d+) minutes")
    if not h then h, mm = s:match("^(%d+) h (%d%d)") end
    if not h then h = s:match("^(%d+) hours?$") or s:match("^(%d+) h$"); mm = "0" end
    if not h then return nil end
    return tonumber(h) * 60 + tonumber(mm)
  end
  local progs, cur, bad = {}, nil, {}
  local lines = {}
  for l in (t .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
  for i, l in ipairs(lines) do
    -- "## Half day: 9:00 to 12:30 (…)", "## Demi-journée : de 9 h à 12 h 30 (…)"
    local head, span, tot = l:match("^## (.-)%s*:%s*(.-) %((.-)%)$")
    local a, b
    if span then
      span = span:gsub("^de ", "")
      local i, j = span:find(" to ", 1, true)
      if not i then i, j = span:find(" à ", 1, true) end
      if i then a, b = span:sub(1, i - 1), span:sub(j + 1) end
    end
    if a and clock(a) and clock(b) then
      cur = { name = head, from = clock(a), to = clock(b), total = length(tot), s = {} }
      if not cur.total then bad[#bad + 1] = "no total in: " .. l end
      progs[#progs + 1] = cur
    elseif l:match("^## ") then
      cur = nil
    end
    -- "### 9:00–9:15 · Title (15 min)", "### 9 h – 9 h 15 · Titre (15 min)"
    local span2, title, d = l:match("^### (.-) · (.-) %((.-)%)$")
    local s, e
    if span2 then
      local i, j = span2:find("–", 1, true)
      if i then s, e = span2:sub(1, i - 1):gsub("%s+$", ""), span2:sub(j + 1):gsub("^%s+", "") end
    end
    if s then
      if not cur then bad[#bad + 1] = "session outside a programme: " .. l
      else
        local sess = { line = l, from = clock(s), to = clock(e), len = length(d), title = title }
        if not (sess.from and sess.to and sess.len) then bad[#bad + 1] = "unreadable: " .. l end
        -- what follows up to the next heading
        local text = {}
        for j = i + 1, #lines do
          if lines[j]:match("^#") then break end
          text[#text + 1] = lines[j]
        end
        sess.text = table.concat(text, "\n")
        cur.s[#cur.s + 1] = sess
      end
    end
  end
  if #progs < 2 then die("expected two programmes (half day, full day), found " .. #progs) end
  local BREAK = { "Break", "Pause", "Lunch", "Déjeuner" }
  local function is_break(title)
    for _, b in ipairs(BREAK) do if title == b then return true end end
    return false
  end
  for _, p in ipairs(progs) do
    if #p.s < 5 then bad[#bad + 1] = p.name .. ": fewer than 5 sessions" end
    local sum, at = 0, p.from
    for _, s in ipairs(p.s) do
      if s.from and s.to and s.len then
        if s.from ~= at then bad[#bad + 1] = p.name .. ": gap or overlap before " .. s.line end
        if s.to - s.from ~= s.len then bad[#bad + 1] = p.name .. ": duration wrong in " .. s.line end
        at = s.to
        if s.title ~= "Lunch" and s.title ~= "Déjeuner" then sum = sum + s.len end
        -- a working session says what to bring and how to run it (here
        -- or, for a repeat, in the session it repeats)
        if not is_break(s.title) and not s.text:find("half day", 1, true)
            and not s.text:find("demi-journée", 1, true) then
          if not (s.text:find("**Materials:**", 1, true) or s.text:find("**Matériel :**", 1, true)) then
            bad[#bad + 1] = "no materials: " .. s.line
          end
          if not (s.text:find("**Facilitator’s note:**", 1, true) or s.text:find("**Note pour l’animation :**", 1, true)) then
            bad[#bad + 1] = "no facilitator note: " .. s.line
          end
        end
      end
    end
    if at ~= p.to then bad[#bad + 1] = p.name .. ": sessions end at " .. at .. " min, programme at " .. p.to end
    if p.total and sum ~= p.total then
      bad[#bad + 1] = string.format("%s: sessions add up to %d min, heading says %d", p.name, sum, p.total)
    end
  end
  if #bad > 0 then die(table.concat(bad, "; ")) end
  print("ok")

elseif what == "glossary" then
  local function entries(p)
    local h = read(p)
    local out, n = {}, 0
    for term, lang, other in h:gmatch('<h3[^>]*>(.-)</h3>%s*<p class="pk%-gloss%-other">.-<em lang="(%a%a)">(.-)</em>') do
      out[term] = other; n = n + 1
      out[#out + 1] = { term, lang, other }
    end
    return out, n
  end
  local fr, nf = entries(arg[2])
  local en, ne = entries(arg[3])
  if nf < 30 then die("French glossary: " .. nf .. " entries") end
  if nf ~= ne then die(string.format("%d French entries, %d English", nf, ne)) end
  for _, e in ipairs(fr) do
    if e[2] ~= "en" then die("French entry " .. e[1] .. ": other term not marked lang=en") end
    if en[e[3]] ~= e[1] then die("French entry " .. e[1] .. " → " .. e[3] .. ": no English entry pointing back") end
  end
  for _, e in ipairs(en) do
    if e[2] ~= "fr" then die("English entry " .. e[1] .. ": other term not marked lang=fr") end
    if fr[e[3]] ~= e[1] then die("English entry " .. e[1] .. " → " .. e[3] .. ": no French entry pointing back") end
  end
  print("ok " .. nf)

elseif what == "checklist" then
  local t = body(read(arg[2]))
  local head, want = arg[3], tonumber(arg[4])
  local inside, n = false, 0
  for l in (t .. "\n"):gmatch("(.-)\n") do
    if l:match("^## ") then inside = l:sub(4, 3 + #head) == head
    elseif inside and (l:match("^%- ") or l:match("^%d+%. ")) then n = n + 1 end
  end
  if n < want then die(string.format("%s, section '%s': %d items, want %d", arg[2], head, n, want)) end
  print("ok " .. n)

else
  die("unknown check " .. tostring(what))
end
