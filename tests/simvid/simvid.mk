# simvid.mk - the simulator's video inputs, events and output checker (docs/simulator.md,
# "Video inputs"). Included by the top Makefile.

SIMVID_B    := $(B)/simvid
SIMVID_UNIT := $(SIMVID_B)/test_video_checker
SIMVID_SRCS := sim/models/video_source.cpp sim/models/video_checker.cpp
SIMVID_FLAGS := -std=c++17 -O2 -g -Wall -Wextra -Werror -Isim -Itests/sync

$(SIMVID_UNIT): tests/simvid/test_video_checker.cpp $(SIMVID_SRCS) \
		sim/models/video_source.h sim/models/video_checker.h tests/sync/sync_gen.h \
		tests/simvid/simvid.mk
	@mkdir -p $(@D)
	$(SIM_CXX) $(SIMVID_FLAGS) -o $@ tests/simvid/test_video_checker.cpp $(SIMVID_SRCS)

TESTS += sim-video-checker
.PHONY: test-sim-video-checker
test-sim-video-checker: $(SIMVID_UNIT)
	$(SIMVID_UNIT)

# whole-board runs (real firmware); tests/simvid/check_simvid.py
SIMVID_RUN := $(SIMVID_B)/run
TESTS += sim-video-modes sim-video-switch
.PHONY: test-sim-video-modes test-sim-video-switch
test-sim-video-modes: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/simvid/check_simvid.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/modes modes
test-sim-video-switch: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	python3 tests/simvid/check_simvid.py $(SIM) $(FW_IMG) $(SIMVID_RUN)/switch switch
