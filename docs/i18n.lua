-- docs/i18n.lua: writes docs/i18n.md, the list of the built-in interface
-- strings, from lua/builtin/i18n/en.lua and fr.lua (run by `make docs`;
-- tests/t_docs.sh runs it again and compares, so the page cannot drift).
-- usage: lua5.4 docs/i18n.lua ROOT > docs/i18n.md
local root = arg[1] or "."
local en = dofile(root .. "/lua/builtin/i18n/en.lua")
local fr = dofile(root .. "/lua/builtin/i18n/fr.lua")

-- the keys in the order en.lua gives them, with its section comments
local order, sections = {}, {}
for line in io.lines(root .. "/lua/builtin/i18n/en.lua") do
  local c = line:match("^%s*%-%- (.+)$")
  if c and not line:match("^%-%-") then sections[#order + 1] = c end
  local k = line:match('^%s*%["([^"]+)"%]%s*=') or line:match("^%s*([%w_]+)%s*=")
  if k and en[k] ~= nil then order[#order + 1] = k end
end

local function cell(s)
  s = s or ""
  return (s:gsub("|", "\\|"))
end

local out = { "# Interface strings",
  "",
  "The built-in interface strings, key by key, as `lua/builtin/i18n/en.lua` and `fr.lua`",
  "hold them (this page is made from those files by `make docs`; `tests/t_docs.sh` checks",
  "that it is up to date). A project changes any of them, and adds its own components'",
  "keys, in `lua/i18n/<lang>.lua` (README.md, \"Interface strings\"). A `%d` or `%s` is",
  "filled in by the code that uses the string. The words of the toolkit's topic (sectors,",
  "levels, questions, the worksheets' notice) are not here: they are the vocabularies of",
  "`lua/vocab.lua` (README.md, \"Vocabularies\")." }
for i, k in ipairs(order) do
  if sections[i] then
    out[#out + 1] = ""
    out[#out + 1] = "## " .. sections[i]:gsub("^%l", string.upper)
    out[#out + 1] = ""
    out[#out + 1] = "| key | English | French |"
    out[#out + 1] = "|---|---|---|"
  end
  out[#out + 1] = "| `" .. k .. "` | " .. cell(en[k]) .. " | " .. cell(fr[k]) .. " |"
end
io.write(table.concat(out, "\n"), "\n")
