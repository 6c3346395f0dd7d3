-- A link built from data: a javascript: URL must be refused.
return function(args)
  return pk.h("a", { href = args.href }, "lien")
end
