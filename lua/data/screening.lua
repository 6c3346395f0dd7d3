-- Illustrative screening of candidate partners in the fictional district
-- of Kessa (see stakeholders.lua).  Answers: yes, partly, no, unknown.
-- risks = "yes" means that there ARE particular risks to weigh.
return {
  { who = "police-unit",
    trusted = "partly", respected = "partly", risks = "yes",
    advocate = "yes", champions = "yes", influential = "yes",
    why = { fr = "Point d’entrée obligé des plaintes, avec une cheffe d’unité convaincue ; mais sa réputation de lenteur face aux appels pour violence domestique inquiète l’association des femmes. À associer avec un plan de travail conjoint et une stratégie de communication.",
            en = "The unavoidable entry point for complaints, led by a committed unit head; but its reputation for slow responses to domestic violence calls worries the women’s association. Partner with a joint work plan and a communication strategy." },
    decision = "partner" },

  { who = "health-centre",
    trusted = "yes", respected = "yes", risks = "no",
    advocate = "yes", champions = "yes", influential = "partly",
    why = { fr = "Les survivantes s’y rendent en premier ; la sage-femme major est une alliée reconnue par les associations.",
            en = "Survivors go there first; the head midwife is an ally recognised by the associations." },
    decision = "partner" },

  { who = "shelter",
    trusted = "yes", respected = "yes", risks = "partly",
    advocate = "partly", champions = "unknown", influential = "no",
    why = { fr = "Indispensable à la mise en sécurité ; ses faibles moyens l’exposent à la saturation, ce que le budget commun doit prendre en compte.",
            en = "Essential for safety; its slender means leave it at risk of being overwhelmed, which the joint budget must allow for." },
    decision = "partner" },

  { who = "womens-assoc",
    trusted = "yes", respected = "yes", risks = "no",
    advocate = "yes", champions = "yes", influential = "partly",
    why = { fr = "Porte la parole des survivantes dans les villages ; sa participation donne sa légitimité au partenariat.",
            en = "Speaks for survivors in the villages; its participation gives the partnership its legitimacy." },
    decision = "partner" },

  { who = "legal-aid",
    trusted = "yes", respected = "yes", risks = "no",
    advocate = "yes", champions = "unknown", influential = "no",
    why = { fr = "Compétence juridique rare dans le district ; à associer aux réunions sans alourdir le protocole.",
            en = "Legal expertise is scarce in the district; involve it in meetings without adding a party to the MoU." },
    decision = "engage" },

  { who = "prosecutor",
    trusted = "unknown", respected = "partly", risks = "partly",
    advocate = "partly", champions = "unknown", influential = "yes",
    why = { fr = "Son soutien serait décisif en cas de blocage, mais ses positions sur la violence domestique restent mal connues.",
            en = "Its backing would be decisive if things stall, but its views on domestic violence are little known." },
    decision = "engage" },

  { who = "traditional-leaders",
    trusted = "partly", respected = "partly", risks = "yes",
    advocate = "yes", champions = "partly", influential = "yes",
    why = { fr = "Très écoutés dans les villages ; le règlement à l’amiable des violences peut mettre les survivantes en danger. Travailler d’abord avec les deux membres favorables.",
            en = "Widely listened to in the villages; settling violence out of court can put survivors at risk. Work first with the two supportive members." },
    decision = "engage" },

  { who = "gendarmerie",
    trusted = "no", respected = "no", risks = "yes",
    advocate = "unknown", champions = "unknown", influential = "partly",
    why = { fr = "Aucune formation ni expérience des violences faites aux femmes pour l’instant ; revoir l’analyse dans six mois.",
            en = "No training or experience of violence against women so far; review the analysis in six months." },
    decision = "monitor" },
}
