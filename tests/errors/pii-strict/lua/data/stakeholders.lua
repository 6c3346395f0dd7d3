return {
  { id = "a", name = "Contact : 06 12 34 56 78", sector = "police",
    level = "local", influence = 1, support = 0 },
}
