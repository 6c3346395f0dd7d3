return {
  { id = "a", name = "A" },
  { id id = "b", name = "B" },
}
