# tests/simkvm/simkvm.mk: the simulator's PS/2 models and the shared key table; fast, no
# Verilator. Included from the top Makefile. See docs/simulator.md ("Keyboard and mouse").
#   test-ps2-keys     common/ps2_keys.c: unique names and codes, sequences, lookups, digits
#   test-ps2-models   loopback: PC host model <-> console keyboard/mouse models (init,
#                     byte-exact streams, held keys, knock to ID 4, wheel, inhibit, timing)

SIMKVM_B     := $(B)/tests/simkvm
PS2_MODEL_SRCS := sim/models/ps2_link.cpp sim/models/ps2_script.cpp sim/models/ps2_console.cpp \
                  sim/models/ps2_pc_host.cpp
PS2_MODEL_HDRS := $(PS2_MODEL_SRCS:.cpp=.h)

TESTS += ps2-keys ps2-models
.PHONY: test-ps2-keys test-ps2-models

$(SIMKVM_B)/test_ps2_keys: tests/simkvm/test_ps2_keys.c common/ps2_keys.c common/ps2_keys.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) tests/simkvm/test_ps2_keys.c common/ps2_keys.c -o $@

$(SIMKVM_B)/ps2_keys.o: common/ps2_keys.c common/ps2_keys.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -c $< -o $@

$(SIMKVM_B)/test_ps2_models: tests/simkvm/test_ps2_models.cpp $(PS2_MODEL_SRCS) $(PS2_MODEL_HDRS) \
		$(SIMKVM_B)/ps2_keys.o
	$(CXX) -std=c++17 -O2 -g -Wall -Wextra -Werror -Isim -Icommon tests/simkvm/test_ps2_models.cpp \
		$(PS2_MODEL_SRCS) $(SIMKVM_B)/ps2_keys.o -o $@

test-ps2-keys: $(SIMKVM_B)/test_ps2_keys
	$<

test-ps2-models: $(SIMKVM_B)/test_ps2_models
	$<
