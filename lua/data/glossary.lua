-- The guide's glossary: each entry pairs the French and the English term
-- with a definition in each language, so that both glossary pages list
-- the same entries, each beside its translation.  Definitions are ours;
-- the glossary component sorts them in each page's language.
return {
  { en = { term = "Action plan", def = "The document in which partners set out, for a problem they have analysed together, what each of them will do, by when, following what strategy and at what level of authority, and how progress will be measured." },
    fr = { term = "Plan d’action", def = "Document dans lequel les partenaires fixent, pour un problème analysé ensemble, ce que chacun fera, pour quand, selon quelle stratégie et à quel niveau d’autorité, ainsi que la manière de mesurer les progrès." } },

  { en = { term = "Aggregated data", def = "Figures that add up many situations (a number of reports per month, an average waiting time) and no longer describe any single person. The only kind of data that partners in this toolkit exchange." },
    fr = { term = "Données agrégées", def = "Chiffres qui additionnent de nombreuses situations (nombre de signalements par mois, délai moyen) et ne décrivent plus aucune personne en particulier. C’est le seul type de données que les partenaires de cette boîte à outils échangent." } },

  { en = { term = "Ally", def = "An organisation or a person that shares the approach of the initiative and is ready to support it, without necessarily signing the memorandum of understanding." },
    fr = { term = "Allié", def = "Organisation ou personne qui partage l’approche de l’initiative et est prête à la soutenir, sans forcément signer le protocole d’accord." } },

  { en = { term = "Anonymous data", def = "Data from which no one can be recognised, either directly (a name) or indirectly (a rare combination of age, village and date). Removing the name is not enough when the numbers are small." },
    fr = { term = "Données anonymes", def = "Données qui ne permettent de reconnaître personne, ni directement (un nom) ni indirectement (une combinaison rare d’âge, de village et de date). Retirer le nom ne suffit pas quand les effectifs sont faibles." } },

  { en = { term = "Baseline", def = "The value of an indicator when the work starts. Without it, no one can show that things have changed." },
    fr = { term = "Situation de départ", def = "Valeur d’un indicateur au début du travail. Sans elle, personne ne peut montrer que la situation a changé." } },

  { en = { term = "Champion", def = "A person inside an institution (the police, the armed forces, a ministry) who is respected by colleagues and pushes for change from within, often informally." },
    fr = { term = "Relais interne", def = "Personne qui, au sein d’une institution (police, forces armées, ministère), est respectée de ses collègues et fait avancer le changement de l’intérieur, souvent de manière informelle. Ce guide emploie « relais » là où les textes anglais parlent de champion, terme qui, en français, évoque surtout le sport." } },

  { en = { term = "Code of conduct", def = "The practices and principles that every partner undertakes to respect in its work with survivors, written into the memorandum of understanding." },
    fr = { term = "Code de conduite", def = "Pratiques et principes que chaque partenaire s’engage à respecter dans son travail auprès des survivantes, inscrits dans le protocole d’accord." } },

  { en = { term = "Communication strategy", def = "The plan by which partners explain their partnership to the public and to outside audiences: why it exists, what it should change, who speaks for it and who approves its messages." },
    fr = { term = "Stratégie de communication", def = "Plan par lequel les partenaires expliquent leur partenariat à la population et aux publics extérieurs : pourquoi il existe, ce qu’il doit changer, qui parle en son nom et qui valide ses messages." } },

  { en = { term = "Community policing", def = "A way of policing built on regular contact and joint problem-solving with the people of an area, so that residents trust the police and the police know local needs." },
    fr = { term = "Police de proximité", def = "Manière d’exercer la police fondée sur un contact régulier et la résolution des problèmes avec les habitants d’un territoire, pour que la population fasse confiance à la police et que celle-ci connaisse les besoins locaux." } },

  { en = { term = "Consultation log", def = "The record of the partners’ meetings: date, kind of meeting, organisations present, agenda, decisions, follow-up and next meeting. It names organisations, never people." },
    fr = { term = "Registre des consultations", def = "Trace écrite des réunions des partenaires : date, type de réunion, organisations présentes, ordre du jour, décisions, suivi et prochaine réunion. Il nomme des organisations, jamais des personnes." } },

  { en = { term = "Data breach", def = "Any loss, disclosure or access to information that breaks the rules agreed between partners, whether by mistake or on purpose. The information-sharing protocol says what to do next." },
    fr = { term = "Violation de données", def = "Toute perte, divulgation ou consultation d’informations contraire aux règles convenues entre partenaires, par erreur ou délibérément. Le protocole d’échange d’informations dit ce qu’il faut faire ensuite." } },

  { en = { term = "Do no harm", def = "The principle that no action of the partnership may expose a survivor to reprisal, stigma or renewed violence, even in the name of helping her." },
    fr = { term = "Ne pas nuire", def = "Principe selon lequel aucune action du partenariat ne doit exposer une survivante à des représailles, à la stigmatisation ou à de nouvelles violences, même au nom de l’aide qu’on veut lui apporter." } },

  { en = { term = "Domestic violence", def = "Violence within the family or between current or former partners, whether or not they live together: physical, sexual, psychological or economic." },
    fr = { term = "Violence domestique", def = "Violence au sein de la famille ou entre partenaires, actuels ou anciens, qu’ils vivent ensemble ou non : physique, sexuelle, psychologique ou économique. On parle aussi de violence conjugale ou intrafamiliale." } },

  { en = { term = "Focal point", def = "The role, within each partner organisation, that is responsible for the partnership: it receives and passes on information, attends meetings and answers for the follow-up. Named by function, so that it survives staff changes." },
    fr = { term = "Point focal", def = "Fonction qui, dans chaque organisation partenaire, répond du partenariat : elle reçoit et transmet l’information, participe aux réunions et assure le suivi. Désignée par son intitulé, pour survivre aux changements de personnes." } },

  { en = { term = "Gender-based violence", def = "Violence directed against a person because of their gender, or that affects people of one gender disproportionately. Violence against women and girls is its most widespread form." },
    fr = { term = "Violence fondée sur le genre", def = "Violence dirigée contre une personne en raison de son genre, ou qui touche de manière disproportionnée les personnes d’un genre. La violence faite aux femmes et aux filles en est la forme la plus répandue." } },

  { en = { term = "In-kind contribution", def = "What a partner brings other than money: staff time, premises, vehicles, care or accommodation. Valued in the budget so that every contribution is visible." },
    fr = { term = "Apport en nature", def = "Ce qu’un partenaire apporte autrement qu’en argent : temps de travail, locaux, véhicules, soins ou hébergement. Chiffré dans le budget pour que chaque contribution soit visible." } },

  { en = { term = "Indicator", def = "A measure, chosen in advance, that shows whether the change sought is happening: for instance the average time between a call and the arrival of a patrol." },
    fr = { term = "Indicateur", def = "Mesure, choisie à l’avance, qui montre si le changement recherché se produit : par exemple le délai moyen entre un appel et l’arrivée d’une patrouille." } },

  { en = { term = "Information-sharing protocol", def = "The annex to a memorandum of understanding that sets what information partners exchange, with whom, how, for how long, with what consent, and what happens after a breach." },
    fr = { term = "Protocole d’échange d’informations", def = "Annexe au protocole d’accord qui fixe les informations que les partenaires échangent, avec qui, comment, pour combien de temps, avec quel consentement, et ce qui se passe en cas de violation." } },

  { en = { term = "Informed consent", def = "A survivor’s agreement, given freely after she has been told what will be passed on, to whom and why. She may refuse it, or withdraw it later, without losing any service." },
    fr = { term = "Consentement éclairé", def = "Accord d’une survivante, donné librement après qu’on lui a expliqué ce qui sera transmis, à qui et pourquoi. Elle peut le refuser, ou le retirer ensuite, sans perdre aucun service." } },

  { en = { term = "Joint work plan", def = "The timetable of activities that partners commit to carry out together, with who does what and by when, annexed to or written into the memorandum of understanding." },
    fr = { term = "Plan de travail conjoint", def = "Calendrier des activités que les partenaires s’engagent à mener ensemble, avec qui fait quoi et pour quand, annexé au protocole d’accord ou inscrit dans celui-ci." } },

  { en = { term = "Legal aid", def = "Legal advice and representation offered free or at low cost, so that a survivor can know and use her rights, whether or not she files a complaint." },
    fr = { term = "Aide juridique", def = "Conseil et représentation juridiques gratuits ou peu coûteux, pour qu’une survivante connaisse et fasse valoir ses droits, qu’elle porte plainte ou non." } },

  { en = { term = "Memorandum of understanding", def = "A written agreement, abbreviated MoU, in which organisations set out their shared aims and what each undertakes to do. Usually not legally binding, but signed by each institution." },
    fr = { term = "Protocole d’accord", def = "Accord écrit (en anglais memorandum of understanding, MoU) par lequel des organisations fixent leurs objectifs communs et ce que chacune s’engage à faire. Il n’est généralement pas juridiquement contraignant, mais chaque institution le signe." } },

  { en = { term = "Multi-agency risk assessment conference", def = "MARAC: a regular meeting, first held in Cardiff in 2003, at which local services share information on the victims of domestic abuse at the highest risk and agree on a plan to protect each of them." },
    fr = { term = "Conférence multi-agences d’évaluation des risques", def = "MARAC, selon le sigle anglais : réunion régulière, tenue pour la première fois à Cardiff en 2003, où les services locaux mettent en commun ce qu’ils savent des victimes de violence domestique les plus exposées et arrêtent un plan pour protéger chacune d’elles." } },

  { en = { term = "Multisectoral partnership", def = "A partnership between several sectors (security, health, justice, social services, civil society) to offer survivors a complete and coordinated response." },
    fr = { term = "Partenariat multisectoriel", def = "Partenariat entre plusieurs secteurs (sécurité, santé, justice, services sociaux, société civile) pour offrir aux survivantes une réponse complète et coordonnée." } },

  { en = { term = "Oversight body", def = "An institution that controls how the security sector works: parliament and its committees, inspectorates, human rights commissions, ombudsman offices." },
    fr = { term = "Organe de contrôle", def = "Institution qui contrôle le fonctionnement du secteur de la sécurité : parlement et ses commissions, inspections, commissions des droits de la personne, services de médiation." } },

  { en = { term = "Perpetrator accountability", def = "Making sure that those who commit violence answer for it, through justice or other appropriate means, rather than the burden falling on the survivor." },
    fr = { term = "Mise en cause des auteurs", def = "Le fait que les auteurs de violences en répondent, devant la justice ou par d’autres moyens appropriés, au lieu que la charge en retombe sur la survivante." } },

  { en = { term = "Referral", def = "Directing a survivor, with her consent, to the service that can meet a need (care, shelter, legal advice, protection), and making sure she is received there." },
    fr = { term = "Orientation", def = "Le fait d’adresser une survivante, avec son accord, au service qui peut répondre à un besoin (soins, hébergement, conseil juridique, protection) et de s’assurer qu’elle y est reçue. On dit aussi aiguillage." } },

  { en = { term = "Retention period", def = "How long a piece of information may be kept before it is destroyed. Set in advance in the information-sharing protocol." },
    fr = { term = "Durée de conservation", def = "Temps pendant lequel une information peut être gardée avant d’être détruite. Fixée à l’avance dans le protocole d’échange d’informations." } },

  { en = { term = "Risk assessment", def = "A structured way for services to estimate how likely and how serious further violence is for a given woman, so as to act in proportion." },
    fr = { term = "Évaluation des risques", def = "Démarche structurée par laquelle les services estiment la probabilité et la gravité de nouvelles violences pour une femme donnée, afin d’agir en proportion." } },

  { en = { term = "Sector-wide approach", def = "Working on the security sector as a whole (police, other forces, ministries, oversight bodies, civil society) rather than on one institution at a time." },
    fr = { term = "Approche sectorielle", def = "Manière de travailler sur l’ensemble du secteur de la sécurité (police, autres forces, ministères, organes de contrôle, société civile) plutôt que sur une institution à la fois." } },

  { en = { term = "Shelter", def = "A safe place where a woman, and her children if she has any, can stay when her home is not safe. Its address is kept confidential." },
    fr = { term = "Foyer d’hébergement", def = "Lieu sûr où une femme, avec ses enfants le cas échéant, peut séjourner quand son domicile n’est pas sûr. Son adresse reste confidentielle. On parle aussi de maison d’accueil." } },

  { en = { term = "Stakeholder", def = "Any institution, organisation or person that has an interest in the initiative or can influence it, for or against." },
    fr = { term = "Partie prenante", def = "Institution, organisation ou personne concernée par l’initiative ou capable de l’influencer, dans un sens ou dans l’autre." } },

  { en = { term = "Stakeholder analysis", def = "The review of stakeholders by influence and support, and by the trust survivors place in them, used to choose partners and decide how to work with each." },
    fr = { term = "Analyse des parties prenantes", def = "Examen des parties prenantes selon leur influence, leur soutien et la confiance que leur accordent les survivantes, qui sert à choisir les partenaires et à décider comment travailler avec chacune." } },

  { en = { term = "Stakeholder map", def = "The grid on which stakeholders are placed by influence and support, to see whom to engage closely, keep informed, watch, or handle with care." },
    fr = { term = "Carte des parties prenantes", def = "Grille sur laquelle on place les parties prenantes selon leur influence et leur soutien, pour voir qui associer étroitement, tenir informé, surveiller ou aborder avec précaution." } },

  { en = { term = "Survivor", def = "A woman or girl who has suffered violence. The word stresses her strength and her choices; “victim” remains the term of criminal law and is used when speaking of proceedings." },
    fr = { term = "Survivante", def = "Femme ou fille qui a subi des violences. Le mot souligne sa force et ses choix ; « victime » reste le terme du droit pénal et s’emploie quand il est question de procédure." } },

  { en = { term = "Survivor-centred approach", def = "Putting the survivor’s rights, safety, wishes and choices at the centre of every decision taken by the services, including decisions about information." },
    fr = { term = "Approche centrée sur la survivante", def = "Le fait de placer les droits, la sécurité, les souhaits et les choix de la survivante au centre de chaque décision des services, y compris celles qui concernent l’information." } },
}
