# rtl/cpu/cpu.mk: the kvm_cpu core, the rv-run simulator and their tests and bench.
# Included by the top Makefile; see docs/cpu.md and docs/interfaces.md.

CPU_RTL := rtl/cpu/kvm_cpu.v rtl/cpu/kvm_cpu_decode.v rtl/cpu/kvm_cpu_regfile.v \
           rtl/cpu/kvm_cpu_alu.v rtl/cpu/kvm_cpu_csr.v rtl/cpu/kvm_cpu_counter.v
RV_RUN     := $(B)/sim/rv-run
RV_RUN_OBJ := $(B)/sim/rv-run.obj
RVT_SRC    := sim/rv-run/tests
RVT_OUT    := $(B)/sim/rv-run-tests
RVT_PROGS  := pass fail5 loop notohost sig smoke
RVT_ELFS   := $(RVT_PROGS:%=$(RVT_OUT)/%.elf)

.PHONY: rv-run
rv-run: $(RV_RUN)
all: $(RV_RUN)

# The harness is C++ with the kernel-style warnings; it is checked on its own because
# Verilator's generated code is not built with -Werror.
$(RV_RUN_OBJ)/rv_run.check: sim/rv-run/rv_run.cpp tools/lib/elf32.h $(CPU_RTL)
	@mkdir -p $(RV_RUN_OBJ)
	$(VERILATOR) --cc --top-module kvm_cpu -Irtl/cpu --Mdir $(RV_RUN_OBJ)/chk $(CPU_RTL) >/dev/null
	$(CXX) -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Itools/lib -isystem $(RV_RUN_OBJ)/chk \
	    -isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include \
	    -isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include/vltstd sim/rv-run/rv_run.cpp
	@touch $@

$(RV_RUN): $(CPU_RTL) sim/rv-run/rv_run.cpp tools/lib/elf32.c tools/lib/elf32.h \
	    $(RV_RUN_OBJ)/rv_run.check
	@mkdir -p $(RV_RUN_OBJ)
	$(VERILATOR) $(VL_FLAGS) -CFLAGS -I$(CURDIR)/tools/lib --top-module kvm_cpu -Irtl/cpu \
	    --Mdir $(RV_RUN_OBJ) -o rv-run $(CPU_RTL) $(CURDIR)/sim/rv-run/rv_run.cpp \
	    $(CURDIR)/tools/lib/elf32.c
	cp $(RV_RUN_OBJ)/rv-run $@

$(RVT_OUT)/%.elf: $(RVT_SRC)/%.S $(RVT_SRC)/test.h $(RVT_SRC)/link.ld
	@mkdir -p $(RVT_OUT)
	$(RV_CC) $(RV_ARCH) -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments -I$(RVT_SRC) -T $(RVT_SRC)/link.ld -o $@ $<

# ---- tests ----------------------------------------------------------------------------------
TESTS += cpu-lint rv-run-interface cpu-smoke

.PHONY: test-cpu-lint test-rv-run-interface test-cpu-smoke
test-cpu-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/cpu --top-module kvm_cpu $(CPU_RTL)
	$(VERILATOR) --lint-only -Wall -Irtl/cpu --top-module kvm_cpu_bench rtl/cpu/bench/kvm_cpu_bench.v $(CPU_RTL)
	@echo "kvm_cpu: verilator lint clean"

test-rv-run-interface: $(RV_RUN) $(RVT_ELFS)
	bash $(RVT_SRC)/run-interface.sh $(RV_RUN) $(RVT_OUT) $(RVT_SRC)

# Self-checking program exercising every instruction class, traps and interrupts.
test-cpu-smoke: $(RV_RUN) $(RVT_OUT)/smoke.elf
	$(RV_RUN) --max-cycles 200000 $(RVT_OUT)/smoke.elf
	$(RV_RUN) --max-cycles 400000 --mem-latency random:1 $(RVT_OUT)/smoke.elf
	$(RV_RUN) --max-cycles 400000 --mem-latency random:99 $(RVT_OUT)/smoke.elf

# ---- bench: the core alone on UP5K -----------------------------------------------------------
BENCHES += cpu
CPU_BENCH := $(B)/bench/cpu
.PHONY: bench-cpu
bench-cpu: $(B)/bench/cpu.tsv
$(B)/bench/cpu.tsv: $(CPU_RTL) rtl/cpu/bench/kvm_cpu_bench.v rtl/cpu/bench/cpu_bench.sh \
                    $(RV_RUN) $(RVT_OUT)/smoke.elf
	@mkdir -p $(CPU_BENCH)
	bash rtl/cpu/bench/cpu_bench.sh $(CPU_BENCH) $@ $(RV_RUN) $(RVT_OUT)/smoke.elf $(CPU_RTL)
