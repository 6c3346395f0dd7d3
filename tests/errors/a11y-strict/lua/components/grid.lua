return function(args)
  return pk.h("table", {}, pk.h("tbody", {}, pk.h("tr", {}, pk.h("td", {}, "a"), pk.h("td", {}, "b"))))
end
