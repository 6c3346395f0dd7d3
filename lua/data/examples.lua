-- Country examples, facts only from the source guidance page (UN Women,
-- Virtual Knowledge Centre to End Violence against Women and Girls,
-- security sector module, "Establishing partnerships", last updated
-- 29 December 2011).  Albania 2008 and Russia 2009 are not confirmed by
-- another public source: their `source` says so.  Sierra Leone 2010 is
-- confirmed by the UN Women Global Database on Violence against Women.
return {
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
    agreed = { fr = "En novembre 2008, cinq ministères ont conclu un accord de coopération pour appliquer la loi n° 9669 sur les mesures contre la violence dans les relations familiales. L’accord associe la police et les foyers qui hébergent les victimes de violence domestique, afin d’orienter les survivantes vers les services dont elles ont besoin.",
               en = "In November 2008, five ministries signed a cooperation agreement to implement Law No. 9669 on measures against violence in family relations. The agreement brings together the police and the shelters for victims of domestic violence, so that survivors are referred to the services they need." },
    figures = {
      { label = { fr = "ministères signataires", en = "signatory ministries" }, value = 5, as_of = 2008 },
    },
    source = { fr = "Gouvernement de l’Albanie (2008), cité par ONU Femmes, Centre de connaissances virtuel, « Établissement de partenariats » (2011). Non confirmé par une autre source publique.",
               en = "Government of Albania (2008), cited by UN Women, Virtual Knowledge Centre, “Establishing partnerships” (2011). Not confirmed by another public source." },
    as_of = 2011,
  },

  russia = {
    country = { fr = "Russie", en = "Russia" },
    year = 2009,
    parties = {
      { fr = "Administrations locales", en = "Local government bodies" },
      { fr = "Forces de l’ordre", en = "Law enforcement agencies" },
      { fr = "Autres prestataires de services, publics et de la société civile", en = "Other service providers, state and civil society" },
    },
    agreed = { fr = "Un protocole d’accord signé en 2009 organise l’aide aux survivantes de violence domestique et à d’autres « personnes vivant dans des circonstances difficiles ». Il fixe les attributions générales de chaque secteur, demande à chaque organisme de s’engager dans la prévention et prévoit d’harmoniser leurs pratiques, notamment en matière de formation et de gestion des données. Le texte existe en anglais et en russe ; la source ne précise ni la ville ni la région.",
               en = "A memorandum of understanding signed in 2009 organises support for survivors of domestic violence and other “persons living in difficult circumstances”. It sets out the general duties of each sector, asks every agency to carry out prevention work, and provides for their practices to be standardised, in training and data management among others. The text exists in English and Russian; the source names neither the city nor the region." },
    source = { fr = "ONU Femmes, Centre de connaissances virtuel, « Établissement de partenariats » (2011), avec les références DFID (2003) et OCDE (2011). Non confirmé par une autre source publique.",
               en = "UN Women, Virtual Knowledge Centre, “Establishing partnerships” (2011), giving DFID (2003) and OECD (2011) as references. Not confirmed by another public source." },
    as_of = 2011,
  },

  ["sierra-leone"] = {
    country = { fr = "Sierra Leone", en = "Sierra Leone" },
    year = 2010,
    parties = {
      { fr = "Police de la Sierra Leone (unités de soutien familial)", en = "Sierra Leone Police (Family Support Units)" },
      { fr = "Ministère du Bien-être social, du Genre et de l’Enfance", en = "Ministry of Social Welfare, Gender and Children’s Affairs" },
    },
    agreed = { fr = "Au sein de la police, les unités de soutien familial travaillent avec le ministère contre toute maltraitance envers les femmes et les enfants. Le protocole d’accord entre la police et le ministère affecte une travailleuse ou un travailleur social du ministère à chaque unité, pour orienter les victimes et leur apporter un soutien psychosocial et des conseils juridiques.",
               en = "The police Family Support Units work with the ministry against all forms of abuse of women and children. The memorandum of understanding between the police and the ministry places a social worker from the ministry in each unit, to refer victims and give them psychosocial support and legal advice." },
    figures = {
      { label = { fr = "unités de soutien familial en activité", en = "Family Support Units in operation" }, value = 41, as_of = 2010 },
    },
    source = { fr = "Base de données du Secrétaire général de l’ONU sur la violence à l’égard des femmes (2010), aujourd’hui Base de données mondiale d’ONU Femmes. Le nombre d’unités a changé depuis : vérifiez le chiffre actuel auprès de la police de la Sierra Leone avant de le citer.",
               en = "UN Secretary-General’s database on violence against women (2010), now the UN Women Global Database. The number of units has changed since: check the current figure with the Sierra Leone Police before quoting it." },
    as_of = 2010,
  },
}
