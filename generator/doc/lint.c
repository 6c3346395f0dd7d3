/*
 * lint.c: survivors' confidentiality.  Scans the project's pages and
 * data files for what must never be in a toolkit: e-mail addresses,
 * phone numbers, ID-like numbers, and fields named after survivors or
 * victims.  Warnings (errors with --strict) name file:line:col.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

static int
email_at(const char *s, size_t i, size_t len, size_t *end)
{
	size_t a = i, j, k, dot = 0;

	/* i is at '@': a local part before, a domain with a dot after */
	while (a > 0 && (isalnum((unsigned char)s[a - 1]) ||
	    strchr("._%+-", s[a - 1]) != NULL))
		a--;
	if (a == i)
		return 0;
	for (j = i + 1; j < len && (isalnum((unsigned char)s[j]) ||
	    s[j] == '.' || s[j] == '-'); j++)
		continue;
	/* the full stop of a sentence, or a dash, after the address is
	 * not part of its domain */
	while (j > i + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	for (k = i + 1; k < j; k++)
		if (s[k] == '.')
			dot = k;
	/* a top-level domain of two letters at least (.sn, .fr) */
	if (dot == 0 || dot + 2 >= j || dot == i + 1)
		return 0;
	*end = j;
	return 1;
}

/* A phone number: "+" then 8+ digits, or 0 then 9+ digits in groups. */
static int
phone_at(const char *s, size_t i, size_t len, size_t *end)
{
	size_t j = i, digits = 0, groups = 0;
	int plus = s[i] == '+';

	if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '-' ||
	    s[i - 1] == '.'))
		return 0;
	if (plus)
		j++;
	else if (s[i] != '0' && s[i] != '(')
		return 0;
	while (j < len) {
		if (isdigit((unsigned char)s[j])) {
			digits++;
			if (j == 0 || !isdigit((unsigned char)s[j - 1]))
				groups++;
		} else if (!(s[j] == ' ' || s[j] == '-' || s[j] == '.' ||
		    s[j] == '(' || s[j] == ')') || j + 1 >= len ||
		    !(isdigit((unsigned char)s[j + 1]) || s[j + 1] == '('))
			break;
		j++;
	}
	if ((plus && digits >= 8) || (!plus && digits >= 9 && groups >= 3)) {
		*end = j;
		return 1;
	}
	return 0;
}

static void
scan(struct diag *dg, const char *file, const char *text, size_t len, int lua)
{
	/* the bytes that may start something in a page */
	static const unsigned char start[256] = {
		['\n'] = 1, ['@'] = 1, ['+'] = 1, ['('] = 1, ['0'] = 1,
		['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
		['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	};
	size_t i, ls = 0, end;
	int line = 1, instr = 0;

	for (i = 0; i < len; i++) {
		char ch;

		/* most bytes start nothing: skip them fast */
		if (!lua)
			while (i < len && !start[(unsigned char)text[i]])
				i++;
		if (i == len)
			break;
		ch = text[i];

		if (ch == '\n') {
			line++;
			ls = i + 1;
			instr = 0;
			continue;
		}
		if (lua && (ch == '"' || ch == '\'') &&
		    (i == 0 || text[i - 1] != '\\')) {
			instr = instr == ch ? 0 : instr ? instr : ch;
			continue;
		}
		if (lua && !instr) {
			/* field names: victim_*, survivor*, survivante... */
			if ((i == 0 || !isalnum((unsigned char)text[i - 1])) &&
			    (strncmp(text + i, "victim", 6) == 0 ||
			    strncmp(text + i, "survivor_", 9) == 0 ||
			    strncmp(text + i, "survivant", 9) == 0 ||
			    strncmp(text + i, "victime", 7) == 0)) {
				size_t k = i;

				while (k < len && (isalnum((unsigned char)text[k])
				    || text[k] == '_'))
					k++;
				while (k < len && text[k] == ' ')
					k++;
				if (k < len && text[k] == '=' && text[k + 1] != '=')
					diag(dg, DIAG_WARN, file, line,
					    utf8_col(text + ls, i - ls),
					    "a field named after survivors or "
					    "victims: toolkits never hold "
					    "survivor data (describe "
					    "organisations and roles)");
			}
			continue;
		}
		if (ch == '@' && email_at(text, i, len, &end)) {
			size_t a = i;

			while (a > ls && (isalnum((unsigned char)text[a - 1]) ||
			    strchr("._%+-", text[a - 1]) != NULL))
				a--;
			diag(dg, DIAG_WARN, file, line, utf8_col(text + ls,
			    a - ls), "an e-mail address '%.*s': never put "
			    "personal contacts in a toolkit", (int)(end - a),
			    text + a);
			i = end - 1;
		} else if ((ch == '+' || ch == '0' || ch == '(') &&
		    phone_at(text, i, len, &end)) {
			diag(dg, DIAG_WARN, file, line, utf8_col(text + ls,
			    i - ls), "a phone number '%.*s': never put personal "
			    "contacts in a toolkit", (int)(end - i), text + i);
			i = end - 1;
		} else if (isdigit((unsigned char)ch) && (i == 0 ||
		    !isalnum((unsigned char)text[i - 1]))) {
			size_t k = i;

			while (k < len && isdigit((unsigned char)text[k]))
				k++;
			if (k - i >= 9 && (k == len ||
			    !isalnum((unsigned char)text[k])))
				diag(dg, DIAG_WARN, file, line, utf8_col(text +
				    ls, i - ls), "an ID-like number '%.*s': "
				    "never put identity or case numbers in a "
				    "toolkit", (int)(k - i), text + i);
			i = k - 1;
		}
	}
}

static void
scan_dir(struct diag *dg, const char *dir, const char *shown, const char *ext,
    int lua)
{
	struct dirent **names;
	int n, i;

	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;
		char *full = xasprintf("%s/%s", dir, nm);
		char *show = xasprintf("%s/%s", shown, nm);
		size_t l = strlen(nm), len;

		if (nm[0] != '.') {
			if (file_isdir(full))
				scan_dir(dg, full, show, ext, lua);
			else if (l > strlen(ext) &&
			    strcmp(nm + l - strlen(ext), ext) == 0) {
				char *text = file_read(full, &len);

				if (text != NULL)
					scan(dg, show, text, len, lua);
				free(text);
			}
		}
		free(full);
		free(show);
		free(names[i]);
	}
	free(names);
}

/* A page's text (in memory since it was read). */
void
lint_page(const struct project *p, const struct page *pg)
{
	if (pg->text != NULL)
		scan(p->build->diag, pg->src, pg->text, pg->textlen, 0);
}

/* The project's data files (its pages go through lint_page, each in the
 * process that builds it). */
void
lint_data(const struct project *p)
{
	char *d = xasprintf("%s/lua/data", p->site.dir);

	scan_dir(p->build->diag, d, "lua/data", ".lua", 1);
	free(d);
}
