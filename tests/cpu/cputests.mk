# tests/cpu/cputests.mk: verification of the kvm_cpu RV32IM core (docs/verification.md).
# Included by the top Makefile. Directed tests run on rv-run (cpu-NAME, one per .S file),
# all of them run on the reference ISS (iss-selfcheck), random programs are compared
# between the ISS and rv-run (cpu-random, fuzz-cpu), and bench-cpi measures CPI.

CPUT_DIR    := tests/cpu
CPUT_OUT    := $(B)/tests/cpu
ISS         := $(B)/tools/iss
RVGEN       := $(B)/tools/rvgen
CPUT_RV_RUN := $(B)/sim/rv-run
CPI_OUT     := $(B)/tests/cpu/bench
CPUT_ARCH   := -march=rv32im_zicsr_zifencei -mabi=ilp32
CPUT_ASFLAGS := $(CPUT_ARCH) -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments \
                -I$(CPUT_DIR)/include -T $(CPUT_DIR)/link.ld

# one directed test per file tests/cpu/NAME.S
CPU_DTESTS := $(sort $(basename $(notdir $(wildcard $(CPUT_DIR)/*.S))))
CPU_DELFS  := $(CPU_DTESTS:%=$(CPUT_OUT)/%.elf)

# random differential test: fixed seeds, every second one with random memory latency
CPU_RANDOM_SEEDS := 1 2 3 4 5 6 7 8
CPU_RANDOM_MIN   := 1000000
SEEDS ?= 20
FUZZ_START ?= 1000

TESTS   += $(CPU_DTESTS:%=cpu-%) iss-selfcheck cpu-random
BENCHES += cpi

.PHONY: $(CPU_DTESTS:%=test-cpu-%) test-iss-selfcheck test-cpu-random fuzz-cpu bench-cpi \
        cpu-tests

$(ISS): tools/iss/iss.c tools/iss/rv32.c tools/iss/rv32.h tools/lib/elf32.c tools/lib/elf32.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Itools/lib -o $@ tools/iss/iss.c tools/iss/rv32.c tools/lib/elf32.c

$(RVGEN): $(CPUT_DIR)/rvgen.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $<

$(CPUT_OUT)/%.elf: $(CPUT_DIR)/%.S $(CPUT_DIR)/include/kt.h $(CPUT_DIR)/link.ld
	@mkdir -p $(CPUT_OUT)
	$(RV_CC) $(CPUT_ASFLAGS) -o $@ $<

cpu-tests: $(CPU_DELFS) $(ISS) $(RVGEN) $(CPI_OUT)/cpi.elf
all: cpu-tests

# each directed test on the RTL, with the ideal memory and with random wait states
$(CPU_DTESTS:%=test-cpu-%): test-cpu-%: $(CPUT_OUT)/%.elf $(CPUT_RV_RUN)
	$(CPUT_RV_RUN) --max-cycles 2000000 $<
	$(CPUT_RV_RUN) --max-cycles 4000000 --mem-latency random:7 $<

# every directed test on the reference ISS
test-iss-selfcheck: $(CPU_DELFS) $(ISS)
	@fail=0; for t in $(CPU_DTESTS); do \
		if $(ISS) --max-instr 1000000 $(CPUT_OUT)/$$t.elf >$(CPUT_OUT)/$$t.iss.log 2>&1; \
		then echo "iss PASS $$t"; \
		else echo "iss FAIL $$t: $$(cat $(CPUT_OUT)/$$t.iss.log)"; fail=1; fi; \
	done; exit $$fail

test-cpu-random: $(ISS) $(RVGEN) $(CPUT_RV_RUN) $(CPUT_DIR)/random.sh $(CPUT_DIR)/link.ld
	RV_CC="$(RV_CC)" RV_ASFLAGS="$(CPUT_ASFLAGS)" bash $(CPUT_DIR)/random.sh $(ISS) \
	    $(CPUT_RV_RUN) $(RVGEN) $(CPUT_OUT)/random $(CPU_RANDOM_MIN) $(CPU_RANDOM_SEEDS)

# make fuzz-cpu SEEDS=N [FUZZ_START=S]: seeds S .. S+N-1
fuzz-cpu: $(ISS) $(RVGEN) $(CPUT_RV_RUN) $(CPUT_DIR)/random.sh $(CPUT_DIR)/link.ld
	RV_CC="$(RV_CC)" RV_ASFLAGS="$(CPUT_ASFLAGS)" bash $(CPUT_DIR)/random.sh $(ISS) \
	    $(CPUT_RV_RUN) $(RVGEN) $(CPUT_OUT)/fuzz 0 \
	    $$(seq $(FUZZ_START) $$(($(FUZZ_START) + $(SEEDS) - 1)))

# ---- bench: CPI on a firmware-like C workload ------------------------------------------------
CPI_OBJS := $(CPI_OUT)/start.o $(CPI_OUT)/cpi.o $(CPI_OUT)/crc32.o

$(CPI_OUT)/start.o: $(CPUT_DIR)/bench/start.S
	@mkdir -p $(CPI_OUT)
	$(RV_CC) $(RV_ARCH) -c -o $@ $<
$(CPI_OUT)/cpi.o: $(CPUT_DIR)/bench/cpi.c common/crc32.h
	@mkdir -p $(CPI_OUT)
	$(RV_CC) $(RV_CFLAGS) -c -o $@ $<
$(CPI_OUT)/crc32.o: common/crc32.c common/crc32.h
	@mkdir -p $(CPI_OUT)
	$(RV_CC) $(RV_CFLAGS) -c -o $@ $<
$(CPI_OUT)/cpi.elf: $(CPI_OBJS) $(CPUT_DIR)/bench/bench.ld
	$(RV_CC) $(RV_LDARCH) --specs=picolibc.specs -nostartfiles -Wl,--gc-sections \
	    -Wl,--no-warn-rwx-segments -T $(CPUT_DIR)/bench/bench.ld -o $@ $(CPI_OBJS)

bench-cpi: $(CPI_OUT)/cpi.elf $(CPUT_RV_RUN) $(ISS) $(CPUT_DIR)/bench/cpi.sh
	@mkdir -p $(B)/bench
	bash $(CPUT_DIR)/bench/cpi.sh $(CPUT_RV_RUN) $(ISS) $(CPI_OUT)/cpi.elf $(B)/bench/cpi.tsv
