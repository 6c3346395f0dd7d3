-- Illustrative information-sharing protocol: the annex of the Kessa
-- memorandum of understanding (mou.lua), between the same four fictional
-- organisations (ids from stakeholders.lua).  It describes data flows,
-- roles and rules only: no survivor, and no person's name, appears here.
return {
  title = { fr = "Protocole d’échange d’informations, annexe 1 au protocole d’accord PA-KESSA-2027-01 (exemple fictif)",
            en = "Information-sharing protocol, annex 1 to memorandum PA-KESSA-2027-01 (fictional example)" },
  approved = "2027-02-15",

  purpose = { fr = "Permettre au comité de coordination de suivre les indicateurs du plan d’action conjoint et d’améliorer les orientations entre services, sans qu’aucune information permettant d’identifier une survivante ne quitte le service qui la détient.",
              en = "To let the coordination committee follow the indicators of the joint action plan and improve referrals between services, without any information that could identify a survivor leaving the service that holds it." },

  rule = { fr = "Seules des données agrégées et anonymes circulent entre les parties. Tout effectif inférieur à 5 s’écrit « moins de 5 » : dans un petit district, un très petit nombre peut désigner une personne.",
           en = "Only aggregated, anonymous data passes between the parties. Any count below 5 is written “fewer than 5”: in a small district, a very small number can point to a person." },

  shared = {
    { what = { fr = "Signalements de violences domestiques et sexuelles reçus, par mois et par groupe de villages", en = "Reports of domestic and sexual violence received, by month and by group of villages" },
      from = { "police-unit" },
      to = { fr = "Secrétariat du comité", en = "Committee secretariat" },
      often = { fr = "Chaque mois", en = "Monthly" },
      form = { fr = "Tableau d’effectifs", en = "Table of counts" } },
    { what = { fr = "Délai moyen entre l’appel et l’arrivée d’une patrouille", en = "Average time between a call and the arrival of a patrol" },
      from = { "police-unit" },
      to = { fr = "Secrétariat du comité", en = "Committee secretariat" },
      often = { fr = "Chaque mois", en = "Monthly" },
      form = { fr = "Un chiffre en minutes", en = "One figure, in minutes" } },
    { what = { fr = "Orientations reçues et faites, par service d’origine et de destination", en = "Referrals received and made, by service of origin and destination" },
      from = { "police-unit", "health-centre", "shelter", "womens-assoc" },
      to = { fr = "Secrétariat du comité", en = "Committee secretariat" },
      often = { fr = "Chaque trimestre", en = "Quarterly" },
      form = { fr = "Tableau d’effectifs", en = "Table of counts" } },
    { what = { fr = "Taux d’occupation de la maison d’accueil", en = "Occupancy of the shelter" },
      from = { "shelter" },
      to = { fr = "Secrétariat du comité", en = "Committee secretariat" },
      often = { fr = "Chaque mois", en = "Monthly" },
      form = { fr = "Moyenne des places occupées par nuit", en = "Average number of places occupied per night" } },
    { what = { fr = "Agents formés dans le cadre du plan d’action", en = "Staff trained under the action plan" },
      from = { "police-unit", "health-centre", "shelter", "womens-assoc" },
      to = { fr = "Secrétariat du comité", en = "Committee secretariat" },
      often = { fr = "Chaque trimestre", en = "Quarterly" },
      form = { fr = "Effectif par partie", en = "Count per party" } },
  },

  never = {
    { fr = "le nom, les initiales, le surnom ou la photo d’une survivante, de ses enfants ou de ses proches ;", en = "a survivor’s name, initials, nickname or photograph, or those of her children or relatives;" },
    { fr = "son adresse, son village, son numéro de téléphone ou son lieu de travail ;", en = "her address, village, telephone number or workplace;" },
    { fr = "sa date de naissance, son état de santé, le récit des faits ;", en = "her date of birth, her health, the account of what happened;" },
    { fr = "l’adresse de la maison d’accueil ;", en = "the shelter’s address;" },
    { fr = "toute combinaison de détails (âge, profession, quartier, date) qui permettrait de la reconnaître.", en = "any combination of details (age, occupation, neighbourhood, date) that would make her recognisable." },
  },

  cases = { fr = "Quand une survivante est orientée d’un service vers un autre, seules les informations qu’elle accepte de transmettre l’accompagnent, de la main à la main ou sous pli fermé, et seulement ce dont le service qui la reçoit a besoin pour l’aider. Il s’agit d’une orientation entre deux services, non d’un partage avec le partenariat : le comité n’en connaît que les effectifs ci-dessus.",
            en = "When a survivor is referred from one service to another, only the information she agrees to pass on goes with her, by hand or in a sealed envelope, and only what the receiving service needs to help her. This is a referral between two services, not sharing with the partnership: the committee knows of it only through the counts above." },

  access = {
    { who = "police-unit", focal = { fr = "Officière de liaison de l’unité", en = "Unit liaison officer" }, deputy = { fr = "Adjoint au chef d’unité", en = "Deputy head of unit" } },
    { who = "health-centre", focal = { fr = "Sage-femme major", en = "Head midwife" }, deputy = { fr = "Infirmier major", en = "Head nurse" } },
    { who = "shelter", focal = { fr = "Coordinatrice de l’accueil", en = "Intake coordinator" }, deputy = { fr = "Directrice", en = "Director" } },
    { who = "womens-assoc", focal = { fr = "Chargée de programme", en = "Programme officer" }, deputy = { fr = "Trésorière", en = "Treasurer" } },
  },
  publish = { fr = "Les chiffres agrégés ne sont rendus publics qu’après validation par le comité, et jamais avec un effectif inférieur à 5.",
              en = "Aggregated figures are made public only once the committee has approved them, and never with a count below 5." },

  channel = { fr = "Les chiffres sont remis sur le formulaire commun lors de la réunion mensuelle du comité, ou envoyés par courriel dans un fichier protégé par un mot de passe communiqué par téléphone. Pas de messagerie instantanée, pas de réseaux sociaux, pas d’appareil personnel. Les copies papier sont rangées dans une armoire fermée à clé chez chaque partie.",
              en = "Figures are handed over on the common form at the monthly committee meeting, or e-mailed as a file protected by a password given by telephone. No instant messaging, no social networks, no personal devices. Paper copies are kept in a locked cupboard at each party." },

  retention = { fr = "Les tableaux mensuels sont conservés pendant toute la durée du protocole d’accord et un an après sa fin, pour l’évaluation finale, puis détruits. Les brouillons de comptage sont détruits dès que le tableau du mois est vérifié.",
                en = "The monthly tables are kept for the life of the memorandum and one year after it ends, for the final evaluation, then destroyed. Working papers used for counting are destroyed as soon as the month’s table has been checked." },

  consent = { fr = "Les effectifs ci-dessus n’identifient personne et ne demandent donc pas de consentement. Toute information individuelle ne passe d’un service à l’autre qu’avec le consentement éclairé de la survivante : donné librement, après qu’on lui a dit ce qui serait transmis, à qui et pourquoi. Elle peut refuser ou retirer ce consentement à tout moment sans perdre aucun service. Seule exception : un danger grave et immédiat pour sa vie ou celle d’un enfant, dans les cas prévus par la loi nationale ; le service lui dit alors ce qui a été transmis, sauf si cela la mettait en danger.",
              en = "The counts above identify no one and so need no consent. Any individual information passes from one service to another only with the survivor’s informed consent: given freely, after she has been told what would be passed on, to whom and why. She may refuse or withdraw that consent at any time without losing any service. The only exception is a serious and immediate danger to her life or a child’s, in the cases national law provides for; the service then tells her what was passed on, unless doing so would put her at risk." },

  breach = {
    { fr = "La personne qui constate la fuite prévient aussitôt le point focal de sa partie, et l’on arrête la diffusion : récupérer les documents, supprimer les messages, demander aux destinataires de détruire leurs copies.",
      en = "Whoever notices the leak tells their party’s focal point at once, and the spread is stopped: retrieve documents, delete messages, ask recipients to destroy their copies." },
    { fr = "Si l’information peut identifier une survivante, le service qui l’accompagne est prévenu immédiatement pour évaluer avec elle sa sécurité : celle-ci passe avant tout le reste.",
      en = "If the information could identify a survivor, the service supporting her is told immediately so that it can assess her safety with her: her safety comes before everything else." },
    { fr = "Le point focal signale la violation à la présidence du comité dans les 48 heures.",
      en = "The focal point reports the breach to the committee chair within 48 hours." },
    { fr = "Le comité consigne ce qui s’est passé, ce qui a été fait et ce qui change, sans aucun détail identifiant, et informe l’autorité chargée de la protection des données lorsque la loi l’exige.",
      en = "The committee records what happened, what was done and what will change, without any identifying detail, and informs the data protection authority where the law requires it." },
    { fr = "Le comité revoit le présent protocole et, au besoin, forme de nouveau le personnel ; une violation répétée ou délibérée est traitée selon les clauses du protocole d’accord sur les différends et la résiliation.",
      en = "The committee reviews this protocol and, where needed, retrains staff; a repeated or deliberate breach is dealt with under the memorandum’s clauses on disputes and termination." },
  },

  review = { fr = "Le comité revoit cette annexe lors de la revue annuelle du protocole d’accord et après toute violation.",
             en = "The committee reviews this annex at the annual review of the memorandum and after any breach." },
}
