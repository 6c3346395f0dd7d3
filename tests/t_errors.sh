#!/bin/sh
# Broken projects: tests/errors/NAME/ is a project (over the files of
# tests/errors-common/), expected.err the
# lines stderr must hold (each a fixed string).  Each case must end with
# exit 1 (or the code in expected.code) within 20 s, and leave a previous
# output/ exactly as it was.
. "$ROOT/tests/lib.sh"
for dir in "$ROOT"/tests/errors/*/; do
	[ -f "$dir/expected.err" ] || continue
	name=errors/$(basename "$dir")
	work=$(tmpdir "$name")
	# tests/errors-common/ holds what many cases share (a schema-checking
	# component); a case's own files come over it
	cp -R "$ROOT/tests/errors-common/." "$work/"
	cp -R "$dir/." "$work/"
	mkdir -p "$work/output/site" "$work/output/.pactkit"
	echo "previous build" > "$work/output/site/marker.html"
	want=1
	[ -f "$dir/expected.code" ] && want=$(cat "$dir/expected.code")
	cmd=build
	[ -f "$dir/command" ] && cmd=$(cat "$dir/command")
	(cd "$work" && timeout 20 "$PACTKIT" $cmd . >"$work/stdout" 2>"$work/stderr")
	rc=$?
	if [ $rc -eq 124 ]; then fail "$name" "timed out (a hang)"; continue; fi
	if [ $rc -ne "$want" ]; then
		fail "$name" "exit $rc, expected $want; stderr: $(head -c 400 "$work/stderr")"
		continue
	fi
	ok=1
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		if ! grep -qF -- "$line" "$work/stderr"; then
			fail "$name" "stderr lacks [$line]; got: $(head -c 600 "$work/stderr")"
			ok=0
			break
		fi
	done < "$dir/expected.err"
	[ $ok = 1 ] || continue
	if [ "$want" != 0 ] && { [ "$(cat "$work/output/site/marker.html" 2>/dev/null)" != "previous build" ] ||
	    [ "$(ls "$work/output/site")" != "marker.html" ]; }; then
		fail "$name" "output/ was changed by a failed build"
		continue
	fi
	if [ "$want" != 0 ] && ls -d "$work"/output.tmp-* >/dev/null 2>&1; then
		fail "$name" "a temporary output folder was left behind"
		continue
	fi
	pass "$name"
done
