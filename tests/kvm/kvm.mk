# tests/kvm/kvm.mk: PS/2 building blocks (rtl/kvm), included from the top Makefile.
#   test-kvm-lint   verilator -Wall lint of ps2_host and ps2_dev (no waivers)
#   test-ps2-host   Verilator testbench: ps2_host against a behavioural PS/2 device model
#   test-ps2-dev    Verilator testbench: ps2_dev against a behavioural PC host model
#   kvm-stat        yosys synth_ice40 stat of each module (LUT4 / FF), for docs/ps2.md

KVM_PS2_COMMON := rtl/kvm/ps2_line_in.v rtl/lib/cdc_sync2.v
KVM_PS2_HOST   := rtl/kvm/ps2_host.v rtl/kvm/ps2_err_counters.v $(KVM_PS2_COMMON)
KVM_PS2_DEV    := rtl/kvm/ps2_dev.v $(KVM_PS2_COMMON)
KVM_TB_DIR     := $(B)/tests/kvm

# Testbench warning check (as for rv-run in rtl/cpu/cpu.mk): the testbench gets a
# -fsyntax-only -Wall -Wextra -Werror compile against headers from a separate
# `verilator --cc` run (Verilator's own code is not warning-clean, so its headers are
# system headers); the .check stamp is a prerequisite of the testbench binary.
# kvm_tb_check: <stamp> <top> <verilator args (RTL, -G...)> <testbench .cpp>
KVM_TB_CHECK_CXX = $(CXX) -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include/vltstd
define kvm_tb_check
	@mkdir -p $(dir $(1))
	$(VERILATOR) --cc -Wno-fatal -Wno-lint -Wno-style -Irtl/lib -Irtl/kvm --top-module $(2) \
		--Mdir $(dir $(1))chk-$(2) $(3) >/dev/null
	$(KVM_TB_CHECK_CXX) -Itests/kvm -isystem $(dir $(1))chk-$(2) $(4)
	@touch $(1)
endef

TESTS += kvm-lint ps2-host ps2-dev

.PHONY: test-kvm-lint test-ps2-host test-ps2-dev kvm-stat

test-kvm-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_host $(KVM_PS2_HOST)
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_dev $(KVM_PS2_DEV)
	@echo "ps2_host and ps2_dev lint clean"

$(KVM_TB_DIR)/host/tb_ps2_host.check: $(KVM_PS2_HOST) tests/kvm/tb_ps2_host.cpp tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,ps2_host,$(KVM_PS2_HOST),tests/kvm/tb_ps2_host.cpp)

$(KVM_TB_DIR)/host/Vps2_host: $(KVM_PS2_HOST) tests/kvm/tb_ps2_host.cpp tests/kvm/ps2_tb.h \
		$(KVM_TB_DIR)/host/tb_ps2_host.check
	@mkdir -p $(KVM_TB_DIR)/host
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module ps2_host \
		-Mdir $(KVM_TB_DIR)/host -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_PS2_HOST) $(CURDIR)/tests/kvm/tb_ps2_host.cpp -o Vps2_host

$(KVM_TB_DIR)/dev/tb_ps2_dev.check: $(KVM_PS2_DEV) tests/kvm/tb_ps2_dev.cpp tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,ps2_dev,$(KVM_PS2_DEV),tests/kvm/tb_ps2_dev.cpp)

$(KVM_TB_DIR)/dev/Vps2_dev: $(KVM_PS2_DEV) tests/kvm/tb_ps2_dev.cpp tests/kvm/ps2_tb.h \
		$(KVM_TB_DIR)/dev/tb_ps2_dev.check
	@mkdir -p $(KVM_TB_DIR)/dev
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module ps2_dev \
		-Mdir $(KVM_TB_DIR)/dev -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_PS2_DEV) $(CURDIR)/tests/kvm/tb_ps2_dev.cpp -o Vps2_dev

test-ps2-host: $(KVM_TB_DIR)/host/Vps2_host
	$<

test-ps2-dev: $(KVM_TB_DIR)/dev/Vps2_dev
	$<

kvm-stat: $(KVM_PS2_HOST) $(KVM_PS2_DEV)
	@mkdir -p $(KVM_TB_DIR)
	for m in ps2_host ps2_dev; do \
		files="$(KVM_PS2_HOST)"; [ $$m = ps2_dev ] && files="$(KVM_PS2_DEV)"; \
		yosys -q -p "read_verilog $$files; synth_ice40 -top $$m; tee -o $(KVM_TB_DIR)/$$m.stat stat" \
			>/dev/null && echo "== $$m" && grep -E 'SB_LUT4|SB_DFF|SB_CARRY|cells' $(KVM_TB_DIR)/$$m.stat; \
	done

# ---- per-port device emulation above ps2_dev ----
#   test-ps2-kbd-emu    emulated keyboard against a BIOS/OS-like PC model (ps2_pc.h)
#   test-ps2-mouse-emu  emulated mouse: init, knock to ID 3/4, packets, resend
KVM_EMU_COMMON := rtl/kvm/ps2_emu_link.v rtl/kvm/ps2_tx_chunk.v rtl/kvm/ps2_ms_tick.v $(KVM_PS2_DEV)
KVM_KBD_EMU    := rtl/kvm/ps2_kbd_emu.v $(KVM_EMU_COMMON)
KVM_MOUSE_EMU  := rtl/kvm/ps2_mouse_emu.v $(KVM_EMU_COMMON)
KVM_EMU_TEST_G := -GT_POWERUP_MS=3 -GT_RESET_MS=2

TESTS += ps2-kbd-emu ps2-mouse-emu

.PHONY: test-ps2-kbd-emu test-ps2-mouse-emu

test-kvm-lint: kvm-emu-lint
.PHONY: kvm-emu-lint
kvm-emu-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_kbd_emu $(KVM_KBD_EMU)
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_mouse_emu $(KVM_MOUSE_EMU)
	@echo "ps2_kbd_emu and ps2_mouse_emu lint clean"

$(KVM_TB_DIR)/kbd_emu/tb_ps2_kbd_emu.check: $(KVM_KBD_EMU) tests/kvm/tb_ps2_kbd_emu.cpp tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,ps2_kbd_emu,$(KVM_EMU_TEST_G) $(KVM_KBD_EMU),tests/kvm/tb_ps2_kbd_emu.cpp)

$(KVM_TB_DIR)/kbd_emu/Vps2_kbd_emu: $(KVM_KBD_EMU) tests/kvm/tb_ps2_kbd_emu.cpp tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h \
		$(KVM_TB_DIR)/kbd_emu/tb_ps2_kbd_emu.check
	@mkdir -p $(KVM_TB_DIR)/kbd_emu
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module ps2_kbd_emu $(KVM_EMU_TEST_G) \
		-Mdir $(KVM_TB_DIR)/kbd_emu -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_KBD_EMU) $(CURDIR)/tests/kvm/tb_ps2_kbd_emu.cpp -o Vps2_kbd_emu

$(KVM_TB_DIR)/mouse_emu/tb_ps2_mouse_emu.check: $(KVM_MOUSE_EMU) tests/kvm/tb_ps2_mouse_emu.cpp tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,ps2_mouse_emu,$(KVM_EMU_TEST_G) $(KVM_MOUSE_EMU),tests/kvm/tb_ps2_mouse_emu.cpp)

$(KVM_TB_DIR)/mouse_emu/Vps2_mouse_emu: $(KVM_MOUSE_EMU) tests/kvm/tb_ps2_mouse_emu.cpp tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h \
		$(KVM_TB_DIR)/mouse_emu/tb_ps2_mouse_emu.check
	@mkdir -p $(KVM_TB_DIR)/mouse_emu
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module ps2_mouse_emu $(KVM_EMU_TEST_G) \
		-Mdir $(KVM_TB_DIR)/mouse_emu -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_MOUSE_EMU) $(CURDIR)/tests/kvm/tb_ps2_mouse_emu.cpp -o Vps2_mouse_emu

test-ps2-kbd-emu: $(KVM_TB_DIR)/kbd_emu/Vps2_kbd_emu
	$<

test-ps2-mouse-emu: $(KVM_TB_DIR)/mouse_emu/Vps2_mouse_emu
	$<

kvm-stat: kvm-emu-stat
.PHONY: kvm-emu-stat
kvm-emu-stat: $(KVM_KBD_EMU) $(KVM_MOUSE_EMU)
	@mkdir -p $(KVM_TB_DIR)
	for m in ps2_kbd_emu ps2_mouse_emu; do \
		files="$(KVM_KBD_EMU)"; [ $$m = ps2_mouse_emu ] && files="$(KVM_MOUSE_EMU)"; \
		yosys -q -p "read_verilog $$files; synth_ice40 -top $$m; tee -o $(KVM_TB_DIR)/$$m.stat stat" \
			>/dev/null && echo "== $$m" && grep -E 'SB_LUT4|SB_DFF|SB_CARRY|cells' $(KVM_TB_DIR)/$$m.stat; \
	done

# ---- input router (console -> selected port, snoop, inject, release on switch) ----
#   test-kvm-router   kvm_router with N=4 against behavioural emulator sinks
#   (kvm-lint covers the router top as well; kvm-stat adds its yosys numbers)
KVM_ROUTER := rtl/kvm/kvm_router.v rtl/kvm/kvm_router_kbd.v rtl/kvm/kvm_router_mouse.v \
              rtl/kvm/kvm_router_mpkt.v rtl/kvm/kvm_router_snoop.v rtl/lib/sync_fifo.v \
              rtl/kvm/kvm_ram.v rtl/kvm/ps2_ms_tick.v

TESTS += kvm-router

.PHONY: test-kvm-router kvm-router-lint kvm-router-stat

test-kvm-lint: kvm-router-lint
kvm-router-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/kvm --top-module kvm_router $(KVM_ROUTER)
	$(VERILATOR) --lint-only -Wall -Irtl/kvm --top-module kvm_router -GN=2 $(KVM_ROUTER)
	@echo "kvm_router lint clean (N=4, N=2)"

$(KVM_TB_DIR)/router/tb_kvm_router.check: $(KVM_ROUTER) tests/kvm/tb_kvm_router.cpp tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,kvm_router,-GN=4 -GCLK_HZ=120000 $(KVM_ROUTER),tests/kvm/tb_kvm_router.cpp)

$(KVM_TB_DIR)/router/Vkvm_router: $(KVM_ROUTER) tests/kvm/tb_kvm_router.cpp tests/kvm/ps2_tb.h \
		$(KVM_TB_DIR)/router/tb_kvm_router.check
	@mkdir -p $(KVM_TB_DIR)/router
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module kvm_router -GN=4 -GCLK_HZ=120000 \
		-Mdir $(KVM_TB_DIR)/router -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_ROUTER) $(CURDIR)/tests/kvm/tb_kvm_router.cpp -o Vkvm_router

test-kvm-router: $(KVM_TB_DIR)/router/Vkvm_router
	$<

kvm-stat: kvm-router-stat
kvm-router-stat: $(KVM_ROUTER)
	@mkdir -p $(KVM_TB_DIR)
	yosys -q -p "read_verilog $(KVM_ROUTER); chparam -set N 4 kvm_router; synth_ice40 -top kvm_router; tee -o $(KVM_TB_DIR)/kvm_router.stat stat" >/dev/null
	@echo "== kvm_router (N=4)" && grep -E 'SB_LUT4|SB_DFF|SB_CARRY|SB_RAM|cells' $(KVM_TB_DIR)/kvm_router.stat
