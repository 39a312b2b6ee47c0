# sahel_news — PGXS build plus the project's own targets.
#
#   make                 build sahel_news.so and the install script
#   make install         install into the PostgreSQL that pg_config names
#   make installcheck    pg_regress against a running server (PGHOST/PGPORT)
#   make test            everything: tests/run (builds, installs privately,
#                        starts a throwaway cluster, runs every test layer)
#   make demo            tests/demo: a throwaway cluster with the sample data
#   make bench           tests/bench/run: benchmarks against built-in baselines
#   make unit            C unit tests of extension/core, without PostgreSQL
#   make fuzz            every libFuzzer harness for FUZZ_SECONDS each
#
# Use PG_CONFIG=/path/to/pg_config to build against another PostgreSQL.

# Two extensions: sahel_news, and sahel_news_postgis, the bridge to PostGIS
# (extension/postgis/, its own control file and install script; sahel_news
# never depends on PostGIS).
#
# A build in another directory (VPATH) works too:
#   mkdir /tmp/b && cd /tmp/b && make -f /path/to/sahel_news/Makefile
# Sources are named relative to the source tree, SN_SRC, and found through
# VPATH; what is built goes below the current directory.
SN_SRC      := $(patsubst %/,%,$(dir $(firstword $(MAKEFILE_LIST))))
sn_sources   = $(patsubst $(SN_SRC)/%,%,$(sort $(wildcard $(SN_SRC)/$(1))))

EXTENSION    = sahel_news sahel_news_postgis
EXTVERSION  := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(SN_SRC)/sahel_news.control)
BRIDGE_VERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(SN_SRC)/sahel_news_postgis.control)
MODULE_big   = sahel_news

# One core file pair and one glue file per type: new files are picked up here.
CORE_SRCS    = $(call sn_sources,extension/core/*.c)
GLUE_SRCS    = $(call sn_sources,extension/pg/*.c)
OBJS         = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The install script is built from its pieces, then the sample data.
SCRIPT_PIECES = $(call sn_sources,extension/sql/*.sql) $(call sn_sources,extension/data/*.sql)

# Upgrades (docs/internals/upgrades.md): the released install script is frozen in
# extension/upgrade/; the update script from it to this version is generated
# from the current pieces and the hand-written ones of
# extension/upgrade/FROM--TO/.
UPGRADE_FROM   = 0.1
UPGRADE_SCRIPT = sahel_news--$(UPGRADE_FROM)--$(EXTVERSION).sql
UPGRADE_PIECES = $(call sn_sources,extension/upgrade/$(UPGRADE_FROM)--$(EXTVERSION)/*.sql)
BRIDGE_PIECES = $(call sn_sources,extension/postgis/*.sql)
DATA_built   = sahel_news--$(EXTVERSION).sql $(UPGRADE_SCRIPT) sahel_news_postgis--$(BRIDGE_VERSION).sql
DATA         = $(call sn_sources,extension/upgrade/sahel_news--*.sql)

# Regression tests run in name order; 00_setup creates the extension first.
REGRESS      = $(notdir $(basename $(call sn_sources,sql/*.sql)))
REGRESS_OPTS = --inputdir=$(SN_SRC)

# -Wextra's unused-parameter and missing-field-initializers fire inside
# PostgreSQL's own macros (PG_FUNCTION_ARGS, designated initialisers), so those
# two stay off.  Warnings are errors in the tests (tests/run builds with
# WERROR=-Werror), not by default: another compiler or PostgreSQL version
# may warn where ours does not, and that should not stop a user's build.
WERROR      ?=
PG_CPPFLAGS  = -I$(srcdir)/extension/core -I$(srcdir)/extension/pg
PG_CFLAGS    = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(WERROR)
SHLIB_LINK   = -lproj -lxxhash -lm
EXTRA_CLEAN  = build results regression.diffs regression.out

PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS does not track header dependencies: rebuild every object when any of
# our headers changes (coarse, but a stale object with an old struct layout
# fails in ways no test explains).
$(OBJS) $(OBJS:.o=.bc): $(wildcard $(SN_SRC)/extension/core/*.h $(SN_SRC)/extension/pg/*.h)

# In a VPATH build the objects' directories are made below the current one,
# and only sources are looked for in the source tree: PGXS's catch-all VPATH
# would also find the products of an in-tree build there and call them current.
ifneq ($(SN_SRC),.)
$(shell mkdir -p extension/core extension/pg)
VPATH =
vpath extension/%.c $(SN_SRC)
vpath extension/%.h $(SN_SRC)
vpath extension/%.sql $(SN_SRC)
vpath extension/upgrade/% $(SN_SRC)
vpath tests/%.c $(SN_SRC)
vpath tests/%.h $(SN_SRC)
vpath %.control $(SN_SRC)
endif

sahel_news--$(EXTVERSION).sql: $(SCRIPT_PIECES) sahel_news.control
	cat $(filter %.sql,$^) > $@

sahel_news_postgis--$(BRIDGE_VERSION).sql: $(BRIDGE_PIECES) sahel_news_postgis.control
	cat $(filter %.sql,$^) > $@

$(UPGRADE_SCRIPT): extension/upgrade/generate extension/upgrade/sahel_news--$(UPGRADE_FROM).sql \
                   $(SCRIPT_PIECES) $(UPGRADE_PIECES) sahel_news.control
	cd $(SN_SRC) && perl extension/upgrade/generate extension/upgrade/sahel_news--$(UPGRADE_FROM).sql \
	  extension/upgrade/$(UPGRADE_FROM)--$(EXTVERSION) $(SCRIPT_PIECES) > $(abspath $@).tmp
	mv $@.tmp $@

# ---------------------------------------------------------------------------
# Core unit tests: each tests/unit/test_<name>.c is its own cmocka program,
# linked with the whole core (no PostgreSQL), built with ASan and UBSan.  The
# core is compiled once for all of them (build/unit-core/).
UNIT_CC      ?= cc
UNIT_CFLAGS  ?= -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter -Werror -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined -fno-omit-frame-pointer
UNIT_SRCS    = $(call sn_sources,tests/unit/test_*.c)
UNIT_BINS    = $(patsubst tests/unit/%.c,build/unit/%,$(UNIT_SRCS))
UNIT_CORE    = $(patsubst extension/core/%.c,build/unit-core/%.o,$(CORE_SRCS))
CORE_HDRS    = $(wildcard $(SN_SRC)/extension/core/*.h) $(wildcard $(SN_SRC)/tests/unit/*.h)
CORE_INC     = -I$(SN_SRC)/extension/core

build/unit-core/%.o: extension/core/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS) $(CORE_INC) -c -o $@ $<

build/unit/%: tests/unit/%.c $(UNIT_CORE) $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS) $(CORE_INC) -I$(SN_SRC)/tests/unit -DSN_SOURCE_DIR='"$(abspath $(SN_SRC))"' \
		-o $@ $< $(UNIT_CORE) -lcmocka -lproj -lxxhash -lm

.PHONY: unit-build unit
unit-build: $(UNIT_BINS)
unit: unit-build
	@status=0; for t in $(UNIT_BINS); do $$t || status=1; done; exit $$status

# ---------------------------------------------------------------------------
# Benchmark programs over the core alone (tests/bench/*.c, run by
# tests/bench/run), optimised as the extension is and without sanitizers.
BENCH_CFLAGS ?= -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter -Werror
BENCH_SRCS   = $(call sn_sources,tests/bench/*.c)
BENCH_BINS   = $(patsubst tests/bench/%.c,build/bench/%,$(BENCH_SRCS))

build/bench/%: tests/bench/%.c $(CORE_SRCS) $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(BENCH_CFLAGS) $(CORE_INC) -o $@ $(filter %.c,$^) -lproj -lxxhash -lm

.PHONY: bench-build
bench-build: $(BENCH_BINS)

# ---------------------------------------------------------------------------
# libFuzzer harnesses: tests/fuzz/fuzz_<name>.c, seeds in tests/fuzz/corpus/<name>/.
# The core is compiled once for all harnesses (build/fuzz-core/), instrumented
# for libFuzzer's coverage without its main().
FUZZ_CC      ?= clang
FUZZ_SAN     ?= address,undefined
FUZZ_CFLAGS  ?= -g -O1 -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
FUZZ_SRCS    = $(call sn_sources,tests/fuzz/fuzz_*.c)
FUZZ_BINS    = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRCS))
FUZZ_CORE    = $(patsubst extension/core/%.c,build/fuzz-core/%.o,$(CORE_SRCS))

build/fuzz-core/%.o: extension/core/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(CORE_INC) -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(FUZZ_CORE) $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) $(CORE_INC) -o $@ $< $(FUZZ_CORE) -lproj -lxxhash -lm

.PHONY: fuzz-build fuzz
fuzz-build: $(FUZZ_BINS)
fuzz: fuzz-build
	@$(SN_SRC)/tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_BINS)

# ---------------------------------------------------------------------------
.PHONY: test demo bench
test:
	$(SN_SRC)/tests/run
demo:
	$(SN_SRC)/tests/demo
bench:
	$(SN_SRC)/tests/bench/run
