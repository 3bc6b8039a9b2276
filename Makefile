# numaclone: GNU Make build.
#   make                 library (static + shared) and the CLI in $(BUILD)/
#   make check           every test: gcc build, clang build, ASan+UBSan build, fuzz smoke
#   make tests           build the unit tests only
#   make fuzz            build the libFuzzer targets (clang)
#   make bench           build the benchmarks
#   make install PREFIX=/usr/local
CC       ?= cc
BUILD    ?= build
SANITIZE ?=
PREFIX   ?= /usr/local
VERSION  := 0.1.0

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-missing-field-initializers
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) -fPIC -Iinclude -Isrc \
             -DNC_VERSION=\"$(VERSION)\" -MMD -MP
ALL_LDFLAGS = $(LDFLAGS)
ifneq ($(SANITIZE),)
ALL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

LIB_SRCS   := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRCS   := $(sort $(wildcard src/cli/*.c))
TEST_SRCS  := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRCS := $(sort $(wildcard bench/*.c))
FUZZ_SRCS  := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJS   := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
CLI_OBJS   := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o)
TESTS      := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BENCHES    := $(BENCH_SRCS:bench/%.c=$(BUILD)/bench/%)
FUZZERS    := $(FUZZ_SRCS:fuzz/%.c=$(BUILD)/fuzz/%)

.PHONY: all tests bench fuzz check install clean
all: $(BUILD)/libnumaclone.a $(BUILD)/libnumaclone.so $(BUILD)/numaclone

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libnumaclone.a: $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libnumaclone.so: $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,libnumaclone.so.0 $(ALL_LDFLAGS) -o $@ $^ -lm

$(BUILD)/numaclone: $(CLI_OBJS) $(BUILD)/libnumaclone.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJS) $(BUILD)/libnumaclone.a -lm

tests: $(TESTS) $(BUILD)/numaclone
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libnumaclone.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libnumaclone.a $(ALL_LDFLAGS) -lcmocka -lm

bench: $(BENCHES)
$(BUILD)/bench/%: bench/%.c $(BUILD)/libnumaclone.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O2 -o $@ $< $(BUILD)/libnumaclone.a $(ALL_LDFLAGS) -lm

# libFuzzer targets: always clang, always ASan+UBSan; the library is
# compiled once with coverage instrumentation and linked into each target.
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Iinclude -Isrc -DNC_VERSION=\"$(VERSION)\" \
               -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJS   := $(LIB_SRCS:%.c=$(BUILD)/fuzz/obj/%.o)
fuzz: $(FUZZERS)
$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
$(BUILD)/fuzz/libnumaclone-fuzz.a: $(FUZZ_OBJS)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/fuzz/%: fuzz/%.c $(BUILD)/fuzz/libnumaclone-fuzz.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/fuzz/libnumaclone-fuzz.a -lm

check:
	./scripts/check.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/numaclone \
	  $(DESTDIR)$(PREFIX)/include/numaclone/uapi/linux $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(BUILD)/libnumaclone.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libnumaclone.so $(DESTDIR)$(PREFIX)/lib/libnumaclone.so.0
	ln -sf libnumaclone.so.0 $(DESTDIR)$(PREFIX)/lib/libnumaclone.so
	install -m 644 include/numaclone/*.h $(DESTDIR)$(PREFIX)/include/numaclone/
	install -m 644 include/uapi/linux/*.h $(DESTDIR)$(PREFIX)/include/numaclone/uapi/linux/
	install -m 755 $(BUILD)/numaclone $(DESTDIR)$(PREFIX)/bin/
	install -m 644 docs/numaclone.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' numaclone.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/numaclone.pc

clean:
	rm -rf build build-*

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
