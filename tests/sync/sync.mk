# tests/sync/sync.mk: per-port sync separator and meter (rtl/video/sync_*.v).
# Include from the top Makefile with `-include tests/sync/sync.mk`.
#   test-sync-lint   verilator -Wall lint of sync_port (sync_sep + sync_meter), no waivers
#   test-sync        Verilator testbench with a C++ sync generator (tests/sync/sync_gen.h)
#   sync-stat        yosys synth_ice40 stat (LUT4 / FF) per module, for docs/sync.md

SYNC_RTL    := rtl/video/sync_port.v rtl/video/sync_sep.v rtl/video/sync_meter.v \
               rtl/video/sync_line.v rtl/video/sync_input.v rtl/lib/cdc_sync2.v
SYNC_TB_DIR := $(B)/tests/sync

# Testbench warning check (as for rv-run in rtl/cpu/cpu.mk): the testbench gets a
# -fsyntax-only -Wall -Wextra -Werror compile against headers from a separate
# `verilator --cc` run (Verilator's own code is not warning-clean, so its headers are
# system headers); the .check stamp is a prerequisite of the testbench binary.
SYNC_TB_CHECK_CXX = $(CXX) -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include/vltstd

TESTS += sync-lint sync

.PHONY: test-sync-lint test-sync sync-stat

test-sync-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/video --top-module sync_port $(SYNC_RTL)
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/video --top-module sync_sep \
		rtl/video/sync_sep.v rtl/video/sync_line.v rtl/video/sync_input.v rtl/lib/cdc_sync2.v
	$(VERILATOR) --lint-only -Wall --top-module sync_meter rtl/video/sync_meter.v
	@echo "sync_port, sync_sep and sync_meter lint clean"

$(SYNC_TB_DIR)/tb_sync.check: $(SYNC_RTL) tests/sync/tb_sync.cpp tests/sync/sync_gen.h
	@mkdir -p $(@D)
	$(VERILATOR) --cc -Wno-fatal -Wno-lint -Wno-style -Irtl/lib -Irtl/video --top-module sync_port \
		--Mdir $(@D)/chk $(SYNC_RTL) >/dev/null
	$(SYNC_TB_CHECK_CXX) -Itests/sync -isystem $(@D)/chk tests/sync/tb_sync.cpp
	@touch $@

$(SYNC_TB_DIR)/obj/Vsync_port: $(SYNC_RTL) tests/sync/tb_sync.cpp tests/sync/sync_gen.h \
		$(SYNC_TB_DIR)/tb_sync.check
	@mkdir -p $(SYNC_TB_DIR)
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module sync_port \
		-Mdir $(SYNC_TB_DIR)/obj -CFLAGS "-I$(CURDIR)/tests/sync" \
		$(SYNC_RTL) $(CURDIR)/tests/sync/tb_sync.cpp -o Vsync_port

test-sync: $(SYNC_TB_DIR)/obj/Vsync_port
	$< -v

sync-stat: $(SYNC_RTL)
	@mkdir -p $(SYNC_TB_DIR)
	@for m in sync_input sync_line sync_sep sync_meter sync_port; do \
		yosys -q -p "read_verilog $(SYNC_RTL); synth_ice40 -top $$m; tee -o $(SYNC_TB_DIR)/$$m.stat stat" \
			>/dev/null && echo "== $$m" && grep -E 'SB_LUT4|SB_DFF|SB_CARRY|cells' $(SYNC_TB_DIR)/$$m.stat; \
	done

# ---- vin_meters: every port's meter plus the VIDIN register block ----
VIN_RTL := rtl/video/vin_meters.v rtl/video/vin_engine.v rtl/video/vin_front.v $(SYNC_RTL)
TESTS += vin
.PHONY: test-vin
$(SYNC_TB_DIR)/vin/Vvin_meters: $(VIN_RTL) $(VIN_UCODE_VH) tests/sync/tb_vin.cpp tests/sync/sync_gen.h \
		tests/sync/vin_tb_clocks.h
	@mkdir -p $(@D)
	$(VERILATOR) --lint-only -Wall -GN=1 --top-module vin_meters $(VIN_RTL)
	$(VERILATOR) --lint-only -Wall -GN=4 --top-module vin_meters $(VIN_RTL)
	$(VERILATOR) --lint-only -Wall -GN=1 -GENGINE=1 --top-module vin_meters $(VIN_RTL)
	$(VERILATOR) --lint-only -Wall -GN=4 -GENGINE=1 --top-module vin_meters $(VIN_RTL)
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module vin_meters -GN=2 \
		-Mdir $(@D) -CFLAGS "-I$(CURDIR)/tests/sync -Wall -Wextra" \
		$(VIN_RTL) $(CURDIR)/tests/sync/tb_vin.cpp -o Vvin_meters

test-vin: $(SYNC_TB_DIR)/vin/Vvin_meters
	$<

# bench: size of one input's separator + meter, and of vin_meters with 4 inputs (both ways)
BENCHES += sync
.PHONY: bench-sync
bench-sync: $(VIN_RTL) $(VIN_UCODE_VH) tools/yosys_size.sh
	@mkdir -p $(B)/bench
	@{ bash tools/yosys_size.sh sync_port sync_port "$(SYNC_RTL)" \
		"sync_port, one video input's sync separator + meter (REF_HZ 48 MHz)"; \
	   bash tools/yosys_size.sh vin_meters_n4 vin_meters "$(VIN_RTL)" \
		"vin_meters N=4: four sync_ports + VIDIN registers + snapshot CDC" "chparam -set N 4 vin_meters"; \
	   bash tools/yosys_size.sh vin_meters_n4_engine vin_meters "$(VIN_RTL)" \
		"vin_meters N=4 ENGINE=1: four vin_fronts + the shared vin_engine + VIDIN registers" \
		"chparam -set N 4 -set ENGINE 1 vin_meters"; \
	} > $(B)/bench/sync.tsv.tmp
	@mv -f $(B)/bench/sync.tsv.tmp $(B)/bench/sync.tsv
	@cat $(B)/bench/sync.tsv

# ---- the engine's program: rtl/video/vin_ucode.vh is what tools/vin_ucasm.py makes of
# rtl/video/vin_ucode.asm (after editing the program: python3 tools/vin_ucasm.py
# rtl/video/vin_ucode.asm rtl/video/vin_ucode.vh)
TESTS += vin-ucode
.PHONY: test-vin-ucode
test-vin-ucode:
	python3 tools/vin_ucasm.py --check rtl/video/vin_ucode.asm $(VIN_UCODE_VH)

# ---- vin_meters ENGINE=0 (a sync_port per input) against ENGINE=1 (shared engine) ----
# tests/sync/vin_pair.v: both with N=4 on the same pins, two register ports; the testbench
# reads both and compares them with each other and with the sources (tb_vin_engine.cpp).
# OPT_FAST: Verilator's makefile puts its default -Os after the -CFLAGS -O2 of VL_FLAGS;
# -O2 runs this (long, eight meters' worth of clk_ref logic) testbench about 1.8x faster.
TESTS += vin-engine
.PHONY: test-vin-engine
$(SYNC_TB_DIR)/vin_engine/Vvin_pair: $(VIN_RTL) $(VIN_UCODE_VH) tests/sync/vin_pair.v tests/sync/tb_vin_engine.cpp \
		tests/sync/sync_gen.h tests/sync/vin_tb_clocks.h
	@mkdir -p $(@D)
	$(VERILATOR) --lint-only -Wall --top-module vin_pair $(VIN_RTL) tests/sync/vin_pair.v
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module vin_pair \
		-Mdir $(@D) -CFLAGS "-I$(CURDIR)/tests/sync -Wall -Wextra" -MAKEFLAGS OPT_FAST=-O2 \
		$(VIN_RTL) tests/sync/vin_pair.v $(CURDIR)/tests/sync/tb_vin_engine.cpp -o Vvin_pair

test-vin-engine: $(SYNC_TB_DIR)/vin_engine/Vvin_pair
	$<
