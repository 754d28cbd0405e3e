# wrrfig - build, test, install. See README.md.
#   make            build/bin/wrrfig, build/lib/libwrrfig.a, build/plugins/*.so
#   make figures    install missing build+render dependencies (as root) or name them, build, render into out/
#   make check      install missing dependencies (test tools too), then every test: with gcc, under
#                   ASan+UBSan (gcc and clang; only clang checks float-to-int casts), and a clang build;
#                   ends with one summary line
#   make bench      one table of medians: wrrfig's steps, the renderer floor, the matplotlib peer, scaling
#   make install    PREFIX=/usr/local DESTDIR=
#
# Layout: core/src/<stage>/*.c -> $(BUILD)/obj/core/<stage>/*.o -> libwrrfig.a + main.c -> bin/wrrfig.
# plugins/common/*.c -> libwrrfig-common.a (built against plugin.h only), linked into every plugin.
# plugins/<name>/*.c -> $(BUILD)/plugins/<name>.so. Every object records its header dependencies (-MMD -MP).

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
OPT     ?= -O2 -g
SAN     ?=

PKG_CFLAGS := $(shell pkg-config --cflags libcjson 2>/dev/null)
CJSON_LIBS := $(shell pkg-config --libs libcjson 2>/dev/null || echo -lcjson)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# libcurl for `wrrfig fetch` (core/src/fetch/); libcurl4-openssl-dev in scripts/install-deps.sh
CURL_CFLAGS := $(shell pkg-config --cflags libcurl 2>/dev/null)
CURL_LIBS := $(shell pkg-config --libs libcurl 2>/dev/null || echo -lcurl)

ifeq ($(SAN),1)
# float-cast-overflow is spelled out: gcc's -fsanitize=undefined leaves it out.
SANFLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral
DEPFLAGS = -MMD -MP
# The host also builds with plugins/common (-Iplugins) and links its static
# library: the font metrics and text wrapping are one source for plugins and
# for the host's title wrapping.
CPPFLAGS = -Icore/include -Icore/src -Iplugins $(PKG_CFLAGS) $(CURL_CFLAGS)
ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
CORE_LIBS = $(CJSON_LIBS) $(CURL_LIBS) -ldl -lm

CORE_SRC  := $(sort $(filter-out core/src/main.c,$(shell find core/src -name '*.c')))
CORE_OBJ  := $(CORE_SRC:core/src/%.c=$(BUILD)/obj/core/%.o)
LIB       := $(BUILD)/lib/libwrrfig.a
BIN       := $(BUILD)/bin/wrrfig

# core/preload/gp_pngenc.c -> $(BUILD)/lib/wrrfig/gp-pngenc.so: the PNG encoder the host preloads into
# gnuplot (bin/../lib/wrrfig/, as installed). Never with sanitizers: it runs inside gnuplot.
PRELOAD   := $(BUILD)/lib/wrrfig/gp-pngenc.so

COMMON_SRC := $(sort $(wildcard plugins/common/*.c))
COMMON_OBJ := $(COMMON_SRC:plugins/common/%.c=$(BUILD)/obj/plugins/common/%.o)
COMMON_LIB := $(BUILD)/lib/libwrrfig-common.a
# Installed for out-of-tree plugins (include/wrrfig/common/, pkg-config wrrfig-common).
COMMON_HDR := $(sort $(wildcard plugins/common/*.h))
WF_VERSION = $(shell sed -n 's/^\#define WRRFIG_VERSION "\(.*\)"/\1/p' core/src/app.h)
ABI_VERSION = $(shell sed -n 's/^\#define WRRFIG_ABI_MAJOR //p' core/include/wrrfig/plugin.h).$(shell sed -n 's/^\#define WRRFIG_ABI_MINOR //p' core/include/wrrfig/plugin.h)

PLUGIN_NAMES := $(sort $(filter-out common,$(notdir $(patsubst %/,%,$(dir $(wildcard plugins/*/*.c))))))
PLUGINS      := $(PLUGIN_NAMES:%=$(BUILD)/plugins/%.so)
TPLUGIN_NAMES := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard tests/plugins/*/*.c)))))
TPLUGINS     := $(TPLUGIN_NAMES:%=$(BUILD)/test-plugins/%.so)

UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
E2E_SRC   := $(sort $(wildcard tests/e2e/test_*.c))
TESTS     := $(UNIT_SRC:tests/%.c=$(BUILD)/tests/%) $(E2E_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all test check check-gcc check-san check-clang check-clang-san check-valgrind figures bench install \
        uninstall clean deps-build deps-test fuzz fuzz-build fuzzers
all: $(BIN) $(LIB) $(PLUGINS) $(PRELOAD)

$(BUILD)/obj/core/%.o: core/src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(LIB): $(CORE_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/core/main.o: core/src/main.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BIN): $(BUILD)/obj/core/main.o $(LIB) $(COMMON_LIB)
	@mkdir -p $(@D)
	$(CC) $^ $(CORE_LIBS) -o $@ $(ALL_LDFLAGS)

$(PRELOAD): core/preload/gp_pngenc.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -O3 -g -fPIC -shared $< -o $@ -lz -ldl

# Plugin code sees the public header and plugins/common only. A minor ABI
# version may append fields to descriptor elements (plugin.h, Versioning);
# a positional initializer written for an older minor leaves them zero,
# which is the rule, so that warning is off for plugin code (and for tests,
# which include plugin sources).
PLUGIN_CPPFLAGS = -Icore/include -Iplugins
PLUGIN_WARN = -Wno-missing-field-initializers
$(BUILD)/obj/plugins/%.o: plugins/%.c
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CPPFLAGS) $(ALL_CFLAGS) $(PLUGIN_WARN) $(DEPFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(COMMON_LIB): $(COMMON_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

# A plugin is every .c file of one folder, linked with the common helpers;
# --no-undefined makes a missing symbol a link error, not a dlopen failure (not
# under clang's sanitizers, whose runtime lives in the executable only).
NO_UNDEFINED = $(if $(and $(SANFLAGS),$(findstring clang,$(CC))),,-Wl,--no-undefined)
objs_of = $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard $(1)/*.c))
define plugin_rule
$(BUILD)/plugins/$(1).so: $(call objs_of,plugins/$(1)) $(COMMON_LIB)
	@mkdir -p $$(@D)
	$$(CC) -shared $(NO_UNDEFINED) $(call objs_of,plugins/$(1)) $(COMMON_LIB) -lm -o $$@ $$(ALL_LDFLAGS)
endef
$(foreach p,$(PLUGIN_NAMES),$(eval $(call plugin_rule,$(p))))

# Plugins built wrong on purpose (tests/plugins/): no --no-undefined, as some
# are meant to fail at load time.
$(BUILD)/obj/tests/plugins/%.o: tests/plugins/%.c
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CPPFLAGS) $(ALL_CFLAGS) $(PLUGIN_WARN) $(DEPFLAGS) -fPIC -fvisibility=hidden -c $< -o $@
define tplugin_rule
$(BUILD)/test-plugins/$(1).so: $(call objs_of,tests/plugins/$(1))
	@mkdir -p $$(@D)
	$$(CC) -shared $(call objs_of,tests/plugins/$(1)) -lm -o $$@ $$(ALL_LDFLAGS)
endef
$(foreach p,$(TPLUGIN_NAMES),$(eval $(call tplugin_rule,$(p))))
# The contributor kit's template, built in tree too so its kind is unit tested
# through the fake host (tests/unit/test_template_kind.c).
TPLUGINS += $(BUILD)/test-plugins/example.so
$(BUILD)/test-plugins/example.so: docs/plugin-template/example.c core/include/wrrfig/plugin.h $(COMMON_LIB)
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CPPFLAGS) $(ALL_CFLAGS) -fPIC -shared -fvisibility=hidden $(NO_UNDEFINED) $< $(COMMON_LIB) -lm -o $@ \
	    $(ALL_LDFLAGS)

# Test programs. Some include plugin sources to test their computations;
# their header and source dependencies come from -MMD like everything else.
TEST_CPPFLAGS = $(CPPFLAGS) -Iplugins -Itests -DWF_SRC_DIR='"$(CURDIR)"' -DWF_BUILD_DIR='"$(abspath $(BUILD))"'
# The fake host (tests/fakehost.[ch]) is linked into the test programs that
# include its header (not into those that include plugin sources defining
# the same helper names).
FAKEHOST_OBJ = $(BUILD)/obj/tests/fakehost.o
FAKEHOST_USERS := $(shell grep -l '"fakehost.h"' tests/unit/*.c tests/e2e/*.c 2>/dev/null)
$(FAKEHOST_OBJ): tests/fakehost.c
	@mkdir -p $(@D)
	$(CC) $(TEST_CPPFLAGS) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@
$(BUILD)/tests/%: tests/%.c $(LIB) $(COMMON_LIB) $(FAKEHOST_OBJ)
	@mkdir -p $(@D)
	$(CC) $(TEST_CPPFLAGS) $(ALL_CFLAGS) $(PLUGIN_WARN) $(DEPFLAGS) -MF $@.d $< $(if $(filter tests/$*.c,$(FAKEHOST_USERS)),$(FAKEHOST_OBJ)) $(LIB) $(COMMON_LIB) \
	    $(CORE_LIBS) $(CMOCKA_LIBS) -o $@ $(ALL_LDFLAGS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Runs every test program (unit first, then end to end); all run even when
# one fails. scripts/run-tests.sh prints one line of program and case counts
# and records it in $(BUILD)/test-summary for `make check`.
test: all $(TPLUGINS) $(TESTS)
	@WRRFIG_TEST_WRAP='$(WRRFIG_TEST_WRAP)' sh scripts/run-tests.sh "$(BUILD)" $(TESTS)

check-gcc:
	@$(MAKE) --no-print-directory test

check-san:
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 OPT="-O1 -g" test

check-clang:
	@$(MAKE) --no-print-directory BUILD=build/clang CC=clang test

check-clang-san:
	@$(MAKE) --no-print-directory BUILD=build/clang-san CC=clang SAN=1 OPT="-O1 -g" test

# The test programs under valgrind memcheck: any error or definitely lost
# block fails the program. (Programs run wrrfig and gnuplot as child
# processes; valgrind follows the test program and its forks, not execs.)
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           --show-leak-kinds=definite --track-fds=no
check-valgrind:
	@$(MAKE) --no-print-directory BUILD=build/valgrind WRRFIG_TEST_WRAP="$(VALGRIND)" test

# Each build runs on; the summary line counts every build, and the target
# fails when any did.
CHECK_BUILDS = build build/san build/clang build/clang-san build/valgrind
check: deps-test
	@rm -f $(CHECK_BUILDS:%=%/test-summary); st=0; \
	$(MAKE) --no-print-directory check-gcc || st=1; \
	$(MAKE) --no-print-directory check-san || st=1; \
	$(MAKE) --no-print-directory check-clang || st=1; \
	$(MAKE) --no-print-directory check-clang-san || st=1; \
	$(MAKE) --no-print-directory check-valgrind || st=1; \
	sh scripts/check-summary.sh $(CHECK_BUILDS) || st=1; exit $$st

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang, ASan and
# UBSan in build/fuzz. `make fuzz` runs each for FUZZ_SECONDS on a corpus
# seeded from the project's files; new crashers land in tests/fuzz/crashers/,
# which `make check` replays (tests/unit/test_fuzz_regressions.c).
FUZZ_NAMES   := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
FUZZ_BUILD   := build/fuzz
fuzzers: $(FUZZ_NAMES:%=$(BUILD)/fuzzers/%)
$(BUILD)/fuzzers/%: tests/fuzz/fuzz_%.c $(LIB) $(COMMON_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/fuzz $(ALL_CFLAGS) -DWF_FUZZ_MAIN -fsanitize=fuzzer $(DEPFLAGS) -MF $@.d $< $(LIB) \
	    $(COMMON_LIB) $(CORE_LIBS) -o $@ $(ALL_LDFLAGS)
fuzz-build: deps-test
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang SAN=1 OPT="-O1 -g" \
	    CFLAGS="-fsanitize=fuzzer-no-link" fuzzers
fuzz: fuzz-build
	@sh scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

deps-build:
	@sh scripts/install-deps.sh build render

deps-test:
	@sh scripts/install-deps.sh build render test

# The site (wrrfig site) reads both builds (Dutch in out/, English in out/en/),
# the claims as JSON and, when it is there, the report text for the passages.
REPORT_TXT ?= ../shared/report/samenleven-in-verscheidenheid.txt
figures: deps-build
	$(MAKE) all
	$(BIN) build --out out
	$(BIN) --lang en build --out out/en
	$(BIN) check --out out > out/claims.txt; status=$$?; tail -n 1 out/claims.txt; \
	    $(BIN) site --out out $$(test -f "$(REPORT_TXT)" && echo --report "$(REPORT_TXT)") || status=1; \
	    echo "claims: out/claims.json, out/claims.html, out/claims.md, out/claims.txt; site: out/index.html"; exit $$status

bench: all
	@sh scripts/install-deps.sh build render bench
	@sh scripts/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/wrrfig/plugins $(DESTDIR)$(PREFIX)/include/wrrfig \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/wrrfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/wrrfig
	install -m 644 $(PLUGINS) $(DESTDIR)$(PREFIX)/lib/wrrfig/plugins/
	install -m 644 $(PRELOAD) $(DESTDIR)$(PREFIX)/lib/wrrfig/
	install -m 644 core/include/wrrfig/plugin.h $(DESTDIR)$(PREFIX)/include/wrrfig/plugin.h
	install -d $(DESTDIR)$(PREFIX)/include/wrrfig/common
	install -m 644 $(COMMON_HDR) $(DESTDIR)$(PREFIX)/include/wrrfig/common/
	install -m 644 $(COMMON_LIB) $(DESTDIR)$(PREFIX)/lib/libwrrfig-common.a
	for pc in wrrfig-plugin wrrfig-common; do \
	    sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@ABI@|$(ABI_VERSION)|g' -e 's|@VERSION@|$(WF_VERSION)|g' \
	        scripts/$$pc.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/$$pc.pc || exit 1; \
	done
	cp -R data figures $(DESTDIR)$(PREFIX)/share/wrrfig/
	install -m 644 docs/wrrfig.1 $(DESTDIR)$(PREFIX)/share/man/man1/wrrfig.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 scripts/wrrfig-completion.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/wrrfig

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/wrrfig $(DESTDIR)$(PREFIX)/lib/wrrfig $(DESTDIR)$(PREFIX)/include/wrrfig \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/wrrfig-plugin.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/wrrfig-common.pc \
	    $(DESTDIR)$(PREFIX)/lib/libwrrfig-common.a $(DESTDIR)$(PREFIX)/share/wrrfig \
	    $(DESTDIR)$(PREFIX)/share/man/man1/wrrfig.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/wrrfig

clean:
	rm -rf build out
