// SPDX-License-Identifier: MIT
/*
 * ps2_pc.h - a PC (8042-like) host model for the emulated keyboard and mouse benches.
 *
 * monitor() runs every clk_sys cycle: it decodes device->host frames (start, odd parity,
 * stop) and checks the device clock (CLK low/high 30-50 us, period 60-100 us) and that
 * DATA only changes while CLK is high, >= 5 us after the rise and before the fall.
 * Every decoded byte is kept with its time. cmd() sends one byte with a request-to-send
 * (CLK low 110 us, DATA low, CLK released), clocks it out on the device's clock and checks
 * the ACK. expect() waits for an exact reply and checks it started within 20 ms.
 * inhibit() holds CLK low like an 8042 that is busy.
 */
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "ps2_tb.h"

namespace ps2tb {

template <class DUT> struct PcHost {
	Bench<DUT> *b;
	bool sending = false;
	bool prev_c = true, prev_d = true;
	uint64_t t_fall = 0, t_rise = 0, t_dchange = 0;
	bool low_by_dev = false;
	int nb = 0, bits[11] = {};
	int send_falls = 0;
	struct Rx {
		uint8_t v;
		uint64_t t;			/* start bit (first falling edge) */
	};
	std::deque<Rx> rx;			/* bytes received from the device */
	uint64_t t_cmd_end = 0;			/* end of the last command's ACK */
	unsigned bad_frames = 0;
	uint64_t t_start = 0;

	explicit PcHost(Bench<DUT> *bench) : b(bench) {}

	double us_since(uint64_t t) const { return (cycles - t) * NS_PER_CYC / 1000.0; }

	void monitor() {
		bool c = b->clk(), dt = b->data();
		if (b->m_clk_low) {
			nb = 0;			/* inhibit: a partial frame is void */
			low_by_dev = false;
		}
		if (c != prev_c) {
			if (!c) {
				low_by_dev = !b->m_clk_low;
				if (low_by_dev) {
					bool in_frame = sending ? send_falls > 0 : nb > 0;
					if (in_frame) {
						check_dev_clk_fall(us_since(t_fall), us_since(t_rise));
					}
					if (!sending) {
						if (nb == 0)
							t_start = cycles;
						CHECK(nb == 0 || us_since(t_dchange) >= 5,
						      "DATA changed %.1f us before CLK fall",
						      us_since(t_dchange));
						bits[nb++] = dt;
						if (nb == 11) {
							unsigned v;
							bool ok = decode_frame(bits, &v);
							CHECK(ok, "bad frame from device (%02x)", v);
							bad_frames += !ok;
							rx.push_back({(uint8_t)v, t_start});
							nb = 0;
						}
					} else {
						send_falls++;
					}
				}
				t_fall = cycles;
			} else {
				if (low_by_dev && !b->m_clk_low) {
					check_dev_clk_low(us_since(t_fall));
				}
				t_rise = cycles;
			}
		}
		if (dt != prev_d) {
			if (!sending && !b->m_data_low && nb > 0) {
				CHECK(c, "DATA changed while CLK low (bit %d)", nb);
				CHECK(!c || us_since(t_rise) >= 5, "DATA changed %.1f us after rise",
				      us_since(t_rise));
			}
			t_dchange = cycles;
		}
		prev_c = c;
		prev_d = dt;
	}

	bool wait_dev_fall(double timeout_us) {
		if (!b->run_until([this] { return b->clk(); }, timeout_us))
			return false;
		return b->run_until([this] { return !b->clk(); }, timeout_us);
	}

	/* send one byte host->device; bad_parity flips the parity bit. Returns clocks seen. */
	int cmd(uint8_t v, bool bad_parity = false) {
		/* no wait for a device byte in progress: the emulators must cope with it */
		b->m_clk_low = true;
		b->run_us(110);
		sending = true;
		send_falls = 0;
		b->m_data_low = true;
		b->run_us(rnd_range(5, 20));
		b->m_clk_low = false;
		int k = 0;
		for (;;) {
			if (!wait_dev_fall(15000)) {
				FAIL("cmd %02x: device stopped clocking at clock %d", v, k);
				b->m_data_low = false;
				sending = false;
				return -1;
			}
			k++;
			if (k > 10)
				break;
			b->run_us(rnd_range(5, 10));
			int bit = k <= 8 ? (v >> (k - 1)) & 1
				: k == 9 ? odd_parity(v) ^ (bad_parity ? 1 : 0) : 1;
			b->m_data_low = !bit;
		}
		CHECK(!b->data(), "cmd %02x: no ACK", v);
		bool rel = b->run_until([this] { return b->clk() && b->data(); }, 100);
		CHECK(rel, "cmd %02x: lines not released after ACK", v);
		sending = false;
		nb = 0;
		t_cmd_end = cycles;
		return k;
	}

	static std::string hex(const std::vector<uint8_t> &v) {
		std::string s;
		char t[4];
		for (uint8_t x : v) {
			snprintf(t, sizeof t, "%02X ", x);
			s += t;
		}
		return s;
	}

	std::vector<uint8_t> take(size_t n) {
		std::vector<uint8_t> out;
		while (n-- && !rx.empty()) {
			out.push_back(rx.front().v);
			rx.pop_front();
		}
		return out;
	}

	/* wait for exactly `want` (then `quiet_us` of silence); the first byte must come
	 * within max_first_us of the last command (start bit to end of the command's ACK).
	 * Returns the first byte's latency in us (negative: it started before the command). */
	double expect(const char *what, const std::vector<uint8_t> &want, double timeout_us = 30000,
		      double quiet_us = 300, double max_first_us = 20000) {
		b->run_until([&] { return rx.size() >= want.size(); }, timeout_us);
		b->run_us(quiet_us);
		double lat = -1;
		if (!rx.empty())
			lat = ((double)rx.front().t - (double)t_cmd_end) * NS_PER_CYC / 1000.0;
		std::vector<uint8_t> got = take(rx.size());
		CHECK(got == want, "%s: got [%s] want [%s]", what, hex(got).c_str(),
		      hex(want).c_str());
		if (!want.empty() && !rx.empty())
			CHECK(lat <= max_first_us, "%s: first reply byte after %.0f us", what, lat);
		return lat;
	}

	/* command plus its exact reply */
	double cmd_expect(const char *what, uint8_t v, const std::vector<uint8_t> &want) {
		CHECK(cmd(v) == 11, "%s: command %02x not clocked in", what, v);
		return expect(what, want);
	}
};

} // namespace ps2tb
