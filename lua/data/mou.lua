-- Illustrative memorandum of understanding between four organisations of
-- the fictional district of Kessa (see stakeholders.lua).  The signatories
-- are invented officials; no survivor appears anywhere in this agreement.
return {
  title = { fr = "Protocole d’accord pour l’accueil, la protection et l’orientation des survivantes de violences dans le district de Kessa (exemple fictif)",
            en = "Memorandum of understanding on the reception, protection and referral of survivors of violence in Kessa District (fictional example)" },
  reference = "PA-KESSA-2027-01",
  date = "2027-02-15",
  place = { fr = "Kessa (district fictif)", en = "Kessa (fictional district)" },

  parties = {
    { id = "police-unit",
      name = { fr = "Unité de protection de la famille du commissariat de Kessa",
               en = "Kessa Police Family Protection Unit" },
      address = { fr = "Commissariat central, avenue de l’Indépendance, Kessa",
                  en = "Central police station, Independence Avenue, Kessa" },
      signatory = { name = "Aminata Kessé",
                    title = { fr = "Commissaire, cheffe de l’unité", en = "Superintendent, Head of Unit" } },
      focal_point = { fr = "Officière de liaison de l’unité", en = "Unit liaison officer" } },
    { id = "health-centre",
      name = { fr = "Centre de santé de district de Kessa", en = "Kessa District Health Centre" },
      address = { fr = "Quartier de l’Hôpital, Kessa", en = "Hospital quarter, Kessa" },
      signatory = { name = "Dr Issa Boundi",
                    title = { fr = "Médecin-chef du district", en = "District Medical Officer" } },
      focal_point = { fr = "Sage-femme major", en = "Head midwife" } },
    { id = "shelter",
      name = { fr = "Maison d’accueil « Le Refuge »", en = "“The Refuge” shelter" },
      address = { fr = "Adresse tenue confidentielle pour la sécurité des résidentes", en = "Address kept confidential for the residents’ safety" },
      signatory = { name = "Mariam Toulé",
                    title = { fr = "Directrice", en = "Director" } },
      focal_point = { fr = "Coordinatrice de l’accueil", en = "Intake coordinator" } },
    { id = "womens-assoc",
      name = { fr = "Association des femmes de Kessa", en = "Kessa Women’s Association" },
      address = { fr = "Maison des associations, Kessa", en = "Community associations building, Kessa" },
      signatory = { name = "Fatoumata Dianké",
                    title = { fr = "Présidente", en = "Chair" } },
      focal_point = { fr = "Chargée de programme", en = "Programme officer" } },
  },

  preamble = { fr = "Les parties constatent que les survivantes de violences du district de Kessa doivent aujourd’hui frapper à plusieurs portes avant d’obtenir soins, protection et conseils, et que ces services se connaissent mal. Conformément à la loi nationale sur les violences faites aux femmes et au plan d’action national, elles décident de coordonner leur travail.",
               en = "The parties note that survivors of violence in Kessa District must today knock on several doors before they receive care, protection and advice, and that these services know little of one another. In keeping with the national law on violence against women and the national action plan, they agree to coordinate their work." },

  purpose = { fr = "Offrir à chaque survivante qui s’adresse à l’une des parties un accueil sûr, des soins et une orientation rapide vers les autres services, dans le respect de ses choix.",
              en = "Give every survivor who turns to any of the parties a safe reception, care and prompt referral to the other services, with respect for her choices." },

  objectives = {
    { fr = "Adopter une procédure commune d’orientation entre les quatre parties d’ici à la fin d’avril 2027.",
      en = "Adopt a shared referral procedure between the four parties by the end of April 2027." },
    { fr = "Former ensemble les personnels de première ligne à l’accueil des survivantes.",
      en = "Train front-line staff of all parties together in receiving survivors." },
    { fr = "Réduire à moins de 24 heures le délai entre la plainte et la prise en charge médicale.",
      en = "Bring the time from complaint to medical care below 24 hours." },
    { fr = "Faire connaître les services disponibles dans les villages du district.",
      en = "Make the services available known in the villages of the district." },
  },

  scope = { fr = "Le présent protocole couvre le district de Kessa. Il porte sur les violences faites aux femmes et aux filles, dont la violence domestique et les violences sexuelles, et sur les activités d’accueil, de soins, d’hébergement, d’accompagnement et de prévention des parties.",
            en = "This memorandum covers Kessa District. It concerns violence against women and girls, including domestic and sexual violence, and the parties’ reception, care, shelter, support and prevention activities." },

  principles = {
    { fr = "Approche centrée sur les survivantes : leurs besoins, leur sécurité et leurs choix passent en premier.",
      en = "Survivor-centred approach: their needs, safety and choices come first." },
    { fr = "Ne pas nuire : aucune action ne doit exposer une survivante à des représailles ou à la stigmatisation.",
      en = "Do no harm: no action may expose a survivor to reprisal or stigma." },
    { fr = "Non-discrimination, quels que soient l’âge, l’origine, la religion, le handicap ou la situation de la personne.",
      en = "Non-discrimination, whatever the person’s age, origin, religion, disability or situation." },
    { fr = "Confidentialité et consentement éclairé avant tout partage d’information.",
      en = "Confidentiality, and informed consent before any information is shared." },
    { fr = "Respect mutuel entre les parties et reconnaissance de l’expertise de chacune.",
      en = "Mutual respect between the parties, and recognition of each one’s expertise." },
  },

  responsibilities = {
    { who = "police-unit", items = {
      { fr = "Recevoir les plaintes dans un local à l’écart, par un personnel formé.", en = "Take complaints in a private room, through trained staff." },
      { fr = "Répondre sans délai aux appels pour violence domestique.", en = "Respond without delay to domestic violence calls." },
      { fr = "Orienter la survivante, avec son accord, vers le centre de santé et la maison d’accueil.", en = "Refer the survivor, with her consent, to the health centre and the shelter." },
      { fr = "Désigner l’officière de liaison et la libérer pour les réunions du comité.", en = "Appoint the liaison officer and release her for committee meetings." } } },
    { who = "health-centre", items = {
      { fr = "Assurer gratuitement les soins d’urgence et l’examen médical.", en = "Provide emergency care and the medical examination free of charge." },
      { fr = "Établir le certificat médical à la demande de la survivante.", en = "Issue the medical certificate at the survivor’s request." },
      { fr = "Proposer un soutien psychologique et orienter vers les autres parties.", en = "Offer psychological support and refer to the other parties." } } },
    { who = "shelter", items = {
      { fr = "Héberger en sécurité, de jour comme de nuit, les survivantes orientées par les parties.", en = "Shelter survivors referred by the parties safely, day and night." },
      { fr = "Tenir la police informée des places disponibles, sans jamais donner de nom.", en = "Keep the police informed of places available, never giving names." },
      { fr = "Accompagner les résidentes dans leurs démarches.", en = "Help residents with their paperwork and procedures." } } },
    { who = "womens-assoc", items = {
      { fr = "Informer les femmes des villages sur leurs droits et les services existants.", en = "Inform women in the villages of their rights and of the services available." },
      { fr = "Accompagner les survivantes qui le souhaitent au commissariat ou au centre de santé.", en = "Accompany survivors who wish it to the police station or the health centre." },
      { fr = "Faire remonter au comité les difficultés rencontrées sur le terrain.", en = "Report difficulties met in the field to the committee." } } },
  },

  coordination = { fr = "Un comité de coordination réunit les points focaux des quatre parties. Il est présidé à tour de rôle pour six mois par chacune d’elles ; l’Association des femmes de Kessa en assure le secrétariat.",
                   en = "A coordination committee brings together the focal points of the four parties. Each party chairs it in turn for six months; the Kessa Women’s Association acts as its secretariat." },

  consultations = { fr = "Le comité se réunit une fois par mois. Les parties tiennent en outre, deux fois par an, une consultation élargie aux autres acteurs du district (clinique juridique, parquet, chefs traditionnels, radio).",
                    en = "The committee meets once a month. Twice a year, the parties also hold a wider consultation with other actors in the district (legal aid clinic, prosecutor’s office, traditional leaders, radio)." },

  work_plan = {
    { activity = { fr = "Rédiger et adopter la procédure commune d’orientation", en = "Draft and adopt the shared referral procedure" },
      who = { "police-unit", "health-centre", "shelter", "womens-assoc" }, by = "2027-04-30" },
    { activity = { fr = "Former ensemble 40 agents de première ligne", en = "Train 40 front-line staff together" },
      who = { "police-unit", "health-centre", "womens-assoc" }, by = "2027-06-30" },
    { activity = { fr = "Aménager un local d’accueil à l’écart au commissariat", en = "Fit out a private reception room at the police station" },
      who = { "police-unit" }, by = "2027-07-31" },
    { activity = { fr = "Mener une campagne d’information dans neuf villages", en = "Run an information campaign in nine villages" },
      who = { "womens-assoc", "health-centre" }, by = "2027-10-31" },
    { activity = { fr = "Tenir la première revue annuelle du protocole", en = "Hold the first annual review of the memorandum" },
      who = { "police-unit", "health-centre", "shelter", "womens-assoc" }, by = "2028-02-29" },
  },

  communication = { fr = "Les parties s’accordent sur une stratégie de communication commune : toute déclaration publique sur le partenariat est validée par le comité. Elles expliquent ensemble à la population ce que le partenariat changera dans l’accueil par la police, afin de répondre aux réserves exprimées par les associations.",
                    en = "The parties agree on a joint communication strategy: any public statement about the partnership is approved by the committee. Together they explain to the public what the partnership will change in how the police receive survivors, so as to answer the concerns raised by the associations." },

  confidentiality = { fr = "Aucune information permettant d’identifier une survivante n’est échangée sans son consentement éclairé, et jamais au-delà de ce qui est nécessaire à sa prise en charge. Les parties ne partagent entre elles que des données agrégées et anonymes, selon un protocole d’échange d’informations annexé. Toute violation est signalée au comité dans les 48 heures.",
                      en = "No information that could identify a survivor is exchanged without her informed consent, and never beyond what her care requires. The parties share only aggregated, anonymous data with one another, following an annexed information-sharing protocol. Any breach is reported to the committee within 48 hours." },

  code_of_conduct = {
    { fr = "Croire et respecter la parole de la survivante ; ne jamais la blâmer.", en = "Believe and respect what the survivor says; never blame her." },
    { fr = "Ne jamais pousser une survivante à une conciliation ou à un règlement à l’amiable.", en = "Never push a survivor towards mediation or an out-of-court settlement." },
    { fr = "Refuser toute forme d’exploitation ou d’abus sexuels, et signaler tout manquement.", en = "Refuse any form of sexual exploitation or abuse, and report any breach." },
    { fr = "Ne solliciter ni accepter aucun paiement pour un service prévu au protocole.", en = "Neither ask for nor accept any payment for a service covered by the memorandum." },
  },

  budget = { currency = "XOF", lines = {
    { who = "police-unit", item = { fr = "Aménagement du local d’accueil", en = "Fitting out the reception room" }, amount = 1500000, kind = "cash" },
    { who = "police-unit", item = { fr = "Temps de l’officière de liaison", en = "Liaison officer’s time" }, amount = 900000, kind = "in-kind" },
    { who = "health-centre", item = { fr = "Soins et certificats médicaux gratuits", en = "Free care and medical certificates" }, amount = 2400000, kind = "in-kind" },
    { who = "health-centre", item = { fr = "Salle de formation", en = "Training room" }, amount = 300000, kind = "in-kind" },
    { who = "shelter", item = { fr = "Hébergement d’urgence (12 places)", en = "Emergency accommodation (12 places)" }, amount = 3600000, kind = "in-kind" },
    { who = "shelter", item = { fr = "Kits d’accueil", en = "Welcome kits" }, amount = 450000, kind = "cash" },
    { who = "womens-assoc", item = { fr = "Campagne d’information dans neuf villages", en = "Information campaign in nine villages" }, amount = 1250000, kind = "cash" },
    { who = "womens-assoc", item = { fr = "Accompagnatrices bénévoles", en = "Volunteer companions" }, amount = 600000, kind = "in-kind" },
  } },

  monitoring = { fr = "Le comité suit chaque trimestre les indicateurs du plan d’action conjoint (délai de prise en charge, nombre d’orientations, agents formés) à partir de données agrégées. Une revue annuelle, ouverte aux associations, décide des ajustements.",
                 en = "Each quarter, the committee tracks the indicators of the joint action plan (time to care, number of referrals, staff trained) from aggregated data. An annual review, open to the associations, decides on adjustments." },

  duration = { start = "2027-03-01", months = 24 },

  amendment = { fr = "Le protocole peut être modifié par avenant écrit signé par toutes les parties, notamment à l’issue de la revue annuelle.",
                en = "The memorandum may be amended by a written addendum signed by all parties, in particular after the annual review." },

  disputes = { fr = "Les différends sont d’abord discutés au sein du comité ; à défaut d’accord, les parties font appel à la médiation de la direction régionale de l’action sociale.",
               en = "Disputes are first discussed within the committee; failing agreement, the parties call on the Regional Social Welfare Directorate to mediate." },

  termination = { fr = "Chaque partie peut se retirer moyennant un préavis écrit de trois mois. Elle restitue alors le matériel commun et détruit ou remet au comité toute donnée reçue au titre du protocole ; les survivantes en cours d’accompagnement continuent d’être orientées.",
                  en = "Any party may withdraw with three months’ written notice. It then returns shared equipment and destroys or hands back to the committee any data received under the memorandum; survivors already being supported continue to be referred." },
}
