# pactkit: GNU make, no configure (as Lua).  `make` checks the Debian
# packages, builds pactkit and the default toolkit into output/; `make test`
# runs every test.  Local overrides go in config.mk.
-include config.mk

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
SHAREDIR  ?= $(PREFIX)/share/pactkit
MANDIR    ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
LUA_PC    ?= lua5.4
CC        ?= cc
CFLAGS    ?= -O2 -g
# a group filter for tests/run.sh: make test TESTS=t_pdf
TESTS     ?=
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wwrite-strings -Wundef
ifdef CI
WARN     += -Werror
endif

# Debian 12 packages.  `make` installs what pactkit builds and runs with;
# `make test` (and asan, fuzz, valgrind, bench) also what the tests use.
DEB_BUILD = gcc make pkg-config libcmark-dev libxml2-dev liblua5.4-dev \
	    libhpdf-dev libhyphen-dev libmicrohttpd-dev libpng-dev libjpeg-dev \
	    libzip-dev libyaml-dev
DEB_RUN   = hyphen-fr hyphen-en-us fonts-liberation2 fonts-dejavu-core \
            fonts-sil-charis fonts-lato icc-profiles-free
DEB_TEST  = cmark cmark-gfm unzip poppler-utils qpdf libxml2-utils lua5.4 curl iproute2 mupdf-tools \
	    python3-pikepdf python3-fonttools python3-pdfminer \
	    clang libclang-rt-14-dev valgrind chromium default-jre-headless \
	    libreoffice-writer-nogui python3-docx pandoc
# what the deps steps run: overridden only by tests/t_make.sh
APT_GET   ?= apt-get
DPKG_QUERY ?= dpkg-query
PK_UID    ?= $(shell id -u)

# pkg-config is asked once, when a recipe first needs the flags, never while
# make reads this file: on a fresh machine the -dev packages are installed
# by `deps` after that (every compile waits for deps: see build/ below).
PKGS      = libcmark libxml-2.0 $(LUA_PC) libmicrohttpd libzip yaml-0.1
pkgconf   = $(if $(filter __failed__,$(1)),$(error $(PKG_CONFIG) $(2) $(PKGS) failed: \
	    are the -dev packages installed? `make deps` installs them as root),$(1))
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(call pkgconf,$$(shell $$(PKG_CONFIG) --cflags \
	     $$(PKGS) 2>/dev/null || echo __failed__),--cflags))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(call pkgconf,$$(shell $$(PKG_CONFIG) --libs \
	     $$(PKGS) 2>/dev/null || echo __failed__),--libs))$(PKG_LIBS)
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 $(WARN) -Igenerator \
	     $(PKG_CFLAGS) -DPK_SHAREDIR='"$(SHAREDIR)"' $(CFLAGS)
LIBS      = $(PKG_LIBS) -lhpdf -lpng -ljpeg -lhyphen -lz -lm -pthread

# one folder per stage (generator/README.md); objects in build/<folder>/
SRCS := $(wildcard generator/*/*.c)
OBJS := $(SRCS:generator/%.c=build/%.o)
ASAN_OBJS := $(SRCS:generator/%.c=build/asan/%.o)
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

export TZ = UTC
export LC_ALL = C.UTF-8

.PHONY: all deps deps-test deps-npm toolkit test asan debug clean install \
	uninstall golden counts bench valgrind fuzz mutants docs FORCE

all: deps pactkit toolkit

# Installs the missing Debian packages among $(1) as root; otherwise prints
# the apt-get line and fails, before anything is compiled.
define install_debs
	@missing=""; for p in $(1); do \
	  $(DPKG_QUERY) -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$(PK_UID)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_debs,$(DEB_BUILD) $(DEB_RUN))

# deps first, so that two apt-get never run at once under make -j
# Debian's nodejs and npm only where no node is on the PATH (apt cannot put
# Debian's npm beside another node, such as NodeSource's); asked when the
# recipe runs, not when make reads this file
deps-test: deps
	$(call install_debs,$(DEB_TEST) $$(command -v npm >/dev/null || echo nodejs npm))

# the npm packages the tests use (from each package-lock.json): the
# browser tests' playwright-core, axe-core, Nu checker and pdf.js, and the
# CommonMark 0.30 spec text when ../shared is not beside the clone
deps-npm: deps-test
	@for d in tests/e2e tests/spec; do \
	  if [ ! -f $$d/node_modules/.package-lock.json ] || \
	     [ $$d/package-lock.json -nt $$d/node_modules/.package-lock.json ]; then \
	    echo "npm ci in $$d"; \
	    (cd $$d && npm ci --no-audit --no-fund --loglevel=error) || exit 1; \
	  fi; \
	done

pactkit: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS)

build/%.o: generator/%.c | build
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# every compile waits for the packages (order-only: deps is phony)
build build/asan: | deps
	mkdir -p $@

# the compiled-in share folder follows PREFIX: rebuild what uses it
build/sharedir: FORCE | build
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
build/run/build.o build/asan/run/build.o: build/sharedir
FORCE:

build/asan/%.o: generator/%.c | build/asan
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -O1 -MMD -MP -c -o $@ $<

pactkit-asan: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LIBS)

toolkit: pactkit
	./pactkit build .

test: deps-npm pactkit
	PACTKIT=./pactkit sh tests/run.sh $(TESTS)

asan: deps-npm pactkit pactkit-asan
	ASAN_OPTIONS=detect_leaks=1 PACTKIT=./pactkit-asan sh tests/run.sh $(TESTS)

debug:
	$(MAKE) CFLAGS="-O0 -g -DPK_DEBUG" pactkit

# the default toolkit's build under memcheck: no leak, no invalid access
valgrind: deps-test pactkit
	rm -rf build/valgrind-out
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --show-leak-kinds=definite,indirect --error-exitcode=99 \
	    ./pactkit build -q -o build/valgrind-out .

bench: deps-test pactkit
	sh bench/run.sh

# rewrites the component goldens (tests/golden/components/expected/) from
# this build: the only way they change; review with git diff
# the pages of docs/ made from the code: the list of interface strings
# (tests/t_docs.sh checks it is up to date)
docs: deps-test
	lua5.4 docs/i18n.lua . > docs/i18n.md

golden: pactkit
	@cd tests/golden/components && for lang in fr en; do \
	  for f in content/$$lang/*.md; do n=$$(basename $$f .md); \
	    SOURCE_DATE_EPOCH=1795000000 ../../../pactkit render --project . $$f \
	      > expected/$$lang-$$n.html 2>/dev/null || { echo "render $$f failed"; exit 1; }; \
	  done; done; git diff --stat -- expected 2>/dev/null || true

# tests/counts: how many checks each group ran in the last full run
# (tests/run.sh fails a group that runs fewer); after `make test` passed
counts:
	@n=$$(ls tests/t_*.sh | wc -l); \
	if [ ! -f tests/out/counts ] || [ $$(wc -l < tests/out/counts) -ne $$n ] || \
	   grep -q '^FAIL ' tests/out/results.txt; then \
	  echo "make counts: run the whole \`make test\` first, with no FAIL"; exit 1; fi
	cp tests/out/counts tests/counts
	@git diff --stat tests/counts 2>/dev/null || true

# each mutation of tests/mutants/list applied alone to a copy of the tree
# (build/mutants/), built and run against its test groups; prints the
# score (not part of CI: about half an hour).  MUTANTS=name runs one.
MUTANTS ?=
mutants: deps-npm
	python3 tests/mutants/mutants.py $(MUTANTS)

install: pactkit
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 pactkit $(DESTDIR)$(BINDIR)/pactkit
	rm -rf $(DESTDIR)$(SHAREDIR)/lua $(DESTDIR)$(SHAREDIR)/themes
	mkdir -p $(DESTDIR)$(SHAREDIR)/lua $(DESTDIR)$(SHAREDIR)/themes
	cp -R lua/builtin $(DESTDIR)$(SHAREDIR)/lua/builtin
	cp -R themes/default $(DESTDIR)$(SHAREDIR)/themes/default
	if [ -f docs/pactkit.1 ]; then install -m 644 docs/pactkit.1 $(DESTDIR)$(MANDIR)/man1/pactkit.1; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pactkit $(DESTDIR)$(MANDIR)/man1/pactkit.1
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build pactkit pactkit-asan output tests/out

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d)

# libFuzzer harnesses (clang): `make fuzz FUZZ_SECONDS=60` runs each one.
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined
FUZZ_SRCS := $(filter-out generator/run/main.c,$(SRCS))
FUZZ_OBJS := $(FUZZ_SRCS:generator/%.c=build/fuzz/%.o)
FUZZERS := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

build/fuzz: | deps-test
	mkdir -p $@

# keep the objects: each fuzzer links all of them (made again when a
# header they include changes, as the build's are)
.SECONDARY: $(FUZZ_OBJS)
-include $(FUZZ_OBJS:.o=.d)

build/fuzz/%.o: generator/%.c | build/fuzz
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Igenerator $(PKG_CFLAGS) \
	    -DPK_SHAREDIR='"$(SHAREDIR)"' $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) -std=c11 -D_DEFAULT_SOURCE $(PKG_CFLAGS) -Igenerator \
	    -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJS) $(LIBS)

fuzz: deps-test $(FUZZERS)
	@for f in $(FUZZERS); do n=$${f##*/fuzz_}; mkdir -p build/fuzz/corpus-$$n; \
	  echo "== $$f ($(FUZZ_SECONDS) s)"; \
	  PACTKIT_SHARE=$(CURDIR) $$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=build/fuzz/crash-$$n- \
	    build/fuzz/corpus-$$n tests/fuzz/corpus/$$n $$([ $$n = data ] && echo lua/data) \
	    >build/fuzz/$$n.log 2>&1; \
	  rc=$$?; grep -E '^(Done|SUMMARY)' build/fuzz/$$n.log; \
	  [ $$rc -eq 0 ] || { echo "fuzz_$$n failed: see build/fuzz/$$n.log"; exit 1; }; \
	done
