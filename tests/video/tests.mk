# tests/video/tests.mk: video path tests and bench (included from rtl/video/video.mk).
#   test-video-lint   verilator -Wall lint of video_top (no waivers beyond those in the source)
#   test-video        Verilator testbench: every pixel against sim/overlay_ref.c, timing, CDC
#   bench-video       yosys + nextpnr-ice40 (UP5K sg48): cells, EBR, Fmax; overlay latency

VIDEO_TB_DIR := $(B)/tests/video
VIDEO_TB     := $(VIDEO_TB_DIR)/obj/Vvideo_top

# Testbench warning check (as for rv-run in rtl/cpu/cpu.mk): the testbench gets a
# -fsyntax-only -Wall -Wextra -Werror compile against headers from a separate
# `verilator --cc` run (Verilator's own code is not warning-clean, so its headers are
# system headers); the .check stamp is a prerequisite of the testbench binary.
VIDEO_TB_CHECK_CXX = $(CXX) -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include \
	-isystem $$($(VERILATOR) --getenv VERILATOR_ROOT)/include/vltstd

TESTS   += video-lint video
BENCHES += video

.PHONY: test-video-lint test-video bench-video

test-video-lint: $(GEN_REGS_VH)
	$(VERILATOR) --lint-only -Wall -Irtl/lib -I$(B)/gen --top-module video_top $(VIDEO_TOP_RTL) $(LIB_RTL)
	@echo "video_top lint clean"

$(VIDEO_TB_DIR)/overlay_ref.o: sim/overlay_ref.c sim/overlay_ref.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -c -o $@ $<

$(VIDEO_TB_DIR)/tb_video.check: $(VIDEO_TOP_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) \
		tests/video/tb_video.cpp sim/overlay_ref.h
	@mkdir -p $(@D)
	$(VERILATOR) --cc -Wno-fatal -Wno-lint -Wno-style -Irtl/lib -I$(B)/gen --top-module video_top \
		--Mdir $(@D)/chk $(VIDEO_TOP_RTL) $(LIB_RTL) >/dev/null
	$(VIDEO_TB_CHECK_CXX) -Icommon -I$(B)/gen -Isim -isystem $(@D)/chk tests/video/tb_video.cpp
	@touch $@

$(VIDEO_TB): $(VIDEO_TOP_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) tests/video/tb_video.cpp \
		$(VIDEO_TB_DIR)/overlay_ref.o sim/overlay_ref.h $(VIDEO_TB_DIR)/tb_video.check
	@mkdir -p $(VIDEO_TB_DIR)
	@rm -f $@  # verilator's make does not see overlay_ref.o change: force the relink
	$(VERILATOR) $(VL_FLAGS) -Wno-lint -Wno-style --top-module video_top \
		-Mdir $(VIDEO_TB_DIR)/obj -CFLAGS "-I$(CURDIR)/sim" \
		$(VIDEO_TOP_RTL) $(LIB_RTL) $(CURDIR)/tests/video/tb_video.cpp \
		$(CURDIR)/$(VIDEO_TB_DIR)/overlay_ref.o -o Vvideo_top

test-video: $(VIDEO_TB)
	$(VIDEO_TB)

bench-video: $(VIDEO_TB) $(VIDEO_TOP_RTL) $(LIB_RTL) $(GEN_REGS_VH) tests/video/bench_video.sh \
		tests/video/bench_wrap.v
	@mkdir -p $(B)/bench
	bash tests/video/bench_video.sh $(B) "$(VIDEO_TOP_RTL) $(LIB_RTL)" $(VIDEO_TB) $(B)/bench/video.tsv

# test-video-matrix-top: video_top with VID_N = 2 (matrix + overlay), scaled internal raster
# (160x64, total 200x72) and two port sources (tests/video/tb_matrix_top.cpp).
VMT_DIR := $(B)/tests/video-matrix-top
VMT_G   := -GVID_N=2 -GMX_STOP_TIMEOUT=20000 -GH_ACTIVE=160 -GH_FP=8 -GH_SYNC=16 -GH_BP=16 \
           -GV_ACTIVE=64 -GV_FP=2 -GV_SYNC=2 -GV_BP=4
TESTS   += video-matrix-top
.PHONY: test-video-matrix-top

$(VMT_DIR)/obj/Vvideo_top: $(VIDEO_TOP_RTL) $(LIB_RTL) $(GEN_REGS_VH) $(GEN_REGS_H) tests/video/tb_matrix_top.cpp
	@mkdir -p $(VMT_DIR)
	$(VERILATOR) $(subst -j 2,-j 1,$(VL_FLAGS)) -Wno-lint -Wno-style $(VMT_G) --top-module video_top \
		-Mdir $(VMT_DIR)/obj $(VIDEO_TOP_RTL) $(LIB_RTL) $(CURDIR)/tests/video/tb_matrix_top.cpp -o Vvideo_top

test-video-matrix-top: $(VMT_DIR)/obj/Vvideo_top
	$<
