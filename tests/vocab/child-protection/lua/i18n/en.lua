return {
  ["referrals.title"] = "This year’s referrals",
  ["referrals.count"] = "%d partners, %d of them schools",
}
