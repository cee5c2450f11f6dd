// SPDX-License-Identifier: MIT
/*
 * ps2_tb.h - shared pieces of the PS/2 Verilator testbenches: a 12 MHz clk_sys, the two
 * open-collector lines resolved from the DUT's and the model's pull-downs, time in ns,
 * failure counting, a small deterministic random generator (--seed), device->host frame
 * decoding and the device clock timing checks.
 */
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "verilated.h"

namespace ps2tb {

constexpr double CLK_HZ = 12e6;
constexpr double NS_PER_CYC = 1e9 / CLK_HZ;

inline unsigned errors = 0;
#define FAIL(...)                                                                          \
	do {                                                                               \
		if (ps2tb::errors++ < 30) {                                                \
			fprintf(stderr, "FAIL t=%.1fus: ", ps2tb::now_us());               \
			fprintf(stderr, __VA_ARGS__);                                      \
			fputc('\n', stderr);                                               \
		}                                                                          \
	} while (0)
#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond))                                                               \
			FAIL(__VA_ARGS__);                                                 \
	} while (0)

inline uint64_t cycles = 0;
inline double now_us() { return cycles * NS_PER_CYC / 1000.0; }
inline uint64_t us_to_cyc(double us) { return (uint64_t)(us * 1000.0 / NS_PER_CYC + 0.5); }

inline uint32_t rng_state = 12345;
inline uint32_t rnd() {
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}
inline double rnd_range(double lo, double hi) { return lo + (hi - lo) * (rnd() % 10001) / 10000.0; }
inline int odd_parity(uint8_t b) { return !__builtin_parity(b); }

/* Verilator plusargs, and --seed N for the random generator */
inline void parse_args(int argc, char **argv) {
	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			rng_state = (uint32_t)strtoul(argv[++i], nullptr, 0) | 1;
}

/* One device->host frame sampled at the 11 CLK falls (start, 8 data LSB first, odd
 * parity, stop): the data byte in *v; true if start, stop and parity are right. */
inline bool decode_frame(const int bits[11], unsigned *v) {
	*v = 0;
	for (int i = 0; i < 8; i++)
		*v |= (unsigned)bits[1 + i] << i;
	return bits[0] == 0 && bits[10] == 1 && bits[9] == odd_parity((uint8_t)*v);
}

/* Device clock timing (PS/2: 60-100 us period, 30-50 us high and low) */
inline void check_dev_clk_fall(double period_us, double high_us) {
	CHECK(period_us >= 60 && period_us <= 100, "CLK period %.1f us", period_us);
	CHECK(high_us >= 30 && high_us <= 50, "CLK high %.1f us", high_us);
}
inline void check_dev_clk_low(double low_us) {
	CHECK(low_us >= 30 && low_us <= 50, "CLK low %.1f us", low_us);
}

/* Runs tick() until pred() holds or timeout_us has passed; true if pred() became true.
 * Shared by Bench and benches that drive several links from one clock (tb_kvm_top). */
template <class Tick>
bool run_until_ticks(Tick tick, const std::function<bool()> &pred, double timeout_us) {
	uint64_t end = cycles + us_to_cyc(timeout_us);
	while (cycles < end) {
		if (pred())
			return true;
		tick();
	}
	return pred();
}

/* The bus and the clock of one DUT. The model pulls lines low with m_clk_low/m_data_low. */
template <class DUT> struct Bench {
	DUT *d;
	bool m_clk_low = false, m_data_low = false;
	std::function<void()> on_cycle;		/* called once per clk_sys cycle, after the edge */

	explicit Bench(DUT *dut) : d(dut) {}
	bool clk() const { return !(d->o_clk_drive_low || m_clk_low); }
	bool data() const { return !(d->o_data_drive_low || m_data_low); }
	void tick() {
		d->i_clk_in = clk();
		d->i_data_in = data();
		d->i_clk = 1;
		d->eval();
		d->i_clk = 0;
		d->eval();
		cycles++;
		if (on_cycle)
			on_cycle();
	}
	void run_cyc(uint64_t n) {
		for (uint64_t i = 0; i < n; i++)
			tick();
	}
	void run_us(double us) { run_cyc(us_to_cyc(us)); }
	/* run until pred() or timeout; returns true if pred() became true */
	bool run_until(const std::function<bool()> &pred, double timeout_us) {
		return run_until_ticks([this] { tick(); }, pred, timeout_us);
	}
	void reset() {
		d->i_rst = 1;
		run_cyc(5);
		d->i_rst = 0;
		run_cyc(2);
	}
};

} // namespace ps2tb
