-- a finalizer runs outside the instruction hook: it would hang lua_close
setmetatable({}, { __gc = function() while true do end end })
return {}
