-- referral-count: how many partners, how many of them schools; a project
-- component with its own interface strings (lua/i18n/) and the sectors of
-- the project's vocabulary.
return function(args)
  local source = args.source or "stakeholders"
  local list = pk.check(pk.data(source), { type = "list", min = 1 }, source)
  local schools = 0
  for _, s in ipairs(list) do if s.sector == "school" then schools = schools + 1 end end
  local names = {}
  for _, s in ipairs(pk.vocab("sectors")) do names[#names + 1] = s.label end
  return pk.h("p", { class = "pk-meta" }, pk.h("strong", nil, pk.t("referrals.title")), " — ",
    pk.t("referrals.count", #list, schools), " (", table.concat(names, ", "), ")")
end
