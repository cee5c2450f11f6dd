// SPDX-License-Identifier: MIT
/*
 * tb_ps2_mouse_emu.cpp - Verilator testbench of rtl/kvm/ps2_mouse_emu.v (built with
 * T_POWERUP_MS=3, T_RESET_MS=2).
 *
 * The PC model (ps2_pc.h) runs an OS-like mouse init: power-up AA 00, FF -> FA AA 00,
 * F2 -> FA 00, the 200/100/80 knock -> ID 03, 200/200/80 -> ID 04, E8 03, F3 64, E9
 * status, F4; also a wrong-order knock (no ID change), E6/E7, remote mode with EB,
 * FE resend, unknown -> FE, parity error -> FE. A router model feeds random movement;
 * a C++ reference formats the expected 3-byte (ID 0), 4-byte (ID 3, Z) and 4-byte
 * (ID 4, Z + buttons 4/5) packets, with sign and overflow bits. Inhibits mid-packet must
 * give a prefix and then the whole packet once; F5 and remote mode drop movement.
 *   Vps2_mouse_emu [--seed N]    exit 0 when every check passed
 */
#include <cstring>
#include <deque>
#include <vector>

#include "Vps2_mouse_emu.h"
#include "ps2_pc.h"

using namespace ps2tb;
using bytes = std::vector<uint8_t>;

namespace {

Vps2_mouse_emu *dut;
Bench<Vps2_mouse_emu> *b;
PcHost<Vps2_mouse_emu> *pc;

struct Mv {
	int btn, dx, dy, dz;
};
std::deque<Mv> feed;
bool ready_prev = false;

void on_cycle() {
	pc->monitor();
	if (dut->i_valid && ready_prev)
		feed.pop_front();
	dut->i_valid = !feed.empty();
	if (!feed.empty()) {
		const Mv &m = feed.front();
		dut->i_buttons = m.btn & 31;
		dut->i_dx = m.dx & 0x3ff;
		dut->i_dy = m.dy & 0x3ff;
		dut->i_dz = m.dz & 0xff;
	}
	ready_prev = dut->o_ready;
}

/* reference packet formatter */
bytes packet(const Mv &m, int id) {
	int x = m.dx, y = m.dy;
	bool xo = x > 255 || x < -256, yo = y > 255 || y < -256;
	x = x > 255 ? 255 : x < -256 ? -256 : x;
	y = y > 255 ? 255 : y < -256 ? -256 : y;
	uint8_t b0 = (yo << 7) | (xo << 6) | ((y < 0) << 5) | ((x < 0) << 4) | 8 | (m.btn & 7);
	bytes p = {b0, (uint8_t)x, (uint8_t)y};
	if (id == 3)
		p.push_back((uint8_t)m.dz);
	if (id == 4) {
		int z = m.dz > 7 ? 7 : m.dz < -8 ? -8 : m.dz;
		p.push_back((uint8_t)(((m.btn >> 3) & 3) << 4 | (z & 15)));
	}
	return p;
}

Mv rnd_mv() {
	Mv m;
	m.btn = rnd() & 31;
	int r = rnd() % 4;	/* small moves mostly, sometimes near or past the 9-bit range */
	m.dx = r ? (int)(rnd() % 41) - 20 : (int)(rnd() % 1024) - 512;
	m.dy = r ? (int)(rnd() % 41) - 20 : (int)(rnd() % 1024) - 512;
	m.dz = rnd() % 3 ? (int)(rnd() % 5) - 2 : (int)(rnd() % 256) - 128;
	return m;
}

void rate(uint8_t r) {
	pc->cmd_expect("F3", 0xf3, {0xfa});
	pc->cmd_expect("F3 rate", r, {0xfa});
}

void stream(int n, int id, const char *what) {
	bytes all;
	for (int i = 0; i < n; i++) {
		Mv m = rnd_mv();
		feed.push_back(m);
		bytes p = packet(m, id);
		all.insert(all.end(), p.begin(), p.end());
	}
	pc->expect(what, all, 600000, 500, 1e9);
}

} // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	dut = new Vps2_mouse_emu;
	b = new Bench<Vps2_mouse_emu>(dut);
	pc = new PcHost<Vps2_mouse_emu>(b);
	b->on_cycle = on_cycle;
	b->reset();
	pc->t_cmd_end = cycles;

	/* 1. power-up and OS init */
	b->run_us(2900);
	CHECK(pc->rx.empty(), "byte before the power-up delay");
	double lat = pc->expect("power-up", {0xaa, 0x00}, 3000, 300, 3100);
	CHECK(lat >= 3000, "power-up AA after %.0f us", lat);
	CHECK(pc->cmd(0xff) == 11, "FF");
	CHECK(pc->expect("FF ack", {0xfa}, 30000, 100) < 200, "FF: FA late");
	lat = pc->expect("FF BAT", {0xaa, 0x00}, 5000, 300, 2200);
	CHECK(lat >= 1000, "AA 00 %.0f us after FF", lat);
	pc->cmd_expect("F2", 0xf2, {0xfa, 0x00});
	rate(200), rate(100), rate(80);
	CHECK(dut->o_id == 3, "knock 200/100/80: ID %u", dut->o_id);
	pc->cmd_expect("F2 after knock", 0xf2, {0xfa, 0x03});
	rate(200), rate(200), rate(80);
	CHECK(dut->o_id == 4, "knock 200/200/80: ID %u", dut->o_id);
	pc->cmd_expect("F2 after knock 2", 0xf2, {0xfa, 0x04});
	pc->cmd_expect("E8", 0xe8, {0xfa});
	pc->cmd_expect("E8 03", 0x03, {0xfa});
	rate(100);
	pc->cmd_expect("E9 status", 0xe9, {0xfa, 0x00, 0x03, 100});
	pc->cmd_expect("F4", 0xf4, {0xfa});
	CHECK(dut->o_enabled && dut->o_id == 4 && dut->o_res == 3 && dut->o_rate == 100, "state");
	printf("init: FF, F2 00, knock -> 03, knock -> 04, E8 03, F3 64, E9, F4 ok\n");

	/* 2. packets in ID 4 format */
	stream(60, 4, "ID 4 packets");
	printf("60 movement packets, 4-byte ID-4 format, exact\n");

	/* 3. inhibit mid-packet: a prefix, then the whole packet once */
	for (int i = 0; i < 25; i++) {
		Mv m = rnd_mv(), n = rnd_mv();
		bytes p = packet(m, 4), q = packet(n, 4);
		int at_byte = rnd() % 4, at_bit = 1 + rnd() % 10;
		feed.push_back(m);
		feed.push_back(n);
		CHECK(b->run_until([&] { return pc->rx.size() == (size_t)at_byte && pc->nb >= at_bit; },
				   20000), "inhibit %d: packet did not start", i);
		b->run_us(rnd_range(2, 35));
		b->m_clk_low = true;
		b->run_us(rnd_range(100, 400));
		b->m_clk_low = false;
		bytes want(p.begin(), p.begin() + at_byte);
		want.insert(want.end(), p.begin(), p.end());
		want.insert(want.end(), q.begin(), q.end());
		pc->expect("inhibit mid-packet", want, 20000, 300, 1e9);
	}
	printf("25 inhibits mid-packet: whole packet resent once\n");

	/* 4. resend, unknown, parity, status bits */
	{
		Mv m = {0x05, 3, -4, 1};
		feed.push_back(m);
		bytes p = packet(m, 4);
		pc->expect("one packet", p, 10000, 300, 1e9);
		pc->cmd_expect("FE", 0xfe, {p[3]});
		pc->cmd_expect("unknown 88", 0x88, {0xfe});
		pc->cmd_expect("EE (no wrap mode)", 0xee, {0xfe});
		CHECK(pc->cmd(0xe9, true) == 11, "bad parity byte");
		pc->expect("parity error", {0xfe});
		pc->cmd_expect("E7", 0xe7, {0xfa});
		/* status: enabled, 2:1, L (bit 2) + M (bit 1) from buttons 0b101 = L + M */
		pc->cmd_expect("E9 status", 0xe9, {0xfa, 0x20 | 0x10 | 0x04 | 0x02, 0x03, 100});
		pc->cmd_expect("E6", 0xe6, {0xfa});
		CHECK(!dut->o_scaling, "E6");
	}
	printf("FE resend, unknown/EE -> FE, parity -> FE, E6/E7 + E9 status bits ok\n");

	/* 5. remote mode: movement dropped, EB reads a packet; F5 drops movement */
	pc->cmd_expect("F0 remote", 0xf0, {0xfa});
	for (int i = 0; i < 10; i++)
		feed.push_back(rnd_mv());
	feed.push_back({0x12, 40, 40, 3});
	b->run_us(3000);
	CHECK(feed.empty(), "router stalled in remote mode");
	pc->expect("remote: no stream", {}, 500, 0);
	pc->cmd_expect("EB", 0xeb, {0xfa, 0x0a, 0x00, 0x00, 0x20});
	pc->cmd_expect("E9 remote", 0xe9, {0xfa, 0x61, 0x03, 100});
	pc->cmd_expect("EA stream", 0xea, {0xfa});
	pc->cmd_expect("F5", 0xf5, {0xfa});
	for (int i = 0; i < 10; i++)
		feed.push_back(rnd_mv());
	b->run_us(3000);
	CHECK(feed.empty(), "router stalled while disabled");
	pc->expect("disabled: dropped", {}, 500, 0);
	printf("remote mode + EB, F5: movement dropped without stalling the router\n");

	/* 6. wrong knock order gives no ID; ID 3 format; knock 2 needs ID 3 */
	CHECK(pc->cmd(0xff) == 11, "FF");
	pc->expect("FF", {0xfa, 0xaa, 0x00}, 5000);
	CHECK(dut->o_id == 0, "FF resets ID");
	rate(200), rate(200), rate(80);
	pc->cmd_expect("F2 (200/200/80 from ID 0)", 0xf2, {0xfa, 0x00});
	rate(200), rate(100);
	pc->cmd_expect("E6 in the knock", 0xe6, {0xfa});
	rate(80);
	pc->cmd_expect("F2 (broken knock)", 0xf2, {0xfa, 0x00});
	pc->cmd_expect("F4", 0xf4, {0xfa});
	stream(20, 0, "ID 0 packets");
	rate(200), rate(100), rate(80);
	pc->cmd_expect("F2", 0xf2, {0xfa, 0x03});
	pc->cmd_expect("F4", 0xf4, {0xfa});
	stream(20, 3, "ID 3 packets");
	printf("wrong/broken knocks keep ID 0; 3-byte ID 0 and 4-byte ID 3 packets exact\n");
	CHECK(pc->bad_frames == 0, "%u bad frames", pc->bad_frames);

	dut->final();
	printf("ps2_mouse_emu: %s (%u failures, %.1f ms simulated)\n", errors ? "FAIL" : "PASS",
	       errors, now_us() / 1000);
	delete pc;
	delete b;
	delete dut;
	return errors ? 1 : 0;
}
