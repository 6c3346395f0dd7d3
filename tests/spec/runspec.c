/*
 * runspec.c: runs CommonMark-format spec files (example blocks of
 * Markdown, ".", expected HTML) through `pactkit render`, compares after
 * normalising whitespace between tags, prints PASS/FAIL per example.
 * usage: runspec PACTKIT SPECFILE NAME [render options...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct text {
	char	*s;
	size_t	 len, cap;
};

static void
put(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		if (t->s == NULL)
			abort();
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* The spec writes tabs as "→" (U+2192). */
static void
put_line(struct text *t, const char *line)
{
	const char *p;

	for (p = line; *p != '\0'; p++) {
		if (strncmp(p, "\xe2\x86\x92", 3) == 0) {
			put(t, "\t", 1);
			p += 2;
		} else
			put(t, p, 1);
	}
}

/* Whitespace between tags dropped; "<br />" written "<br>"; trimmed. */
static char *
normalise(const char *s)
{
	struct text t = { 0 };
	const char *p = s;

	put(&t, "", 0);
	while (*p == ' ' || *p == '\n')
		p++;
	for (; *p != '\0'; p++) {
		if (*p == '>') {
			const char *q = p + 1;

			while (*q == ' ' || *q == '\n')
				q++;
			if (*q == '<' || *q == '\0') {
				put(&t, ">", 1);
				p = q - 1;
				continue;
			}
		}
		if (*p == ' ' && p[1] == '/' && p[2] == '>') {
			put(&t, ">", 1);
			p += 2;
			continue;
		}
		if (*p == '\n') {
			const char *q = p;

			while (*q == '\n' || *q == ' ')
				q++;
			if (*q == '<' || *q == '\0') {
				p = q - 1;
				continue;
			}
		}
		put(&t, p, 1);
	}
	while (t.len > 0 && (t.s[t.len - 1] == '\n' || t.s[t.len - 1] == ' '))
		t.s[--t.len] = '\0';
	return t.s;
}

static char *
render(const char *pactkit, const char *md, size_t len, char **opts, int nopts)
{
	char tmpl[] = "/tmp/pkspec-XXXXXX";
	struct text cmd = { 0 }, out = { 0 };
	char buf[4096];
	size_t n;
	int fd = mkstemp(tmpl), i;
	FILE *f;

	if (fd == -1 || write(fd, md, len) != (ssize_t)len)
		abort();
	close(fd);
	put(&cmd, pactkit, strlen(pactkit));
	put(&cmd, " render", 7);
	for (i = 0; i < nopts; i++) {
		put(&cmd, " ", 1);
		put(&cmd, opts[i], strlen(opts[i]));
	}
	put(&cmd, " ", 1);
	put(&cmd, tmpl, strlen(tmpl));
	put(&cmd, " 2>/dev/null", 12);
	put(&out, "", 0);
	if ((f = popen(cmd.s, "r")) == NULL)
		abort();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		put(&out, buf, n);
	pclose(f);
	unlink(tmpl);
	free(cmd.s);
	return out.s;
}

int
main(int argc, char *argv[])
{
	FILE *f;
	char line[65536], section[65536] = "";
	struct text md = { 0 }, html = { 0 };
	int state = 0, num = 0, failed = 0, passed = 0, lineno = 0, start = 0;
	const char *fence = "````````````````````````````````";

	if (argc < 4 || (f = fopen(argv[2], "r")) == NULL) {
		fprintf(stderr, "usage: runspec PACTKIT SPECFILE NAME [opts]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);       /* kept if we are killed */
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (state == 0 && strncmp(line, fence, strlen(fence)) == 0 &&
		    strstr(line, "example") != NULL) {
			state = 1;
			md.len = html.len = 0;
			put(&md, "", 0);
			put(&html, "", 0);
			start = lineno;
		} else if (state == 0 && line[0] == '#' && line[1] != '#' - 0) {
			char *p = line;

			while (*p == '#')
				p++;
			while (*p == ' ')
				p++;
			snprintf(section, sizeof(section), "%s", p);
			section[strcspn(section, "\n")] = '\0';
		} else if (state == 1 && strcmp(line, ".\n") == 0)
			state = 2;
		else if (state == 1)
			put_line(&md, line);
		else if (state == 2 && strncmp(line, fence, strlen(fence)) == 0) {
			char *got = render(argv[1], md.s, md.len, argv + 4,
			    argc - 4);
			char *a = normalise(got), *b = normalise(html.s);

			num++;
			if (strcmp(a, b) == 0) {
				passed++;
				printf("PASS %s example %d (line %d)\n", argv[3],
				    num, start);
			} else {
				failed++;
				printf("FAIL %s example %d (line %d, %s): "
				    "expected [%s] got [%s]\n", argv[3], num,
				    start, section, b, a);
			}
			free(a);
			free(b);
			free(got);
			state = 0;
		} else if (state == 2)
			put_line(&html, line);
	}
	fclose(f);
	fprintf(stderr, "%s: %d examples, %d passed, %d failed\n", argv[3],
	    num, passed, failed);
	return failed ? 1 : 0;
}
