-- Illustrative data: the district of Kessa does not exist.  Every
-- organisation below is invented for training purposes; it describes
-- organisations and roles only, never survivors.
return {
  { id = "police-unit",
    name = { fr = "Police : unité de protection de la famille",
             en = "Police Family Protection Unit" },
    sector = "police", level = "local", influence = 4, support = 1,
    champion = true,
    notes = { fr = "District fictif. La cheffe d’unité défend le projet ; plusieurs associations reprochent encore au commissariat de tarder à répondre aux appels pour violence domestique.",
              en = "Fictional district. The unit head backs the project; several associations still blame the station for answering domestic violence calls slowly." } },

  { id = "gendarmerie",
    name = { fr = "Gendarmerie de Kessa-Nord", en = "Kessa North Gendarmerie" },
    sector = "security", level = "local", influence = 2, support = -1,
    notes = { fr = "District fictif. Couvre les villages éloignés ; n’a encore reçu aucune formation sur l’accueil des survivantes.",
              en = "Fictional district. Covers the remote villages; has had no training yet on receiving survivors." } },

  { id = "prosecutor",
    name = { fr = "Parquet de Kessa", en = "Kessa Prosecutor’s Office" },
    sector = "justice", level = "regional", influence = 5, support = 0,
    notes = { fr = "District fictif. Parquet près le tribunal de grande instance ; décide des poursuites ; attend de voir des dossiers mieux documentés avant de s’engager.",
              en = "Fictional district. Attached to the high court; decides on prosecutions; waits to see better-documented files before committing." } },

  { id = "health-centre",
    name = { fr = "Centre de santé de Kessa", en = "Kessa Health Centre" },
    sector = "health", level = "local", influence = 3, support = 2,
    champion = true, trusted = true,
    notes = { fr = "District fictif. La sage-femme major a ouvert une salle de consultation réservée aux survivantes.",
              en = "Fictional district. The head midwife has opened a consultation room set aside for survivors." } },

  { id = "shelter",
    name = { fr = "Maison d’accueil « Le Refuge »", en = "“The Refuge” shelter" },
    sector = "shelter", level = "community", influence = 1, support = 2,
    trusted = true,
    notes = { fr = "District fictif. Douze places ; seul lieu d’hébergement sûr du district.",
              en = "Fictional district. Twelve places; the only safe accommodation in the district." } },

  { id = "womens-assoc",
    name = { fr = "Association des femmes de Kessa", en = "Kessa Women’s Association" },
    sector = "womens-org", level = "community", influence = 2, support = 2,
    champion = true, trusted = true,
    notes = { fr = "District fictif. Anime des groupes de parole dans neuf villages ; méfiante à l’égard de la police.",
              en = "Fictional district. Runs support groups in nine villages; wary of the police." } },

  { id = "legal-aid",
    name = { fr = "Clinique juridique de Kessa", en = "Kessa Legal Aid Clinic" },
    sector = "civil-society", level = "local", influence = 2, support = 1,
    trusted = true,
    notes = { fr = "District fictif. Deux juristes ; accompagne les survivantes qui souhaitent porter plainte.",
              en = "Fictional district. Two lawyers; supports survivors who wish to file a complaint." } },

  { id = "social-action",
    name = { fr = "Direction régionale de l’action sociale", en = "Regional Social Welfare Directorate" },
    sector = "government", level = "regional", influence = 4, support = 2,
    notes = { fr = "Région fictive. Relève du ministère de la Promotion de la femme ; emploie les travailleuses sociales ; peut en détacher une auprès de la police.",
              en = "Fictional region. Part of the Ministry of Women’s Affairs; employs the social workers; can second one to the police." } },

  { id = "interior",
    name = { fr = "Ministère de l’Intérieur", en = "Ministry of the Interior" },
    sector = "government", level = "national", influence = 5, support = 1,
    notes = { fr = "Pays fictif. Sa direction de la police nationale doit approuver toute modification des procédures de la police.",
              en = "Fictional country. Its National Police Directorate must approve any change to police procedures." } },

  { id = "traditional-leaders",
    name = { fr = "Chefs traditionnels et religieux", en = "Traditional and religious leaders" },
    sector = "community", level = "community", influence = 4, support = -1,
    notes = { fr = "District fictif. Conseil qui règle de nombreux conflits familiaux à l’amiable ; deux de ses membres sont ouverts au projet.",
              en = "Fictional district. A council that settles many family disputes out of court; two of its members are open to the project." } },

  { id = "radio",
    name = { fr = "Radio Kessa FM", en = "Kessa FM radio" },
    sector = "media", level = "community", influence = 1, support = 1,
    notes = { fr = "District fictif. Petite radio communautaire à l’audience encore modeste ; prête à diffuser des émissions sur les services existants.",
              en = "Fictional district. A small community station with a still modest audience; ready to broadcast programmes on the services available." } },

  { id = "donor",
    name = { fr = "Agence de coopération internationale", en = "International cooperation agency" },
    sector = "other", level = "international", influence = 3, support = 1,
    notes = { fr = "Bailleur fictif, au titre de son programme justice et sécurité. Finance la formation et le matériel pendant deux ans.",
              en = "Fictional donor, under its justice and security programme. Funds training and equipment for two years." } },
}
