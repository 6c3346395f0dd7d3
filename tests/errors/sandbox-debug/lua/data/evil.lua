local info = debug.getinfo(1)
return {}
