// SPDX-License-Identifier: MIT
/*
 * tb_vin.cpp - vin_meters (N = 2): two ports measured at once (640x480 separate -/- sync on
 * port 0, NTSC interlaced composite sync on port 1, edges at real times from sync_gen.h),
 * clk_ref 48 MHz and clk_sys 12 MHz with a non-integer phase. Everything is read through
 * the register port the way the CPU reads it (select held until ready) and checked:
 * INFO/REF_HZ, SNAPS advancing, each port's flags, line period x16, lines per frame and
 * field, HS width; the clk_sys ok/polarity outputs; then port 0's source stops and the
 * registers must show it gone within 2 ms while port 1 stays unchanged; then clk_ref stops:
 * reads still complete (no hung bus) with the last values, SNAPS stands still, and resumes.
 */
#include <cmath>
#include <cstdio>
#include <cstring>

#include "Vvin_meters.h"
#include "verilated.h"
#include "sync_gen.h"
#include "vin_tb_clocks.h"

using namespace syncgen;

static int fails;
#define CHECK(c, ...)                                                           \
	do {                                                                    \
		if (!(c)) {                                                     \
			fails++;                                                \
			printf("FAIL line %d: ", __LINE__);                     \
			printf(__VA_ARGS__);                                    \
			printf("\n");                                           \
		}                                                               \
	} while (0)

struct Tb : RefSysClocks<Tb> {
	Vvin_meters *d = new Vvin_meters;
	Player hs0, vs0, cs1;
	bool stop0 = false;
	bool ref_stopped = false;	/* clk_ref not running (PLL not locked) */
	int held_hs0 = 1, held_vs0 = 1;

	void pins(bool) {
		int hs = stop0 ? held_hs0 : hs0.at(t) ^ 1, vs = stop0 ? held_vs0 : vs0.at(t) ^ 1;
		d->i_hs = (uint8_t)(hs | ((cs1.at(t) ^ 1) << 1));
		d->i_vs = (uint8_t)(vs | (1 << 1));
	}
	bool ref_enabled() { return !ref_stopped; }
	/* a register read; fails unless ready comes within max_wait clk_sys cycles (a read
	 * waits for a snapshot in flight: under 10 cycles while clk_ref runs) */
	uint32_t rd(uint8_t addr, int max_wait = 12) {
		d->i_reg_sel = 1;
		d->i_reg_addr = addr;
		for (int n = 0; n < max_wait; n++) {
			sys_cycle();
			if (d->o_reg_ready) {
				uint32_t v = d->o_reg_rdata;
				sys_cycle();	/* the CPU drops select after the ready edge */
				d->i_reg_sel = 0;
				sys_cycle();
				return v;
			}
		}
		CHECK(false, "no ready for 0x%02x", addr);
		d->i_reg_sel = 0;
		return 0;
	}
};

int main(int argc, char **argv)
{
	Verilated::commandArgs(argc, argv);
	const Vesa m640{25.175, 800, 96, 525, 2};
	const Tv ntsc{63.556, 4.7, 2.3, 1050, 6, 6, {0, 525}};
	Wave hs = m640.hs(), vs = m640.vs(), cs = ntsc.csync();
	Tb tb;

	tb.d->i_rst_ref = 1;
	tb.d->i_rst_sys = 1;
	tb.d->i_hs = 3;
	tb.d->i_vs = 3;
	tb.run_us(1);
	tb.d->i_rst_ref = 0;
	tb.d->i_rst_sys = 0;
	tb.hs0.start(&hs, tb.t + 3.3);
	tb.vs0.start(&vs, tb.t + 3.3);
	tb.cs1.start(&cs, tb.t + 7.1);

	CHECK(tb.rd(0x00) == 2, "INFO %u", tb.rd(0x00));
	CHECK(tb.rd(0x04) == 48000000, "REF_HZ %u", tb.rd(0x04));
	uint32_t s0 = tb.rd(0x08);
	tb.run_us(100);
	uint32_t s1 = tb.rd(0x08);
	/* 100 us at one snapshot per ~10 us (120 clk_sys + handshake) */
	CHECK(s1 - s0 >= 7 && s1 - s0 <= 11, "SNAPS advanced %u in 100 us", s1 - s0);

	tb.run_us(10 * 16683.0);	/* lock, then 3+ unchanged vertical periods */
	uint32_t f0 = tb.rd(0x40), l0 = tb.rd(0x44), n0 = tb.rd(0x48), h0 = tb.rd(0x4C);
	uint32_t f1 = tb.rd(0x50), l1 = tb.rd(0x54), n1 = tb.rd(0x58), h1 = tb.rd(0x5C);
	printf("port 0: flags %02x loss %u line_x16 %u lines %u/%u hs %u line %u\n", f0 & 0xFF,
	       (f0 >> 8) & 0xFF, l0, n0 & 0xFFF, n0 >> 16, h0 & 0xFFFF, h0 >> 16);
	printf("port 1: flags %02x loss %u line_x16 %u lines %u/%u hs %u line %u\n", f1 & 0xFF,
	       (f1 >> 8) & 0xFF, l1, n1 & 0xFFF, n1 >> 16, h1 & 0xFFFF, h1 >> 16);
	double t640 = m640.H() * 48, tntsc = 63.556 * 48;
	/* port 0: present, stable, locked, progressive, HS and VS active low, separate sync */
	CHECK((f0 & 0x7F) == 0x07, "port 0 flags %02x, expected 07", f0 & 0xFF);
	CHECK(std::fabs(l0 / 16.0 - t640) <= 1.0, "port 0 line x16 %u, expected %.1f", l0, t640 * 16);
	CHECK((n0 & 0xFFF) == 525 && (n0 >> 16) == 525, "port 0 lines %08x", n0);
	CHECK(std::fabs((h0 & 0xFFFF) - 96 / 25.175 * 48) <= 2, "port 0 HS width %u", h0 & 0xFFFF);
	CHECK(std::fabs((h0 >> 16) - t640) <= 1.0, "port 0 line ticks %u", h0 >> 16);
	/* port 1: present, stable, locked, interlaced, csync, polarity low */
	CHECK((f1 & 0x4F) == 0x4F && (f1 & 0x30) == 0, "port 1 flags %02x, expected 4f", f1 & 0xFF);
	CHECK(std::fabs(l1 / 16.0 - tntsc) <= 1.0, "port 1 line x16 %u, expected %.1f", l1, tntsc * 16);
	CHECK((n1 & 0xFFF) == 525, "port 1 lines/frame %u", n1 & 0xFFF);
	CHECK((n1 >> 16) == 262 || (n1 >> 16) == 263, "port 1 lines/field %u", n1 >> 16);
	CHECK(((f0 >> 8) & 0xFF) == 0 && ((f1 >> 8) & 0xFF) == 0, "lock losses %u %u",
	      (f0 >> 8) & 0xFF, (f1 >> 8) & 0xFF);
	CHECK(tb.d->o_ok == 3 && tb.d->o_present == 3, "ok %x present %x", tb.d->o_ok, tb.d->o_present);
	CHECK(tb.d->o_hpol == 0 && tb.d->o_vpol == 0, "pol %x/%x", tb.d->o_hpol, tb.d->o_vpol);
	CHECK(tb.rd(0x60) == 0 && tb.rd(0x10) == 0, "unused registers not 0");

	/* port 0's source stops (pins hold their idle levels) */
	tb.held_hs0 = 1;
	tb.held_vs0 = 1;
	tb.stop0 = true;
	tb.run_us(2000);
	f0 = tb.rd(0x40);
	f1 = tb.rd(0x50);
	CHECK((f0 & 0x03) == 0, "port 0 still present/stable 2 ms after stopping: %02x", f0 & 0xFF);
	CHECK((f1 & 0x4F) == 0x4F, "port 1 disturbed: %02x", f1 & 0xFF);
	CHECK(tb.d->o_ok == 2, "ok %x after port 0 stopped", tb.d->o_ok);

	/* clk_ref stops (PLL lost): reads must still complete (no hung bus), with the last
	 * values, and SNAPS stands still; when it runs again, snapshots resume */
	uint32_t l1_before = tb.rd(0x54);
	tb.ref_stopped = true;
	tb.run_us(100);
	uint32_t sn0 = tb.rd(0x08);
	uint32_t l1_dead = tb.rd(0x54, 300);
	uint32_t sn1 = tb.rd(0x08);
	CHECK(l1_dead == l1_before, "port 1 line x16 %u with clk_ref stopped, was %u", l1_dead,
	      l1_before);
	CHECK(sn1 == sn0, "SNAPS advanced (%u -> %u) with clk_ref stopped", sn0, sn1);
	tb.ref_stopped = false;
	tb.run_us(100);
	uint32_t sn2 = tb.rd(0x08);
	CHECK(sn2 - sn1 >= 5, "SNAPS advanced only %u in 100 us after clk_ref restarted", sn2 - sn1);

	printf("%s: %d failure(s)\n", fails ? "FAIL" : "PASS", fails);
	delete tb.d;
	return fails ? 1 : 0;
}
