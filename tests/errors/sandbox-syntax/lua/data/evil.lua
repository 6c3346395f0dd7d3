return {
  { id = "a", name = "A" }
  { id = "b", name = "B" },
}
