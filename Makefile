# wrrfig - build, test, install. See README.md.
#   make            build/bin/wrrfig, build/lib/libwrrfig.a, build/plugins/*.so
#   make figures    install missing dependencies (as root) or name them, build, render every figure into out/
#   make check      all tests, with gcc, then again under AddressSanitizer + UndefinedBehaviorSanitizer,
#                   and a warning-free compile with clang
#   make bench      timing of wrrfig's own work and of a full build (scripts/bench.sh)
#   make install    PREFIX=/usr/local DESTDIR=

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
OPT     ?= -O2 -g
SAN     ?=
PKGS     = libcjson cmocka

PKG_CFLAGS := $(shell pkg-config --cflags libcjson 2>/dev/null)
CJSON_LIBS := $(shell pkg-config --libs libcjson 2>/dev/null || echo -lcjson)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral
CPPFLAGS = -Icore/include -Icore/src $(PKG_CFLAGS)
ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

CORE_SRC  := $(filter-out core/src/main.c,$(wildcard core/src/*.c))
CORE_OBJ  := $(CORE_SRC:core/src/%.c=$(BUILD)/obj/core/%.o)
LIB       := $(BUILD)/lib/libwrrfig.a
BIN       := $(BUILD)/bin/wrrfig

PLUGIN_DIRS := $(patsubst %/,%,$(dir $(wildcard plugins/*/*.c)))
PLUGINS     := $(sort $(PLUGIN_DIRS:plugins/%=$(BUILD)/plugins/%.so))
TPLUGIN_DIRS := $(patsubst %/,%,$(dir $(wildcard tests/plugins/*/*.c)))
TPLUGINS    := $(sort $(TPLUGIN_DIRS:tests/plugins/%=$(BUILD)/test-plugins/%.so))
TEST_SRC    := $(wildcard tests/unit/test_*.c)
TESTS       := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all test check check-san check-clang figures bench install uninstall clean deps-check
all: $(BIN) $(LIB) $(PLUGINS)

$(BUILD)/obj/core/%.o: core/src/%.c $(wildcard core/src/*.h) core/include/wrrfig/plugin.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(CORE_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BIN): core/src/main.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) core/src/main.c $(LIB) $(CJSON_LIBS) -ldl -lm -o $@ $(ALL_LDFLAGS)

# A plugin is every .c file of one folder, built against the public header only.
.SECONDEXPANSION:
$(BUILD)/plugins/%.so: $$(wildcard plugins/%/*.c) $$(wildcard plugins/%/*.h) core/include/wrrfig/plugin.h
	@mkdir -p $(@D)
	$(CC) -Icore/include $(ALL_CFLAGS) -fPIC -shared -fvisibility=hidden $(filter %.c,$^) -lm -o $@ $(ALL_LDFLAGS)

$(BUILD)/test-plugins/%.so: $$(wildcard tests/plugins/%/*.c) core/include/wrrfig/plugin.h
	@mkdir -p $(@D)
	$(CC) -Icore/include $(ALL_CFLAGS) -fPIC -shared -fvisibility=hidden $(filter %.c,$^) -lm -o $@ $(ALL_LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c tests/testutil.h $(LIB) $(wildcard plugins/*/*.[ch])
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(ALL_CFLAGS) -DWF_SRC_DIR='"$(CURDIR)"' -DWF_BUILD_DIR='"$(abspath $(BUILD))"' \
	    $< $(LIB) $(CJSON_LIBS) $(CMOCKA_LIBS) -ldl -lm -o $@ $(ALL_LDFLAGS)

# Runs every test program; all run even when one fails, and the summary line
# counts them.
test: all $(TPLUGINS) $(TESTS)
	@pass=0; fail=0; failed=""; \
	for t in $(TESTS); do \
	    echo "== $$t"; \
	    if $$t; then pass=$$((pass+1)); else fail=$$((fail+1)); failed="$$failed $$t"; fi; \
	done; \
	echo "test programs ($(BUILD)): $$pass passed, $$fail failed"; \
	[ -z "$$failed" ] || { echo "failed:$$failed"; exit 1; }

check-san:
	$(MAKE) BUILD=build/san SAN=1 OPT="-O1 -g" test

check-clang:
	@if command -v clang >/dev/null; then $(MAKE) BUILD=build/clang CC=clang all $(TESTS:$(BUILD)/%=build/clang/%); \
	else echo "clang not installed: skipping the clang build (scripts/install-deps.sh installs it)"; fi

check: test check-san check-clang

deps-check:
	@sh scripts/install-deps.sh

figures: deps-check
	$(MAKE) all
	$(BIN) build --out out

bench: all
	@sh scripts/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/wrrfig/plugins $(DESTDIR)$(PREFIX)/include/wrrfig \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/wrrfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/wrrfig
	install -m 644 $(PLUGINS) $(DESTDIR)$(PREFIX)/lib/wrrfig/plugins/
	install -m 644 core/include/wrrfig/plugin.h $(DESTDIR)$(PREFIX)/include/wrrfig/plugin.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@ABI@|$(shell sed -n 's/^#define WRRFIG_ABI_MAJOR //p' core/include/wrrfig/plugin.h).$(shell sed -n 's/^#define WRRFIG_ABI_MINOR //p' core/include/wrrfig/plugin.h)|g' \
	    scripts/wrrfig-plugin.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/wrrfig-plugin.pc
	cp -R data figures $(DESTDIR)$(PREFIX)/share/wrrfig/
	install -m 644 docs/wrrfig.1 $(DESTDIR)$(PREFIX)/share/man/man1/wrrfig.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/wrrfig $(DESTDIR)$(PREFIX)/lib/wrrfig $(DESTDIR)$(PREFIX)/include/wrrfig \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/wrrfig-plugin.pc $(DESTDIR)$(PREFIX)/share/wrrfig \
	    $(DESTDIR)$(PREFIX)/share/man/man1/wrrfig.1

clean:
	rm -rf build out
