-- stakeholder-map: influence (1-5, vertical) against support (-2..+2,
-- horizontal), drawn as inline SVG, then the same data as a table.
--   source = "stakeholders"   the data file (docs/contract.md §3)
--   title = loc               optional caption
--   blank = true              an empty grid to fill in by hand, and a
--                             blank table (rows = 8)
-- Sector is shown by colour AND shape; champions get a thick ring,
-- stakeholders marked `trusted` a check mark.  Labels are placed with
-- pk.textwidth so that none overlaps another label, a marker or a
-- quadrant name; markers at equal coordinates are set side by side.
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

-- The drawing: viewBox 0 0 W H; plot area X0..X1 x Y0..Y1.
local W = 720
local X0, X1, Y0, Y1 = 70, 704, 40, 420
local CW, CH = (X1 - X0) / 5, (Y1 - Y0) / 5   -- one cell per value
local FS, LH = 11, 13                           -- label font size, line height
local LABEL_W = 140                             -- label wrap width
local R = 7                                     -- marker radius

local function cx(support) return X0 + (support + 2.5) * CW end
local function cy(influence) return Y1 - (influence - 0.5) * CH end

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

local function textlines(lines, x, y, size, anchor, weight)
  local out = {}
  for i, l in ipairs(lines) do
    out[#out + 1] = pk.h("text", { x = r2(x), y = r2(y + (i - 1) * size * 1.2),
      ["font-size"] = size, ["text-anchor"] = anchor, ["font-weight"] = weight,
      fill = "#1a1a1a" }, l)
  end
  return out
end

local function overlaps(a, b)
  return a.x1 > b.x0 and b.x1 > a.x0 and a.y1 > b.y0 and b.y1 > a.y0
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

-- The grid, quadrants, axes: everything but the markers.
local function background(obstacles)
  local out = {}
  local mx, my = (X0 + X1) / 2, (Y0 + Y1) / 2
  -- quadrant fills (light, so markers and text keep their contrast)
  local quads = {
    { X0, Y0, "#fdecea", "map.manage", "start" },   -- high influence, opposed
    { mx, Y0, "#e6f4ea", "map.engage", "end" },     -- high influence, supportive
    { X0, my, "#f1f1f1", "map.monitor", "start" },  -- low influence, opposed
    { mx, my, "#e8f0fb", "map.inform", "end" },     -- low influence, supportive
  }
  for _, q in ipairs(quads) do
    out[#out + 1] = pk.h("rect", { x = q[1], y = q[2], width = (X1 - X0) / 2,
      height = (Y1 - Y0) / 2, fill = q[3] })
  end
  -- cell lines
  for i = 1, 4 do
    out[#out + 1] = pk.h("line", { x1 = X0 + i * CW, y1 = Y0, x2 = X0 + i * CW, y2 = Y1,
      stroke = "#c8c8c8", ["stroke-width"] = 0.5, ["stroke-dasharray"] = "3 3" })
    out[#out + 1] = pk.h("line", { x1 = X0, y1 = Y0 + i * CH, x2 = X1, y2 = Y0 + i * CH,
      stroke = "#c8c8c8", ["stroke-width"] = 0.5, ["stroke-dasharray"] = "3 3" })
  end
  -- the quadrant dividers
  out[#out + 1] = pk.h("line", { x1 = mx, y1 = Y0, x2 = mx, y2 = Y1, stroke = "#6b6b6b",
    ["stroke-width"] = 1.5 })
  out[#out + 1] = pk.h("line", { x1 = X0, y1 = my, x2 = X1, y2 = my, stroke = "#6b6b6b",
    ["stroke-width"] = 1.5 })
  out[#out + 1] = pk.h("rect", { x = X0, y = Y0, width = X1 - X0, height = Y1 - Y0,
    fill = "none", stroke = "#1a1a1a", ["stroke-width"] = 1 })
  -- quadrant names in the outer corners
  for i, q in ipairs(quads) do
    local lines = wrap(pk.t(q[4]), 12, (X1 - X0) / 2 - 16, 2)
    local top = i <= 2 and (Y0 + 6) or (Y1 - 6 - #lines * 14.4)
    local x = q[5] == "start" and (X0 + 6) or (X1 - 6)
    for _, t in ipairs(textlines(lines, x, top + 11, 12, q[5], "bold")) do
      out[#out + 1] = t
    end
    local w = 0
    for _, l in ipairs(lines) do w = math.max(w, pk.textwidth(l, 12)) end
    local bx0 = q[5] == "start" and x or x - w
    obstacles[#obstacles + 1] = { x0 = bx0 - 2, x1 = bx0 + w + 2, y0 = top - 1,
      y1 = top + #lines * 14.4 + 2 }
  end
  -- y axis: influence 1..5
  for v = 1, 5 do
    local y = cy(v)
    out[#out + 1] = pk.h("line", { x1 = X0 - 5, y1 = y, x2 = X0, y2 = y, stroke = "#1a1a1a" })
    out[#out + 1] = pk.h("text", { x = X0 - 9, y = r2(y + 4), ["font-size"] = 11,
      ["text-anchor"] = "end", fill = "#1a1a1a" }, pk.number(v))
  end
  local hi = wrap(pk.t("map.high"), 10, X0 - 12, 1)[1]
  local lo = wrap(pk.t("map.low"), 10, X0 - 12, 1)[1]
  out[#out + 1] = pk.h("text", { x = X0 - 9, y = r2(cy(5) + 17), ["font-size"] = 10,
    ["text-anchor"] = "end", fill = "#4a4a4a" }, hi)
  out[#out + 1] = pk.h("text", { x = X0 - 9, y = r2(cy(1) + 17), ["font-size"] = 10,
    ["text-anchor"] = "end", fill = "#4a4a4a" }, lo)
  out[#out + 1] = pk.h("text", { x = 8, y = Y0 - 14, ["font-size"] = 13,
    ["font-weight"] = "bold", fill = "#1a1a1a" }, pk.t("map.influence") .. " ↑")
  -- x axis: support -2..+2
  for v = -2, 2 do
    local x = cx(v)
    out[#out + 1] = pk.h("line", { x1 = x, y1 = Y1, x2 = x, y2 = Y1 + 5, stroke = "#1a1a1a" })
    out[#out + 1] = pk.h("text", { x = r2(x), y = Y1 + 18, ["font-size"] = 11,
      ["text-anchor"] = "middle", fill = "#1a1a1a" }, signed(v))
  end
  local words = { [-2] = "map.opposed", [0] = "map.neutral", [2] = "map.supportive" }
  for v, key in pairs(words) do
    out[#out + 1] = pk.h("text", { x = r2(cx(v)), y = Y1 + 31, ["font-size"] = 10,
      ["text-anchor"] = "middle", fill = "#4a4a4a" }, wrap(pk.t(key), 10, CW - 4, 1)[1])
  end
  out[#out + 1] = pk.h("text", { x = r2((X0 + X1) / 2), y = Y1 + 52, ["font-size"] = 13,
    ["font-weight"] = "bold", ["text-anchor"] = "middle", fill = "#1a1a1a" },
    pk.t("map.support") .. " →")
  return out
end

-- The legend, right of the plot: sectors (shape + colour), champion, trusted.
local function legend(sectors, top, keys)
  local out = { pk.h("text", { x = 8, y = top + 12, ["font-size"] = 12, ["font-weight"] = "bold",
    fill = "#1a1a1a" }, pk.t("map.legend")) }
  local entries = {}
  for _, s in ipairs(sectors) do entries[#entries + 1] = { shape(s, R), LABEL[s] } end
  local blankmark = pk.h("circle", { cx = 0, cy = 0, r = R, fill = "#ffffff", stroke = "#6b6b6b" })
  entries[#entries + 1] = { { blankmark, ring(R + 3.5) }, pk.t("map.champion") }
  entries[#entries + 1] = { { blankmark, check(0, 0) }, pk.vocab("trusted") }
  local ncol, colw = 4, (W - 16) / 4
  local y = top + 34
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
  -- the names of the markers labelled with a number, two columns
  if keys and #keys > 0 then
    y = y + 6
    local kw = (W - 16) / 2
    for i = 1, #keys, 2 do
      local rowh = 0
      for j = i, math.min(i + 1, #keys) do
        local x = 8 + (j - i) * kw
        local lines = wrap(pk.loc(keys[j].s.name), FS, kw - 40, 2)
        out[#out + 1] = pk.h("text", { x = r2(x + 22), y = r2(y + 4), ["font-size"] = FS,
          ["font-weight"] = "bold", ["text-anchor"] = "end", fill = "#1a1a1a" }, keys[j].n)
        for _, t in ipairs(textlines(lines, x + 30, y + 4, FS, "start")) do out[#out + 1] = t end
        rowh = math.max(rowh, 6 + #lines * LH)
      end
      y = y + rowh
    end
  end
  return out, y
end

-- Places markers and labels.  Returns the SVG nodes.
local function markers(list, obstacles)
  -- stakeholders sharing a position are set side by side in their cell
  local cells, order = {}, {}
  for _, s in ipairs(list) do
    local k = s.influence .. ":" .. s.support
    if not cells[k] then cells[k] = {}; order[#order + 1] = k end
    table.insert(cells[k], s)
  end
  local placed = {}
  local step = 2 * R + 10
  for _, k in ipairs(order) do
    local group = cells[k]
    local n = #group
    local perrow = math.max(1, math.min(n, math.floor((CW - 8) / step)))
    local nrows = math.ceil(n / perrow)
    local pos = {}
    local minx, maxx, miny, maxy = math.huge, -math.huge, math.huge, -math.huge
    for i, s in ipairs(group) do
      local row, col = (i - 1) // perrow, (i - 1) % perrow
      local inrow = math.min(perrow, n - row * perrow)
      local x = cx(s.support) + (col - (inrow - 1) / 2) * step
      local y = cy(s.influence) + (row - (nrows - 1) / 2) * step
      pos[i] = { x, y }
      minx, maxx = math.min(minx, x), math.max(maxx, x)
      miny, maxy = math.min(miny, y), math.max(maxy, y)
    end
    -- a crowded cell at the edge: the whole group moves inside the plot
    local m = R + 8
    local dx = math.max(0, X0 + m - minx) - math.max(0, maxx - (X1 - m))
    -- (and clear of the quadrant names along the top and bottom edges)
    local band = 24 + R + 6
    local dy = math.max(0, Y0 + band - miny) - math.max(0, maxy - (Y1 - band))
    for i, s in ipairs(group) do
      local x, y = pos[i][1] + dx, pos[i][2] + dy
      placed[#placed + 1] = { s = s, x = x, y = y, obstacle = #obstacles + 1 }
      local rr = s.champion and R + 5 or R + 2
      obstacles[#obstacles + 1] = { x0 = x - rr, x1 = x + rr + (s.trusted and 6 or 0),
        y0 = y - rr - (s.trusted and 6 or 0), y1 = y + rr }
    end
  end

  local bounds = { x0 = X0 + 2, x1 = X1 - 2, y0 = Y0 + 2, y1 = Y1 - 2 }
  -- crowded markers first, so that they get the places nearest to them;
  -- then from top to bottom, left to right: a stable order
  local sorted = {}
  for i, p in ipairs(placed) do
    local near = 0
    for _, q in ipairs(placed) do
      if math.abs(q.x - p.x) < 140 and math.abs(q.y - p.y) < 60 then near = near + 1 end
    end
    p.near = near
    sorted[i] = p
  end
  table.sort(sorted, function(a, b)
    if a.near ~= b.near then return a.near > b.near end
    if a.y ~= b.y then return a.y < b.y end
    if a.x ~= b.x then return a.x < b.x end
    return a.s.id < b.s.id
  end)
  local boxes, leaders      -- labels and leader lines placed so far
  -- where a leader line from (x, y) meets box b
  local function anchor(b, x, y)
    return math.max(b.x0, math.min(x, b.x1)), math.max(b.y0, math.min(y, b.y1))
  end
  local function free(b, p, own, leader)
    if b.x0 < bounds.x0 or b.x1 > bounds.x1 or b.y0 < bounds.y0 or b.y1 > bounds.y1 then
      return false
    end
    -- (the marker's own box is left out: the sides keep clear of it)
    for i, o in ipairs(obstacles) do
      if i ~= own and overlaps(b, o) then return false end
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
  -- label shapes to try: the usual one, narrower and taller, wider
  local variants = { { LABEL_W, 3 }, { 104, 4 }, { 184, 2 } }
  local SIDES = { "right", "left", "below", "above",
    "above-right", "below-right", "above-left", "below-left" }
  local function attempt(order)
  boxes, leaders = {}, {}
  local result, failed, numbered = {}, {}, {}
  for _, p in ipairs(order) do
    local shapes = {}
    for _, v in ipairs(variants) do
      local lines = wrap(pk.loc(p.s.name), FS, v[1], v[2])
      local w = 0
      for _, l in ipairs(lines) do w = math.max(w, pk.textwidth(l, FS)) end
      shapes[#shapes + 1] = { lines = lines, w = w, h = #lines * LH }
    end
    local gap = (p.s.champion and R + 6 or R + 4)
    local tr = p.s.trusted and 5 or 0
    -- the box of a label shape on a side of the marker, moved k steps
    -- away along that side (stacking)
    local function box(sh, side, k)
      local w, h = sh.w, sh.h
      local bx, by
      if side == "right" then bx, by = p.x + gap + tr, p.y - h / 2 + k * (LH + 1)
      elseif side == "left" then bx, by = p.x - gap - w, p.y - h / 2 + k * (LH + 1)
      elseif side == "below" then bx, by = p.x - w / 2 + k * 24, p.y + gap
      elseif side == "above" then bx, by = p.x - w / 2 + k * 24, p.y - gap - h
      else
        local d = gap * 0.75
        bx = side:sub(-5) == "right" and p.x + d + tr or p.x - d - w
        by = side:sub(1, 5) == "above" and p.y - d - h - (k < 0 and -k or k) * (LH + 1)
          or p.y + d + (k < 0 and -k or k) * (LH + 1)
        if k < 0 then return nil end   -- diagonals move outwards only
      end
      if side == "below" or side == "above" then   -- kept inside the plot
        bx = math.max(bounds.x0 + 2, math.min(bx, bounds.x1 - 2 - w))
      end
      return { x0 = bx - 2, x1 = bx + w + 2, y0 = by - 1, y1 = by + h + 1, bx = bx, by = by,
        side = side, shape = sh, k = k }
    end
    local function search(list)
      for step = 0, 40 do
        local k = (step % 2 == 1) and (step + 1) // 2 or -(step // 2)
        for _, sh in ipairs(list) do
          for _, side in ipairs(SIDES) do
            local b = box(sh, side, k)
            if b and free(b, p, p.obstacle, k ~= 0) then return b end
          end
        end
      end
    end
    local found = search(shapes)
    if not found then
      -- no room for the name: a number, and the name in the key below
      local num = tostring(#numbered + 1)
      found = search({ { lines = { num }, w = pk.textwidth(num, FS), h = LH } })
      if found then numbered[#numbered + 1] = { n = num, s = p.s } end
    end
    if not found then
      failed[#failed + 1] = p
      found = box(shapes[1], "below", 0)
    end
    boxes[#boxes + 1] = found
    if found.k ~= 0 then
      local lx, ly = anchor(found, p.x, p.y)
      found.lx, found.ly = lx, ly
      leaders[#leaders + 1] = { p.x, p.y, lx, ly }
    end
    result[#result + 1] = { p = p, b = found }
  end
  return result, failed, numbered
  end

  -- a label that found no room (or only room for a number) goes first
  -- in the next attempt
  local order, best, bestfailed, bestnum, bestcost = sorted, nil, nil, nil, nil
  for _ = 1, 6 do
    local result, failed, numbered = attempt(order)
    local cost = #failed * 1000 + #numbered
    if best == nil or cost < bestcost then
      best, bestfailed, bestnum, bestcost = result, failed, numbered, cost
    end
    if cost == 0 then break end
    local first, rest, moved = {}, {}, {}
    for _, p in ipairs(failed) do moved[p.s] = true end
    for _, e in ipairs(numbered) do moved[e.s] = true end
    for _, p in ipairs(order) do
      if moved[p.s] then first[#first + 1] = p else rest[#rest + 1] = p end
    end
    for _, p in ipairs(rest) do first[#first + 1] = p end
    order = first
  end
  for _, p in ipairs(bestfailed) do
    pk.warn("stakeholder-map: no free room for the label of '" .. p.s.id ..
      "'; it may overlap another")
  end
  local labels = {}
  for _, r in ipairs(best) do   -- leader lines first: under the labels
    if r.b.lx then
      labels[#labels + 1] = pk.h("line", { x1 = r2(r.p.x), y1 = r2(r.p.y), x2 = r2(r.b.lx),
        y2 = r2(r.b.ly), stroke = "#6b6b6b", ["stroke-width"] = 0.75 })
    end
  end
  for _, r in ipairs(best) do
    for _, t in ipairs(textlines(r.b.shape.lines, r.b.bx, r.b.by + FS * 0.85, FS, "start")) do
      t:attr("class", "pk-label")
      labels[#labels + 1] = t
    end
  end

  local out = {}
  for _, l in ipairs(labels) do out[#out + 1] = l end   -- leader lines under markers
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
-- many stakeholders in each zone (those on a dividing line apart), the
-- champions by name, and that the table follows.  The PDF's Figure and
-- the site's <svg role="img"> read it (aria-labelledby: title, desc).
local function describe(list)
  local n = { engage = 0, manage = 0, inform = 0, monitor = 0, between = 0 }
  local champions = {}
  for _, s in ipairs(list) do
    local high, low = s.influence >= 4, s.influence <= 2
    local pro, con = s.support >= 1, s.support <= -1
    if high and pro then n.engage = n.engage + 1
    elseif high and con then n.manage = n.manage + 1
    elseif low and pro then n.inform = n.inform + 1
    elseif low and con then n.monitor = n.monitor + 1
    else n.between = n.between + 1 end
    if s.champion then champions[#champions + 1] = pk.loc(s.name) end
  end
  local zones = {}
  for _, q in ipairs({ "engage", "manage", "inform", "monitor" }) do
    zones[#zones + 1] = pk.t("map.alt_zone", pk.t("map." .. q), pk.number(n[q]))
  end
  if n.between > 0 then
    zones[#zones + 1] = pk.t("map.alt_zone", pk.t("map.alt_between"), pk.number(n.between))
  end
  local out = { pk.t("map.desc"), pk.t("map.alt_count", pk.number(#list)) ..
    " " .. table.concat(zones, pk.t("map.alt_sep")) .. "." }
  if #champions > 0 then
    out[#out + 1] = pk.t("map.alt_champions", table.concat(champions, ", ")) .. "."
  end
  out[#out + 1] = pk.t("map.alt_table")
  return table.concat(out, " ")
end

local function svg(list, title, blank)
  -- the blank grid is taller: room to write names in each cell
  Y1 = blank and 560 or 420
  CH = (Y1 - Y0) / 5
  local obstacles = {}
  local tid, did = pk.id("map-title"), pk.id("map-desc")
  local present = {}
  for _, s in ipairs(list) do present[s.sector] = true end
  local sectors = {}
  for _, s in ipairs(SECTORS) do
    if blank or present[s] then sectors[#sectors + 1] = s end
  end
  local bg = background(obstacles)
  local marks, keys
  if not blank then marks, keys = markers(list, obstacles) end
  local leg, bottom = legend(sectors, Y1 + 66, keys)
  local H = math.ceil(bottom)
  return pk.h("svg", { viewBox = "0 0 " .. W .. " " .. H, role = "img",
    ["aria-labelledby"] = tid .. " " .. did },
    pk.h("title", { id = tid }, title),
    pk.h("desc", { id = did }, blank and pk.t("map.blank") or describe(list)),
    pk.h("rect", { x = 0, y = 0, width = W, height = H, fill = "#ffffff" }),
    bg, leg, marks)
end

local function quadrants()
  local items = {}
  for _, q in ipairs({ "engage", "manage", "inform", "monitor" }) do
    items[#items + 1] = pk.h("dt", nil, pk.t("map." .. q))
    items[#items + 1] = pk.h("dd", nil, pk.t("map." .. q .. "_text"))
  end
  return pk.h("dl", { class = "pk-quadrants" }, items)
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

-- the room wished for in each column of the blank table, in characters
local BLANK_WISH = { name = 26, sector = 14, level = 10, influence = 6, support = 6 }

local function blank_table(n, caption)
  local rows = {}
  for i = 1, n do
    local cells = {}
    for j, c in ipairs(COLS) do
      local id = pk.id("map-field")
      local label = pk.h("label", { ["for"] = id, class = "pk-visually-hidden" },
        colname(c) .. " " .. i)
      local input
      if c == "champion" or c == "trusted" then
        input = pk.h("input", { type = "checkbox", id = id, name = "row" .. i .. "-" .. c })
      else
        input = pk.h("input", { type = "text", id = id, name = "row" .. i .. "-" .. c,
          size = BLANK_WISH[c], ["data-pk-lines"] = 1 })
      end
      cells[#cells + 1] = pk.h(j == 1 and "th" or "td", j == 1 and { scope = "row" } or nil,
        label, input)
    end
    rows[#rows + 1] = pk.h("tr", nil, cells)
  end
  local cap, thead = head(caption)
  return pk.h("table", { class = "pk-table" }, cap, thead, pk.h("tbody", nil, rows))
end

return function(args)
  pk.check(args, ARGS)
  vocab()
  local title = args.title and pk.loc(args.title) or pk.t("map.title")
  if args.blank then
    local fig = pk.h("figure", nil, pk.h("figcaption", nil, title), svg({}, title, true),
      quadrants())
    return pk.h("section", { class = "pk-component pk-stakeholder-map" },
      pk.h("form", { class = "pk-form", ["data-pk-form"] = args.form or ("stakeholder-map-" .. pk.lang) },
        pk.h("p", nil, pk.t("map.blank")),
        fig,
        blank_table(args.rows or 8, title),
        pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice")))))
  end
  local source = args.source or "stakeholders"
  local list = pk.check(pk.data(source), { type = "list", of = stakeholder(), min = 1 }, source)
  local fig = pk.h("figure", nil, pk.h("figcaption", nil, title), svg(list, title, false),
    quadrants())
  return pk.h("section", { class = "pk-component pk-stakeholder-map" }, fig,
    table_of(list, title))
end
