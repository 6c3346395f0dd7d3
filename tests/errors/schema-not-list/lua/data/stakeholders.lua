return { police = { id = "police" } }
