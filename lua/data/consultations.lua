-- Illustrative consultation log of the partners in the fictional district
-- of Kessa.  Participants are organisations (ids from stakeholders.lua):
-- no one's name, and never a survivor's, is recorded here.
return {
  { date = "2027-03-10", kind = "joint-committee",
    participants = { "police-unit", "health-centre", "shelter", "womens-assoc" },
    agenda = {
      { fr = "Installation du comité de coordination", en = "Setting up the coordination committee" },
      { fr = "Calendrier du plan de travail conjoint", en = "Timetable of the joint work plan" },
    },
    decisions = {
      { fr = "La police assure la première présidence, jusqu’à la fin d’août 2027.", en = "The police take the first turn in the chair, until the end of August 2027." },
      { fr = "Le comité se réunit le deuxième mercredi de chaque mois.", en = "The committee meets on the second Wednesday of each month." },
    },
    follow_up = {
      { action = { fr = "Rédiger un premier projet de procédure d’orientation", en = "Draft a first referral procedure" }, who = "womens-assoc", by = "2027-04-07" },
      { action = { fr = "Afficher le numéro de l’unité au standard central", en = "Post the unit’s number at the central switchboard" }, who = "police-unit", by = "2027-03-31" },
    },
    next_meeting = "2027-04-14" },

  { date = "2027-04-14", kind = "joint-committee",
    participants = { "police-unit", "health-centre", "shelter", "womens-assoc", "legal-aid" },
    agenda = {
      { fr = "Examen du projet de procédure d’orientation", en = "Review of the draft referral procedure" },
      { fr = "Contenu de la formation conjointe", en = "Content of the joint training" },
    },
    decisions = {
      { fr = "La procédure est adoptée, avec l’ajout d’une orientation vers la clinique juridique.", en = "The procedure is adopted, with referral to the legal aid clinic added." },
      { fr = "La formation aura lieu en deux sessions de deux jours.", en = "The training will be held in two two-day sessions." },
    },
    follow_up = {
      { action = { fr = "Diffuser la procédure à tout le personnel", en = "Circulate the procedure to all staff" }, who = "police-unit", by = "2027-04-30" },
      { action = { fr = "Demander le financement de la formation", en = "Request funding for the training" }, who = "health-centre", by = "2027-04-30" },
    },
    next_meeting = "2027-05-12" },

  { date = "2027-05-05", kind = "bilateral",
    participants = { "police-unit", "social-action" },
    agenda = {
      { fr = "Détachement d’une travailleuse sociale auprès de l’unité", en = "Seconding a social worker to the unit" },
    },
    decisions = {
      { fr = "La direction régionale étudie un détachement à mi-temps dès septembre.", en = "The regional directorate will consider a half-time secondment from September." },
    },
    follow_up = {
      { action = { fr = "Préparer un projet de convention de détachement", en = "Prepare a draft secondment agreement" }, who = "social-action", by = "2027-06-15" },
    },
    next_meeting = "2027-06-16" },

  { date = "2027-06-23", kind = "consultation",
    participants = { "police-unit", "health-centre", "shelter", "womens-assoc", "legal-aid", "prosecutor", "traditional-leaders", "radio" },
    agenda = {
      { fr = "Bilan des trois premiers mois du protocole", en = "Review of the memorandum’s first three months" },
      { fr = "Préoccupations des associations au sujet de l’accueil au commissariat", en = "The associations’ concerns about how the police station receives survivors" },
      { fr = "Campagne d’information dans les villages", en = "Information campaign in the villages" },
    },
    decisions = {
      { fr = "Le local d’accueil à l’écart devient la priorité du trimestre.", en = "The private reception room becomes the quarter’s priority." },
      { fr = "Kessa FM diffusera une émission mensuelle préparée par le comité.", en = "Kessa FM will broadcast a monthly programme prepared by the committee." },
    },
    follow_up = {
      { action = { fr = "Présenter au comité le plan du local d’accueil", en = "Present the reception room plan to the committee" }, who = "police-unit", by = "2027-07-14" },
      { action = { fr = "Préparer la première émission", en = "Prepare the first programme" }, who = "womens-assoc", by = "2027-07-31" },
      { action = { fr = "Organiser une rencontre avec les deux chefs favorables", en = "Arrange a meeting with the two supportive leaders" }, who = "traditional-leaders", by = "2027-08-15" },
    },
    next_meeting = "2027-07-14" },
}
