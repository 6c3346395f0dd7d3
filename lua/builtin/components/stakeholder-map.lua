-- stakeholder-map: influence (1-5, vertical) against support (-2..+2,
-- horizontal), drawn as inline SVG, then the same data as a table.
--   source = "stakeholders"   the data file (docs/contract.md §3)
--   title = loc               optional caption
--   blank = true              an empty grid to fill in by hand (a landscape
--                             page of its own in print), its legend, and a
--                             blank table (rows = 7: one page with the legend before it, on A4 and Letter)
-- Sector is shown by colour AND shape; champions get a thick ring,
-- stakeholders marked `trusted` a check mark.  The quadrant lines run
-- between cells, so no marker sits on one.  Labels are placed with
-- pk.textwidth so that none overlaps another label, a marker, a quadrant
-- line or name, or the frame; markers at equal coordinates are set side
-- by side inside their cell.
-- The sectors and levels, their labels and the sectors' markers (shape and
-- colour) are the project's vocabularies (pk.vocab; lua/vocab.lua).

local SECTORS, LEVELS = {}, {}   -- ids, in the vocabularies' order
local LABEL, LEVEL = {}, {}      -- id -> label in the page's language
local STYLE = {}                 -- sector id -> { shape = …, colour = … }

-- The vocabularies of this call, in the page's language.
local function vocab()
  SECTORS, LEVELS, LABEL, LEVEL, STYLE = {}, {}, {}, {}, {}
  for _, s in ipairs(pk.vocab("sectors")) do
    SECTORS[#SECTORS + 1] = s.id
    LABEL[s.id] = s.label
    STYLE[s.id] = s.marker
  end
  for _, l in ipairs(pk.vocab("levels")) do
    LEVELS[#LEVELS + 1] = l.id
    LEVEL[l.id] = l.label
  end
end

local function stakeholder()
  return { type = "record", fields = {
    id = { type = "string", nonempty = true },
    name = { type = "loc" },
    sector = { type = "enum", values = SECTORS },
    level = { type = "enum", values = LEVELS },
    influence = { type = "integer", min = 1, max = 5 },
    support = { type = "integer", min = -2, max = 2 },
    champion = { type = "boolean", optional = true },
    trusted = { type = "boolean", optional = true },
    notes = { type = "loc", optional = true },
  } }
end

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  title = { type = "loc", optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 60, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }
-- Label font size and line height, marker radius, and how far a marker
-- reaches from its centre (the champion's ring, the check mark).
local FS, LH = 11, 13
local R = 7
local EXT = 12

-- The two drawings, in SVG units.  The map: 720 wide, its legend below
-- the plot.  The blank grid: a landscape page of its own, the plot 920 x
-- 600 units (230 x 150 mm at a quarter of a millimetre a unit), its
-- legend a drawing of its own on the next page.
local function geometry(blank)
  local g = blank and { W = 1008, X0 = 80, X1 = 1000, Y0 = 2, Y1 = 602 }
    or { W = 720, X0 = 70, X1 = 704, Y0 = 40, Y1 = 420 }
  g.blank = blank
  g.CW, g.CH = (g.X1 - g.X0) / 5, (g.Y1 - g.Y0) / 5   -- one cell per value
  -- The quadrant lines run between two cells, never through one: a
  -- support of 0 (hesitant) counts with the opposed, an influence of 3
  -- with the high (map.middle says so in the legend).
  g.VX = g.X0 + 3 * g.CW
  g.HY = g.Y0 + 3 * g.CH
  return g
end

local function cx(g, support) return g.X0 + (support + 2.5) * g.CW end
local function cy(g, influence) return g.Y1 - (influence - 0.5) * g.CH end

-- The quadrants: their fill (light, so markers and text keep their
-- contrast) and the corner their name goes in.
local QUADS = {
  { key = "manage", fill = "#fdecea", left = true, top = true },
  { key = "engage", fill = "#e6f4ea", left = false, top = true },
  { key = "monitor", fill = "#f1f1f1", left = true, top = false },
  { key = "inform", fill = "#e8f0fb", left = false, top = false },
}

local function quad_box(g, q)
  return { x0 = q.left and g.X0 or g.VX, x1 = q.left and g.VX or g.X1,
    y0 = q.top and g.Y0 or g.HY, y1 = q.top and g.HY or g.Y1 }
end

local function quad_of(s)
  local top, left = s.influence >= 3, s.support <= 0
  for i, q in ipairs(QUADS) do
    if q.top == top and q.left == left then return i end
  end
end

local function r2(x) return math.floor(x * 100 + 0.5) / 100 end

-- A closed polygon path from a list of {x, y} around (0, 0).
local function poly(pts)
  local d = {}
  for i, p in ipairs(pts) do
    d[#d + 1] = (i == 1 and "M" or "L") .. r2(p[1]) .. " " .. r2(p[2])
  end
  return table.concat(d, " ") .. " Z"
end

local function regular(n, r, start)
  local pts = {}
  for i = 0, n - 1 do
    local a = start + i * 2 * math.pi / n
    pts[#pts + 1] = { r * math.cos(a), r * math.sin(a) }
  end
  return pts
end

-- The marker shape for a sector, centred on (0, 0).
local function shape(sector, r)
  local st = STYLE[sector] or { shape = "circle", colour = "#1a1a1a" }
  local paint = { fill = st.colour, stroke = "#ffffff", ["stroke-width"] = 1 }
  local function with(t) for k, v in pairs(paint) do t[k] = v end return t end
  local s = st.shape
  if s == "circle" then
    return pk.h("circle", with({ cx = 0, cy = 0, r = r }))
  elseif s == "square" then
    local a = r * 0.9
    return pk.h("rect", with({ x = -a, y = -a, width = 2 * a, height = 2 * a }))
  end
  local pts
  if s == "diamond" then pts = { { 0, -r * 1.2 }, { r * 1.2, 0 }, { 0, r * 1.2 }, { -r * 1.2, 0 } }
  elseif s == "up" then pts = regular(3, r * 1.2, -math.pi / 2)
  elseif s == "down" then pts = regular(3, r * 1.2, math.pi / 2)
  elseif s == "pentagon" then pts = regular(5, r * 1.1, -math.pi / 2)
  elseif s == "hexagon" then pts = regular(6, r * 1.05, 0)
  elseif s == "star" then
    pts = {}
    for i = 0, 9 do
      local a = -math.pi / 2 + i * math.pi / 5
      local rr = (i % 2 == 0) and r * 1.3 or r * 0.55
      pts[#pts + 1] = { rr * math.cos(a), rr * math.sin(a) }
    end
  elseif s == "hourglass" then pts = { { -r, -r }, { r, -r }, { -r, r }, { r, r } }
  elseif s == "plus" or s == "cross" then
    local a, b = r * 0.38, r
    pts = { { -a, -b }, { a, -b }, { a, -a }, { b, -a }, { b, a }, { a, a },
      { a, b }, { -a, b }, { -a, a }, { -b, a }, { -b, -a }, { -a, -a } }
    if s == "cross" then   -- the plus turned by 45 degrees
      local k = math.sqrt(0.5)
      for _, p in ipairs(pts) do p[1], p[2] = (p[1] - p[2]) * k, (p[1] + p[2]) * k end
    end
  end
  return pk.h("path", with({ d = poly(pts) }))
end

local function ring(r)
  return pk.h("circle", { cx = 0, cy = 0, r = r, fill = "none", stroke = "#000000",
    ["stroke-width"] = 2.5 })
end

local function check(dx, dy)
  return pk.h("polyline", { points = table.concat({ r2(dx - 4) .. "," .. r2(dy),
    r2(dx - 1) .. "," .. r2(dy + 3), r2(dx + 5) .. "," .. r2(dy - 4) }, " "),
    fill = "none", stroke = "#000000", ["stroke-width"] = 2 })
end

-- Words of s in lines of at most maxw units; at most maxl lines, the last
-- one ending with "…" when the text does not fit.
local function wrap(s, size, maxw, maxl)
  local lines, cur = {}, nil
  for _, w in ipairs(pk.split(s, " ")) do
    if w ~= "" then
      local try = cur and (cur .. " " .. w) or w
      if cur == nil or pk.textwidth(try, size) <= maxw then
        cur = try
      else
        lines[#lines + 1] = cur
        cur = w
      end
    end
  end
  if cur then lines[#lines + 1] = cur end
  if #lines > maxl then
    local last = lines[maxl]
    for i = #lines, maxl, -1 do lines[i] = nil end
    lines[maxl] = last .. "…"
  end
  -- a single word longer than maxw: cut it
  for i, l in ipairs(lines) do
    if pk.textwidth(l, size) > maxw then
      local n = utf8.len(l) or #l
      while n > 1 and pk.textwidth(l, size) > maxw do
        n = n - 1
        l = string.sub(l, 1, (utf8.offset(l, n) or 2) - 1) .. "…"
      end
      lines[i] = l
    end
  end
  return lines
end


local function textlines(lines, x, y, size, anchor, weight, colour)
  local out = {}
  for i, l in ipairs(lines) do
    out[#out + 1] = pk.h("text", { x = r2(x), y = r2(y + (i - 1) * size * 1.2),
      ["font-size"] = size, ["text-anchor"] = anchor, ["font-weight"] = weight,
      fill = colour or "#1a1a1a" }, l)
  end
  return out
end

local function widest(lines, size)
  local w = 0
  for _, l in ipairs(lines) do w = math.max(w, pk.textwidth(l, size)) end
  return w
end

local function overlaps(a, b)
  return a.x1 > b.x0 and b.x1 > a.x0 and a.y1 > b.y0 and b.y1 > a.y0
end

local function inside(a, b)
  return a.x0 >= b.x0 and a.x1 <= b.x1 and a.y0 >= b.y0 and a.y1 <= b.y1
end

-- Does the segment (ax, ay)-(bx, by) cross box b?  (Liang-Barsky)
local function crosses(ax, ay, bx, by, b)
  local t0, t1 = 0, 1
  local dx, dy = bx - ax, by - ay
  local ps = { -dx, dx, -dy, dy }
  local qs = { ax - b.x0, b.x1 - ax, ay - b.y0, b.y1 - ay }
  for i = 1, 4 do
    local p, q = ps[i], qs[i]
    if p == 0 then
      if q < 0 then return false end
    else
      local t = q / p
      if p < 0 then
        if t > t1 then return false end
        if t > t0 then t0 = t end
      else
        if t < t0 then return false end
        if t < t1 then t1 = t end
      end
    end
  end
  return t0 < t1
end

local function signed(n)
  if n > 0 then return "+" .. pk.number(n) end
  if n < 0 then return "−" .. pk.number(-n) end
  return pk.number(0)
end

local function yesno(b) return pk.t(b and "answer.yes" or "answer.no") end

-- The grid, quadrants, axes: everything but the markers.  Sets g.names,
-- the boxes of the quadrant names (labels and markers keep clear of
-- them).
local function background(g)
  local out = {}
  g.names = {}
  for _, q in ipairs(QUADS) do
    local b = quad_box(g, q)
    out[#out + 1] = pk.h("rect", { x = r2(b.x0), y = r2(b.y0), width = r2(b.x1 - b.x0),
      height = r2(b.y1 - b.y0), fill = q.fill })
  end
  -- the cell lines, light and dashed, but where a quadrant line runs
  for i = 1, 4 do
    local x, y = g.X0 + i * g.CW, g.Y0 + i * g.CH
    if i ~= 3 then
      out[#out + 1] = pk.h("line", { x1 = r2(x), y1 = g.Y0, x2 = r2(x), y2 = g.Y1,
        stroke = "#c8c8c8", ["stroke-width"] = 0.5, ["stroke-dasharray"] = "3 3" })
      out[#out + 1] = pk.h("line", { x1 = g.X0, y1 = r2(y), x2 = g.X1, y2 = r2(y),
        stroke = "#c8c8c8", ["stroke-width"] = 0.5, ["stroke-dasharray"] = "3 3" })
    end
  end
  out[#out + 1] = pk.h("line", { x1 = r2(g.VX), y1 = g.Y0, x2 = r2(g.VX), y2 = g.Y1,
    stroke = "#6b6b6b", ["stroke-width"] = 1.5, class = "pk-divider" })
  out[#out + 1] = pk.h("line", { x1 = g.X0, y1 = r2(g.HY), x2 = g.X1, y2 = r2(g.HY),
    stroke = "#6b6b6b", ["stroke-width"] = 1.5, class = "pk-divider" })
  out[#out + 1] = pk.h("rect", { x = g.X0, y = g.Y0, width = g.X1 - g.X0,
    height = g.Y1 - g.Y0, fill = "none", stroke = "#1a1a1a", ["stroke-width"] = 1,
    class = "pk-frame" })
  -- the quadrant names in the outer corners
  for i, q in ipairs(QUADS) do
    local b = quad_box(g, q)
    local lines = wrap(pk.t("map." .. q.key), 12, b.x1 - b.x0 - 16, 2)
    local top = q.top and (g.Y0 + 6) or (g.Y1 - 6 - #lines * 14.4)
    local anchor = q.left and "start" or "end"
    local x = q.left and (g.X0 + 6) or (g.X1 - 6)
    for _, t in ipairs(textlines(lines, x, top + 11, 12, anchor, "bold")) do
      t:attr("class", "pk-quadrant")
      out[#out + 1] = t
    end
    local w = widest(lines, 12)
    local bx0 = q.left and x or x - w
    g.names[i] = { x0 = bx0 - 2, x1 = bx0 + w + 2, y0 = top - 1, y1 = top + #lines * 14.4 + 2 }
  end
  -- y axis: influence 1..5
  for v = 1, 5 do
    local y = cy(g, v)
    out[#out + 1] = pk.h("line", { x1 = g.X0 - 5, y1 = r2(y), x2 = g.X0, y2 = r2(y),
      stroke = "#1a1a1a" })
    out[#out + 1] = pk.h("text", { x = g.X0 - 9, y = r2(y + 4), ["font-size"] = 11,
      ["text-anchor"] = "end", fill = "#1a1a1a" }, pk.number(v))
  end
  for v, key in pairs({ [5] = "map.high", [1] = "map.low" }) do
    out[#out + 1] = pk.h("text", { x = g.X0 - 9, y = r2(cy(g, v) + 17), ["font-size"] = 10,
      ["text-anchor"] = "end", fill = "#4a4a4a" }, wrap(pk.t(key), 10, g.X0 - 12, 1)[1])
  end
  local title = pk.t("map.influence") .. " ↑"
  if g.blank then
    -- the blank grid fills its page: the axis title in the margin, at
    -- the top left
    out[#out + 1] = pk.h("text", { x = 4, y = g.Y0 + 12, ["font-size"] = 13,
      ["font-weight"] = "bold", fill = "#1a1a1a" }, wrap(title, 13, g.X0 - 8, 1)[1])
  else
    out[#out + 1] = pk.h("text", { x = 8, y = g.Y0 - 14, ["font-size"] = 13,
      ["font-weight"] = "bold", fill = "#1a1a1a" }, title)
  end
  -- x axis: support -2..+2, the words under three of the numbers (on
  -- the blank grid, beside them: one line)
  local words = { [-2] = "map.opposed", [0] = "map.neutral", [2] = "map.supportive" }
  for v = -2, 2 do
    local x = cx(g, v)
    out[#out + 1] = pk.h("line", { x1 = r2(x), y1 = g.Y1, x2 = r2(x), y2 = g.Y1 + 5,
      stroke = "#1a1a1a" })
    if g.blank and words[v] then
      local word = wrap(pk.t(words[v]), 10, g.CW / 2, 1)[1]
      local nw, ww = pk.textwidth(signed(v), 11), pk.textwidth(word, 10)
      local x0 = x - (nw + 4 + ww) / 2
      out[#out + 1] = pk.h("text", { x = r2(x0), y = g.Y1 + 15, ["font-size"] = 11,
        fill = "#1a1a1a" }, signed(v))
      out[#out + 1] = pk.h("text", { x = r2(x0 + nw + 4), y = g.Y1 + 15, ["font-size"] = 10,
        fill = "#4a4a4a" }, word)
    else
      out[#out + 1] = pk.h("text", { x = r2(x), y = g.Y1 + 17, ["font-size"] = 11,
        ["text-anchor"] = "middle", fill = "#1a1a1a" }, signed(v))
      if words[v] then
        local word = wrap(pk.t(words[v]), 10, g.CW - 4, 1)[1]
        out[#out + 1] = pk.h("text", { x = r2(x), y = g.Y1 + 30, ["font-size"] = 10,
          ["text-anchor"] = "middle", fill = "#4a4a4a" }, word)
      end
    end
  end
  local support = pk.t("map.support") .. " →"
  local bottom = g.Y1 + 36
  if g.blank then
    -- the blank grid: in the margin, on the line of the numbers
    out[#out + 1] = pk.h("text", { x = 4, y = g.Y1 + 15, ["font-size"] = 13,
      ["font-weight"] = "bold", fill = "#1a1a1a" }, wrap(support, 13, g.X0 - 8, 1)[1])
    bottom = g.Y1 + 18
  else
    out[#out + 1] = pk.h("text", { x = r2((g.X0 + g.X1) / 2), y = g.Y1 + 52, ["font-size"] = 13,
      ["font-weight"] = "bold", ["text-anchor"] = "middle", fill = "#1a1a1a" }, support)
    bottom = g.Y1 + 58
  end
  return out, bottom
end

-- The legend, from y = top in a drawing w wide: sectors (shape and
-- colour), champion, trusted, where a middle value goes, then the names
-- of the markers labelled with a number.  Returns its nodes and bottom.
local function legend(w, sectors, top, keys, title)
  local out = {}
  local y = top
  if title then
    out[#out + 1] = pk.h("text", { x = 8, y = top + 12, ["font-size"] = 12,
      ["font-weight"] = "bold", fill = "#1a1a1a" }, pk.t("map.legend"))
    y = top + 34
  else
    y = top + 14
  end
  local entries = {}
  for _, s in ipairs(sectors) do entries[#entries + 1] = { shape(s, R), LABEL[s] } end
  local blankmark = pk.h("circle", { cx = 0, cy = 0, r = R, fill = "#ffffff", stroke = "#6b6b6b" })
  entries[#entries + 1] = { { blankmark, ring(R + 3.5) }, pk.t("map.champion") }
  entries[#entries + 1] = { { blankmark, check(0, 0) }, pk.vocab("trusted") }
  local ncol = 4
  local colw = (w - 16) / ncol
  for i = 1, #entries, ncol do
    local rowh = 0
    for j = i, math.min(i + ncol - 1, #entries) do
      local e = entries[j]
      local x = 8 + (j - i) * colw
      local lines = wrap(e[2], FS, colw - 36, 2)
      out[#out + 1] = pk.h("g", { transform = "translate(" .. r2(x + 10) .. "," .. r2(y) .. ")" }, e[1])
      for _, t in ipairs(textlines(lines, x + 26, y + 3.5, FS, "start")) do out[#out + 1] = t end
      rowh = math.max(rowh, 12 + #lines * LH)
    end
    y = y + rowh
  end
  -- where a middle value goes
  local lines = wrap(pk.t("map.middle"), FS, w - 16, 3)
  for _, t in ipairs(textlines(lines, 8, y + 6, FS, "start", nil, "#4a4a4a")) do out[#out + 1] = t end
  y = y + 6 + #lines * LH
  -- the names of the markers labelled with a number, two columns
  if keys and #keys > 0 then
    y = y + 8
    local kw = (w - 16) / 2
    for i = 1, #keys, 2 do
      local rowh = 0
      for j = i, math.min(i + 1, #keys) do
        local x = 8 + (j - i) * kw
        local kl = wrap(pk.loc(keys[j].s.name), FS, kw - 40, 2)
        out[#out + 1] = pk.h("text", { x = r2(x + 22), y = r2(y + 4), ["font-size"] = FS,
          ["font-weight"] = "bold", ["text-anchor"] = "end", fill = "#1a1a1a" }, keys[j].n)
        for _, t in ipairs(textlines(kl, x + 30, y + 4, FS, "start")) do out[#out + 1] = t end
        rowh = math.max(rowh, 6 + #kl * LH)
      end
      y = y + rowh
    end
  end
  return out, y
end

-- The box a marker at (x, y) covers: its shape (a star reaches 1.3 R),
-- the champion's ring, the check mark at its top right; and a point more.
local function marker_box(s, x, y)
  local r = s.champion and R + 3.5 + 1.25 or R * 1.3
  local b = { x0 = x - r - 1, x1 = x + r + 1, y0 = y - r - 1, y1 = y + r + 1 }
  if s.trusted then
    b.x1 = math.max(b.x1, x + R + 8 + 1)
    b.y0 = math.min(b.y0, y - R - 6 - 1)
  end
  return b
end

-- The room a cell leaves its markers: the cell, less a margin, less the
-- band of a quadrant name in a corner cell.
local function cell_room(g, influence, support)
  local x0 = g.X0 + (support + 2) * g.CW
  local y0 = g.Y1 - influence * g.CH
  local r = { x0 = x0 + 3, x1 = x0 + g.CW - 3, y0 = y0 + 3, y1 = y0 + g.CH - 3 }
  for _, nb in ipairs(g.names) do
    if overlaps(nb, r) then
      if nb.y0 + nb.y1 < r.y0 + r.y1 then r.y0 = math.max(r.y0, nb.y1 + 1)
      else r.y1 = math.min(r.y1, nb.y0 - 1) end
    end
  end
  return r
end

-- Positions of n markers side by side in room r, centred on (x, y) as
-- far as the room allows: rows of as many as fit, the widest spacing
-- that holds them all.  Returns the positions and 1 when they fit.
local function group(n, r, x, y)
  local step, perrow, nrows
  -- two rows at most where they fit, so that every marker has a free
  -- side for its label; more rows only when two cannot hold them
  for _, most in ipairs({ 2, 99 }) do
    for _, st in ipairs({ 24, 20, 17, 15 }) do
      local maxper = math.floor((r.x1 - r.x0 - 2 * EXT) / st) + 1
      local maxrows = math.min(most, math.floor((r.y1 - r.y0 - 2 * EXT) / st) + 1)
      if step == nil and maxper >= 1 and maxrows >= 1 and maxper * maxrows >= n then
        step, perrow = st, math.min(n, maxper)
        nrows = math.ceil(n / perrow)
      end
    end
  end
  local fits = step ~= nil
  if not fits then   -- more than a cell holds: a square, over the cell's edges
    step = 15
    perrow = math.ceil(math.sqrt(n))
    nrows = math.ceil(n / perrow)
  end
  local gw, gh = (perrow - 1) * step, (nrows - 1) * step
  -- the group's centre, moved inside the room
  local mx = math.max(r.x0 + EXT + gw / 2, math.min(x, r.x1 - EXT - gw / 2))
  local my = math.max(r.y0 + EXT + gh / 2, math.min(y, r.y1 - EXT - gh / 2))
  local pos = {}
  for i = 1, n do
    local row, col = (i - 1) // perrow, (i - 1) % perrow
    local inrow = math.min(perrow, n - row * perrow)
    pos[i] = { mx + (col - (inrow - 1) / 2) * step, my + (row - (nrows - 1) / 2) * step }
  end
  return pos, fits
end

-- Places the markers, each inside its cell and quadrant, and their
-- labels: for each label, candidate places (eight sides of its marker,
-- three shapes of the name, moved step by step away) in a fixed order,
-- the first one free of every other label, marker, quadrant name and
-- leader line, and inside the marker's quadrant (never across a quadrant
-- line or the frame).  No free place: a number, and the name in the
-- legend.  Deterministic: the same data gives the same drawing.
local function markers(g, list)
  local cells, order = {}, {}
  for _, s in ipairs(list) do
    local k = s.influence .. ":" .. s.support
    if not cells[k] then cells[k] = {}; order[#order + 1] = k end
    table.insert(cells[k], s)
  end
  local obstacles = {}
  for _, nb in ipairs(g.names) do obstacles[#obstacles + 1] = nb end
  local placed = {}
  for _, k in ipairs(order) do
    local grp = cells[k]
    local s1 = grp[1]
    local pos, fits = group(#grp, cell_room(g, s1.influence, s1.support),
      cx(g, s1.support), cy(g, s1.influence))
    if not fits then
      pk.warn(("stakeholder-map: %d stakeholders at influence %d, support %d: more than a cell holds"):format(
        #grp, s1.influence, s1.support))
    end
    for i, s in ipairs(grp) do
      local x, y = pos[i][1], pos[i][2]
      placed[#placed + 1] = { s = s, x = x, y = y, obstacle = #obstacles + 1,
        bounds = quad_box(g, QUADS[quad_of(s)]) }
      obstacles[#obstacles + 1] = marker_box(s, x, y)
    end
  end
  local sorted = {}
  for i, p in ipairs(placed) do
    local near = 0
    for _, q in ipairs(placed) do
      if math.abs(q.x - p.x) < 140 and math.abs(q.y - p.y) < 60 then near = near + 1 end
    end
    p.near = near
    sorted[i] = p
  end
  local boxes, leaders      -- labels and leader lines placed so far
  -- where a leader line from (x, y) meets box b
  local function anchor(b, x, y)
    return math.max(b.x0, math.min(x, b.x1)), math.max(b.y0, math.min(y, b.y1))
  end
  local function free(b, p, own, leader)
    local q = p.bounds
    if not inside(b, { x0 = q.x0 + 3, x1 = q.x1 - 3, y0 = q.y0 + 3, y1 = q.y1 - 3 }) then
      return false
    end
    for _, o in ipairs(obstacles) do
      if overlaps(b, o) then return false end
    end
    for _, o in ipairs(boxes) do if overlaps(b, o) then return false end end
    for _, l in ipairs(leaders) do
      if crosses(l[1], l[2], l[3], l[4], b) then return false end
    end
    if leader then
      -- the leader line must not run through another label or marker
      local lx, ly = anchor(b, p.x, p.y)
      for _, o in ipairs(boxes) do
        if crosses(p.x, p.y, lx, ly, o) then return false end
      end
      for i, o in ipairs(obstacles) do
        if i ~= own and crosses(p.x, p.y, lx, ly, o) then return false end
      end
    end
    return true
  end
  -- label shapes to try: the usual one, narrower and taller, wider,
  -- narrowest
  local variants = { { 140, 3 }, { 104, 4 }, { 184, 2 }, { 76, 5 } }
  local SIDES = { "right", "left", "below", "above",
    "above-right", "below-right", "above-left", "below-left" }
  local function attempt(todo)
    boxes, leaders = {}, {}
    local result, failed, numbered = {}, {}, {}
    for _, p in ipairs(todo) do
      local shapes = {}
      for _, v in ipairs(variants) do
        local lines = wrap(pk.loc(p.s.name), FS, v[1], v[2])
        shapes[#shapes + 1] = { lines = lines, w = widest(lines, FS), h = #lines * LH }
      end
      local m = obstacles[p.obstacle]     -- the marker's own box
      -- the box of a label shape on a side of the marker, moved k steps
      -- away along that side (stacking)
      local function box(sh, side, k)
        local w, h = sh.w, sh.h
        local bx, by
        if side == "right" then bx, by = m.x1 + 3, p.y - h / 2 + k * (LH + 1)
        elseif side == "left" then bx, by = m.x0 - 3 - w, p.y - h / 2 + k * (LH + 1)
        elseif side == "below" then bx, by = p.x - w / 2 + k * 24, m.y1 + 2
        elseif side == "above" then bx, by = p.x - w / 2 + k * 24, m.y0 - 2 - h
        else
          if k < 0 then return nil end   -- diagonals move outwards only
          bx = side:sub(-5) == "right" and m.x1 - 1 or m.x0 + 1 - w
          by = side:sub(1, 5) == "above" and m.y0 - 2 - h - k * (LH + 1)
            or m.y1 + 2 + k * (LH + 1)
        end
        if side == "below" or side == "above" then   -- kept inside the quadrant
          bx = math.max(p.bounds.x0 + 5, math.min(bx, p.bounds.x1 - 5 - w))
        end
        return { x0 = bx - 2, x1 = bx + w + 2, y0 = by - 1, y1 = by + h + 1, bx = bx, by = by,
          side = side, shape = sh, k = k }
      end
      local function search(cands)
        for step = 0, 40 do
          local k = (step % 2 == 1) and (step + 1) // 2 or -(step // 2)
          for _, sh in ipairs(cands) do
            for _, side in ipairs(SIDES) do
              local b = box(sh, side, k)
              if b and free(b, p, p.obstacle, k ~= 0) then return b end
            end
          end
        end
      end
      local found = search(shapes)
      if not found then
        -- no room for the name: a number, and the name in the legend
        local num = tostring(#numbered + 1)
        found = search({ { lines = { num }, w = pk.textwidth(num, FS), h = LH } })
        if found then numbered[#numbered + 1] = { n = num, s = p.s } end
      end
      if not found then
        -- not even a number: no label (the name goes in the legend, with
        -- the marker's place), rather than one over something
        failed[#failed + 1] = p
      else
        boxes[#boxes + 1] = found
        if found.k ~= 0 then
          local lx, ly = anchor(found, p.x, p.y)
          found.lx, found.ly = lx, ly
          leaders[#leaders + 1] = { p.x, p.y, lx, ly }
        end
        result[#result + 1] = { p = p, b = found }
      end
    end
    return result, failed, numbered
  end

  -- The markers with the fewest free places for a label go first, then
  -- the crowded ones, then from top to bottom and left to right: a
  -- stable order.
  boxes, leaders = {}, {}
  for _, p in ipairs(sorted) do
    local m, n = obstacles[p.obstacle], 0
    for _, side in ipairs({ { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }) do
      local w, h = 60, LH
      local bx = side[1] > 0 and m.x1 + 3 or side[1] < 0 and m.x0 - 3 - w or p.x - w / 2
      local by = side[2] > 0 and m.y1 + 2 or side[2] < 0 and m.y0 - 2 - h or p.y - h / 2
      if free({ x0 = bx - 2, x1 = bx + w + 2, y0 = by - 1, y1 = by + h + 1 }, p, p.obstacle,
        false) then n = n + 1 end
    end
    p.options = n
  end
  table.sort(sorted, function(a, b)
    if a.options ~= b.options then return a.options < b.options end
    if a.near ~= b.near then return a.near > b.near end
    if a.y ~= b.y then return a.y < b.y end
    if a.x ~= b.x then return a.x < b.x end
    return a.s.id < b.s.id
  end)

  -- a label that found no room (or only room for a number) goes first
  -- in the next attempt, before those moved up before it
  local todo, best, bestfailed, bestnum, bestcost = sorted, nil, nil, nil, nil
  local ahead = {}
  for _ = 1, 8 do
    local result, failed, numbered = attempt(todo)
    local cost = #failed * 1000 + #numbered
    if best == nil or cost < bestcost then
      best, bestfailed, bestnum, bestcost = result, failed, numbered, cost
    end
    if cost == 0 then break end
    local first, rest, now = {}, {}, {}
    for _, p in ipairs(failed) do now[p.s] = true end
    for _, e in ipairs(numbered) do now[e.s] = true end
    for _, p in ipairs(todo) do
      if now[p.s] and not ahead[p.s] then first[#first + 1] = p end
    end
    for _, p in ipairs(todo) do
      if ahead[p.s] then first[#first + 1] = p
      elseif not now[p.s] then rest[#rest + 1] = p end
    end
    for _, p in ipairs(first) do ahead[p.s] = true end
    for _, p in ipairs(rest) do first[#first + 1] = p end
    todo = first
  end
  -- markers without a label: their names in the legend, with their place
  for _, p in ipairs(bestfailed) do
    pk.warn("stakeholder-map: no free room near the marker of '" .. p.s.id ..
      "' for its label: its name is in the legend")
    bestnum[#bestnum + 1] = { n = "(" .. p.s.influence .. ", " .. signed(p.s.support) .. ")",
      s = p.s }
  end
  local out = {}
  for _, r in ipairs(best) do   -- leader lines first: under the labels
    if r.b.lx then
      out[#out + 1] = pk.h("line", { x1 = r2(r.p.x), y1 = r2(r.p.y), x2 = r2(r.b.lx),
        y2 = r2(r.b.ly), stroke = "#6b6b6b", ["stroke-width"] = 0.75, class = "pk-leader" })
    end
  end
  for _, r in ipairs(best) do
    for _, t in ipairs(textlines(r.b.shape.lines, r.b.bx, r.b.by + FS * 0.85, FS, "start")) do
      t:attr("class", "pk-label")
      out[#out + 1] = t
    end
  end
  for _, p in ipairs(placed) do
    local s = p.s
    out[#out + 1] = pk.h("g", { transform = "translate(" .. r2(p.x) .. "," .. r2(p.y) .. ")",
      class = "pk-marker" },
      pk.h("title", nil, pk.loc(s.name)),
      s.champion and ring(R + 3.5) or nil,
      shape(s.sector, R),
      s.trusted and check(R + 2, -R - 1) or nil)
  end
  return out, bestnum
end

-- What the drawing says to someone who cannot see it, from the data: how
-- many stakeholders in each quadrant (as the drawing places them: an
-- influence of 3 with the high, a support of 0 with the opposed), the
-- champions by name, and that the table follows.  The PDF's Figure and
-- the site's <svg role="img"> read it (aria-labelledby: title, desc).
local function describe(list)
  local n = { engage = 0, manage = 0, inform = 0, monitor = 0 }
  local champions = {}
  for _, s in ipairs(list) do
    local q = QUADS[quad_of(s)].key
    n[q] = n[q] + 1
    if s.champion then champions[#champions + 1] = pk.loc(s.name) end
  end
  local zones = {}
  for _, q in ipairs({ "engage", "manage", "inform", "monitor" }) do
    zones[#zones + 1] = pk.t("map.alt_zone", pk.t("map." .. q), pk.number(n[q]))
  end
  local out = { pk.t("map.desc"), pk.t("map.alt_count", pk.number(#list)) ..
    " " .. table.concat(zones, pk.t("map.alt_sep")) .. "." }
  if #champions > 0 then
    out[#out + 1] = pk.t("map.alt_champions", table.concat(champions, ", ")) .. "."
  end
  out[#out + 1] = pk.t("map.alt_table")
  return table.concat(out, " ")
end

-- The sectors the legend shows: those of the data, or all of them.
local function used(list)
  local present, sectors = {}, {}
  for _, s in ipairs(list) do present[s.sector] = true end
  for _, s in ipairs(SECTORS) do
    if list == nil or present[s] then sectors[#sectors + 1] = s end
  end
  return sectors
end

local function svgnode(w, h, title, desc, ...)
  local tid, did = pk.id("map-title"), pk.id("map-desc")
  return pk.h("svg", { viewBox = "0 0 " .. w .. " " .. math.ceil(h), role = "img",
    ["aria-labelledby"] = tid .. " " .. did },
    pk.h("title", { id = tid }, title),
    pk.h("desc", { id = did }, desc),
    pk.h("rect", { x = 0, y = 0, width = w, height = math.ceil(h), fill = "#ffffff" }),
    ...)
end

-- The map of list, its legend below the plot.
local function map_svg(list, title)
  local g = geometry(false)
  local bg, bottom = background(g)
  local marks, keys = markers(g, list)
  local leg, h = legend(g.W, used(list), bottom + 8, keys, true)
  return svgnode(g.W, h, title, describe(list), bg, leg, marks)
end

-- The blank grid, and its legend as a drawing of its own.
local function blank_svgs(title)
  local g = geometry(true)
  local bg, h = background(g)
  local grid = svgnode(g.W, h, title, pk.t("map.blank"), bg)
  local leg, lh = legend(720, SECTORS, 0, nil, false)
  return grid, svgnode(720, lh + 6, pk.t("map.legend"), pk.t("map.legend_desc"), leg)
end

-- What to do in each quadrant: its name run in before its advice (a
-- line or two each, so that the blank table follows on the same page)
local function quadrants()
  local items = {}
  for _, q in ipairs({ "engage", "manage", "inform", "monitor" }) do
    items[#items + 1] = pk.h("li", nil, pk.h("strong", nil, pk.t("map." .. q)), ". ",
      pk.t("map." .. q .. "_text"))
  end
  return pk.h("ul", { class = "pk-quadrants" }, items)
end

local COLS = { "name", "sector", "level", "influence", "support", "champion", "trusted" }

-- A column's header: what `trusted` means is the project's word
local function colname(c)
  if c == "trusted" then return pk.vocab("trusted") end
  return pk.t("col." .. c)
end

local function head(caption)
  local ths = {}
  for _, c in ipairs(COLS) do ths[#ths + 1] = pk.h("th", { scope = "col" }, colname(c)) end
  return pk.h("caption", nil, caption), pk.h("thead", nil, pk.h("tr", nil, ths))
end

local function table_of(list, caption)
  local rows = {}
  for _, s in ipairs(list) do
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, pk.text(s.name)),
      pk.h("td", nil, LABEL[s.sector]),
      pk.h("td", nil, LEVEL[s.level]),
      pk.h("td", nil, pk.number(s.influence)),
      pk.h("td", nil, signed(s.support)),
      pk.h("td", nil, yesno(s.champion)),
      pk.h("td", nil, yesno(s.trusted)))
  end
  local cap, thead = head(caption)
  return pk.h("table", { class = "pk-table" }, cap, thead, pk.h("tbody", nil, rows))
end

-- The room wished for in each column of the blank table, in characters,
-- and the handwriting lines of a row: the example's longest names take
-- two lines of the name column.
local BLANK_WISH = { name = 30, sector = 14 }
local BLANK_LINES = 3

-- A blank row's choice in column col: one box to tick per value (the
-- level, the influence 1 to 5, the support -2 to +2); the levels are the
-- project's vocabulary, read at each call.
local TICKS = {
  level = { function() return LEVELS end, function(l) return LEVEL[l] end },
  influence = { function() return { 1, 2, 3, 4, 5 } end, function(v) return pk.number(v) end },
  support = { function() return { -2, -1, 0, 1, 2 } end, function(v) return signed(v) end },
}
local function ticks(i, col)
  local boxes = { pk.h("legend", { class = "pk-visually-hidden" }, colname(col) .. " " .. i) }
  local values, text = TICKS[col][1](), TICKS[col][2]
  for _, l in ipairs(values) do
    local id = pk.id("map-field")
    boxes[#boxes + 1] = pk.h("input", { type = "radio", id = id, name = "row" .. i .. "-" .. col,
      value = tostring(l) })
    boxes[#boxes + 1] = pk.h("label", { ["for"] = id }, text(l))
  end
  -- (a scale of numbers: in one row where the row is a block, on a phone)
  return pk.h("fieldset", { class = col == "level" and "pk-choices pk-ticks" or
    "pk-choices pk-ticks pk-scale" }, boxes)
end

local function blank_table(n, caption)
  local rows = {}
  for i = 1, n do
    local cells = {}
    for j, c in ipairs(COLS) do
      local content
      if TICKS[c] then
        content = ticks(i, c)
      else
        local id = pk.id("map-field")
        local input
        if c == "champion" or c == "trusted" then
          input = pk.h("input", { type = "checkbox", id = id, name = "row" .. i .. "-" .. c })
        else
          input = pk.h("input", { type = "text", id = id, name = "row" .. i .. "-" .. c,
            size = BLANK_WISH[c], ["data-pk-lines"] = BLANK_LINES })
        end
        content = { pk.h("label", { ["for"] = id, class = "pk-visually-hidden" },
          colname(c) .. " " .. i), input }
      end
      cells[#cells + 1] = pk.h(j == 1 and "th" or "td", j == 1 and { scope = "row" } or nil,
        content)
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
  end
  local cap, thead = head(caption)
  return pk.h("table", { class = "pk-table pk-blank" }, cap, thead, pk.h("tbody", nil, rows))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  local title = args.title and pk.loc(args.title) or pk.t("map.title")
  if args.blank then
    local grid, leg = blank_svgs(title)
    return pk.h("section", { class = "pk-component pk-stakeholder-map" },
      pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("stakeholder-map-" .. pk.lang) },
        pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice"))),
        pk.h("p", nil, pk.t("map.blank")),
        pk.h("figure", { class = "pk-map-legend" }, pk.h("figcaption", nil, pk.t("map.legend")),
          leg, quadrants()),
        blank_table(args.rows or 7, title),
        -- the grid last, on a landscape page of its own in print (the
        -- heading above the worksheet stays with the legend)
        pk.h("figure", { class = "pk-landscape pk-map-grid" },
          pk.h("figcaption", nil, title), grid)))
  end
  local source = args.source or "stakeholders"
  local list = pk.check(pk.data(source), { type = "list", of = stakeholder(), min = 1 }, source)
  local fig = pk.h("figure", nil, pk.h("figcaption", nil, title), map_svg(list, title),
    quadrants())
  return pk.h("section", { class = "pk-component pk-stakeholder-map" }, fig,
    table_of(list, title))
end
