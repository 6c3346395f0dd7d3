-- sharing-protocol: the information-sharing protocol annexed to a
-- memorandum of understanding, in seven numbered parts: what is shared
-- (aggregated and anonymous only), what never is, with whom, how, for how
-- long, consent, and what happens after a breach; then its review.
--   source = "sharing"   the protocol (lua/data/sharing.lua)
--   parties = "stakeholders"   where the ids of `from` and `access` point
--   blank = true         the same parts as a worksheet to fill in
--   rows = 5             blank: rows of the "what is shared" table
--   partners = 4         blank: rows of the "with whom" table
--   form = "NAME"        blank: where the browser keeps the answers
-- It names roles and organisations, never people: the data has no field
-- for a person, and the worksheet carries the confidentiality notice.

local ARGS = { type = "record", fields = {
  source = { type = "string", nonempty = true, optional = true },
  parties = { type = "string", nonempty = true, optional = true },
  blank = { type = "boolean", optional = true },
  rows = { type = "integer", min = 1, max = 20, optional = true },
  partners = { type = "integer", min = 1, max = 12, optional = true },
  form = { type = "string", nonempty = true, optional = true },
} }

-- The component's own words, in both languages.
local L = {
  annex_to = { fr = "Annexe au protocole d’accord", en = "Annex to memorandum" },
  approved = { fr = "Approuvé par le comité le", en = "Approved by the committee on" },
  approved_field = { fr = "Date d’approbation", en = "Date of approval" },
  purpose = { fr = "Objet", en = "Purpose" },
  shared = { fr = "Ce qui est partagé", en = "What is shared" },
  what = { fr = "Données", en = "Data" },
  from = { fr = "Fournies par", en = "Provided by" },
  to = { fr = "Destinataire", en = "Recipient" },
  often = { fr = "Fréquence", en = "How often" },
  form = { fr = "Forme", en = "Form" },
  never = { fr = "Ce qui n’est jamais partagé", en = "What is never shared" },
  never_intro = { fr = "Aucune partie ne transmet, sous aucune forme :", en = "No party passes on, in any form:" },
  never_more = { fr = "Autres informations exclues", en = "Other information excluded" },
  cases = { fr = "Orientation d’une survivante", en = "Referring a survivor" },
  whom = { fr = "Avec qui", en = "With whom" },
  whom_intro = { fr = "Chaque partie désigne par sa fonction un point focal et un suppléant, seuls habilités à préparer et à recevoir les données.", en = "Each party names, by role, a focal point and a deputy, the only people allowed to prepare and receive the data." },
  party = { fr = "Partie", en = "Party" },
  focal = { fr = "Point focal (fonction)", en = "Focal point (role)" },
  deputy = { fr = "Suppléant (fonction)", en = "Deputy (role)" },
  publish = { fr = "Publication des chiffres", en = "Publishing figures" },
  channel = { fr = "Comment les données circulent et sont conservées", en = "How the data travels and is stored" },
  retention = { fr = "Durée de conservation", en = "How long the data is kept" },
  consent = { fr = "Consentement", en = "Consent" },
  breach = { fr = "En cas de fuite ou de violation", en = "After a leak or breach" },
  report_to = { fr = "Signaler à (fonction)", en = "Report to (role)" },
  within = { fr = "Dans un délai de (heures)", en = "Within (hours)" },
  more_steps = { fr = "Autres mesures convenues", en = "Other agreed steps" },
  review = { fr = "Révision", en = "Review" },
  next_review = { fr = "Prochaine révision", en = "Next review" },
  title = { fr = "Protocole d’échange d’informations", en = "Information-sharing protocol" },
  reference = { fr = "Référence du protocole d’accord", en = "Memorandum reference" },
  rule = { fr = "Seules des données agrégées et anonymes circulent entre les parties. Un effectif inférieur à 5 s’écrit « moins de 5 ».", en = "Only aggregated, anonymous data passes between the parties. A count below 5 is written “fewer than 5”." },
  never_default = {
    { fr = "le nom, les initiales ou la photo d’une survivante ou de ses proches ;", en = "a survivor’s name, initials or photograph, or those of her relatives;" },
    { fr = "son adresse, son village, son numéro de téléphone ;", en = "her address, village or telephone number;" },
    { fr = "sa date de naissance, son état de santé, le récit des faits ;", en = "her date of birth, her health, the account of what happened;" },
    { fr = "l’adresse d’un lieu d’hébergement ;", en = "the address of a shelter;" },
    { fr = "toute combinaison de détails qui permettrait de la reconnaître.", en = "any combination of details that would make her recognisable." },
  },
  cases_default = { fr = "Une survivante orientée vers un autre service n’emporte que les informations qu’elle accepte de transmettre, et seulement ce dont ce service a besoin pour l’aider.", en = "A survivor referred to another service takes with her only the information she agrees to pass on, and only what that service needs to help her." },
  consent_default = { fr = "Toute information individuelle ne passe d’un service à l’autre qu’avec le consentement éclairé de la survivante, qu’elle peut refuser ou retirer à tout moment sans perdre aucun service.", en = "Any individual information passes from one service to another only with the survivor’s informed consent, which she may refuse or withdraw at any time without losing any service." },
  breach_default = {
    { fr = "Arrêter la diffusion : récupérer, supprimer, faire détruire les copies.", en = "Stop the spread: retrieve, delete, have copies destroyed." },
    { fr = "Si une survivante peut être identifiée, prévenir aussitôt le service qui l’accompagne pour évaluer sa sécurité avec elle.", en = "If a survivor could be identified, tell the service supporting her at once so that it can assess her safety with her." },
    { fr = "Signaler la violation dans le délai convenu ci-dessous.", en = "Report the breach within the time agreed below." },
    { fr = "Consigner ce qui s’est passé et ce qui change, sans détail identifiant ; informer l’autorité de protection des données si la loi l’exige.", en = "Record what happened and what will change, without identifying details; inform the data protection authority where the law requires it." },
    { fr = "Revoir le protocole et, au besoin, former de nouveau le personnel.", en = "Review the protocol and, where needed, retrain staff." },
  },
}

local function t(k) return pk.loc(L[k]) end

local loc = { type = "loc" }

local function schema(parties)
  local ref = { type = "ref", to = parties }
  return { type = "record", fields = {
    title = loc, approved = { type = "date", optional = true },
    purpose = loc, rule = { type = "loc", optional = true },
    shared = { type = "list", min = 1, of = { type = "record", fields = {
      what = loc, from = { type = "list", min = 1, of = ref },
      to = loc, often = loc, form = loc } } },
    never = { type = "list", min = 1, of = loc },
    cases = loc,
    access = { type = "list", min = 1, of = { type = "record", fields = {
      who = ref, focal = loc, deputy = { type = "loc", optional = true } } } },
    publish = { type = "loc", optional = true },
    channel = loc, retention = loc, consent = loc,
    breach = { type = "list", min = 1, of = loc },
    review = { type = "loc", optional = true },
  } }
end

-- Numbered parts, as the memorandum's articles are.
local function parts()
  local n = 0
  return function(key, ...)
    n = n + 1
    return pk.h("section", { class = "pk-article" },
      pk.h("h3", nil, pk.number(n) .. ". " .. t(key)), ...)
  end
end

local function list(items, tag)
  local li = {}
  for _, it in ipairs(items) do li[#li + 1] = pk.h("li", nil, pk.text(it)) end
  return pk.h(tag or "ul", nil, li)
end

local function filled(args)
  local source = args.source or "sharing"
  local pname = args.parties or "stakeholders"
  local names = {}
  local plist = pk.data(pname)
  if type(plist) == "table" then
    for _, s in ipairs(plist) do
      if type(s) == "table" and type(s.id) == "string" then names[s.id] = s.name end
    end
  end
  local p = pk.check(pk.data(source), schema(pname), source)
  local function who(ids)
    local out = {}
    for i, id in ipairs(ids) do
      if i > 1 then out[#out + 1] = ", " end
      out[#out + 1] = pk.text(names[id] or id)
    end
    return out
  end
  local part = parts()
  local out = { pk.h("p", { class = "pk-form-title" }, pk.h("strong", nil, pk.text(p.title))) }
  if p.approved then
    out[#out + 1] = pk.h("p", { class = "pk-meta" }, t("approved"), " ",
      pk.h("time", { datetime = p.approved }, pk.date(p.approved)))
  end
  out[#out + 1] = part("purpose", pk.h("p", nil, pk.text(p.purpose)))

  local rows = {}
  for _, s in ipairs(p.shared) do
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, pk.text(s.what)),
      pk.h("td", nil, who(s.from)), pk.h("td", nil, pk.text(s.to)),
      pk.h("td", nil, pk.text(s.often)), pk.h("td", nil, pk.text(s.form)))
  end
  out[#out + 1] = part("shared",
    pk.h("p", nil, pk.text(p.rule or L.rule)),
    pk.h("table", { class = "pk-table pk-blank" },
      pk.h("thead", nil, pk.h("tr", nil,
        pk.h("th", { scope = "col" }, t("what")), pk.h("th", { scope = "col" }, t("from")),
        pk.h("th", { scope = "col" }, t("to")), pk.h("th", { scope = "col" }, t("often")),
        pk.h("th", { scope = "col" }, t("form")))),
      pk.h("tbody", nil, rows)))

  out[#out + 1] = part("never", pk.h("p", nil, t("never_intro")), list(p.never),
    pk.h("h4", nil, t("cases")), pk.h("p", nil, pk.text(p.cases)))

  local arows = {}
  for _, a in ipairs(p.access) do
    arows[#arows + 1] = pk.h("tr", nil,
      pk.h("th", { scope = "row" }, pk.text(names[a.who] or a.who)),
      pk.h("td", nil, pk.text(a.focal)),
      pk.h("td", nil, a.deputy and pk.text(a.deputy) or nil))
  end
  out[#out + 1] = part("whom", pk.h("p", nil, t("whom_intro")),
    pk.h("table", { class = "pk-table pk-blank" },
      pk.h("thead", nil, pk.h("tr", nil,
        pk.h("th", { scope = "col" }, t("party")), pk.h("th", { scope = "col" }, t("focal")),
        pk.h("th", { scope = "col" }, t("deputy")))),
      pk.h("tbody", nil, arows)),
    p.publish and pk.h("h4", nil, t("publish")) or nil,
    p.publish and pk.h("p", nil, pk.text(p.publish)) or nil)

  out[#out + 1] = part("channel", pk.h("p", nil, pk.text(p.channel)))
  out[#out + 1] = part("retention", pk.h("p", nil, pk.text(p.retention)))
  out[#out + 1] = part("consent", pk.h("p", nil, pk.text(p.consent)))
  out[#out + 1] = part("breach", list(p.breach, "ol"))
  if p.review then out[#out + 1] = part("review", pk.h("p", nil, pk.text(p.review))) end
  return pk.h("section", { class = "pk-component pk-sharing-protocol" }, out)
end

-- ---- blank: the same parts as a worksheet --------------------------------

local function field(label, name, lines, hidden, size)
  local id = pk.id("isp")
  local lab = pk.h("label", { ["for"] = id, class = hidden and "pk-visually-hidden" or nil }, label)
  if lines and lines > 1 then
    return lab, pk.h("textarea", { id = id, name = name, rows = lines, ["data-pk-lines"] = lines })
  end
  return lab, pk.h("input", { type = "text", id = id, name = name, size = size, ["data-pk-lines"] = 1 })
end

-- A field in a table cell, whose column header says what it is: three
-- handwriting lines in print (the room the example's longest cells need).
local function cell(label, name, size)
  local id = pk.id("isp")
  return pk.h("label", { ["for"] = id, class = "pk-visually-hidden" }, label),
    pk.h("input", { type = "text", id = id, name = name, size = size, ["data-pk-lines"] = 3 })
end

local function blank(args)
  local part = parts()
  local out = {
    pk.h("p", { class = "pk-form-title" }, pk.h("strong", nil, t("title"))),
    pk.h("aside", { class = "pk-note" }, pk.h("p", nil, pk.vocab("notice"))),
    pk.h("div", { class = "pk-compact" },
      { field(t("reference"), "reference") }, { field(t("approved_field"), "approved") }),
  }
  -- a field right under a heading of the same words: its label is for
  -- screen readers only (the heading already says it on paper)
  out[#out + 1] = part("purpose", field(t("purpose"), "purpose", 3, true))

  local rows = {}
  for r = 1, args.rows or 5 do
    local n = "flow" .. r .. "-"
    rows[#rows + 1] = pk.h("tr", nil,
      pk.h("td", nil, cell(t("what") .. " " .. r, n .. "what", 34)),
      pk.h("td", nil, cell(t("from") .. " " .. r, n .. "from", 16)),
      pk.h("td", nil, cell(t("to") .. " " .. r, n .. "to", 14)),
      pk.h("td", nil, cell(t("often") .. " " .. r, n .. "often", 10)),
      pk.h("td", nil, cell(t("form") .. " " .. r, n .. "form", 14)))
  end
  out[#out + 1] = part("shared", pk.h("p", nil, t("rule")),
    pk.h("table", { class = "pk-table pk-blank" },
      pk.h("thead", nil, pk.h("tr", nil,
        pk.h("th", { scope = "col" }, t("what")), pk.h("th", { scope = "col" }, t("from")),
        pk.h("th", { scope = "col" }, t("to")), pk.h("th", { scope = "col" }, t("often")),
        pk.h("th", { scope = "col" }, t("form")))),
      pk.h("tbody", nil, rows)))

  out[#out + 1] = part("never", pk.h("p", nil, t("never_intro")), list(L.never_default),
    { field(t("never_more"), "never", 3) },
    pk.h("h4", nil, t("cases")), pk.h("p", nil, t("cases_default")),
    { field(t("cases"), "cases", 3) })

  local arows = {}
  for i = 1, args.partners or 4 do
    local n = "party" .. i .. "-"
    arows[#arows + 1] = pk.h("tr", nil,
      pk.h("td", nil, cell(t("party") .. " " .. i, n .. "name", 26)),
      pk.h("td", nil, cell(t("focal") .. " " .. i, n .. "focal", 22)),
      pk.h("td", nil, cell(t("deputy") .. " " .. i, n .. "deputy", 22)))
  end
  out[#out + 1] = part("whom", pk.h("p", nil, t("whom_intro")),
    pk.h("table", { class = "pk-table pk-blank" },
      pk.h("thead", nil, pk.h("tr", nil,
        pk.h("th", { scope = "col" }, t("party")), pk.h("th", { scope = "col" }, t("focal")),
        pk.h("th", { scope = "col" }, t("deputy")))),
      pk.h("tbody", nil, arows)),
    { field(t("publish"), "publish", 2) })

  out[#out + 1] = part("channel", field(t("channel"), "channel", 4, true))
  out[#out + 1] = part("retention", field(t("retention"), "retention", 3, true))
  out[#out + 1] = part("consent", pk.h("p", nil, t("consent_default")),
    field(t("consent"), "consent", 3, true))
  out[#out + 1] = part("breach", list(L.breach_default, "ol"),
    pk.h("div", { class = "pk-compact pk-keep" },
      { field(t("report_to"), "breach-to") }, { field(t("within"), "breach-hours") }),
    { field(t("more_steps"), "breach-more", 3) })
  out[#out + 1] = part("review", pk.h("div", { class = "pk-compact" },
    field(t("next_review"), "review")))
  return pk.h("section", { class = "pk-component pk-sharing-protocol" },
    pk.h("form", { class = "pk-form",
      ["data-pk-form"] = args.form or ("sharing-protocol-" .. pk.lang) }, out))
end

return function(args)
  pk.check(args, ARGS)
  if args.blank then return blank(args) end
  return filled(args)
end
