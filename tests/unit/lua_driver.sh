# Sourced by t_sandbox.sh, t_schema.sh, t_format.sh: builds
# tests/unit/test_lua.c with the Lua-layer sources into $OUT (with the
# sanitizers under `make asan`), runs its unit tests under a timeout
# (lua_driver_units) and the tests/errors/PREFIX-*/ projects through it.
TEST_LUA=$OUT/unit/test_lua${ASAN:+-asan}

lua_driver_build() {
	# built once per change: a binary older than a source it is built
	# from is stale (a kept one passed a leak the sources had)
	[ -x "$TEST_LUA" ] && [ -z "$(find "$ROOT/generator" "$ROOT/tests/unit" \
	    -name '*.[ch]' -newer "$TEST_LUA" | head -n 1)" ] && return 0
	mkdir -p "$OUT/unit"
	flags=$(pkg-config --cflags --libs libxml-2.0 lua5.4 yaml-0.1 2>/dev/null)
	# the Lua stage and the folders below it (generator/README.md): it
	# links without the writers
	if ! ${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -g \
	    ${ASAN:+$ASAN_CFLAGS} \
	    -I"$ROOT/generator" -o "$TEST_LUA" "$ROOT/tests/unit/test_lua.c" \
	    "$ROOT"/generator/base/*.c "$ROOT"/generator/tree/*.c \
	    "$ROOT"/generator/lua/*.c "$ROOT"/generator/output/*.c \
	    $flags -lm 2>"$OUT/unit/cc.log"; then
		fail "unit/test_lua_builds" "$(head -c 600 "$OUT/unit/cc.log")"
		return 1
	fi
	return 0
}

# lua_driver_units GROUP SECS: the unit tests of GROUP (lua, format);
# their PASS/FAIL lines, then a FAIL if the harness crashed, failed
# without saying so, or took longer than SECS (a hang)
lua_driver_units() {
	[ -n "$ASAN" ] && set -- "$1" $(($2 * 4))
	timeout -k 5 "$2" "$TEST_LUA" "$ROOT" "$OUT/unit-$1" "$1" >"$OUT/unit/$1.out" 2>"$OUT/unit/$1.err"
	rc=$?
	cat "$OUT/unit/$1.out"
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		fail "unit/$1-harness" "timed out after $2 s (a hang): last check $(tail -n 1 "$OUT/unit/$1.out")"
	elif [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$OUT/unit/$1.out"; then
		fail "unit/$1-harness" "exit $rc with no FAIL line: $(tail -c 300 "$OUT/unit/$1.err")"
	fi
}

# lua_driver_cases PREFIX: each case exits 1 (or expected.code) within
# 20 s and prints every line of its expected.err.
lua_driver_cases() {
	for dir in "$ROOT"/tests/errors/"$1"-*/; do
		name=driver/$(basename "$dir")
		# the case over tests/errors-common/, as tests/t_errors.sh does
		work=$OUT/unit/case-$(basename "$dir")
		rm -rf "$work"; mkdir -p "$work"
		cp -R "$ROOT/tests/errors-common/." "$dir/." "$work/"
		start=$(date +%s)
		(cd "$work" && timeout -k 5 $((${ASAN:+4*}20)) "$TEST_LUA" "$ROOT" --case . \
		    >"$OUT/unit/case.out" 2>"$OUT/unit/case.err")
		rc=$?
		took=$(( $(date +%s) - start ))
		if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then fail "$name" "timed out (a hang)"; continue; fi
		want=1
		[ -f "$dir/expected.code" ] && want=$(cat "$dir/expected.code")
		if [ $rc -ne "$want" ]; then
			fail "$name" "exit $rc, expected $want: $(head -c 400 "$OUT/unit/case.err")"
			continue
		fi
		if [ "$took" -gt $((${ASAN:+4*}10)) ]; then fail "$name" "took ${took}s"; continue; fi
		ok=1
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			if ! grep -qF -- "$line" "$OUT/unit/case.err"; then
				fail "$name" "stderr lacks [$line]; got: $(head -c 400 "$OUT/unit/case.err")"
				ok=0
				break
			fi
		done < "$dir/expected.err"
		[ $ok = 1 ] && pass "$name"
	done
}
