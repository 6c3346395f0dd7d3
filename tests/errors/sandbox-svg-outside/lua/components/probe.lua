-- SVG elements only inside an svg drawing.
return function(args)
  return pk.h("div", nil, pk.h("rect", { x = 1, y = 2, width = 3, height = 4 }))
end
