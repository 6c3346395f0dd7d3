#!/bin/sh
# The README's commands on a machine that lacks pactkit's packages: a copy of
# the source tree built with stand-ins for dpkg-query, apt-get and pkg-config
# that say "not installed" (pkg-config fails) until the make's own deps step
# has run apt-get.  Each command must install, then compile with the right
# flags, in one run; as a user who is not root, it must print the apt-get
# line and stop before compiling anything.
. "$ROOT/tests/lib.sh"

W=$OUT/make
rm -rf "$W"; mkdir -p "$W/bin" "$W/state"
# the packages we pretend are missing: every -dev one and a test tool
FAKE_MISSING="libcmark-dev libxml2-dev liblua5.4-dev libhpdf-dev libhyphen-dev libmicrohttpd-dev qpdf"
REAL_PKG_CONFIG=$(command -v pkg-config)
REAL_DPKG_QUERY=$(command -v dpkg-query)

cat > "$W/bin/dpkg-query" <<EOF
#!/bin/sh
# dpkg-query -W -f='\${Status}' PKG
for a; do p=\$a; done
case " $FAKE_MISSING " in *" \$p "*) [ -f "$W/state/\$p" ] || exit 1 ;; esac
exec "$REAL_DPKG_QUERY" "\$@"
EOF
cat > "$W/bin/apt-get" <<EOF
#!/bin/sh
echo "apt-get \$*" >> "$W/state/apt.log"
[ "\$1" = install ] || exit 0
for a; do case \$a in -*|install) ;; *) : > "$W/state/\$a" ;; esac; done
EOF
cat > "$W/bin/pkg-config" <<EOF
#!/bin/sh
[ -f "$W/state/libxml2-dev" ] && [ -f "$W/state/libcmark-dev" ] || exit 1
exec "$REAL_PKG_CONFIG" "\$@"
EOF
chmod +x "$W/bin/"*

# fresh SRC NAME: a copy of the tree with nothing built and nothing installed
fresh() {
	rm -rf "$W/src" "$W/state"/*
	mkdir -p "$W/src"
	(cd "$ROOT" && tar cf - Makefile generator lua themes content assets docs tests/fuzz \
	    tests/run.sh tests/lib.sh tests/t_format.sh tests/unit tests/e2e tests/spec \
	    --exclude=node_modules) | (cd "$W/src" && tar xf -)
	# the npm packages are not what this test is about: lend the suite's own
	for d in tests/e2e tests/spec; do
		[ -d "$ROOT/$d/node_modules" ] && cp -al "$ROOT/$d/node_modules" "$W/src/$d/"
	done
}
# CI=1: warnings are errors, as on CI (an -O1 sanitised build warns where -O2 does not)
M="env -u OUT -u ROOT -u PACTKIT make -C $W/src CI=1 APT_GET=$W/bin/apt-get DPKG_QUERY=$W/bin/dpkg-query PKG_CONFIG=$W/bin/pkg-config CFLAGS=-O0"

# not root: the exact apt-get line, exit non-zero, nothing compiled
fresh
$M PK_UID=1000 > "$W/nonroot.log" 2>&1; rc=$?
check make/nonroot-exit-nonzero test $rc -ne 0
check make/nonroot-prints-apt-line grep -qx "  apt-get install -y libcmark-dev libxml2-dev liblua5.4-dev libhpdf-dev libhyphen-dev libmicrohttpd-dev" "$W/nonroot.log"
check make/nonroot-compiles-nothing sh -c "! ls '$W/src/build/'*/*.o >/dev/null 2>&1 && ! grep -q ' -c -o ' '$W/nonroot.log'"
check make/nonroot-installs-nothing test ! -f "$W/state/apt.log"

# root: `make` installs, builds pactkit and the toolkit, in one run
for j in 1 2; do
	fresh
	$M -j$j PK_UID=0 > "$W/make-j$j.log" 2>&1; rc=$?
	check make/first-make-j$j-exit-0 test $rc -eq 0
	check make/first-make-j$j-installed grep -q "install -y -qq libcmark-dev" "$W/state/apt.log"
	check make/first-make-j$j-libxml2-flags grep -q -- "-I/usr/include/libxml2 .*-c -o build/tree/tree.o" "$W/make-j$j.log"
	check make/first-make-j$j-toolkit test -f "$W/src/output/site/fr/index.html"
done

# `make test` first, without `make` before it (one small group)
fresh
$M PK_UID=0 test TESTS=t_format > "$W/test.log" 2>&1; rc=$?
check make/first-make-test-exit-0 test $rc -eq 0
check make/first-make-test-installed-test-tools grep -q "install -y -qq qpdf" "$W/state/apt.log"
check make/first-make-test-ran grep -q "passed, 0 failed" "$W/test.log"

# `make install` first
fresh
$M PK_UID=0 install DESTDIR="$W/dest" > "$W/install.log" 2>&1; rc=$?
check make/first-make-install-exit-0 test $rc -eq 0
check make/first-make-install-binary sh -c "'$W/dest/usr/local/bin/pactkit' --version | grep -q '^pactkit'"

# `make asan` first (the sanitised binary, one small group)
fresh
$M PK_UID=0 asan TESTS=t_format > "$W/asan.log" 2>&1; rc=$?
check make/first-make-asan-exit-0 test $rc -eq 0
check make/first-make-asan-binary test -x "$W/src/pactkit-asan"

# `make fuzz` first (every harness built, one second each)
fresh
$M PK_UID=0 fuzz FUZZ_SECONDS=1 > "$W/fuzz.log" 2>&1; rc=$?
check make/first-make-fuzz-exit-0 test $rc -eq 0
check make/first-make-fuzz-ran grep -q '^Done' "$W/fuzz.log"
rm -rf "$W/src"
