-- string.find with plain = true: a catastrophic pattern is just text
local s = string.rep("a", 200)
local hit = s:find(string.rep("a-", 8) .. "b", 1, true)
-- the pattern functions are gone
return { s:match("a*") }
