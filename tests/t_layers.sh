#!/bin/sh
# The layout of generator/ (generator/README.md): one folder per stage,
# each calling only itself and the folders below it, no circle between
# files, each outside library's header in one folder.  Read from what was
# built (nm on build/<folder>/*.o: every undefined symbol of an object is
# defined in its own folder, a folder it may call, or a library) and from
# the #include lines of the sources.
. "$ROOT/tests/lib.sh"
T=$(tmpdir layers)
B=${LAYERS_BUILD:-$ROOT/build}
G=$ROOT/generator

# folder: the folders it may call (besides itself), bottom first
cat > "$T/rules" <<'EOF'
base
tree base
output base
lua base tree
doc base tree lua
html base tree output doc
pdf base tree output lua doc
office base tree output doc
run base tree output lua doc html pdf office
EOF
# library headers: the files that may include them (shell patterns)
cat > "$T/libs" <<'EOF'
lua.h lua/*
lauxlib.h lua/*
lualib.h lua/*
hpdf.h pdf/draw*
hpdf_utils.h pdf/draw*
cmark.h doc/markdown.c
hyphen.h pdf/hyph.c
png.h pdf/image.c
jpeglib.h pdf/image.c
zlib.h pdf/draw*
microhttpd.h run/serve.c
zip.h office/package.c
yaml.h lua/fmyaml.c
EOF

# ---- the objects: folder/file, what each defines and uses ----------------
# (only objects whose source is there: not one a removed file left)
objs=$(cd "$B" 2>/dev/null && find . -name '*.o' ! -path './asan/*' \
    ! -path './fuzz/*' | sed 's|^\./||' | sort | while read -r o; do
	[ -f "$G/${o%.o}.c" ] && echo "$o"; done)
if [ -z "$objs" ]; then
	fail layers/objects "no objects under $B (build pactkit first)"
	exit 0
fi
: > "$T/defs"; : > "$T/uses"
for o in $objs; do
	f=${o%.o}
	nm "$B/$o" | awk -v f="$f" -v d="$T/defs" -v u="$T/uses" '
	    NF == 3 && $2 ~ /^[TDBRCG]$/ { print $3, f >> d }
	    NF == 2 && $1 == "U" { print f, $2 >> u }'
done

# every object in a stage folder
bad=$(echo "$objs" | awk -F/ -v r="$T/rules" '
    BEGIN { while ((getline l < r) > 0) { split(l, w, " "); ok[w[1]] = 1 } }
    NF != 2 || !($1 in ok) { printf "%s ", $0 }')
if [ -n "$bad" ]; then
	fail layers/folders "objects outside the stage folders of generator/README.md: $bad"
else
	pass layers/folders
fi

# the arrows file -> file, with the symbols that make them
awk 'NR == FNR { def[$1] = $2; next }
    ($2 in def) && def[$2] != $1 { print $1, def[$2], $2 }' \
    "$T/defs" "$T/uses" | sort -u > "$T/arrows"

# ---- each folder calls itself and the folders below it -------------------
awk -v r="$T/rules" '
    BEGIN { while ((getline l < r) > 0) { n = split(l, w, " ");
	for (i = 1; i <= n; i++) may[w[1] "," w[i]] = 1 } }
    { split($1, a, "/"); split($2, b, "/")
      if (!((a[1] "," b[1]) in may)) print $1 " -> " $2 " (" $3 ")" }' \
    "$T/arrows" > "$T/up"
if [ -s "$T/up" ]; then
	fail layers/calls-go-down "$(wc -l < "$T/up") call(s) up or across: $(head -8 "$T/up" | tr '\n' ';')"
else
	pass layers/calls-go-down
fi

# ---- no circle between files ---------------------------------------------
awk '{ e[$1, $2] = 1; n[$1] = 1; n[$2] = 1; why[$1, $2] = why[$1, $2] " " $3 }
    END {
	for (k in n) for (i in n) if ((i, k) in e) for (j in n)
		if ((k, j) in e) e[i, j] = 1
	for (i in n) for (j in n) if (i < j && (i, j) in e && (j, i) in e)
		printf "%s <-> %s; ", i, j
    }' "$T/arrows" > "$T/circles"
if [ -s "$T/circles" ]; then
	fail layers/no-circles "files that call each other: $(head -c 700 "$T/circles")"
else
	pass layers/no-circles
fi

# ---- includes: a folder's headers and the libraries' ---------------------
: > "$T/inc"
for src in $(cd "$G" && find . -name '*.[ch]' | sed 's|^\./||' | sort); do
	sed -n 's/^#[ \t]*include[ \t]*\([<"]\)\([^>"]*\)[>"].*/\1 \2/p' "$G/$src" |
	    while read -r kind h; do echo "$src $kind $h"; done >> "$T/inc"
done
awk -v r="$T/rules" '
    BEGIN { while ((getline l < r) > 0) { n = split(l, w, " ");
	for (i = 1; i <= n; i++) may[w[1] "," w[i]] = 1 } }
    $2 == "\"" { split($1, a, "/"); split($3, b, "/")
      if (b[2] == "" || !((a[1] "," b[1]) in may)) print $1 " includes " $3 }' \
    "$T/inc" > "$T/incup"
if [ -s "$T/incup" ]; then
	fail layers/includes-go-down "$(head -8 "$T/incup" | tr '\n' ';')"
else
	pass layers/includes-go-down
fi
: > "$T/libbad"
while read -r h pat; do
	awk -v h="$h" '$2 == "<" && ($3 == h || $3 ~ ("/" h "$")) { print $1 }' \
	    "$T/inc" | while read -r src; do
		# shellcheck disable=SC2254
		case $src in $pat) ;; *) echo "$src includes <$h> (only $pat may)" >> "$T/libbad" ;; esac
	done
done < "$T/libs"
if [ -s "$T/libbad" ]; then
	fail layers/library-headers "$(head -8 "$T/libbad" | tr '\n' ';')"
else
	pass layers/library-headers
fi
