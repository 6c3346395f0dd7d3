-- A project of the test suite (tests/t_formview.sh), written from the
-- README and docs/contract.md as a new user would: a worksheet filled by a
-- component of its own from lua/data/signing.lua.
return {
  title = { fr = "Protocole « Élan »", en = "The “Élan” MoU" },
  author = "Test de pactkit",
  languages = { "fr", "en" },
  paper = { fr = "A4", en = "Letter" },
  documents = {
    { id = "signing", title = { fr = "Fiche de signature", en = "Signing sheet" }, pages = { "signing" } },
  },
}
