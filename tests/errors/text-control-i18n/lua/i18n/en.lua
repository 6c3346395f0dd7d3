return {
  page_of = "Page %d\1 of %d",
}
