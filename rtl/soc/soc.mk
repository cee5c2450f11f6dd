# rtl/soc/soc.mk: SoC RTL file lists, SoC tests and bench (included by the top Makefile).
#
#   SOC_RTL   the SoC (kvm_soc and everything under it except the CPU)
#   KVM_RTL   the keyboard/mouse path (kvm_top and everything under it in rtl/kvm; it also
#             needs sync_fifo and cdc_sync2 from LIB_RTL)
#   TOP_RTL   the board-independent top (kvmosd_top) plus KVM_RTL
# Full design: $(CPU_RTL) $(SOC_RTL) $(VIDEO_RTL) $(TOP_RTL) $(LIB_RTL)
# Board builds define ICE40_SPRAM (UP5K) so the RAM uses SB_SPRAM256KA.

SOC_RTL := rtl/soc/kvm_soc.v rtl/soc/soc_fabric.v rtl/soc/soc_reset.v rtl/soc/soc_bus.v \
           rtl/soc/soc_bootrom.v rtl/soc/soc_ram.v rtl/soc/soc_sysctl.v \
           rtl/soc/soc_uart.v rtl/soc/soc_uart_tx.v rtl/soc/soc_uart_rx.v rtl/soc/soc_timer.v \
           rtl/soc/soc_wdt.v rtl/soc/soc_spi.v rtl/soc/soc_spi_shift.v \
           rtl/soc/soc_spi_window.v rtl/soc/soc_gpio.v rtl/soc/soc_debounce.v \
           rtl/soc/soc_downcnt.v
SOC_FABRIC_RTL := $(filter-out rtl/soc/kvm_soc.v,$(SOC_RTL))
KVM_RTL := rtl/kvm/kvm_top.v rtl/kvm/kvm_regs.v rtl/kvm/kvm_router.v rtl/kvm/kvm_router_kbd.v \
           rtl/kvm/kvm_router_mouse.v rtl/kvm/kvm_router_mpkt.v rtl/kvm/kvm_router_snoop.v \
           rtl/kvm/kvm_ram.v rtl/kvm/ps2_host.v rtl/kvm/ps2_err_counters.v \
           rtl/kvm/ps2_kbd_emu.v rtl/kvm/ps2_mouse_emu.v rtl/kvm/ps2_emu_link.v \
           rtl/kvm/ps2_tx_chunk.v rtl/kvm/ps2_ms_tick.v rtl/kvm/ps2_dev.v rtl/kvm/ps2_line_in.v
TOP_RTL := rtl/top/kvmosd_top.v $(KVM_RTL)
SIM_MODELS := sim/models/spi_flash_model.cpp sim/models/uart_model.cpp
SIM_MODELS_H := sim/models/spi_flash_model.h sim/models/uart_model.h

SOC_B := $(B)/soc

# Testbench warning check: the project rule is -Wall -Wextra -Werror for all C/C++, but
# Verilator's generated code is not warning-clean, so (as for rv-run in rtl/cpu/cpu.mk) each
# testbench gets a -fsyntax-only compile against headers from a separate `verilator --cc`
# run (in <bench dir>/chk), with the Verilator headers as system headers. The stamp
# <bench dir>/<tb>.check is a prerequisite of the bench binary.
SOC_TB_CHECK_CXX = $(CXX) -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
	-Icommon -I$(B)/gen -Isim/models \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include/vltstd

# Flash test pattern (64 KiB, see tests/soc/mkpattern.py)
$(SOC_B)/flash_pattern.bin: tests/soc/mkpattern.py
	@mkdir -p $(@D)
	python3 $< $@

# Placeholder boot ROM for benches that drive the bus themselves
$(SOC_B)/empty_rom.hex:
	@mkdir -p $(@D)
	for i in $$(seq 512); do echo 00000000; done > $@

# ---- lint: verilator -Wall. soc_fabric must be warning-free on its own; kvm_soc (with the
# CPU) and kvmosd_top (with the video block) must give no warning located in rtl/soc or
# rtl/top (other parts' warnings are theirs to fix and do not fail this test); any %Error
# (e.g. a design that does not elaborate) fails it. The HX8K parameter set is linted as well
# (its video block included: N = 1 is a width corner).
SOC_LINT := $(VERILATOR) --lint-only -Wall -Irtl/lib -I$(B)/gen
TESTS += soc-lint
test-soc-lint: $(GEN_REGS_VH)
	$(SOC_LINT) --top-module soc_fabric $(SOC_FABRIC_RTL) $(LIB_RTL)
	@if [ -n "$(CPU_RTL)" ]; then echo "lint kvm_soc"; \
	  $(SOC_LINT) -Wno-fatal --top-module kvm_soc $(CPU_RTL) $(SOC_RTL) $(LIB_RTL) 2>&1 \
	  | grep -E '^%Error|^%.*rtl/(soc|top)/' && exit 1 || true; fi
	@if [ -n "$(CPU_RTL)" ] && [ -n "$(VIDEO_RTL)" ]; then echo "lint kvmosd_top"; \
	  $(SOC_LINT) -Wno-fatal --top-module kvmosd_top -GBOOTROM_HEX='"x.hex"' \
	    $(CPU_RTL) $(SOC_RTL) $(VIDEO_RTL) $(TOP_RTL) $(LIB_RTL) 2>&1 \
	  | grep -E '^%Error|^%.*rtl/(soc|top)/' && exit 1 || true; fi
	@if [ -n "$(CPU_RTL)" ] && [ -n "$(VIDEO_RTL)" ]; then \
	  echo "lint kvmosd_top as on the HX8K (BOOT_XIP, 4 KiB RAM, VID_N 1, KVM_N 0): rtl/soc, rtl/top, rtl/video"; \
	  $(SOC_LINT) -Wno-fatal --top-module kvmosd_top -GBOOTROM_HEX='"x.hex"' -GBOOT_XIP=1 \
	    -GRAM_BYTES=4096 -GVID_N=1 -GKVM_N=0 \
	    $(CPU_RTL) $(SOC_RTL) $(VIDEO_RTL) $(TOP_RTL) $(LIB_RTL) 2>&1 \
	  | grep -E '^%Error|^%.*rtl/(soc|top|video)/' && exit 1 || true; fi
	@echo "SoC lint clean"

# ---- bus-level bench of the fabric (no CPU) ----
$(SOC_B)/tb_fabric/tb_fabric.check: $(SOC_FABRIC_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) \
		tests/soc/tb_fabric.cpp $(SIM_MODELS_H)
	@mkdir -p $(@D)
	$(VERILATOR) --cc -Wno-fatal -Wno-lint -Wno-style -Irtl/lib -I$(B)/gen --top-module soc_fabric \
		--Mdir $(@D)/chk $(SOC_FABRIC_RTL) $(LIB_RTL) >/dev/null
	$(SOC_TB_CHECK_CXX) -isystem $(@D)/chk tests/soc/tb_fabric.cpp
	@touch $@

$(SOC_B)/tb_fabric/Vsoc_fabric: $(SOC_FABRIC_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) \
		tests/soc/tb_fabric.cpp $(SIM_MODELS) $(SIM_MODELS_H) $(SOC_B)/empty_rom.hex \
		$(SOC_B)/tb_fabric/tb_fabric.check
	@mkdir -p $(@D)
	$(VERILATOR) $(VL_FLAGS) -Wno-UNUSEDPARAM --Mdir $(@D) --top-module soc_fabric \
		-GBOOTROM_HEX='"$(SOC_B)/empty_rom.hex"' \
		-CFLAGS "-I$(CURDIR)/sim/models" \
		$(SOC_FABRIC_RTL) $(LIB_RTL) \
		$(CURDIR)/tests/soc/tb_fabric.cpp $(addprefix $(CURDIR)/,$(SIM_MODELS)) -o Vsoc_fabric

TESTS += soc-fabric
test-soc-fabric: $(SOC_B)/tb_fabric/Vsoc_fabric $(SOC_B)/flash_pattern.bin
	$< --flash $(SOC_B)/flash_pattern.bin

BENCHES += soc-flash
bench-soc-flash: $(SOC_B)/tb_fabric/Vsoc_fabric $(SOC_B)/flash_pattern.bin
	@mkdir -p $(B)/bench
	$< --flash $(SOC_B)/flash_pattern.bin --bench $(B)/bench/soc-flash.tsv

.PHONY: test-soc-lint test-soc-fabric bench-soc-flash

# ---- SoC with the real CPU, running test programs from the boot ROM ----
SOC_TPROGS := basic uart timer wdt flash
SOC_TCOMMON := tests/soc/crt0.S tests/soc/rom.ld tests/soc/tlib.h soc-firmware/boot/bin2hex.py

$(SOC_B)/prog/%.elf: tests/soc/t_%.c $(SOC_TCOMMON) $(GEN_REGS_H)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -nostdlib -nostartfiles -T tests/soc/rom.ld -Wl,--gc-sections \
		-o $@ tests/soc/crt0.S $<

$(SOC_B)/prog/%.hex: $(SOC_B)/prog/%.elf soc-firmware/boot/bin2hex.py
	$(RV_OBJCOPY) -O binary -j .text $< $(@:.hex=.bin)
	python3 soc-firmware/boot/bin2hex.py --words 512 $(@:.hex=.bin) $@

$(SOC_B)/tb_soc/tb_soc.check: $(CPU_RTL) $(SOC_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) \
		tests/soc/tb_soc.cpp tests/soc/soc_tb_clock.h $(SIM_MODELS_H)
	@mkdir -p $(@D)
	$(VERILATOR) --cc -Wno-fatal -Wno-lint -Wno-style -Irtl/lib -I$(B)/gen --top-module kvm_soc \
		--Mdir $(@D)/chk $(CPU_RTL) $(SOC_RTL) $(LIB_RTL) >/dev/null
	$(SOC_TB_CHECK_CXX) -isystem $(@D)/chk tests/soc/tb_soc.cpp
	@touch $@

$(SOC_B)/tb_soc/Vkvm_soc: $(CPU_RTL) $(SOC_RTL) $(LIB_RTL) $(GEN_REGS_VH) \
		tests/soc/tb_soc.cpp tests/soc/soc_tb_clock.h $(SIM_MODELS) $(SIM_MODELS_H) $(SOC_B)/empty_rom.hex \
		$(SOC_B)/tb_soc/tb_soc.check
	@mkdir -p $(@D)
	$(VERILATOR) $(VL_FLAGS) -Wno-UNUSEDPARAM --Mdir $(@D) --top-module kvm_soc \
		-GBOOTROM_HEX='"$(SOC_B)/empty_rom.hex"' \
		-CFLAGS "-I$(CURDIR)/sim/models" \
		$(CPU_RTL) $(SOC_RTL) $(LIB_RTL) \
		$(CURDIR)/tests/soc/tb_soc.cpp $(addprefix $(CURDIR)/,$(SIM_MODELS)) -o Vkvm_soc

SOC_TB := $(SOC_B)/tb_soc/Vkvm_soc
TESTS += soc-basic soc-uart soc-timer soc-wdt soc-flash
test-soc-basic: $(SOC_TB) $(SOC_B)/prog/basic.hex
	$(SOC_TB) +bootrom=$(SOC_B)/prog/basic.hex --expect "basic"
test-soc-uart: $(SOC_TB) $(SOC_B)/prog/uart.hex
	$(SOC_TB) +bootrom=$(SOC_B)/prog/uart.hex --expect "uart: hello from kvm_soc" \
		--on "?=0123456789ABCDEFGHIJ" --on "!=Z"
test-soc-timer: $(SOC_TB) $(SOC_B)/prog/timer.hex
	$(SOC_TB) +bootrom=$(SOC_B)/prog/timer.hex
test-soc-wdt: $(SOC_TB) $(SOC_B)/prog/wdt.hex
	$(SOC_TB) +bootrom=$(SOC_B)/prog/wdt.hex --expect "wdt: after watchdog" \
		--expect "wdt: after soft reset"
test-soc-flash: $(SOC_TB) $(SOC_B)/prog/flash.hex $(SOC_B)/flash_pattern.bin
	$(SOC_TB) +bootrom=$(SOC_B)/prog/flash.hex --flash $(SOC_B)/flash_pattern.bin

.PHONY: test-soc-basic test-soc-uart test-soc-timer test-soc-wdt test-soc-flash
.SECONDARY: $(SOC_TPROGS:%=$(SOC_B)/prog/%.elf)
