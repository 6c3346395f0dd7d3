-- would let a data file rewrite every string method
getmetatable("").__index.upper = function() return "HACKED" end
return {}
