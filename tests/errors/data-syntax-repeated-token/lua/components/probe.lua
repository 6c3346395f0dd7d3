-- Loads the data file named by source, then returns a paragraph.
return function(args)
  pk.data(args.source)
  return pk.h("p", nil, "ok")
end
