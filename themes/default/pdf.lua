-- The PDF style of the default theme: fonts, sizes, margins, colours.
-- Font paths are absolute or relative to this folder; sizes in points,
-- margins and the handwriting line spacing in millimetres.
local lib = "/usr/share/fonts/truetype/liberation2/"
return {
  fonts = {
    serif = { regular = lib .. "LiberationSerif-Regular.ttf",
              bold = lib .. "LiberationSerif-Bold.ttf",
              italic = lib .. "LiberationSerif-Italic.ttf",
              bolditalic = lib .. "LiberationSerif-BoldItalic.ttf" },
    sans = { regular = lib .. "LiberationSans-Regular.ttf",
             bold = lib .. "LiberationSans-Bold.ttf",
             italic = lib .. "LiberationSans-Italic.ttf",
             bolditalic = lib .. "LiberationSans-BoldItalic.ttf" },
    mono = { regular = lib .. "LiberationMono-Regular.ttf",
             bold = lib .. "LiberationMono-Bold.ttf",
             italic = lib .. "LiberationMono-Italic.ttf",
             bolditalic = lib .. "LiberationMono-BoldItalic.ttf" },
    -- for what the text fonts lack (☐ ✓ …)
    fallback = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  },
  size = 10.5,            -- body text
  leading = 1.38,         -- line height / size
  headings = { 20, 15, 12.5, 11, 10.5, 10.5 },
  code = 8.8,
  small = 8.5,            -- header, footer, captions, notes
  table = 9,
  paragraph_space = 6,    -- between blocks
  indent = 18,            -- lists and quotes
  margins = { top = 22, right = 20, bottom = 22, left = 22 },
  writing_line = 8,       -- blank forms: room to write by hand
  justify = true,
  hyphenate = true,
  colors = {
    text = "#1a1a1a", heading = "#1f3a5f", link = "#1a5fb4",
    rule = "#8a8a8a", shade = "#f0f0f0", muted = "#5a5a5a",
  },
}
