return {
  ["sierra-leone"] = {
    country = { fr = "Sierra Leone", en = "Sierra Leone" }, year = 2010,
    parties = { { fr = "Police de la Sierra Leone", en = "Sierra Leone Police" },
                { fr = "Ministère du Bien-être social", en = "Ministry of Social Welfare" } },
    agreed = { fr = "Une travailleuse sociale dans chaque unité.", en = "A social worker in each unit." },
    figures = { { label = { fr = "Unités de soutien familial", en = "Family Support Units" }, value = 41, as_of = 2010 } },
    source = { fr = "Base de données mondiale d’ONU Femmes", en = "UN Women Global Database" },
    as_of = 2010 },
  albania = {
    country = { fr = "Albanie", en = "Albania" }, year = 2008,
    parties = { { fr = "Cinq ministères", en = "Five ministries" } },
    agreed = { fr = "Un accord de coopération.", en = "A cooperation agreement." },
    source = { fr = "Source non confirmée", en = "Unconfirmed source" }, as_of = 2011 },
}
