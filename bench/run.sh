#!/bin/sh
# Benchmarks, side by side with the peers in the same run (ratios only:
# these machines are noisy).  Not a test: `make bench`.
#   site: pactkit vs Hugo on the synthetic corpus (2x1000, 2x5000 pages),
#         and the cmark CLI on the same Markdown concatenated;
#   pdf:  pactkit vs WeasyPrint (on pandoc's HTML; untagged and with
#         --pdf-variant pdf/ua-1) and vs Typst 0.14.2 (npm
#         @myriaddreamin/typst-ts-node-compiler, bench/typst.mjs: the book
#         converted to Typst markup; Typst tags by default) on the 30-page book;
#   office: pactkit vs pandoc (Markdown -> DOCX / ODT) on the toolkit's MoU
#         and workshop pack (English).
# usage: bench/run.sh [site|pdf|office] (default all); SIZES="1000 5000"
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PACTKIT=${PACTKIT:-$ROOT/pactkit}
GEN=${GEN:-$ROOT/../shared/bench/make-corpus.py}
WORK=${WORK:-/tmp/pactkit-bench}
SIZES=${SIZES:-"1000 5000"}
RUNS=${RUNS:-3}
what=${1:-all}
export SOURCE_DATE_EPOCH=1795000000 LC_ALL=C.UTF-8 TZ=UTC

need() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
	else
		echo "bench needs:$missing (apt-get install -y$missing)"; exit 1
	fi
}

# best-of-RUNS wall time (s) and peak RSS (MiB) of a command
measure() {
	best_t=""; best_m=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		if ! /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt"; then
			echo "failed: $*" >&2; tail -5 "$WORK/err.txt" >&2; exit 1
		fi
		set -- "$@"
		t=$(cut -d' ' -f1 "$WORK/time.txt"); m=$(cut -d' ' -f2 "$WORK/time.txt")
		if [ -z "$best_t" ] || [ "$(echo "$t < $best_t" | bc)" = 1 ]; then best_t=$t; fi
		if [ -z "$best_m" ] || [ "$m" -gt "$best_m" ]; then best_m=$m; fi
		i=$((i + 1))
	done
	echo "$best_t $((best_m / 1024))"
}

ratio() { echo "scale=2; $1 / $2" | bc; }

# best-of-RUNS wall time (s) of a pactkit build into a new, empty folder
# (a first build: nothing to reuse from a previous one)
measure_cold() {
	best_t=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf "$WORK/cold" "$WORK/cold.prev"
		sync
		if ! /usr/bin/time -f "%e" -o "$WORK/time.txt" "$PACTKIT" build -q -o "$WORK/cold" "$1" >/dev/null 2>"$WORK/err.txt"; then
			echo "failed: cold build of $1" >&2; tail -5 "$WORK/err.txt" >&2; exit 1
		fi
		t=$(cat "$WORK/time.txt")
		if [ -z "$best_t" ] || [ "$(echo "$t < $best_t" | bc)" = 1 ]; then best_t=$t; fi
		i=$((i + 1))
	done
	rm -rf "$WORK/cold" "$WORK/cold.prev"
	echo "$best_t"
}

mkdir -p "$WORK"
if [ "$what" = all ] || [ "$what" = site ]; then
	need hugo cmark time bc
	# pactkit_s: a rebuild over the previous output, as Hugo's runs are
	# (pactkit keeps the files that did not change); pk_cold_s: a first
	# build into an empty folder
	printf '%-12s %10s %10s %10s %10s %10s %10s %10s %9s %9s %9s\n' pages pactkit_s pk_cold_s hugo_s cmark_s pk_MiB hugo_MiB "hugo/pk" "hugo/cold" "pk/cmark" "mem_ratio"
	for n in $SIZES; do
		d=$WORK/corpus-$n
		if [ ! -d "$d" ]; then
			python3 "$GEN" --pages "$n" --out "$d" --concat "$d/all.md" >/dev/null
			mkdir -p "$d/lua"
			cat > "$d/lua/site.lua" <<'LUA'
return {
  title = { fr = "Guide de terrain", en = "Field guide" },
  languages = { "fr", "en" },
  base_url = "https://example.org/",
}
LUA
		fi
		set -- $(measure "$PACTKIT" build -q "$d"); pk_t=$1; pk_m=$2
		pk_c=$(measure_cold "$d")
		set -- $(measure hugo --quiet -s "$d" -d "$WORK/hugo-out-$n"); hu_t=$1; hu_m=$2
		set -- $(measure cmark "$d/all.md"); cm_t=$1
		pages=$(find "$d/content" -name '*.md' | wc -l)
		printf '%-12s %10s %10s %10s %10s %10s %10s %10s %9s %9s %9s\n' "$pages" "$pk_t" "$pk_c" "$hu_t" "$cm_t" "$pk_m" "$hu_m" \
			"$(ratio "$hu_t" "$pk_t")" "$(ratio "$hu_t" "$pk_c")" "$(ratio "$pk_t" "$cm_t")" "$(ratio "$pk_m" "$hu_m")"
	done
fi
if [ "$what" = all ] || [ "$what" = pdf ]; then
	need pandoc weasyprint time bc poppler-utils
	d=$WORK/book
	mkdir -p "$d/lua" "$d/content/fr"
	python3 "$GEN" --pages 30 --out "$WORK/book-src" --book "fr:30:$d/book.md" >/dev/null
	# one page: pandoc's YAML header becomes our front matter, and links to
	# the corpus's other pages point to the web (both tools keep links)
	python3 - "$d/book.md" "$d/content/fr/index.md" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
if t.startswith("---\n"):
    t = t[t.index("\n---\n", 4) + 5:]
t = re.sub(r"\]\((?!https?:)([^)]*)\)", r"](https://example.org/\1)", t)
open(sys.argv[2], "w", encoding="utf-8").write('+++\ntitle = "Livre"\nkey = "book"\n+++\n\n' + t)
PY
	cat > "$d/lua/site.lua" <<'LUA'
return {
  title = { fr = "Livre" }, languages = { "fr" }, paper = { fr = "A4" },
  documents = { { id = "book", title = { fr = "Livre" }, pages = { "book" } } },
}
LUA
	set -- $(measure "$PACTKIT" build -q "$d"); pk_t=$1; pk_m=$2
	wp() { pandoc "$d/book.md" -s --metadata title=Livre -o "$WORK/book.html" && weasyprint "$WORK/book.html" "$WORK/book.pdf"; }
	set -- $(measure sh -c "pandoc '$d/book.md' -s --metadata title=Livre -o '$WORK/book.html' && weasyprint '$WORK/book.html' '$WORK/book.pdf'"); wp_t=$1; wp_m=$2
	pk_pages=$(pdfinfo "$d/output/pdf/fr/book.pdf" 2>/dev/null | awk '/^Pages/{print $2}')
	wp_pages=$(pdfinfo "$WORK/book.pdf" 2>/dev/null | awk '/^Pages/{print $2}')
	pk_size=$(stat -c %s "$d/output/pdf/fr/book.pdf" 2>/dev/null)
	wp_size=$(stat -c %s "$WORK/book.pdf" 2>/dev/null)
	echo "book: pactkit ${pk_t}s ${pk_m}MiB ${pk_pages} pages ${pk_size} B; weasyprint ${wp_t}s ${wp_m}MiB ${wp_pages} pages ${wp_size} B; weasyprint/pactkit = $(ratio "$wp_t" "$pk_t")"
	# WeasyPrint's tagged output (PDF/UA-1, "experimental" in its docs)
	set -- $(measure sh -c "pandoc '$d/book.md' -s --metadata title=Livre -o '$WORK/book.html' && weasyprint --pdf-variant pdf/ua-1 '$WORK/book.html' '$WORK/book-ua.pdf'"); wu_t=$1
	echo "book: weasyprint --pdf-variant pdf/ua-1 ${wu_t}s; weasyprint-ua/pactkit = $(ratio "$wu_t" "$pk_t")"
	# pactkit untagged (pdf_standard = "none"): what tagging and PDF/A cost
	n=$WORK/book-none
	rm -rf "$n"; mkdir -p "$n/lua"; cp -R "$d/content" "$n/"
	sed 's/^  title = { fr = "Livre" },/  title = { fr = "Livre" }, pdf_standard = "none",/' "$d/lua/site.lua" >"$n/lua/site.lua"
	set -- $(measure "$PACTKIT" build -q "$n"); pn_t=$1; pn_m=$2
	echo "book: pactkit untagged (pdf_standard none) ${pn_t}s ${pn_m}MiB $(stat -c %s "$n/output/pdf/fr/book.pdf") B; tagged/untagged = $(ratio "$pk_t" "$pn_t"); weasyprint/pactkit-untagged = $(ratio "$wp_t" "$pn_t")"
	# Typst, in node: the npm package under bench/ (node_modules not kept in git)
	command -v node >/dev/null && command -v npm >/dev/null || need nodejs npm
	if [ ! -d "$ROOT/bench/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
		(cd "$ROOT/bench" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
		    { echo "bench: npm ci in bench/ failed"; exit 1; }
	fi
	# whole process (node start, fonts, compile, PDF) like the other tools
	set -- $(measure node "$ROOT/bench/typst.mjs" "$d/book.md" "$WORK/book-typst.pdf" --runs 1); ty_t=$1; ty_m=$2
	ty_in=$(node "$ROOT/bench/typst.mjs" "$d/book.md" "$WORK/book-typst.pdf" --runs "$RUNS")
	ty_pages=$(pdfinfo "$WORK/book-typst.pdf" 2>/dev/null | awk '/^Pages/{print $2}')
	echo "book: typst ${ty_t}s ${ty_m}MiB ${ty_pages} pages (tagged; in-process: ${ty_in#typst: }); typst/pactkit = $(ratio "$ty_t" "$pk_t")"
fi

if [ "$what" = all ] || [ "$what" = office ]; then
	need pandoc
	# the toolkit with two documents, written as DOCX (then ODT) only: the
	# whole build (Markdown, components, the site, the document) against
	# pandoc on the same pages' Markdown (components stay code blocks)
	for doc in mou workshop-pack; do
		case $doc in
		mou) pages='"tool-mou"'; md="tools/mou.md" ;;
		workshop-pack) pages='"agenda", "guide/*", "tool-map", "tool-screening", "tool-mou-blank", "tool-plan", "tool-log"'
		    md="workshop.md guide/index.md guide/why.md guide/choosing-partners.md guide/risks.md guide/mou.md guide/action-plan.md guide/consultations.md guide/examples.md guide/resources.md tools/map.md tools/screening.md tools/mou-template.md tools/action-plan.md tools/log.md" ;;
		esac
		for fmt in docx odt; do
			d=$WORK/office-$doc-$fmt
			rm -rf "$d"; mkdir -p "$d"
			cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/themes" "$d/"
			cat > "$d/lua/site.lua" <<LUA
return {
  title = { fr = "Partenariats", en = "Partnerships" }, languages = { "fr", "en" },
  paper = { fr = "A4", en = "Letter" },
  documents = { { id = "$doc", title = { fr = "Document", en = "Document" },
                  pages = { $pages }, formats = { "$fmt" } } },
}
LUA
			: > "$d/all.md"
			for f in $md; do
				awk 'NR == 1 && /^\+\+\+$/ { fm = 1; next } fm && /^\+\+\+$/ { fm = 0; next } !fm' \
				    "$ROOT/content/en/$f" >> "$d/all.md"
				echo >> "$d/all.md"
			done
			set -- $(measure "$PACTKIT" build -q "$d"); pk_t=$1; pk_m=$2
			set -- $(measure pandoc "$d/all.md" -o "$WORK/pandoc-$doc.$fmt"); pd_t=$1; pd_m=$2
			pk_size=$(stat -c %s "$d/output/pdf/en/$doc.$fmt" 2>/dev/null)
			pd_size=$(stat -c %s "$WORK/pandoc-$doc.$fmt" 2>/dev/null)
			echo "$doc.$fmt: pactkit ${pk_t}s ${pk_m}MiB ${pk_size} B (whole build, 2 languages); pandoc ${pd_t}s ${pd_m}MiB ${pd_size} B (one language); pandoc/pactkit = $(ratio "$pd_t" "$pk_t")"
		done
	done
fi
