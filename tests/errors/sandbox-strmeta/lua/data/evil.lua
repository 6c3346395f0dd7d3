-- strings share one metatable: writing through a string must fail
local s = ""
s.upper = function() return "HACKED" end
return {}
