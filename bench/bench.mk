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

BENCHES += board-hx8k
.PHONY: bench-board-hx8k
bench-board-hx8k: $(HX_B)/report.json tools/nextpnr_report.py
	@mkdir -p $(B)/bench
	$(NEXTPNR_REPORT) tsv $< $(HX_CLOCKS) --io-pins $(HX_IO) --board hx8k > $(B)/bench/board-hx8k.tsv.tmp
	@printf 'video_ports\t%s\tcount\thx8k: video input ports built (HX_VID_N)\n' "$(HX_VID_N)" \
	  >> $(B)/bench/board-hx8k.tsv.tmp
	@printf 'nextpnr_seed\t%s\tcount\thx8k: placer seed of the measured run\n' "$(HX_SEED)" \
	  >> $(B)/bench/board-hx8k.tsv.tmp
	@mv -f $(B)/bench/board-hx8k.tsv.tmp $(B)/bench/board-hx8k.tsv
	@cat $(B)/bench/board-hx8k.tsv

