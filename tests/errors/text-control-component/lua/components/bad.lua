return function(args)
  return pk.h("abbr", { title = "a\2b" }, "x")
end
