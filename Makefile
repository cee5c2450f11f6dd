# kvmosd top-level Makefile. Parts add their rules through the fragments included below;
# conventions are in docs/interfaces.md ("Make conventions").
#
#   make deps       install missing Debian packages (idempotent)
#   make demo       build and run the simulated board, write build/demo/*.png
#   make test       run every test; last line "N passed, N failed"
#   make bench      measure; print a table and write build/bench.json
#   make bitstream BOARD=icebreaker / make flash BOARD=icebreaker

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

B        := build
BOARD    ?= icebreaker
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
BUILD_ID := $(shell git rev-parse --short=8 HEAD 2>/dev/null || echo unknown)

# Host C
HOST_CC     ?= cc
HOST_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -g -Icommon -I$(B)/gen

# RISC-V firmware. Compile for rv32im_zicsr; link with -march=rv32im so GCC picks the
# rv32im/ilp32 picolibc and libgcc multilib (Debian GCC 12 does not match _zicsr there).
RV_PREFIX  := riscv64-unknown-elf-
RV_CC      := $(RV_PREFIX)gcc
RV_OBJCOPY := $(RV_PREFIX)objcopy
RV_OBJDUMP := $(RV_PREFIX)objdump
RV_SIZE    := $(RV_PREFIX)size
RV_ARCH    := -march=rv32im_zicsr -mabi=ilp32
RV_LDARCH  := -march=rv32im -mabi=ilp32
RV_CFLAGS  := $(RV_ARCH) --specs=picolibc.specs -Os -g -ffunction-sections -fdata-sections \
              -Wall -Wextra -Werror -Icommon -I$(B)/gen

# Verilator
VERILATOR  := verilator
VL_FLAGS   := --cc --exe --build -j 2 -O2 -Wall -Wno-fatal --x-assign fast --x-initial fast \
              -Irtl/lib -I$(B)/gen -CFLAGS "-O2 -std=c++17 -I$(CURDIR)/common -I$(CURDIR)/$(B)/gen"

# Generated register map (single source of truth: common/regmap.toml)
GEN_REGS_H  := $(B)/gen/kvmosd_regs.h
GEN_REGS_VH := $(B)/gen/kvmosd_regs.vh
LIB_RTL     := rtl/lib/cdc_sync2.v rtl/lib/cdc_pulse.v rtl/lib/reset_sync.v rtl/lib/sync_fifo.v

TESTS   :=
BENCHES :=

.PHONY: all deps demo test test-list bench regmap regmap-docs bitstream flash clean
all:

$(GEN_REGS_H) $(GEN_REGS_VH) $(B)/gen/registers.md &: common/regmap.toml tools/gen_regmap.py
	@mkdir -p $(B)/gen
	python3 tools/gen_regmap.py $< $(GEN_REGS_VH) $(GEN_REGS_H) $(B)/gen/registers.md
regmap: $(GEN_REGS_H) $(GEN_REGS_VH) $(B)/gen/registers.md
regmap-docs: regmap
	cp $(B)/gen/registers.md docs/registers.md

TESTS += regmap-docs
test-regmap-docs: regmap
	@diff -u docs/registers.md $(B)/gen/registers.md && echo "docs/registers.md matches common/regmap.toml"

deps:
	@bash tools/deps.sh

-include rtl/cpu/cpu.mk
-include tests/cpu/cputests.mk
-include rtl/soc/soc.mk
-include rtl/video/video.mk
-include fonts/fonts.mk
-include soc-firmware/firmware.mk
-include host-cli/host.mk
-include sim/sim.mk
-include tests/kvm/kvm.mk
-include tests/simkvm/simkvm.mk
-include tests/kvmsim/kvmsim.mk
-include tests/simvid/simvid.mk
-include tests/sync/sync.mk
-include tests/matrix/matrix.mk
-include tests/cells/cells.mk
-include boards/boards.mk
-include bench/bench.mk

test-list:
	@echo $(TESTS)

test: deps
	@bash tools/run-tests.sh $(TESTS)

bench: deps
	@mkdir -p $(B)/bench
	@B=$(B) bash tools/run-bench.sh $(BENCHES)

clean:
	rm -rf $(B)
