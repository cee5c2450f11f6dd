# tests/kvmsim/kvmsim.mk: keyboard/mouse path on the whole simulated board (real firmware,
# real core, console and PC PS/2 models; tests/kvmsim/check_kvm_sim.py).
#   test-kvm-sim-hotkey  typing, hotkey switch with a key held, swallowed hotkey, LEDs,
#                        mouse wheel at the selected port, every PC's init
#   test-kvm-sim-plug    console hot-plug re-init, literal Scroll Lock, a PC that never reads
#   bench-kvm-latency    key and mouse latency console -> PC (build/bench/kvm-latency.tsv)
KVMSIM_B := $(B)/tests/kvmsim

TESTS += kvm-sim-hotkey kvm-sim-plug
BENCHES += kvm-latency
.PHONY: test-kvm-sim-hotkey test-kvm-sim-plug bench-kvm-latency
test-kvm-sim-hotkey: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/kvmsim/check_kvm_sim.py $(SIM) $(FW_IMG) $(KVMSIM_B)/hotkey hotkey
test-kvm-sim-plug: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/kvmsim/check_kvm_sim.py $(SIM) $(FW_IMG) $(KVMSIM_B)/plug plug
bench-kvm-latency: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	@mkdir -p $(B)/bench
	python3 tests/kvmsim/check_kvm_sim.py $(SIM) $(FW_IMG) $(KVMSIM_B)/bench bench \
		$(B)/bench/kvm-latency.tsv
