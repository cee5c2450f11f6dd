# tests/matrix/matrix.mk: N->1 video matrix (rtl/video/vid_*.v), docs/matrix.md.
#   test-matrix-lint  verilator -Wall lint of vid_matrix, warnings fatal
#   test-matrix       Verilator testbench, N = 6, picosecond event loop (tests/matrix/tb_matrix.cpp)
#   matrix-stat       yosys LUT/FF per module; nextpnr-ice40 Fmax of o_clk_pix on UP5K (N=2, N=4) and HX8K (N=4)

MATRIX_RTL := rtl/video/vid_matrix.v rtl/video/vid_matrix_ctl.v rtl/video/vid_matrix_out.v \
              rtl/video/vid_evt_check.v rtl/video/vid_csync_sep.v rtl/video/vid_clkmux.v rtl/video/vid_clk_gate.v \
              rtl/video/vid_clk_alive.v rtl/video/vid_gbuf.v rtl/video/vid_fallback.v \
              rtl/video/video_timing.v rtl/lib/cdc_sync2.v rtl/lib/cdc_pulse.v rtl/lib/reset_sync.v
MATRIX_DIR := $(B)/tests/matrix
# Scaled-down fallback raster for the testbench (72x50, total 88x55); STOP_TIMEOUT about 3 frames.
MATRIX_TB_G := -GN=6 -GSTOP_TIMEOUT=8000 -GFB_H_ACTIVE=72 -GFB_H_FP=2 -GFB_H_SYNC=8 -GFB_H_BP=6 \
               -GFB_V_ACTIVE=50 -GFB_V_FP=1 -GFB_V_SYNC=2 -GFB_V_BP=2 -GFB_RGB=10

TESTS += matrix-lint matrix
.PHONY: test-matrix-lint test-matrix matrix-stat

test-matrix-lint:
	$(VERILATOR) --lint-only -Wall --top-module vid_matrix $(MATRIX_RTL)
	@echo "vid_matrix lint clean"

$(MATRIX_DIR)/obj/Vvid_matrix: $(MATRIX_RTL) tests/matrix/tb_matrix.cpp
	@mkdir -p $(MATRIX_DIR)
	$(VERILATOR) --cc --exe --build -j 1 -O2 -Wall -Wno-fatal -Wno-WIDTH --x-assign fast --x-initial fast \
		-CFLAGS "-O2 -std=c++17 -Wall -Wextra" $(MATRIX_TB_G) --top-module vid_matrix \
		-Mdir $(MATRIX_DIR)/obj $(MATRIX_RTL) $(CURDIR)/tests/matrix/tb_matrix.cpp -o Vvid_matrix

test-matrix: $(MATRIX_DIR)/obj/Vvid_matrix
	$<

matrix-stat: $(MATRIX_RTL)
	@bash tests/matrix/matrix_stat.sh $(MATRIX_DIR)/stat "$(MATRIX_RTL)"

# bench: the same figures as rows of build/bench/matrix.tsv
BENCHES += matrix
.PHONY: bench-matrix
bench-matrix: $(MATRIX_RTL) tests/matrix/matrix_stat_top.v tests/matrix/stat_tsv.py
	@mkdir -p $(B)/bench $(MATRIX_DIR)
	bash tests/matrix/matrix_stat.sh $(MATRIX_DIR)/stat "$(MATRIX_RTL)" | tee $(MATRIX_DIR)/stat.txt
	python3 tests/matrix/stat_tsv.py $(MATRIX_DIR)/stat.txt $(B)/bench/matrix.tsv
