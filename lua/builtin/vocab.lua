-- The built-in vocabularies: the lists and texts of the default toolkit's
-- topic (partnerships between the police and other actors to end violence
-- against women and girls), in French and English.  A project replaces any
-- of them in its own lua/vocab.lua (a table with the same keys); a list it
-- gives replaces the built-in one whole.  README.md, "Vocabularies", says
-- what each is for; tests/t_vocab.sh builds a project on another topic.
return {
  -- stakeholders.lua: sector (the map shows each by a shape and a colour,
  -- each at least 4.5:1 against white and the quadrant fills)
  sectors = {
    { id = "police", label = { fr = "Police",
        en = "Police" },
      marker = { shape = "circle", colour = "#0b4f9c" } },
    { id = "security", label = { fr = "Sécurité",
        en = "Security" },
      marker = { shape = "square", colour = "#5b3a9b" } },
    { id = "justice", label = { fr = "Justice",
        en = "Justice" },
      marker = { shape = "diamond", colour = "#8b1e3f" } },
    { id = "health", label = { fr = "Santé",
        en = "Health" },
      marker = { shape = "up", colour = "#0f6e43" } },
    { id = "shelter", label = { fr = "Hébergement",
        en = "Shelter" },
      marker = { shape = "down", colour = "#a84300" } },
    { id = "womens-org", label = { fr = "Organisation de femmes",
        en = "Women’s organisation" },
      marker = { shape = "star", colour = "#a3166b" } },
    { id = "civil-society", label = { fr = "Société civile",
        en = "Civil society" },
      marker = { shape = "hexagon", colour = "#00667d" } },
    { id = "government", label = { fr = "Gouvernement",
        en = "Government" },
      marker = { shape = "plus", colour = "#3d3d3d" } },
    { id = "community", label = { fr = "Communauté",
        en = "Community" },
      marker = { shape = "pentagon", colour = "#6b5200" } },
    { id = "media", label = { fr = "Médias",
        en = "Media" },
      marker = { shape = "hourglass", colour = "#6b4226" } },
    { id = "other", label = { fr = "Autre",
        en = "Other" },
      marker = { shape = "cross", colour = "#1a1a1a" } },
  },
  -- stakeholders.lua: level
  levels = {
    { id = "community", label = { fr = "Communautaire",
        en = "Community" } },
    { id = "local", label = { fr = "Local",
        en = "Local" } },
    { id = "regional", label = { fr = "Régional",
        en = "Regional" } },
    { id = "national", label = { fr = "National",
        en = "National" } },
    { id = "international", label = { fr = "International",
        en = "International" } },
  },
  -- action_plan.lua: actions[].level, the level of authority
  plan_levels = {
    { id = "local", label = { fr = "Local",
        en = "Local" } },
    { id = "regional", label = { fr = "Régional",
        en = "Regional" } },
    { id = "provincial", label = { fr = "Provincial",
        en = "Provincial" } },
    { id = "national", label = { fr = "National",
        en = "National" } },
  },
  -- consultations.lua: kind
  meeting_kinds = {
    { id = "bilateral", label = { fr = "Réunion bilatérale",
        en = "Bilateral meeting" } },
    { id = "joint-committee", label = { fr = "Comité conjoint",
        en = "Joint committee" } },
    { id = "consultation", label = { fr = "Consultation",
        en = "Consultation" } },
  },
  -- screening.lua: decision
  decisions = {
    { id = "partner", label = { fr = "Partenaire",
        en = "Partner" } },
    { id = "engage", label = { fr = "Associer",
        en = "Engage" } },
    { id = "monitor", label = { fr = "Surveiller",
        en = "Monitor" } },
    { id = "avoid", label = { fr = "Éviter",
        en = "Avoid" } },
  },
  -- screening.lua: one field per question, answered yes, partly, no or unknown
  screening_questions = {
    { id = "trusted", label = { fr = "A la confiance des survivantes ?",
        en = "Trusted by survivors?" } },
    { id = "respected", label = { fr = "Respecté par les organisations qui travaillent avec les survivantes ?",
        en = "Respected by organisations working with survivors?" } },
    { id = "risks", label = { fr = "Présente des risques particuliers ?",
        en = "Carries particular risks?" } },
    { id = "advocate", label = { fr = "Capable de plaider pour le changement ?",
        en = "Able to advocate for change?" } },
    { id = "champions", label = { fr = "Des relais en son sein ?",
        en = "Champions inside?" } },
    { id = "influential", label = { fr = "Soutien influent ?",
        en = "Influential supporter?" } },
  },
  -- the action plan's guiding questions (its blank worksheet)
  plan_questions = {
    { fr = "Quel problème concret vous préoccupe, et en quoi fait-il obstacle à la sécurité des femmes ou à la responsabilité de l’auteur ?",
      en = "What practical problem concerns you, and how does it stand in the way of women’s safety or of holding the perpetrator to account?" },
    { fr = "S’agit-il d’un cas isolé ou d’un problème qui se répète (un problème systémique) ?",
      en = "Is it a single case, or a problem that keeps coming back (a systemic one)?" },
    { fr = "Le problème touche-t-il une procédure administrative ou la circulation de l’information ?",
      en = "Does it concern an administrative procedure or the flow of information?" },
    { fr = "Révèle-t-il un besoin de formation complémentaire ?",
      en = "Does it show a need for further training?" },
    { fr = "Tient-il à une attitude, une idée reçue ou une croyance sur la violence à l’égard des femmes ?",
      en = "Does it come from an attitude, an assumption or a belief about violence against women?" },
    { fr = "Vient-il d’une lacune dans l’orientation des survivantes vers les services ?",
      en = "Does it come from a gap in referring survivors to services?" },
    { fr = "Peut-il être réglé au niveau local, ou faut-il l’intervention d’une autorité supérieure ?",
      en = "Can it be solved locally, or does it need a higher authority to act?" },
  },
  -- what a stakeholder's `trusted = true` means: the map's check mark, its column
  trusted = { fr = "A la confiance des survivantes",
    en = "Trusted by survivors" },
  -- the safety notice printed on every worksheet
  notice = { fr = "Confidentiel — ne consignez aucune information permettant d’identifier une survivante",
    en = "Confidential — do not record any information that could identify a survivor" },
  -- the MoU's clauses used when its data gives none
  clauses = {
    confidentiality = { fr = "Les parties ne partagent que des informations agrégées qui ne permettent d’identifier aucune survivante. Les informations sur un cas restent au service qui les détient et ne sont transmises qu’avec le consentement éclairé de la survivante, selon le protocole de partage d’informations annexé au présent protocole d’accord. Toute violation est signalée sans délai à toutes les parties.",
      en = "The parties share only aggregated information that identifies no survivor. Details of a case stay with the service that holds them and are passed on only with the survivor’s informed consent, under the information-sharing protocol annexed to this memorandum. Any breach is reported to all parties without delay." },
  },
}
