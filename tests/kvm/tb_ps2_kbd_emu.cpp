// SPDX-License-Identifier: MIT
/*
 * tb_ps2_kbd_emu.cpp - Verilator testbench of rtl/kvm/ps2_kbd_emu.v (built with
 * T_POWERUP_MS=3, T_RESET_MS=2).
 *
 * A PC host model (ps2_pc.h) does what a BIOS/OS does: waits for the power-up BAT, then
 * FF, F2, ED 02, F3 20, F4, checking every reply byte and its latency, plus scan-set,
 * echo, resend, unknown-command, parity-error and "new command instead of a parameter"
 * cases. A router model feeds scan codes through i_valid/i_data/o_ready. Checks: exact
 * bytes for many chunks; inhibit mid-chunk and request-to-send mid-chunk resend the
 * whole chunk exactly once; a disabled keyboard (F5) drops input without stalling.
 *   Vps2_kbd_emu [--seed N]      exit 0 when every check passed
 */
#include <cstring>
#include <deque>
#include <vector>

#include "Vps2_kbd_emu.h"
#include "ps2_pc.h"

using namespace ps2tb;
using bytes = std::vector<uint8_t>;

namespace {

Vps2_kbd_emu *dut;
Bench<Vps2_kbd_emu> *b;
PcHost<Vps2_kbd_emu> *pc;

std::deque<uint8_t> feed;	/* router -> emulator */
bool ready_prev = false;
unsigned leds_wr = 0;

void on_cycle() {
	pc->monitor();
	if (dut->o_leds_wr)
		leds_wr++;
	if (dut->i_valid && ready_prev)
		feed.pop_front();
	dut->i_valid = !feed.empty();
	dut->i_data = feed.empty() ? 0 : feed.front();
	ready_prev = dut->o_ready;
}

void push(const bytes &c) {
	for (uint8_t v : c)
		feed.push_back(v);
}

/* random set-2 chunk: make, break, extended make/break */
bytes rnd_chunk() {
	uint8_t k = 1 + rnd() % 0x7f;	/* 01..7F: never a prefix (E0, E1, F0) */
	switch (rnd() % 4) {
	case 0: return {k};
	case 1: return {0xf0, k};
	case 2: return {0xe0, k};
	default: return {0xe0, 0xf0, k};
	}
}

} // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	dut = new Vps2_kbd_emu;
	b = new Bench<Vps2_kbd_emu>(dut);
	pc = new PcHost<Vps2_kbd_emu>(b);
	b->on_cycle = on_cycle;
	b->reset();
	uint64_t t0 = cycles;

	/* 1. power-up BAT: AA after T_POWERUP_MS (3 ms), not before */
	b->run_us(2900);
	CHECK(pc->rx.empty(), "byte before the power-up delay");
	pc->t_cmd_end = t0;
	double lat = pc->expect("power-up BAT", {0xaa}, 3000, 300, 3100);
	CHECK(lat >= 3000, "BAT AA after %.0f us (< 3 ms)", lat);
	CHECK(dut->o_enabled && dut->o_scan_set == 2 && dut->o_typematic == 0x2b,
	      "power-up state");
	printf("power-up BAT AA after %.2f ms\n", lat / 1000);

	/* 2. BIOS/OS init: FF, F2, ED 02, F3 20, F4 */
	CHECK(pc->cmd(0xff) == 11, "FF not clocked in");
	CHECK(pc->expect("FF ack", {0xfa}, 30000, 100) < 200, "FF: FA late");
	lat = pc->expect("FF BAT", {0xaa}, 5000, 300, 2200);
	CHECK(lat >= 1000, "AA only %.0f us after FF (T_RESET_MS = 2, 1 ms ticks)", lat);
	double worst = 0;
	worst = std::max(worst, pc->cmd_expect("F2", 0xf2, {0xfa, 0xab, 0x83}));
	unsigned lw = leds_wr;
	worst = std::max(worst, pc->cmd_expect("ED", 0xed, {0xfa}));
	worst = std::max(worst, pc->cmd_expect("ED 02", 0x02, {0xfa}));
	CHECK(dut->o_leds == 2 && leds_wr == lw + 1, "LEDs %u (wr %u)", dut->o_leds, leds_wr - lw);
	worst = std::max(worst, pc->cmd_expect("F3", 0xf3, {0xfa}));
	worst = std::max(worst, pc->cmd_expect("F3 20", 0x20, {0xfa}));
	CHECK(dut->o_typematic == 0x20, "typematic %02x", dut->o_typematic);
	worst = std::max(worst, pc->cmd_expect("F4", 0xf4, {0xfa}));
	CHECK(worst < 200, "slowest reply %.0f us", worst);
	printf("init FF F2 ED 02 F3 20 F4: replies exact, slowest first byte %.0f us\n", worst);

	/* 3. other commands */
	pc->cmd_expect("F0", 0xf0, {0xfa});
	pc->cmd_expect("F0 00", 0x00, {0xfa, 0x02});
	pc->cmd_expect("F0", 0xf0, {0xfa});
	pc->cmd_expect("F0 03", 0x03, {0xfa});
	CHECK(dut->o_scan_set == 3, "scan set %u", dut->o_scan_set);
	pc->cmd_expect("F0", 0xf0, {0xfa});
	pc->cmd_expect("F0 00", 0x00, {0xfa, 0x03});
	pc->cmd_expect("F0", 0xf0, {0xfa});
	pc->cmd_expect("F0 07", 0x07, {0xfe});
	pc->cmd_expect("F0", 0xf0, {0xfa});
	pc->cmd_expect("F0 02", 0x02, {0xfa});
	CHECK(dut->o_scan_set == 2, "scan set back to 2");
	pc->cmd_expect("EE echo", 0xee, {0xee});
	pc->cmd_expect("FE resend", 0xfe, {0xee});
	pc->cmd_expect("unknown 88", 0x88, {0xfe});
	pc->cmd_expect("unknown EF", 0xef, {0xfe});
	CHECK(pc->cmd(0xf2, true) == 11, "bad-parity byte not clocked in");
	pc->expect("parity error", {0xfe});
	/* ED, then a command instead of the option byte */
	pc->cmd_expect("ED", 0xed, {0xfa});
	pc->cmd_expect("ED then F2", 0xf2, {0xfa, 0xab, 0x83});
	CHECK(dut->o_leds == 2, "LEDs changed by a command");
	pc->cmd_expect("FE after F2", 0xfe, {0x83});
	pc->cmd_expect("ED", 0xed, {0xfa});
	pc->cmd_expect("ED 07", 0x07, {0xfa});
	CHECK(dut->o_leds == 7, "LEDs %u", dut->o_leds);
	pc->cmd_expect("F6", 0xf6, {0xfa});
	CHECK(dut->o_typematic == 0x2b && dut->o_enabled, "F6 defaults");
	printf("F0 get/set, EE, FE, unknown/EF -> FE, parity -> FE, ED + command ok\n");

	/* 4. scan-code chunks, exact */
	{
		bytes all;
		std::vector<bytes> chunks = {{0x1c}, {0xf0, 0x1c}, {0xe0, 0x75}, {0xe0, 0xf0, 0x75},
					     {0xe1, 0x14, 0x77}, {0xe1, 0xf0, 0x14, 0xf0, 0x77},
					     {0xe0, 0x12}, {0xe0, 0x7c}};
		for (int i = 0; i < 100; i++)
			chunks.push_back(rnd_chunk());
		for (auto &c : chunks) {
			push(c);
			all.insert(all.end(), c.begin(), c.end());
		}
		pc->expect("100 chunks", all, 600000, 500, 1e9);
		printf("%zu chunks (%zu bytes) exact\n", chunks.size(), all.size());
	}

	/* 5. inhibit in the middle of a chunk: what came before is a prefix, then the
	 *    whole chunk exactly once */
	for (int i = 0; i < 30; i++) {
		bytes c = i % 3 ? bytes{0xe0, 0xf0, (uint8_t)(1 + rnd() % 0x5f)}
				: bytes{0xe1, 0xf0, 0x14, 0xf0, 0x77};
		bytes next = {0x29};
		int at_byte = rnd() % c.size(), at_bit = 1 + rnd() % 10;
		push(c);
		push(next);
		bool started = b->run_until([&] {
			return pc->rx.size() == (size_t)at_byte && pc->nb >= at_bit;
		}, 20000);
		CHECK(started, "inhibit %d: chunk did not start", i);
		b->run_us(rnd_range(2, 35));
		b->m_clk_low = true;
		b->run_us(rnd_range(100, 400));
		CHECK(!dut->o_clk_drive_low && !dut->o_data_drive_low, "drives while inhibited");
		b->m_clk_low = false;
		bytes want(c.begin(), c.begin() + at_byte);
		want.insert(want.end(), c.begin(), c.end());
		want.insert(want.end(), next.begin(), next.end());
		pc->expect("inhibit mid-chunk", want, 20000, 300, 1e9);
	}
	printf("30 inhibits mid-chunk: whole chunk resent once\n");

	/* 6. request-to-send (ED) mid-chunk: FA, option FA, then the chunk again */
	{
		bytes c = {0xe0, 0xf0, 0x6b};
		push(c);
		CHECK(b->run_until([] { return pc->rx.size() == 1 && pc->nb >= 4; }, 5000),
		      "chunk did not start");
		pc->cmd(0xed);
		pc->expect("ED mid-chunk", {0xe0, 0xfa}, 5000, 1000, 1e9);
		CHECK(pc->cmd(0x04) == 11, "option byte");
		pc->expect("option + chunk", {0xfa, 0xe0, 0xf0, 0x6b}, 20000);
		CHECK(dut->o_leds == 4, "LEDs %u", dut->o_leds);
		pc->cmd_expect("FE after chunk", 0xfe, {0x6b});
	}
	printf("command mid-chunk: reply first, whole chunk after; FE resends last byte\n");

	/* 7. disabled keyboard drops input and never stalls the router */
	pc->cmd_expect("F5", 0xf5, {0xfa});
	CHECK(!dut->o_enabled, "F5 did not disable");
	for (int i = 0; i < 20; i++)
		push(rnd_chunk());
	b->run_us(5000);
	CHECK(feed.empty(), "router stalled while disabled (%zu left)", feed.size());
	pc->expect("disabled", {}, 1000, 0);
	pc->cmd_expect("F4", 0xf4, {0xfa});
	push({0xf0, 0x5a});
	pc->expect("enabled again", {0xf0, 0x5a}, 5000, 300, 1e9);
	printf("F5 drops input (router not stalled), F4 re-enables\n");

	/* 8. FF during a chunk: buffer cleared, FA AA, then new input works */
	push({0xe0, 0xf0, 0x11});
	CHECK(b->run_until([] { return pc->rx.size() == 1 && pc->nb >= 6; }, 5000), "chunk start");
	pc->cmd(0xff);
	pc->expect("FF mid-chunk", {0xe0, 0xfa, 0xaa}, 10000, 300, 1e9);
	CHECK(dut->o_leds == 0 && dut->o_scan_set == 2, "FF state");
	push({0x1c});
	pc->expect("after FF", {0x1c}, 5000, 300, 1e9);
	CHECK(pc->bad_frames == 0, "%u bad frames", pc->bad_frames);

	dut->final();
	printf("ps2_kbd_emu: %s (%u failures, %.1f ms simulated)\n", errors ? "FAIL" : "PASS", errors,
	       now_us() / 1000);
	delete pc;
	delete b;
	delete dut;
	return errors ? 1 : 0;
}
