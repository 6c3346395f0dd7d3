return {
  title = "T", languages = { "fr", "en" },
  accessibility = { status = "partly",
    audit = { date = "2027-13-01", by = "Cabinet", rate = 120 },
    issues = { 12 } },
}
