-- Country examples and case studies shown by the guide's examples chapter.
-- Facts and figures come from the sources named in each `source`; the
-- wording is ours.  Checked for this edition (see the editorial notes
-- below, which are comments on purpose: they are for editors, not
-- readers, and must never reach a public page).
return {
  -- Editorial note: the 2008 cooperation agreement between the five
  -- ministries is known only from the UN Women Virtual Knowledge Centre
  -- page (which cites "Government of Albania, 2008"); no other public
  -- source confirming it was found.  Law No. 9669 of 18 December 2006 is
  -- confirmed by an English translation published on ecoi.net, and the
  -- 2019 referral-mechanism figure by UN Women Albania (20 December 2019).
  albania = {
    country = { fr = "Albanie", en = "Albania" },
    year = 2008,
    parties = {
      { fr = "Ministère du Travail, des Affaires sociales et de l’Égalité des chances", en = "Ministry of Labour, Social Affairs and Equal Opportunities" },
      { fr = "Ministère de l’Intérieur", en = "Ministry of the Interior" },
      { fr = "Ministère de la Justice", en = "Ministry of Justice" },
      { fr = "Ministère de la Santé", en = "Ministry of Health" },
      { fr = "Ministère de l’Éducation et de la Science", en = "Ministry of Education and Science" },
    },
    agreed = { fr = "En novembre 2008, cinq ministères ont conclu un accord de coopération pour appliquer la loi n° 9669 du 18 décembre 2006 sur les mesures contre la violence dans les relations familiales. L’accord associe la police et les foyers qui hébergent les victimes de violence domestique, afin d’orienter les survivantes vers les services dont elles ont besoin. Depuis, l’Albanie a mis en place, à l’échelle des communes, des mécanismes d’orientation coordonnés : des équipes de professionnels locaux dont les institutions sont chargées de répondre aux violences domestiques.",
               en = "In November 2008, five ministries signed a cooperation agreement to implement Law No. 9669 of 18 December 2006 on measures against violence in family relations. The agreement brings together the police and the shelters for victims of domestic violence, so that survivors are referred to the services they need. Albania has since set up coordinated referral mechanisms at municipal level: teams of local professionals whose institutions are responsible for responding to domestic violence." },
    figures = {
      { label = { fr = "ministères signataires de l’accord", en = "ministries that signed the agreement" }, value = 5, as_of = 2008 },
      { label = { fr = "communes sur 61 dotées d’un mécanisme d’orientation officiellement établi", en = "municipalities out of 61 with a formally established referral mechanism" }, value = 39, as_of = 2019 },
    },
    source = { fr = "Gouvernement de l’Albanie (2008), cité par ONU Femmes, Centre de connaissances virtuel pour mettre fin à la violence contre les femmes et les filles, « Établissement de partenariats » (2011) ; loi n° 9669 du 18 décembre 2006 ; ONU Femmes Albanie, The Referral Mechanism against Domestic Violence in Albania (20 décembre 2019).",
               en = "Government of Albania (2008), cited by UN Women, Virtual Knowledge Centre to End Violence against Women and Girls, “Establishing partnerships” (2011); Law No. 9669 of 18 December 2006; UN Women Albania, The Referral Mechanism against Domestic Violence in Albania (20 December 2019)." },
    as_of = 2019,
  },

  -- Editorial note: the 2009 memorandum is known only from the UN Women
  -- Virtual Knowledge Centre page, which names neither the city nor the
  -- region and gives DFID (2003) and OECD (2011) as its references; no
  -- other public source confirming it was found.
  russia = {
    country = { fr = "Russie", en = "Russia" },
    year = 2009,
    parties = {
      { fr = "Administrations locales", en = "Local government bodies" },
      { fr = "Forces de l’ordre", en = "Law enforcement agencies" },
      { fr = "Autres prestataires de services, publics et de la société civile", en = "Other service providers, state and civil society" },
    },
    agreed = { fr = "Un protocole d’accord signé en 2009 organise l’aide aux survivantes de violence domestique et à d’autres « personnes vivant dans des circonstances difficiles ». Il fixe les attributions générales de chaque secteur, demande à chaque organisme de s’engager dans la prévention et prévoit d’harmoniser leurs pratiques, notamment en matière de formation et de gestion des données. Le texte existe en anglais et en russe ; la source ne précise ni la ville ni la région.",
               en = "A memorandum of understanding signed in 2009 organises support for survivors of domestic violence and other “persons living in difficult circumstances”. It sets out the general duties of each sector, asks every agency to carry out prevention work, and provides for their practices to be standardised, in training and data management among others. The text exists in English and Russian; the source names neither the city nor the region." },
    source = { fr = "ONU Femmes, Centre de connaissances virtuel pour mettre fin à la violence contre les femmes et les filles, « Établissement de partenariats » (2011).",
               en = "UN Women, Virtual Knowledge Centre to End Violence against Women and Girls, “Establishing partnerships” (2011)." },
    as_of = 2011,
  },

  -- Checked against the UN Women Global Database on Violence against
  -- Women, entry "Family Support Units" (Sierra Leone, 2010), whose source
  -- is the Government of Sierra Leone's 2010 answer to the UN
  -- Secretary-General's questionnaire.
  ["sierra-leone"] = {
    country = { fr = "Sierra Leone", en = "Sierra Leone" },
    year = 2010,
    parties = {
      { fr = "Police de la Sierra Leone (unités de soutien familial)", en = "Sierra Leone Police (Family Support Units)" },
      { fr = "Ministère du Bien-être social, du Genre et de l’Enfance", en = "Ministry of Social Welfare, Gender and Children’s Affairs" },
    },
    agreed = { fr = "Rattachées aux commissariats, les unités de soutien familial enquêtent sur les violences faites aux enfants, les violences sexuelles et domestiques et l’exploitation. Elles travaillent avec le ministère contre toute maltraitance envers les femmes et les enfants. Le protocole d’accord entre la police et le ministère prévoit qu’une travailleuse ou un travailleur social du ministère soit affecté à chaque unité, pour orienter les victimes ou leur apporter un soutien psychosocial et des conseils juridiques.",
               en = "Attached to police stations, the Family Support Units investigate violence against children, sexual and domestic violence and exploitation. They work with the ministry against all forms of abuse of women and children. The memorandum of understanding between the police and the ministry provides for a social worker from the ministry to be placed in each unit, to refer victims or give them psychosocial support and legal advice." },
    figures = {
      { label = { fr = "unités de soutien familial dans le pays", en = "Family Support Units across the country" }, value = 41, as_of = 2010 },
    },
    source = { fr = "ONU Femmes, Base de données mondiale sur la violence à l’égard des femmes, fiche « Family Support Units » (Sierra Leone, 2010), d’après la réponse du gouvernement au questionnaire du Secrétaire général de l’ONU.",
               en = "UN Women, Global Database on Violence against Women, entry “Family Support Units” (Sierra Leone, 2010), from the Government’s answer to the UN Secretary-General’s questionnaire." },
    as_of = 2010,
  },

  -- Checked against: Community Care, "Risk assessment and domestic
  -- violence: the multi-agency Marac model of intervention" (18 April
  -- 2007); The Guardian, Louise Tickle, "Domestic violence: how services
  -- come together to support high risk victims" (25 November 2014);
  -- A. L. Robinson, Domestic Violence MARACs for Very High-Risk Victims in
  -- Cardiff, Wales: A Process and Outcome Evaluation (Cardiff University,
  -- June 2004).
  marac = {
    country = { fr = "Royaume-Uni (pays de Galles)", en = "United Kingdom (Wales)" },
    year = 2003,
    parties = {
      { fr = "Police (South Wales Police)", en = "Police (South Wales Police)" },
      { fr = "Service de probation", en = "Probation service" },
      { fr = "Autorité locale", en = "Local authority" },
      { fr = "Services de santé", en = "Health services" },
      { fr = "Services du logement", en = "Housing" },
      { fr = "Foyer d’hébergement", en = "Refuge" },
      { fr = "Women’s Safety Unit (Cardiff)", en = "Women’s Safety Unit (Cardiff)" },
    },
    agreed = { fr = "La première conférence multi-agences d’évaluation des risques (MARAC) s’est tenue à Cardiff en avril 2003. Les services qui y siègent mettent en commun ce qu’ils savent des victimes de violence domestique exposées au risque le plus élevé de blessure grave ou d’homicide, et arrêtent ensemble un plan pour réduire ce risque. Les victimes concernées sont repérées grâce au formulaire que les policiers remplissent sur les lieux : une série de questions fermées, élaborée notamment à partir de l’examen d’homicides conjugaux. Les réunions, d’abord mensuelles puis bimensuelles, examinent une vingtaine de situations chacune. Le modèle a ensuite été étendu à tout le pays par l’association CAADA, avec un financement du ministère de l’Intérieur britannique. À la différence des partenariats présentés dans ce guide, une MARAC échange des informations sur des personnes identifiées, ce qui suppose un cadre juridique et des règles de partage précis.",
               en = "The first multi-agency risk assessment conference (MARAC) was held in Cardiff in April 2003. The services around the table pool what they know about victims of domestic abuse at the highest risk of serious harm or homicide, and agree together on a plan to reduce that risk. The victims concerned are identified through the form that police officers complete at the scene: a set of yes/no questions drawn up, among other things, from a review of domestic homicides. The meetings, monthly at first and then fortnightly, each consider about twenty situations. The model was later rolled out across the country by the charity CAADA, with Home Office funding. Unlike the partnerships described in this guide, a MARAC exchanges information about identified people, which requires a clear legal basis and precise sharing rules." },
    figures = {
      { label = { fr = "services réunis lors de la première MARAC", en = "agencies at the first MARAC" }, value = 16, as_of = 2003 },
      { label = { fr = "questions du formulaire de risque de la police du sud du pays de Galles", en = "questions on the South Wales Police risk form" }, value = 20, as_of = 2007 },
      { label = { fr = "homicides conjugaux examinés pour élaborer ce formulaire", en = "domestic homicides reviewed to draw up that form" }, value = 47, as_of = 2007 },
      { label = { fr = "MARAC en activité (Angleterre, pays de Galles, Irlande du Nord, Guernesey…)", en = "MARACs in operation (England, Wales, Northern Ireland, Guernsey…)" }, value = 288, as_of = 2014 },
    },
    source = { fr = "Community Care, « Risk assessment and domestic violence: the multi-agency Marac model of intervention » (18 avril 2007) ; The Guardian, Louise Tickle, « Domestic violence: how services come together to support high risk victims » (25 novembre 2014) ; A. L. Robinson, Domestic Violence MARACs for Very High-Risk Victims in Cardiff, Wales: A Process and Outcome Evaluation, Université de Cardiff (2004).",
               en = "Community Care, “Risk assessment and domestic violence: the multi-agency Marac model of intervention” (18 April 2007); The Guardian, Louise Tickle, “Domestic violence: how services come together to support high risk victims” (25 November 2014); A. L. Robinson, Domestic Violence MARACs for Very High-Risk Victims in Cardiff, Wales: A Process and Outcome Evaluation, Cardiff University (2004)." },
    as_of = 2014,
  },
}
