return {
  { id = "t1", date = "2027-02-02", theme = { fr = "Repérer", en = "Noticing" }, hours = 3, done = true },
  { id = "t2", date = "2027-06-08", theme = { fr = "Orienter", en = "Referring" }, hours = 2, done = false },
}
