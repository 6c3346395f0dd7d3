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
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wwrite-strings -Wundef
ifdef CI
WARN     += -Werror
endif

# Debian 12 packages: build, run, test.
DEB_BUILD = gcc make pkg-config libcmark-dev libxml2-dev liblua5.4-dev \
	    libhpdf-dev libhyphen-dev libmicrohttpd-dev libpng-dev libjpeg-dev
DEB_RUN   = hyphen-fr hyphen-en-us fonts-liberation2 fonts-dejavu-core
DEB_TEST  = cmark poppler-utils qpdf libxml2-utils lua5.4 curl iproute2 mupdf-tools \
	    clang libclang-rt-14-dev valgrind
DEB_ALL   = $(DEB_BUILD) $(DEB_RUN) $(DEB_TEST)

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcmark libxml-2.0 $(LUA_PC) libmicrohttpd 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs libcmark libxml-2.0 $(LUA_PC) libmicrohttpd 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 $(WARN) $(PKG_CFLAGS) \
	     -DPK_SHAREDIR='"$(SHAREDIR)"' $(CFLAGS)
LIBS      = $(PKG_LIBS) -lhpdf -lpng -ljpeg -lhyphen -lz -lm -pthread

SRCS := $(wildcard generator/*.c)
OBJS := $(SRCS:generator/%.c=build/%.o)
ASAN_OBJS := $(SRCS:generator/%.c=build/asan/%.o)
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

export TZ = UTC
export LC_ALL = C.UTF-8

.PHONY: all deps toolkit test check-deps asan debug clean install uninstall \
	golden bench valgrind fuzz FORCE

all: deps pactkit toolkit

# Installs missing Debian packages as root; otherwise prints the line.
deps:
	@missing=""; for p in $(DEB_ALL); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

pactkit: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS)

build/%.o: generator/%.c | build
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build build/asan:
	mkdir -p $@

# the compiled-in share folder follows PREFIX: rebuild what uses it
build/sharedir: FORCE | build
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
build/build.o build/asan/build.o: build/sharedir
FORCE:

build/asan/%.o: generator/%.c | build/asan
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -O1 -MMD -MP -c -o $@ $<

pactkit-asan: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LIBS)

toolkit: pactkit
	./pactkit build .

test: deps pactkit
	PACTKIT=./pactkit sh tests/run.sh

asan: deps pactkit pactkit-asan
	ASAN_OPTIONS=detect_leaks=1 PACTKIT=./pactkit-asan sh tests/run.sh

debug:
	$(MAKE) CFLAGS="-O0 -g -DPK_DEBUG" pactkit

# the default toolkit's build under memcheck: no leak, no invalid access
valgrind: pactkit
	rm -rf build/valgrind-out
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --show-leak-kinds=definite,indirect --error-exitcode=99 \
	    ./pactkit build -q -o build/valgrind-out .

bench: pactkit
	sh bench/run.sh

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
FUZZ_SRCS := $(filter-out generator/main.c,$(SRCS))
FUZZ_OBJS := $(FUZZ_SRCS:generator/%.c=build/fuzz/%.o)
FUZZERS := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

build/fuzz:
	mkdir -p $@

# keep the objects: each fuzzer links all of them
.SECONDARY: $(FUZZ_OBJS)

build/fuzz/%.o: generator/%.c | build/fuzz
	$(FUZZ_CC) -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 $(PKG_CFLAGS) \
	    -DPK_SHAREDIR='"$(SHAREDIR)"' $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) -std=c11 -D_DEFAULT_SOURCE $(PKG_CFLAGS) -Igenerator \
	    -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJS) $(LIBS)

fuzz: $(FUZZERS)
	@for f in $(FUZZERS); do n=$${f##*/fuzz_}; mkdir -p build/fuzz/corpus-$$n; \
	  echo "== $$f ($(FUZZ_SECONDS) s)"; \
	  PACTKIT_SHARE=$(CURDIR) $$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=build/fuzz/crash-$$n- \
	    build/fuzz/corpus-$$n tests/fuzz/corpus/$$n $$([ $$n = data ] && echo lua/data) \
	    >build/fuzz/$$n.log 2>&1; \
	  rc=$$?; grep -E '^(Done|SUMMARY)' build/fuzz/$$n.log; \
	  [ $$rc -eq 0 ] || { echo "fuzz_$$n failed: see build/fuzz/$$n.log"; exit 1; }; \
	done
