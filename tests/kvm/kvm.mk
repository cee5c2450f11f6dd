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
	$(VERILATOR) --lint-only -Wall -Irtl/kvm --top-module kvm_router -GN=1 $(KVM_ROUTER)
	@echo "kvm_router lint clean (N=4, N=2, N=1)"

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

# ---- whole keyboard/mouse path (kvm_top: console hosts, router, N x emulators, registers) ----
#   test-kvm-top     kvm_top (N=2) through its register port, with console keyboard/mouse
#                    device models and PC host models on every line (tb_kvm_top.cpp)
#   kvm-top-lint     verilator -Wall of kvm_top at N = 0, 1, 4 (part of test-kvm-lint)
#   bench-kvm-size   yosys synth_ice40 stat of kvm_top at N = 4 and N = 1 -> kvm-size.tsv
KVM_TOP_FILES := $(KVM_RTL) rtl/lib/sync_fifo.v rtl/lib/cdc_sync2.v
KVM_TOP_G     := -GN=2 -GPOWERUP_MS=3

TESTS += kvm-top
BENCHES += kvm-size

.PHONY: test-kvm-top kvm-top-lint bench-kvm-size

test-kvm-lint: kvm-top-lint
kvm-top-lint: $(GEN_REGS_VH)
	for n in 0 1 4; do \
		$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm -I$(B)/gen --top-module kvm_top -GN=$$n \
			$(KVM_TOP_FILES) || exit 1; \
	done
	@echo "kvm_top lint clean (N=0, 1, 4)"

$(KVM_TB_DIR)/top/tb_kvm_top.check: $(KVM_TOP_FILES) $(GEN_REGS_VH) $(GEN_REGS_H) tests/kvm/tb_kvm_top.cpp \
		tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h
	$(call kvm_tb_check,$@,kvm_top,-I$(B)/gen $(KVM_TOP_G) $(KVM_TOP_FILES),-I$(B)/gen -Icommon tests/kvm/tb_kvm_top.cpp)

$(KVM_TB_DIR)/top/Vkvm_top: $(KVM_TOP_FILES) $(GEN_REGS_VH) $(GEN_REGS_H) tests/kvm/tb_kvm_top.cpp \
		tests/kvm/ps2_pc.h tests/kvm/ps2_tb.h $(KVM_TB_DIR)/top/tb_kvm_top.check
	@mkdir -p $(KVM_TB_DIR)/top
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style -Irtl/kvm --top-module kvm_top $(KVM_TOP_G) \
		-Mdir $(KVM_TB_DIR)/top -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_TOP_FILES) $(CURDIR)/tests/kvm/tb_kvm_top.cpp -o Vkvm_top

test-kvm-top: $(KVM_TB_DIR)/top/Vkvm_top
	$<

# One yosys run per N; rows: kvm_top_nN_{lut4,ff,carry,ebr}.
bench-kvm-size: $(KVM_TOP_FILES) $(KVM_PS2_HOST) $(KVM_KBD_EMU) $(KVM_MOUSE_EMU) $(GEN_REGS_VH) \
		tools/yosys_size.sh
	@mkdir -p $(B)/bench $(KVM_TB_DIR)
	@rm -f $(B)/bench/kvm-size.tsv.tmp
	@for n in 4 1; do \
		$(YOSYS) -q -p "read_verilog -DSYNTHESIS -Irtl/lib -Irtl/kvm -I$(B)/gen $(KVM_TOP_FILES); \
			chparam -set N $$n kvm_top; synth_ice40 -top kvm_top; \
			tee -o $(KVM_TB_DIR)/kvm_top_n$$n.stat stat" >/dev/null || exit 1; \
		f=$(KVM_TB_DIR)/kvm_top_n$$n.stat; \
		lut=$$(awk '$$1=="SB_LUT4"{print $$2}' $$f); \
		ff=$$(awk '$$1 ~ /^SB_DFF/{s+=$$2} END{print s+0}' $$f); \
		carry=$$(awk '$$1=="SB_CARRY"{print $$2}' $$f); \
		ebr=$$(awk '$$1=="SB_RAM40_4K"{print $$2}' $$f); \
		printf 'kvm_top_n%s_lut4\t%s\tcount\tkvm_top N=%s (console hosts, router, regs, %s x kbd+mouse emu): SB_LUT4\n' $$n "$${lut:-0}" $$n $$n; \
		printf 'kvm_top_n%s_ff\t%s\tcount\tkvm_top N=%s: flip-flops (SB_DFF*)\n' $$n "$${ff:-0}" $$n; \
		printf 'kvm_top_n%s_carry\t%s\tcount\tkvm_top N=%s: SB_CARRY\n' $$n "$${carry:-0}" $$n; \
		printf 'kvm_top_n%s_ebr\t%s\tcount\tkvm_top N=%s: block RAMs (SB_RAM40_4K)\n' $$n "$${ebr:-0}" $$n; \
	done > $(B)/bench/kvm-size.tsv.tmp
	@bash tools/yosys_size.sh ps2_host ps2_host "$(KVM_PS2_HOST)" \
		"ps2_host, one console device (incl. error counters)" >> $(B)/bench/kvm-size.tsv.tmp
	@bash tools/yosys_size.sh ps2_kbd_emu ps2_kbd_emu "$(KVM_KBD_EMU)" \
		"ps2_kbd_emu, one PC keyboard (incl. its ps2_dev)" >> $(B)/bench/kvm-size.tsv.tmp
	@bash tools/yosys_size.sh ps2_mouse_emu ps2_mouse_emu "$(KVM_MOUSE_EMU)" \
		"ps2_mouse_emu, one PC mouse (incl. its ps2_dev)" >> $(B)/bench/kvm-size.tsv.tmp
	@mv -f $(B)/bench/kvm-size.tsv.tmp $(B)/bench/kvm-size.tsv
	@cat $(B)/bench/kvm-size.tsv
