#!/bin/sh
# The components' documentation against their schemas: what a built-in
# component's pk.check asks for (PACTKIT_SCHEMAS, while checking this
# repository's own toolkit, which calls each of them with data and blank)
# is what docs/components.md and the README say, field by field:
# required or optional, for every data file and every argument.
. "$ROOT/tests/lib.sh"
T=$(tmpdir docs)

rm -f "$T/schemas"
if ! PACTKIT_SCHEMAS=$T/schemas "$PACTKIT" check -q "$ROOT" >/dev/null 2>"$T/check.err" ||
    [ ! -s "$T/schemas" ]; then
	fail docs/schemas-dumped "pactkit check with PACTKIT_SCHEMAS: $(head -c 300 "$T/check.err")"
	exit 0
fi
pass docs/schemas-dumped
# component, file (the data file's name, or args), field, required|optional;
# the built-in components only (the toolkit's own, in lua/components/,
# are documented where they are used)
ls "$ROOT"/lua/builtin/components/*.lua | sed 's#.*/##; s#\.lua$##' > "$T/builtin"
awk -F'\t' 'NR == FNR { b[$1] = 1; next }
    $1 in b { w = $2; sub(/\..*/, "", w); f = $3; sub(/^\[\]\./, "", f)
    print $1 "\t" w "\t" f "\t" $4 }' "$T/builtin" "$T/schemas" | sort -u > "$T/schema"

# docs_rows FILE: the same four columns, from the tables of FILE: the
# "| fields of `NAME.lua` | |" table of each component's section, and
# the arguments table ("**bold**": required; "(unless `blank`)": required
# only without blank, so optional in the schema that blank checks with)
docs_rows() {
	awk '
	/^#+ / { h = $0; sub(/^#+ /, "", h); comp = h; tbl = "" }
	/^\| fields of `/ { tbl = $0; sub(/^\| fields of `/, "", tbl);
		sub(/\.lua`.*/, "", tbl); next }
	tbl != "" && /^\| `/ {
		n = split($0, col, "|"); req = col[3]; gsub(/ /, "", req)
		m = split(col[2], f, ",")
		for (i = 1; i <= m; i++) { g = f[i]; gsub(/[ `]/, "", g)
			print comp "\t" tbl "\t" g "\t" req }
		next }
	tbl != "" && !/^\|/ { tbl = "" }
	/^\| component \| arguments/ { args = 1; next }
	args && /^\| `/ {
		n = split($0, col, "|"); c = col[2]; gsub(/[ `]/, "", c)
		rest = col[3]
		while (match(rest, /(\*\*)?`[a-z_]+`(\*\*)?( \(unless `blank`\))?/)) {
			tok = substr(rest, RSTART, RLENGTH)
			rest = substr(rest, RSTART + RLENGTH)
			name = tok; sub(/ \(unless.*/, "", name); gsub(/[*`]/, "", name)
			if (tok ~ /unless/) r = "optional"
			else if (tok ~ /^\*\*/) r = "required"
			else r = "optional"
			print c "\targs\t" name "\t" r
			# a default value in parentheses: skip it
			if (match(rest, /^ \([^)]*\)/)) rest = substr(rest, RLENGTH + 1)
		}
		next }
	args && !/^\|/ { args = 0 }
	' "$1" | sort -u
}

for doc in docs/components.md README.md; do
	name=$(basename "$doc" .md)
	docs_rows "$ROOT/$doc" > "$T/doc"
	if [ ! -s "$T/doc" ]; then
		fail "docs/$name-tables" "no field tables found"
		continue
	fi
	# every worksheet takes form (said once, in words, not in the table)
	grep -q 'Every worksheet also takes `form = "NAME"`' "$ROOT/$doc" &&
	    awk -F'\t' '$2 == "args" && $3 == "form"' "$T/schema" >> "$T/doc"
	sort -u -o "$T/doc" "$T/doc"
	# the schema's answers per field (an argument may be checked twice:
	# blank and filled, and the docs give the blank one)
	awk -F'\t' 'function where(c, w, f) {
		return c " " (w == "args" ? "argument" : w ".lua") " " f }
	    NR == FNR { s[$1 FS $2 FS $3] = s[$1 FS $2 FS $3] " " $4; next }
	    { k = $1 FS $2 FS $3
	      if (!(k in s)) { print "documented, not in the schema: " where($1, $2, $3); next }
	      if (index(s[k], $4) == 0) print where($1, $2, $3) ": the docs say " $4 ", the schema" s[k]
	      seen[k] = 1 }
	    END { for (k in s) if (!(k in seen)) { split(k, p, FS)
		print "in the schema, not documented: " where(p[1], p[2], p[3]) } }' \
	    "$T/schema" "$T/doc" | sort > "$T/diff"
	if [ -s "$T/diff" ]; then
		fail "docs/$name-agrees-with-schemas" "$(wc -l < "$T/diff") difference(s): $(head -6 "$T/diff" | tr '\n' ';')"
	else
		pass "docs/$name-agrees-with-schemas"
	fi
done

# docs/i18n.md lists the built-in interface strings as lua/builtin/i18n/
# holds them: made again from those files, it must be the same page
if need docs/i18n-page lua5.4; then
	lua5.4 "$ROOT/docs/i18n.lua" "$ROOT" > "$T/i18n.md" 2>"$T/i18n.err"
	if cmp -s "$T/i18n.md" "$ROOT/docs/i18n.md"; then
		pass docs/i18n-page-up-to-date
	else
		fail docs/i18n-page-up-to-date "docs/i18n.md differs from the built-in tables (make docs): $(diff "$ROOT/docs/i18n.md" "$T/i18n.md" | head -5 | tr '\n' ' ')"
	fi
	# and every key of both tables is on it
	n=$(grep -c '^| `' "$ROOT/docs/i18n.md")
	k=$(lua5.4 -e "local n = 0 for _ in pairs(dofile('$ROOT/lua/builtin/i18n/en.lua')) do n = n + 1 end print(n)")
	check docs/i18n-page-every-key test "$n" -eq "$k"
fi

# every command and option of `pactkit --help` is in the manual page
# (docs/pactkit.1: `Cm NAME`, `Fl -NAME` / `Fl X`) and in the README's
# table, and the manual names no option that --help does not have
"$PACTKIT" --help > "$T/help.txt"
man=$ROOT/docs/pactkit.1
cmds=$(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$T/help.txt" | sort -u)
longs=$(grep -oE '(^|[ ,])--[a-z][a-z-]*' "$T/help.txt" | sed 's/^[ ,]*//' | sort -u)
shorts=$(grep -oE '^  -[a-z],' "$T/help.txt" | sed 's/^  //; s/,$//' | sort -u)
ok=1
for c in $cmds; do
	grep -q "^\.It Cm $c\b" "$man" || { ok=0; fail docs/man-has-every-command "no .It Cm $c"; }
	grep -q "^pactkit $c " "$ROOT/README.md" || { ok=0; fail docs/readme-has-every-command "no pactkit $c"; }
done
[ $ok = 1 ] && pass docs/man-and-readme-have-every-command
ok=1
for o in $longs; do
	# mdoc writes --name as "Fl -name" (Fl adds the first dash)
	grep -q "Fl ${o#-}\b" "$man" || { ok=0; fail docs/man-has-every-option "no Fl ${o#-}"; }
	grep -qF "\`$o" "$ROOT/README.md" || { ok=0; fail docs/readme-has-every-option "no \`$o"; }
done
for o in $shorts; do
	grep -q "^\.It Fl ${o#-} ," "$man" || { ok=0; fail docs/man-has-every-option "no .It Fl ${o#-}"; }
done
[ $ok = 1 ] && [ -n "$longs" ] && pass docs/man-and-readme-have-every-option
extra=$(grep -oE 'Fl -[a-z][a-z-]*' "$man" | sed 's/^Fl /-/' | sort -u | while read -r o; do
	echo "$longs" | grep -qx -- "$o" || echo "$o"; done)
if [ -z "$extra" ]; then pass docs/man-has-no-other-option
else fail docs/man-has-no-other-option "not in --help: $extra"; fi
# and each option --help names is one the command line takes (each run
# ends in --help, so prints the help and builds nothing; in $T all the
# same, so that no slip can write into the repository)
ok=1
for o in $longs; do
	case $o in --help|--version) continue ;; esac
	(cd "$T" && { "$PACTKIT" build $o x --help >/dev/null 2>&1 ||
	    "$PACTKIT" build $o json --help >/dev/null 2>&1 ||
	    "$PACTKIT" build $o 8000 --help >/dev/null 2>&1; }) ||
	    { ok=0; fail docs/help-options-are-real "$o is refused"; }
done
[ $ok = 1 ] && pass docs/help-options-are-real
