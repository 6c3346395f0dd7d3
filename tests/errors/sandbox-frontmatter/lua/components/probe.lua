-- Returns a paragraph with the title argument.
return function(args)
  return pk.h("p", nil, args.title or "ok")
end
