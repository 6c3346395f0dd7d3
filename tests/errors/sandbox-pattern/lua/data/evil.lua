-- string.find is plain: a catastrophic pattern is just text, found or not
local s = string.rep("a", 200)
local hit = s:find(string.rep("a-", 8) .. "b")
-- the pattern functions are gone
return { s:match("a*") }
