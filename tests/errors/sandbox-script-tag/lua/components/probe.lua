-- No element outside the contract's list.
return function(args)
  return pk.h("section", nil, pk.h("script", nil, "alert(1)"))
end
