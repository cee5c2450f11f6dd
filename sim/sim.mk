# sim.mk - the simulated board build/sim/kvmosd-sim, `make demo`, its tests and bench.
# Included by the top Makefile; see docs/simulator.md.

SIM_B      := $(B)/sim
SIM        := $(SIM_B)/kvmosd-sim
SIM_VOBJ   := $(SIM_B)/vobj
SIM_OBJ    := $(SIM_B)/obj
# Everything kvmosd_top is made of (fragments of the other parts define these lists).
SIM_RTL    ?= $(sort $(LIB_RTL) $(CPU_RTL) $(VIDEO_RTL) $(SOC_RTL) $(TOP_RTL))
SIM_SRCS   := sim/kvmosd_sim.cpp sim/vidcap.cpp sim/uart_bridge.cpp sim/flash_file.cpp \
              sim/models/spi_flash_model.cpp sim/models/uart_model.cpp \
              sim/models/ps2_link.cpp sim/models/ps2_script.cpp sim/models/ps2_console.cpp \
              sim/models/ps2_pc_host.cpp sim/models/ps2_kvm.cpp \
              sim/models/video_source.cpp sim/models/video_checker.cpp
SIM_CSRCS  := common/crc32.c common/fwimage.c common/ps2_keys.c common/proto.c common/cobs.c
SIM_OBJS   := $(patsubst %.cpp,$(SIM_OBJ)/%.o,$(notdir $(SIM_SRCS))) \
              $(patsubst %.c,$(SIM_OBJ)/%.o,$(notdir $(SIM_CSRCS)))
SIM_VROOT  := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)
SIM_CXX    ?= g++
# Our own sources: full warnings as errors. Verilator's headers are system headers here.
SIM_CXXFLAGS := -std=c++17 -O2 -g -Wall -Wextra -Werror -Isim -Icommon -Itests/sync \
              -I$(B)/gen -isystem $(SIM_VOBJ) -isystem $(SIM_VROOT)/include \
              -isystem $(SIM_VROOT)/include/vltstd -DVM_TRACE=1 -DVM_TRACE_VCD=1 \
              -DVM_COVERAGE=0 -DVM_SC=0 $(shell pkg-config --cflags libpng 2>/dev/null)
SIM_LIBS   := $(shell pkg-config --libs libpng 2>/dev/null || echo -lpng) -pthread
SIM_FLASH  := $(SIM_B)/flash.bin

.PHONY: sim
sim: $(SIM)
all: $(SIM)

# Verilate kvmosd_top into a library (no --exe: our sources are compiled below with our
# own warning flags), plus Verilator's run-time library (libverilated.mk names it). The boot ROM path is baked in as an absolute path; $readmemh reads
# it when the model starts. KVM_POWERUP_MS=20 (real: 500) shortens the emulated keyboards'
# and mice's power-up BAT so the PC models can start at 30 ms; every other PS/2 time is real.
# SIM_VIN_ENGINE: the meters the model is built with (vin_meters ENGINE): 1 = the shared
# vin_engine, as the 4-port HX8K build needs (the default: the model has 4 ports); 0 = a
# sync_port per input. Use a separate B= for each: the model is not rebuilt when only this
# changes.
SIM_VIN_ENGINE ?= 1
$(SIM_VOBJ)/Vkvmosd_top__ALL.a: $(SIM_RTL) $(VIN_UCODE_VH) sim/kvmosd_sim.vlt $(GEN_REGS_VH) sim/sim.mk
	@rm -rf $(SIM_VOBJ) && mkdir -p $(SIM_VOBJ)
	$(VERILATOR) $(filter-out --exe,$(VL_FLAGS)) --trace --top-module kvmosd_top -MAKEFLAGS 'OPT_FAST=-O2 OPT_GLOBAL=-O2' \
		-Mdir $(SIM_VOBJ) -GBOOTROM_HEX='"$(abspath $(BOOTROM_HEX))"' -GKVM_POWERUP_MS=20 \
		-GVIN_ENGINE=$(SIM_VIN_ENGINE) \
		sim/kvmosd_sim.vlt $(SIM_RTL)
	echo 'libverilated.a: $$(VK_GLOBAL_OBJS)' >$(SIM_VOBJ)/libverilated.mk
	$(MAKE) -C $(SIM_VOBJ) -f Vkvmosd_top.mk -f libverilated.mk libverilated.a

$(SIM_OBJ)/%.o: sim/%.cpp $(SIM_VOBJ)/Vkvmosd_top__ALL.a $(wildcard sim/*.h sim/models/*.h) $(GEN_REGS_H) sim/sim.mk
	@mkdir -p $(SIM_OBJ)
	$(SIM_CXX) $(SIM_CXXFLAGS) -c -o $@ $<

$(SIM_OBJ)/%.o: sim/models/%.cpp $(wildcard sim/models/*.h) tests/sync/sync_gen.h sim/sim.mk
	@mkdir -p $(SIM_OBJ)
	$(SIM_CXX) $(SIM_CXXFLAGS) -c -o $@ $<

$(SIM_OBJ)/%.o: common/%.c $(wildcard common/*.h) $(GEN_REGS_H) sim/sim.mk
	@mkdir -p $(SIM_OBJ)
	$(HOST_CC) $(HOST_CFLAGS) -c -o $@ $<

$(SIM): $(SIM_OBJS) $(SIM_VOBJ)/Vkvmosd_top__ALL.a | $(BOOTROM_HEX)
	$(SIM_CXX) -o $@ $(SIM_OBJS) $(SIM_VOBJ)/Vkvmosd_top__ALL.a $(SIM_VOBJ)/libverilated.a \
		$(SIM_LIBS)

# ---- test program for the flash persistence test (booted by the real boot ROM) ----
SIM_TB     := $(SIM_B)/tests
SIM_PROG_IMG := $(SIM_TB)/flashprog.img

$(SIM_TB)/flashprog.elf: tests/sim/flashprog.c $(FW_B)/link.ld $(GEN_REGS_H)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) -Os -g -Wall -Wextra -Werror -Icommon -I$(B)/gen -ffreestanding \
		-nostdlib -nostartfiles -Wl,--gc-sections -Wl,--no-warn-rwx-segments \
		-T $(FW_B)/link.ld $< -o $@

$(SIM_PROG_IMG): $(SIM_TB)/flashprog.elf $(MKFWIMG)
	$(MKFWIMG) $< $@ >/dev/null

# ---- demo ----
DEMO_B      := $(B)/demo
# Three live sources on ports 1-3 (port 4 empty), the firmware boots (~170 ms of simulated
# time), names every port's mode and initialises the console keyboard/mouse. At 300 ms the
# console keyboard types the hotkey (Scroll Lock twice): the status page opens over port 1's
# picture (frame 25). Then "4" selects the empty port: the banner and the NO SIGNAL screen
# over the internal picture (last frame). About 2 minutes of wall time on 2 cores.
DEMO_ARGS   ?= --port 0=640x480@60 --port 1=1024x768@60 --port 2=800x600@60 \
	--keys "hold:20 gap:40 scrolllock scrolllock wait:150 4" --keys-at 300 --ms 700
DEMO_STATUS_FRAME ?= 25
demo: deps $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	@rm -rf $(DEMO_B) && mkdir -p $(DEMO_B)
	$(SIM) --flash $(DEMO_B)/flash.bin --firmware $(FW_IMG) --png-dir $(DEMO_B) \
		--quiet --uart-log $(DEMO_B)/uart.log --status-json $(DEMO_B)/status.json $(DEMO_ARGS)
	@echo "UART log ($(DEMO_B)/uart.log):"
	@tr -d '\r' <$(DEMO_B)/uart.log | sed 's/^/  | /'
	@cp $(DEMO_B)/frame-$$(printf %04d $(DEMO_STATUS_FRAME)).png $(DEMO_B)/status-page.png
	@cp $$(ls $(DEMO_B)/frame-*.png | tail -n 1) $(DEMO_B)/no-signal.png
	@echo "frames: $(DEMO_B)/frame-*.png"
	@echo "the port status page over port 1's picture: $(DEMO_B)/status-page.png"
	@echo "port 4 selected, no signal:                  $(DEMO_B)/no-signal.png"

# ---- tests ----
TESTS += sim-boot sim-frame sim-flash-persist sim-cli-info
.PHONY: test-sim-boot test-sim-frame test-sim-flash-persist test-sim-cli-info bench-sim

test-sim-boot: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	bash tests/sim/boot.sh $(SIM) $(FW_IMG) $(SIM_TB)/boot

test-sim-flash-persist: $(SIM) $(SIM_PROG_IMG) $(BOOTROM_HEX)
	bash tests/sim/flash_persist.sh $(SIM) $(SIM_PROG_IMG) $(SIM_TB)/persist

test-sim-cli-info: $(SIM) $(FW_IMG) $(BOOTROM_HEX) $(KVMOSD_CLI)
	bash tests/sim/cli_info.sh $(SIM) $(KVMOSD_CLI) $(FW_IMG) $(SIM_TB)/cli

# ---- bench ----
BENCHES += sim
bench-sim: $(SIM) $(FW_IMG) $(BOOTROM_HEX)
	@mkdir -p $(B)/bench
	bash tests/sim/bench.sh $(SIM) $(FW_IMG) $(SIM_TB)/bench $(B)/bench/sim.tsv

# ---- whole-frame check against the golden model (sim/overlay_ref) ----
SIM_FRAME_CHECK := $(SIM_TB)/frame_check
# Frames to capture: the firmware's last OSD store must fall before the last two (the CPU's
# extra register-read cycle and the meter engine's slower register reads moved the settled
# picture past frame 11).
SIM_FRAME_N     ?= 14

$(SIM_FRAME_CHECK): tests/sim/frame_check.c sim/overlay_ref.c sim/overlay_ref.h $(GEN_REGS_H)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -Isim $(shell pkg-config --cflags libpng 2>/dev/null) \
		tests/sim/frame_check.c sim/overlay_ref.c -o $@ $(SIM_LIBS)

test-sim-frame: $(SIM) $(FW_IMG) $(BOOTROM_HEX) $(SIM_FRAME_CHECK)
	@rm -rf $(SIM_TB)/frame && mkdir -p $(SIM_TB)/frame
	timeout 600 $(SIM) --flash $(SIM_TB)/frame/flash.bin --firmware $(FW_IMG) --quiet \
		--frames $(SIM_FRAME_N) --max-ms 1000 --png-dir $(SIM_TB)/frame \
		--bus-log $(SIM_TB)/frame/bus.log --status-json $(SIM_TB)/frame/status.json
	grep -q '"malformed_frames": 0,' $(SIM_TB)/frame/status.json
	$(SIM_FRAME_CHECK) $(SIM_TB)/frame/bus.log $(SIM_TB)/frame
