-- The PDF style of the default theme: fonts, sizes, margins, colours.
-- Font paths are absolute or relative to this folder; sizes in points,
-- margins, the measure and the handwriting line spacing in millimetres.
--
-- The faces, all TrueType from Debian (libharu embeds TrueType only):
-- * Charis SIL (fonts-sil-charis) for reading: a serif drawn by SIL for
--   legibility in print and on modest printers, from Bitstream Charter;
--   a large x-height, open counters and sturdy serifs that survive a
--   photocopy of a photocopy; full Latin coverage, so French accents,
--   « », the narrow no-break space U+202F that French typography puts
--   before ; ! ? and inside « », œ and the euro are all its own glyphs.
-- * Lato (fonts-lato) for headings, captions, labels and notes: a
--   humanist sans whose bold reads at 8 pt in a table header, with the
--   same coverage (U+202F, « », œ).  Open Sans lacks U+202F; Noto Sans
--   has it too, but its package is four times the size.
-- * Liberation Mono (fonts-liberation2) for code.
-- * DejaVu Sans (fonts-dejavu-core) as the fallback, for what the text
--   faces lack: the boxes to tick ☐ ☑ ☒, ✓, arrows; any character no
--   face has prints as '?' with a warning naming it (t_trust).
local charis = "/usr/share/fonts/truetype/charis/"
local lato = "/usr/share/fonts/truetype/lato/"
local lib = "/usr/share/fonts/truetype/liberation2/"
return {
  fonts = {
    serif = { regular = charis .. "CharisSIL-Regular.ttf",
              bold = charis .. "CharisSIL-Bold.ttf",
              italic = charis .. "CharisSIL-Italic.ttf",
              bolditalic = charis .. "CharisSIL-BoldItalic.ttf" },
    sans = { regular = lato .. "Lato-Regular.ttf",
             bold = lato .. "Lato-Bold.ttf",
             italic = lato .. "Lato-Italic.ttf",
             bolditalic = lato .. "Lato-BoldItalic.ttf" },
    mono = { regular = lib .. "LiberationMono-Regular.ttf",
             bold = lib .. "LiberationMono-Bold.ttf",
             italic = lib .. "LiberationMono-Italic.ttf",
             bolditalic = lib .. "LiberationMono-BoldItalic.ttf" },
    fallback = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  },
  -- Running text: 10.5 pt Charis on a 116 mm measure is 60 to 75
  -- characters a line in French and English (the print audit measures
  -- it); tables, drawings and forms use the frame's whole width.
  size = 10.5,
  leading = 1.38,         -- line height / size
  measure = 116,
  headings = { 21, 15, 12.5, 11, 10.5, 10.5 },
  code = 8.8,
  small = 8.5,            -- header, footer, captions, notes
  table = 9,
  paragraph_space = 6,    -- between blocks
  indent = 18,            -- lists and quotes
  margins = { top = 22, right = 20, bottom = 22, left = 24 },
  writing_line = 8,       -- blank forms: room to write by hand
  justify = true,
  hyphenate = true,
  colors = {
    text = "#1a1a1a", heading = "#1f3a5f", link = "#1a5fb4",
    rule = "#8a8a8a", shade = "#eef0f4", muted = "#555555",
  },
}
