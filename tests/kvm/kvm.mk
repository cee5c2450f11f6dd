# tests/kvm/kvm.mk: PS/2 building blocks (rtl/kvm), included from the top Makefile.
#   test-kvm-lint   verilator -Wall lint of ps2_host and ps2_dev (no waivers)
#   test-ps2-host   Verilator testbench: ps2_host against a behavioural PS/2 device model
#   test-ps2-dev    Verilator testbench: ps2_dev against a behavioural PC host model
#   kvm-stat        yosys synth_ice40 stat of each module (LUT4 / FF), for docs/ps2.md

KVM_PS2_COMMON := rtl/kvm/ps2_line_in.v rtl/lib/cdc_sync2.v
KVM_PS2_HOST   := rtl/kvm/ps2_host.v rtl/kvm/ps2_err_counters.v $(KVM_PS2_COMMON)
KVM_PS2_DEV    := rtl/kvm/ps2_dev.v $(KVM_PS2_COMMON)
KVM_TB_DIR     := $(B)/tests/kvm

TESTS += kvm-lint ps2-host ps2-dev

.PHONY: test-kvm-lint test-ps2-host test-ps2-dev kvm-stat

test-kvm-lint:
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_host $(KVM_PS2_HOST)
	$(VERILATOR) --lint-only -Wall -Irtl/lib -Irtl/kvm --top-module ps2_dev $(KVM_PS2_DEV)
	@echo "ps2_host and ps2_dev lint clean"

$(KVM_TB_DIR)/host/Vps2_host: $(KVM_PS2_HOST) tests/kvm/tb_ps2_host.cpp tests/kvm/ps2_tb.h
	@mkdir -p $(KVM_TB_DIR)/host
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module ps2_host \
		-Mdir $(KVM_TB_DIR)/host -CFLAGS "-I$(CURDIR)/tests/kvm" \
		$(KVM_PS2_HOST) $(CURDIR)/tests/kvm/tb_ps2_host.cpp -o Vps2_host

$(KVM_TB_DIR)/dev/Vps2_dev: $(KVM_PS2_DEV) tests/kvm/tb_ps2_dev.cpp tests/kvm/ps2_tb.h
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
