-- Event handlers would run script in the reader's browser.
return function(args)
  return pk.h("p", { onclick = "alert(1)" }, "texte")
end
