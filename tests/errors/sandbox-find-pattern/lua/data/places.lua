-- A pattern in string.find is refused with its place, as string.match
-- is: without plain = true, "^gu" would be sought as text, not found.
local at = ("guide"):find("gui")
return { first = ("guide"):find("^gu") }
