# host-cli/host.mk - host link: the kvmosd CLI and the tests of common/proto, hostlink and the
# CLI (tests/hostlink/). Included by the top Makefile.

HL_B        := $(B)/hostlink
KVMOSD_CLI  := $(B)/host-cli/kvmosd
PROTO_SRCS  := common/proto.c common/cobs.c common/crc32.c
PROTO_HDRS  := common/proto.h common/cobs.h common/crc32.h
HOSTLINK_SRCS := soc-firmware/app/hostlink.c
HOSTLINK_HDRS := soc-firmware/app/hostlink.h
CLI_SRCS    := host-cli/main.c host-cli/client.c host-cli/transport_sock.c \
               host-cli/transport_tty.c host-cli/tty_baud.c host-cli/transport_ftdi.c
CLI_HDRS    := host-cli/client.h host-cli/transport.h host-cli/transport_fd.h

# libftdi1 is optional at build time: without it --ftdi reports that it is missing.
FTDI_CFLAGS := $(shell pkg-config --cflags libftdi1 2>/dev/null || echo -DKVMOSD_NO_FTDI)
FTDI_LIBS   := $(shell pkg-config --libs libftdi1 2>/dev/null)
CLI_DEFS    := -DKVMOSD_VERSION='"$(VERSION)"' -DKVMOSD_BUILD_ID='"$(BUILD_ID)"'
HL_CFLAGS   := $(HOST_CFLAGS) -Isoc-firmware/app -Ihost-cli
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

.PHONY: host-cli fuzz-proto
all: $(KVMOSD_CLI)
host-cli: $(KVMOSD_CLI)

$(KVMOSD_CLI): $(CLI_SRCS) $(CLI_HDRS) $(PROTO_SRCS) $(PROTO_HDRS) VERSION
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) $(FTDI_CFLAGS) $(CLI_DEFS) -o $@ $(CLI_SRCS) $(PROTO_SRCS) $(FTDI_LIBS)

$(HL_B)/test_proto: tests/hostlink/test_proto.c $(PROTO_SRCS) $(PROTO_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) -o $@ $< $(PROTO_SRCS) $(CMOCKA_LIBS)

$(HL_B)/test_hostlink: tests/hostlink/test_hostlink.c $(PROTO_SRCS) $(PROTO_HDRS) \
		$(HOSTLINK_SRCS) $(HOSTLINK_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) -o $@ $< $(PROTO_SRCS) $(HOSTLINK_SRCS) $(CMOCKA_LIBS)

$(HL_B)/test_cli: tests/hostlink/test_cli.c tests/hostlink/fakeboard.c tests/hostlink/fakeboard.h \
		$(PROTO_SRCS) $(PROTO_HDRS) $(HOSTLINK_SRCS) $(HOSTLINK_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) -Itests/hostlink -o $@ $< tests/hostlink/fakeboard.c \
		$(PROTO_SRCS) $(HOSTLINK_SRCS) $(CMOCKA_LIBS) -lpthread

$(HL_B)/fuzz_proto: tests/hostlink/fuzz_proto.c $(PROTO_SRCS) $(PROTO_HDRS) \
		$(HOSTLINK_SRCS) $(HOSTLINK_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		-o $@ $< $(PROTO_SRCS) $(HOSTLINK_SRCS)

$(HL_B)/bench_hostlink: tests/hostlink/bench_hostlink.c tests/hostlink/fakeboard.c \
		tests/hostlink/fakeboard.h $(PROTO_SRCS) $(PROTO_HDRS) $(HOSTLINK_SRCS) $(HOSTLINK_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HL_CFLAGS) -Itests/hostlink -o $@ $< tests/hostlink/fakeboard.c \
		$(PROTO_SRCS) $(HOSTLINK_SRCS) -lpthread

# The shared sources must also build for the firmware (freestanding rules, -Werror).
$(HL_B)/rv/%.o: %.c $(PROTO_HDRS) $(HOSTLINK_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -Isoc-firmware/app -c -o $@ $<
HL_RV_OBJS := $(addprefix $(HL_B)/rv/,$(PROTO_SRCS:.c=.o) $(HOSTLINK_SRCS:.c=.o))

TESTS += proto hostlink cli
test-proto: $(HL_B)/test_proto $(HL_RV_OBJS)
	$(HL_B)/test_proto
test-hostlink: $(HL_B)/test_hostlink
	$(HL_B)/test_hostlink
test-cli: $(HL_B)/test_cli $(KVMOSD_CLI)
	KVMOSD_CLI=$(KVMOSD_CLI) $(HL_B)/test_cli

# make fuzz-proto [FUZZ_N=iterations] [FUZZ_SEED=n]
FUZZ_N    ?= 200000
FUZZ_SEED ?= 1
fuzz-proto: $(HL_B)/fuzz_proto
	$(HL_B)/fuzz_proto $(FUZZ_N) $(FUZZ_SEED)

BENCHES += hostlink
bench-hostlink: $(HL_B)/bench_hostlink $(HL_RV_OBJS)
	@mkdir -p $(B)/bench
	$(HL_B)/bench_hostlink > $(B)/bench/hostlink.tsv.tmp
	$(RV_SIZE) $(HL_RV_OBJS) | awk 'NR > 1 { t += $$1; d += $$2 + $$3 } END { \
		printf "fw_text_bytes\t%d\tbytes\tRV32IM .text of proto, cobs, crc32 and hostlink (-Os)\n", t; \
		printf "fw_data_bytes\t%d\tbytes\tRV32IM .data + .bss of the same objects\n", d }' \
		>> $(B)/bench/hostlink.tsv.tmp
	mv $(B)/bench/hostlink.tsv.tmp $(B)/bench/hostlink.tsv
