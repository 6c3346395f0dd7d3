-- a memory error cannot be caught either
local t = {}
local ok = pcall(function() return string.rep("x", 1 << 30) end)
t.after = ok
return t
