# bench/bench.mk: board benches (Fmax, resource use) from the place-and-route report.
# Each bench-NAME writes $(B)/bench/NAME.tsv: key<TAB>value<TAB>unit<TAB>description.

BENCHES += board-icebreaker
.PHONY: bench-board-icebreaker
# Reuses the bitstream build's report when it is up to date (make decides from the
# sources); records the numbers even when a clock misses its target (timing_ok = 0).
bench-board-icebreaker: $(IB_B)/report.json tools/nextpnr_report.py
	@mkdir -p $(B)/bench
	$(NEXTPNR_REPORT) tsv $< $(IB_CLOCKS) --io-pins 39 --board icebreaker > $(B)/bench/board-icebreaker.tsv.tmp
	@printf 'nextpnr_seed\t%s\tcount\ticebreaker: placer seed of the measured run\n' "$(IB_SEED)" \
	  >> $(B)/bench/board-icebreaker.tsv.tmp
	@mv -f $(B)/bench/board-icebreaker.tsv.tmp $(B)/bench/board-icebreaker.tsv
	@cat $(B)/bench/board-icebreaker.tsv

BENCHES += board-hx8k board-hx8k-n4
.PHONY: bench-board-hx8k bench-board-hx8k-n4
bench-board-hx8k: $(HX_B)/report.json tools/nextpnr_report.py
	@mkdir -p $(B)/bench
	$(NEXTPNR_REPORT) tsv $< $(HX_CLOCKS) --io-pins $(HX_IO) --board hx8k > $(B)/bench/board-hx8k.tsv.tmp
	@printf 'video_ports\t%s\tcount\thx8k: video input ports built (HX_VID_N)\n' "$(HX_VID_N)" \
	  >> $(B)/bench/board-hx8k.tsv.tmp
	@printf 'nextpnr_seed\t%s\tcount\thx8k: placer seed of the measured run\n' "$(HX_SEED)" \
	  >> $(B)/bench/board-hx8k.tsv.tmp
	@mv -f $(B)/bench/board-hx8k.tsv.tmp $(B)/bench/board-hx8k.tsv
	@cat $(B)/bench/board-hx8k.tsv

# The goal build, 4 video ports on the HX8K with the shared meter engine (VIN_ENGINE 1):
# synthesis and nextpnr's packer only (it does not fit yet, so there is no placement to
# time); rows say how far over it is.
HX4_B := $(B)/hx8k-n4
bench-board-hx8k-n4: $(HX_B)/synth.ys $(HX_TOP) $(BOARD_RTL) $(BOARD_DATA)
	@mkdir -p $(HX4_B) $(B)/bench
	@sed -E 's/-set VID_N [0-9]+/-set VID_N 4/; s/-set VIN_ENGINE [0-9]+/-set VIN_ENGINE 1/; s#$(HX_B)/kvmosd.json#$(HX4_B)/kvmosd.json#' $< > $(HX4_B)/synth.ys
	@$(YOSYS) -q -l $(HX4_B)/yosys.log -s $(HX4_B)/synth.ys >/dev/null
	@$(NEXTPNR_ICE40) $(HX_DEVICE) --pcf $(HX_PCF) --json $(HX4_B)/kvmosd.json --pack-only -q \
	  -l $(HX4_B)/pack.log >/dev/null 2>&1 || true
	@python3 tools/nextpnr_report.py packtsv $(HX4_B)/pack.log --board hx8k-n4 > $(B)/bench/board-hx8k-n4.tsv
	@cat $(B)/bench/board-hx8k-n4.tsv
