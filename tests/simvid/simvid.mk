# simvid.mk - the simulator's video inputs, events and output checker (docs/simulator.md,
# "Video inputs"). Included by the top Makefile.

SIMVID_B    := $(B)/simvid
SIMVID_UNIT := $(SIMVID_B)/test_video_checker
SIMVID_SRCS := sim/models/video_source.cpp sim/models/video_checker.cpp
SIMVID_FLAGS := -std=c++17 -O2 -g -Wall -Wextra -Werror -Isim -Itests/sync

$(SIMVID_UNIT): tests/simvid/test_video_checker.cpp tests/simvid/tcheck.h $(SIMVID_SRCS) \
		sim/models/video_source.h sim/models/video_checker.h tests/sync/sync_gen.h \
		tests/simvid/simvid.mk
	@mkdir -p $(@D)
	$(SIM_CXX) $(SIMVID_FLAGS) -o $@ tests/simvid/test_video_checker.cpp $(SIMVID_SRCS)

TESTS += sim-video-checker
.PHONY: test-sim-video-checker
test-sim-video-checker: $(SIMVID_UNIT)
	$(SIMVID_UNIT)

# vidcap (the PNG capture's frame check) on its own: progressive and interlaced streams,
# malformed ones still caught (tests/simvid/test_vidcap.cpp)
SIMVID_VIDCAP := $(SIMVID_B)/test_vidcap
$(SIMVID_B)/crc32.o: common/crc32.c common/crc32.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -c -o $@ $<

$(SIMVID_VIDCAP): tests/simvid/test_vidcap.cpp tests/simvid/tcheck.h sim/vidcap.cpp sim/vidcap.h $(SIMVID_SRCS) \
		sim/models/video_source.h sim/models/video_checker.h $(SIMVID_B)/crc32.o \
		tests/simvid/simvid.mk
	@mkdir -p $(@D)
	$(SIM_CXX) $(SIMVID_FLAGS) -Icommon $(shell pkg-config --cflags libpng 2>/dev/null) \
		-o $@ tests/simvid/test_vidcap.cpp sim/vidcap.cpp $(SIMVID_SRCS) \
		$(SIMVID_B)/crc32.o $(SIM_LIBS)

TESTS += sim-vidcap
.PHONY: test-sim-vidcap
test-sim-vidcap: $(SIMVID_VIDCAP)
	$(SIMVID_VIDCAP)

# whole-board runs (real firmware); tests/simvid/check_simvid.py
SIMVID_RUN := $(SIMVID_B)/run
TESTS += sim-video-modes sim-video-switch
.PHONY: test-sim-video-modes test-sim-video-switch
test-sim-video-modes: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/simvid/check_simvid.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/modes modes
test-sim-video-switch: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/simvid/check_simvid.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/switch switch
TESTS += sim-video-capture
.PHONY: test-sim-video-capture
test-sim-video-capture: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/simvid/check_simvid.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/capture capture

# ---- bench: plug-in -> mode name, select -> picture (tests/simvid/video_latency.py) ----
BENCHES += video-latency
.PHONY: bench-video-latency
bench-video-latency: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	@mkdir -p $(B)/bench
	python3 tests/simvid/video_latency.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/latency \
		$(B)/bench/video-latency.tsv
	@cat $(B)/bench/video-latency.tsv
