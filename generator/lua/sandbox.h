/*
 * lua/sandbox.h: the Lua stage as the rest of pactkit sees it, without
 * lua.h: a sandbox per build, the settings and front matter read through
 * it, components called, the theme's PDF style.
 */
#ifndef LUA_SANDBOX_H
#define LUA_SANDBOX_H

#include "base/pactkit.h"

struct sandbox;

/* init.c: a new sandbox for one build, with its libraries and the pk
 * table, saying its errors to diag; free with sandbox_free(). */
struct sandbox *init_sandbox(const struct site *, struct diag *);
void	 sandbox_free(struct sandbox *);

/* settings.c: reads path (lua/site.lua) into site; 1 ok, 0 (printed). */
int	 settings_site(struct sandbox *, const char *path, struct site *);
/* Frees everything settings_site and settings_i18n read into a site. */
void	 settings_site_free(struct site *);
/* Loads lua/i18n/<lang>.lua over the built-in tables into site->i18n. */
int	 settings_i18n(struct sandbox *, struct site *);

/* vocab.c: reads the project's lua/vocab.lua over the built-in
 * vocabularies, checks them, gives each sector its marker; 1 ok, 0
 * (printed). */
int	 vocab_load(struct sandbox *);

/* frontmatter.c: runs front matter text (len bytes, first line `line` of
 * file) and fills title, key, updated, weight, description and slug of
 * page; 1 ok, 0 (printed). */
int	 frontmatter_read(struct sandbox *, const char *file, int line,
	    const char *text, size_t len, struct page *);
/* The same for front matter in YAML (yaml = 1: between "---" lines) or
 * in Lua (0). */
int	 frontmatter_read_as(struct sandbox *, const char *file, int line,
	    const char *text, size_t len, struct page *, int yaml);

/* component.c: calls component `name` with the Lua fields in body (len
 * bytes, starting at line `line` of file) for language lang; appends the
 * nodes it returns to parent.  1 ok, 0 (printed). */
int	 component_call(struct sandbox *, const struct site *, size_t lang,
	    const char *name, const char *body, size_t len,
	    const char *file, int line, xmlNodePtr parent);

/* pdfstyle.c: fills st with the built-in defaults (Liberation fonts). */
void	 pdfstyle_defaults(struct pdf_style *);
/* Reads themes/<theme>/pdf.lua of the project (project folder, then
 * the shared one) over the defaults; 1 ok, 0 (printed). */
int	 pdfstyle_load(struct project *, struct pdf_style *);
void	 pdfstyle_free(struct pdf_style *);

#endif /* !LUA_SANDBOX_H */
