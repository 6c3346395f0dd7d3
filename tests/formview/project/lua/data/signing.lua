-- The signing session of the MoU: what the partners agreed to write on the form.
return {
  place = "Salle « Voltaire » de la préfecture de Saint-Étienne-du-Rouvray, deuxième étage, porte à gauche après l’accueil — entrée par la cour des Œillets, 12 € le stationnement",
  date = "2027-01-15",
  parties = {
    { id = "police", name = "Unité de police du district — brigade de protection des familles",
      signatory = "Cœur-Joie Hélène", budget = "12 500 €" },
    { id = "shelter", name = "Foyer d’accueil « L’Étape »",
      signatory = "Zoé Bréhat-Lefèvre", budget = "3 000 €" },
  },
  notes = "Première réunion : à la préfecture, où chaque partenaire présentera son rôle, ses contraintes et ce qu’il attend du protocole « Élan » avant que l’on passe au vote.\nDeuxième réunion : au foyer « L’Étape », où l’on évaluera le protocole.\nLes partenaires s’engagent à ne noter aucune donnée sur les survivantes.",
  confidential = true,
  review = "yearly",
}
