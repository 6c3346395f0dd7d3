#!/bin/sh
# Project Lua through pactkit: a data file that fails is said once, with
# its own error (never "needs itself" when nothing is circular), and
# string.find takes plain = true for the text as written.
. "$ROOT/tests/lib.sh"
T=$(tmpdir lua)

# project DIR: a one-page project whose page calls {probe} three times
project() {
	mkdir -p "$1/lua/data" "$1/lua/components" "$1/content/fr"
	echo 'return { title = "Sonde", languages = { "fr" } }' > "$1/lua/site.lua"
	printf '+++\ntitle = "Sonde"\n+++\n\n# Sonde\n\n' > "$1/content/fr/index.md"
	for i in 1 2 3; do
		printf '```{probe}\n```\n\n' >> "$1/content/fr/index.md"
	done
}

# ---- a data file that fails: its error, then said once ------------------
P=$T/broken
project "$P"
cat > "$P/lua/components/probe.lua" <<'EOF'
return function(args)
  local d = pk.data("broken")
  return pk.h("p", nil, "ok")
end
EOF
echo 'return { n = 1 }' > "$P/lua/data/broken.lua"
(cd "$P" && "$PACTKIT" build -q .) && cp "$P/output/site/fr/index.html" "$T/before.html"
cat > "$P/lua/data/broken.lua" <<'EOF'
local x = nil
return { n = x.field }
EOF
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/broken.err")
rc=$?
check lua/failed-data-fails-build test $rc -eq 1
check lua/failed-data-own-error grep -qF "lua/data/broken.lua:2:14: error: attempt to index a nil value (local 'x')" "$T/broken.err"
if grep -q 'needs itself' "$T/broken.err"; then
	fail lua/failed-data-not-circular "a failed data file is reported as circular: $(grep 'needs itself' "$T/broken.err" | head -1)"
else
	pass lua/failed-data-not-circular
fi
# its error alone: the later uses of the file say nothing (no cascade)
n=$(grep -c 'error:' "$T/broken.err")
if [ "$n" -eq 1 ]; then
	pass lua/failed-data-said-once
else
	fail lua/failed-data-said-once "expected its error alone, got $n errors: $(head -c 500 "$T/broken.err")"
fi
check lua/failed-data-output-untouched cmp -s "$T/before.html" "$P/output/site/fr/index.html"

# ---- a real circle is still one ---------------------------------------
P=$T/circle
project "$P"
echo 'return { other = pk.data("b") }' > "$P/lua/data/a.lua"
echo 'return { other = pk.data("a") }' > "$P/lua/data/b.lua"
sed 's/"broken"/"a"/' "$T/broken/lua/components/probe.lua" > "$P/lua/components/probe.lua"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/circle.err")
check lua/circular-data-said grep -qF 'pk.data: lua/data/a.lua needs itself (circular pk.data calls)' "$T/circle.err"

# ---- string.find: plain = true finds the text as written ---------------
P=$T/find
project "$P"
cat > "$P/lua/components/probe.lua" <<'EOF'
return function(args)
  return pk.h("p", nil, tostring(("a^b"):find("^b", 1, true)), ",",
    tostring(("guide"):find("ui")), ",", tostring(("a.b"):find(".", 1, true)))
end
EOF
(cd "$P" && "$PACTKIT" build -q . 2>"$T/find.err")
check lua/find-plain-and-patternless grep -q '<p>2,2,2</p>' "$P/output/site/fr/index.html"
