-- The words of this toolkit's topic: child protection between schools and
-- health services.
return {
  sectors = {
    { id = "school", label = { fr = "École", en = "School" },
      marker = { shape = "square", colour = "#0b4f9c" } },
    { id = "health", label = { fr = "Santé", en = "Health" },
      marker = { shape = "plus", colour = "#0f6e43" } },
    { id = "social-services", label = { fr = "Services sociaux", en = "Social services" } },
    { id = "child-protection", label = { fr = "Protection de l’enfance", en = "Child protection" } },
    { id = "local-government", label = { fr = "Collectivité locale", en = "Local government" } },
    { id = "parents", label = { fr = "Associations de parents", en = "Parents’ associations" } },
    { id = "ngo", label = { fr = "Association", en = "Non-profit" } },
  },
  levels = {
    { id = "school", label = { fr = "Établissement", en = "School" } },
    { id = "district", label = { fr = "Circonscription", en = "District" } },
    { id = "region", label = { fr = "Académie", en = "Region" } },
    { id = "national", label = { fr = "National", en = "National" } },
  },
  plan_levels = {
    { id = "school", label = { fr = "Établissement", en = "School" } },
    { id = "district", label = { fr = "Circonscription", en = "District" } },
    { id = "region", label = { fr = "Académie", en = "Region" } },
  },
  meeting_kinds = {
    { id = "bilateral", label = { fr = "Rencontre école-santé", en = "School and health meeting" } },
    { id = "network", label = { fr = "Réunion du réseau", en = "Network meeting" } },
    { id = "training", label = { fr = "Formation commune", en = "Joint training" } },
  },
  decisions = {
    { id = "partner", label = { fr = "Partenaire", en = "Partner" } },
    { id = "involve", label = { fr = "Associer plus tard", en = "Involve later" } },
    { id = "inform", label = { fr = "Tenir informé", en = "Keep informed" } },
  },
  screening_questions = {
    { id = "families", label = { fr = "A la confiance des familles ?", en = "Trusted by families?" } },
    { id = "children", label = { fr = "Sait travailler avec des enfants ?", en = "Knows how to work with children?" } },
    { id = "safeguarding", label = { fr = "A une politique de protection de l’enfance ?", en = "Has a child safeguarding policy?" } },
    { id = "refers", label = { fr = "Peut orienter vers d’autres services ?", en = "Can refer to other services?" } },
    { id = "influential", label = { fr = "Soutien influent ?", en = "Influential supporter?" } },
  },
  plan_questions = {
    { fr = "Quelle difficulté concrète voyez-vous dans l’orientation d’un enfant entre l’école et les soins ?",
      en = "What practical difficulty do you see in referring a child between school and care?" },
    { fr = "Se produit-elle une fois, ou revient-elle d’une année sur l’autre ?",
      en = "Does it happen once, or does it come back year after year?" },
    { fr = "Tient-elle à une procédure, à un manque de formation, ou au partage des informations ?",
      en = "Does it come from a procedure, a lack of training, or the sharing of information?" },
    { fr = "Peut-elle être réglée dans l’établissement, ou faut-il la circonscription ?",
      en = "Can it be solved in the school, or does the district need to act?" },
  },
  trusted = { fr = "A la confiance des familles", en = "Trusted by families" },
  notice = { fr = "Confidentiel : n’écrivez aucun nom d’enfant, ni rien qui permette de reconnaître un enfant ou sa famille",
             en = "Confidential: write no child’s name, and nothing that could identify a child or their family" },
  clauses = {
    confidentiality = {
      fr = "Les parties n’échangent que des chiffres d’ensemble, qui ne permettent de reconnaître aucun enfant. Ce qui concerne un enfant reste au service qui le suit et n’est transmis qu’avec l’accord de ses responsables légaux, selon les règles de l’établissement.",
      en = "The parties exchange only overall figures, from which no child can be recognised. What concerns a child stays with the service that follows them, and is passed on only with the agreement of their legal guardians, under the school’s rules." },
  },
}
