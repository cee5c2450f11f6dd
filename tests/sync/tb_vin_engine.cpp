// SPDX-License-Identifier: MIT
/*
 * tb_vin_engine.cpp - vin_meters ENGINE = 0 (one sync_port per input) against ENGINE = 1
 * (per-pin front ends and one shared event engine), both N = 4 and fed the same pins
 * (tests/sync/vin_pair.v). clk_ref 48 MHz and clk_sys 12 MHz with a non-integer phase;
 * the pins change at the real generator times (sync_gen.h) sampled at clk_ref edges.
 * Each scenario plays four different sources at once (or the same one, edges aligned),
 * lets them settle, reads every port's registers from both instances the way the CPU
 * reads them (select held until ready) and checks them against each other and against
 * what the source is:
 *   absolute  line period (LINE / 16 and HS[28:16]) = H_us * 48 +-1 tick, lines per
 *             frame exact (per field: the same, or half +- 0.5 when interlaced), FLAGS
 *             present / stable / locked / interlaced / hpol / vpol / csync, field 0 when
 *             progressive, lock-loss count, reserved bits 0, the matrix flag outputs;
 *             the reference's HS width = the source's +-2 ticks
 *   between   FLAGS bits 6:0 and loss count equal, LINES equal, LINE within +-2 (x16),
 *             HS width and rounded line period within +-1
 * Scenarios: A, B mixed sources; C all four ports the same 1080p (then 720p) source with
 * aligned edges (burst worst case for the engine); D noise storm on port 0 next to clean
 * ports (no lock on noise, no crosstalk, re-lock within 2 frames); E port 2 stops
 * mid-frame and comes back; F VS missing; G mode change on the fly; H a 3 ms burst of
 * single-sample flips on a running XOR csync port (kvmosd-sim's glitch=P), the other ports'
 * matrix flags watched during and after it while the CPU reads.
 *   Vvin_pair [-v] [-s LETTERS]
 *     -v prints every port's values, -s runs only the scenarios named (e.g. -s CD);
 *     exit 0 when every check passed
 */
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "Vvin_pair.h"
#include "sync_gen.h"
#include "vin_tb_clocks.h"
#include "verilated.h"

using namespace syncgen;

namespace {

constexpr int NP = 4;			/* ports of both instances */
constexpr double REF_MHZ = 48.0;
constexpr int RD_MAX = 400;		/* clk_sys cycles a read may take before it fails */
const char *const INST[2] = {"ref", "eng"};

int fails, checks;
bool verbose;
const char *only;			/* -s: scenario letters to run, nullptr: all */
const char *scen = "";
int rd_worst[2];			/* longest read seen (clk_sys cycles to ready) */

__attribute__((format(printf, 3, 4)))
void check(bool ok, int port, const char *fmt, ...)
{
	checks++;
	if (ok)
		return;
	fails++;
	printf("FAIL [%s] ", scen);
	if (port >= 0)
		printf("port %d ", port);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* A source on one port: its waveforms and what the meters must report for it. */
struct Src {
	const char *name;
	Wave hs, vs;
	bool has_vs = true;
	bool hpos = false, vpos = false;	/* pin polarity = expected hpol / vpol */
	double line_us = 0, hsw_us = 0;
	int lines_frame = 0;			/* 0: no vertical sync */
	bool interlaced = false, csync = false;
	int settle = 8;				/* frames to lock and become stable */
	double frame() const { return hs.T; }
};

Src sep(const char *name, const Vesa &m, bool hp, bool vp)
{
	Src s;
	s.name = name;
	s.hs = m.hs();
	s.vs = m.vs();
	s.hpos = hp;
	s.vpos = vp;
	s.line_us = m.H();
	s.hsw_us = m.hsw / m.pclk_mhz;
	s.lines_frame = m.vtot;
	return s;
}

/* composite sync (or plain HS without VS) on the HS pin; the VS pin idles */
Src csync(const char *name, const Wave &w, bool pol, double line_us, double hsw_us,
	  int lines_frame, bool interlaced = false, int settle = 8)
{
	Src s;
	s.name = name;
	s.hs = w;
	s.has_vs = false;
	s.hpos = pol;
	s.vpos = pol;
	s.line_us = line_us;
	s.hsw_us = hsw_us;
	s.lines_frame = lines_frame;
	s.interlaced = interlaced;
	s.csync = true;
	s.settle = settle;
	return s;
}

/* One port's pins: a source playing, frozen, or idle; optional glitch noise on top. */
struct Port {
	const Src *s = nullptr;
	Player ph, pv;
	bool frozen = false, noise = false;
	bool spray = false;			/* kvmosd-sim's glitch=P: 1-sample flips */
	int hs = 1, vs = 1;			/* pin levels now */
	double g_until[2] = {-1, -1}, g_next[2] = {0, 0};

	void start(const Src *src, double t0) {
		s = src;
		frozen = false;
		ph.start(&s->hs, t0);
		pv.start(s->has_vs ? &s->vs : nullptr, t0);
	}
	/* short pulses (20-300 ns) at random times, about one per 0.8 us on each pin */
	int glitch(int k, double t, std::mt19937 &rng) {
		std::uniform_real_distribution<double> w(0.02, 0.3), gap(0.05, 1.5);
		if (t >= g_next[k]) {
			g_until[k] = t + w(rng);
			g_next[k] = g_until[k] + gap(rng);
		}
		return t < g_until[k];
	}
	void drive(double t, std::mt19937 &rng) {
		if (!frozen) {
			if (s) {
				hs = ph.at(t) ^ (s->hpos ? 0 : 1);
				vs = s->has_vs ? pv.at(t) ^ (s->vpos ? 0 : 1) : 1;
			} else {
				hs = 1;
				vs = 1;
			}
		}
		if (noise) {
			hs ^= glitch(0, t, rng);
			vs ^= glitch(1, t, rng);
		}
		if (spray) {	/* on top of the running source: HS 1 sample in 16, VS 1 in 128 */
			unsigned r = (unsigned)rng();
			hs ^= (r & 15) == 0;
			vs ^= ((r >> 8) & 127) == 0;
		}
	}
};

/* Watches the o_ok (matrix) outputs of both instances, sampled at every clk_sys edge. */
struct Watch {
	unsigned must1 = 0, must0 = 0;		/* o_ok bits that must be 1 / must be 0 */
	long bad[2] = {0, 0};
	unsigned first[2] = {0, 0};
	double first_t[2] = {0, 0};

	void arm(unsigned m1, unsigned m0) {
		*this = Watch();
		must1 = m1;
		must0 = m0;
	}
	void sample(int i, unsigned ok, double t) {
		if ((ok & must1) == must1 && !(ok & must0))
			return;
		if (!bad[i]++) {
			first[i] = ok;
			first_t[i] = t;
		}
	}
	void report(const char *what) {
		for (int i = 0; i < 2; i++)
			check(!bad[i], -1, "%s: %s o_ok %x at %.0f us (must have %x set, %x clear), "
			      "%ld clk_sys cycles wrong", what, INST[i], first[i], first_t[i], must1,
			      must0, bad[i]);
	}
};

struct Regs {
	uint32_t flags, line, lines, hs;
	unsigned loss() const { return (flags >> 8) & 0xFF; }
	unsigned lframe() const { return lines & 0x7FF; }
	unsigned lfield() const { return (lines >> 16) & 0x7FF; }
	unsigned hsw() const { return hs & 0x1FFF; }
	unsigned hline() const { return (hs >> 16) & 0x1FFF; }
};

struct Tb : RefSysClocks<Tb> {
	Vvin_pair *d = new Vvin_pair;
	Port port[NP];
	std::mt19937 rng{12345};
	Watch watch;

	Tb() {
		d->i_rst_ref = 1;
		d->i_rst_sys = 1;
		d->i_hs = 0xF;
		d->i_vs = 0xF;
		run_us(1);
		d->i_rst_ref = 0;
		d->i_rst_sys = 0;
		run_us(1);
	}
	~Tb() { delete d; }
	Tb(const Tb &) = delete;
	Tb &operator=(const Tb &) = delete;

	void pins(bool rise) {	/* at clk_ref rising edges: the pins as they are now */
		if (!rise)
			return;
		unsigned hs = 0, vs = 0;
		for (int p = 0; p < NP; p++) {
			port[p].drive(t, rng);
			hs |= (unsigned)port[p].hs << p;
			vs |= (unsigned)port[p].vs << p;
		}
		d->i_hs = (uint8_t)hs;
		d->i_vs = (uint8_t)vs;
	}
	void after_eval(bool sys_rise) {
		if (sys_rise) {
			watch.sample(0, d->o_ref_ok, t);
			watch.sample(1, d->o_eng_ok, t);
		}
	}
	/*
	 * One register of both instances, read at the same time the way the CPU reads:
	 * select and address held until ready, select dropped after the clk_sys edge that
	 * sees ready. A read not ready within RD_MAX clk_sys cycles fails (value 0).
	 */
	void rd2(uint8_t addr, uint32_t v[2]) {
		int st[2] = {0, 0};	/* 0 waiting, 1 ready seen, 2 done */
		int n;
		d->i_ref_sel = 1;
		d->i_ref_addr = addr;
		d->i_eng_sel = 1;
		d->i_eng_addr = addr;
		v[0] = v[1] = 0;
		for (n = 1; n <= RD_MAX && (st[0] != 2 || st[1] != 2); n++) {
			sys_cycle();
			for (int i = 0; i < 2; i++) {
				bool rdy = i ? d->o_eng_ready : d->o_ref_ready;
				if (st[i] == 1) {
					st[i] = 2;
					if (i)
						d->i_eng_sel = 0;
					else
						d->i_ref_sel = 0;
				} else if (st[i] == 0 && rdy) {
					v[i] = i ? d->o_eng_rdata : d->o_ref_rdata;
					st[i] = 1;
					rd_worst[i] = std::max(rd_worst[i], n);
				}
			}
		}
		for (int i = 0; i < 2; i++)
			if (!st[i])
				check(false, -1, "%s: no ready for register 0x%02x within %d clk_sys "
				      "cycles", INST[i], addr, RD_MAX);
		d->i_ref_sel = 0;
		d->i_eng_sel = 0;
		sys_cycle();
	}
	void read_port(int p, Regs r[2]) {
		uint8_t a = (uint8_t)(0x40 + 16 * p);
		uint32_t v[2];
		rd2(a, v);
		r[0].flags = v[0];
		r[1].flags = v[1];
		rd2(a + 4, v);
		r[0].line = v[0];
		r[1].line = v[1];
		rd2(a + 8, v);
		r[0].lines = v[0];
		r[1].lines = v[1];
		rd2(a + 12, v);
		r[0].hs = v[0];
		r[1].hs = v[1];
	}
	uint32_t out(int i, int which) const {	/* clk_sys flag outputs of instance i */
		switch (which) {
		case 0: return i ? d->o_eng_ok : d->o_ref_ok;
		case 1: return i ? d->o_eng_present : d->o_ref_present;
		case 2: return i ? d->o_eng_hpol : d->o_ref_hpol;
		case 3: return i ? d->o_eng_vpol : d->o_ref_vpol;
		case 4: return i ? d->o_eng_csync : d->o_ref_csync;
		default: return i ? d->o_eng_interlaced : d->o_ref_interlaced;
		}
	}
};

void print_regs(int p, const Regs r[2])
{
	for (int i = 0; i < 2; i++)
		printf("  [%s] port %d %s: flags %02x loss %u line_x16 %u (%.2f) lines %u/%u "
		       "hs %u line %u\n", scen, p, INST[i], r[i].flags & 0xFF, r[i].loss(),
		       r[i].line, r[i].line / 16.0, r[i].lframe(), r[i].lfield(), r[i].hsw(),
		       r[i].hline());
}

/* The two instances' values of one port must agree (tag: what is compared with what). */
void compare(const char *tag, int p, const Regs &a, const Regs &b, bool field_too,
	     const char *na = "ref", const char *nb = "eng")
{
	unsigned fm = field_too ? 0xFF : 0x7F;
	check((a.flags & fm) == (b.flags & fm), p, "%sFLAGS[%d:0]: %s %02x %s %02x", tag,
	      field_too ? 7 : 6, na, a.flags & fm, nb, b.flags & fm);
	check(a.loss() == b.loss(), p, "%sloss count: %s %u %s %u", tag, na, a.loss(), nb,
	      b.loss());
	check(a.lines == b.lines, p, "%sLINES: %s %u/%u %s %u/%u (frame/field)", tag, na,
	      a.lframe(), a.lfield(), nb, b.lframe(), b.lfield());
	check(std::abs((int)a.line - (int)b.line) <= 2, p, "%sLINE (x16): %s %u %s %u (+-2)",
	      tag, na, a.line, nb, b.line);
	check(std::abs((int)a.hsw() - (int)b.hsw()) <= 1, p, "%sHS width: %s %u %s %u (+-1)",
	      tag, na, a.hsw(), nb, b.hsw());
	check(std::abs((int)a.hline() - (int)b.hline()) <= 1, p,
	      "%sHS line period: %s %u %s %u (+-1)", tag, na, a.hline(), nb, b.hline());
}

/*
 * Port p of both instances against its source s (settled) and against each other.
 * loss: expected lock-loss count, -1 for any (then only equal in both).
 */
void check_port(Tb &tb, int p, const Src &s, int loss)
{
	Regs r[2];
	tb.read_port(p, r);
	/* an interlaced source's lines per field alternate: the two reads may straddle a
	 * vertical start, so a LINES mismatch is read again (1 ms later) before it counts */
	for (int k = 0; k < 2 && s.interlaced && r[0].lines != r[1].lines; k++) {
		uint32_t v[2];
		tb.run_us(1000);
		tb.rd2((uint8_t)(0x48 + 16 * p), v);
		r[0].lines = v[0];
		r[1].lines = v[1];
	}
	if (verbose)
		print_regs(p, r);

	double ticks = s.line_us * REF_MHZ, hsw = s.hsw_us * REF_MHZ;
	bool stable = s.lines_frame > 0;
	unsigned lf = (unsigned)s.lines_frame;
	for (int i = 0; i < 2; i++) {
		const Regs &v = r[i];
		const char *n = INST[i];
		static const char *const fname[7] = {"present", "stable", "locked", "interlaced",
						     "hpol", "vpol", "csync"};
		const bool fexp[7] = {true, stable, true, s.interlaced, s.hpos, s.vpos, s.csync};
		for (int b = 0; b < 7; b++)
			check((int)((v.flags >> b) & 1) == (int)fexp[b], p,
			      "%s FLAGS.%s: %u, expected %d (%s)", n, fname[b], (v.flags >> b) & 1,
			      (int)fexp[b], s.name);
		if (!s.interlaced)
			check(!(v.flags & 0x80), p, "%s FLAGS.field: 1 on a progressive source (%s)",
			      n, s.name);
		if (loss >= 0)
			check((int)v.loss() == loss, p, "%s loss count: %u, expected %d (%s)", n,
			      v.loss(), loss, s.name);
		check(std::fabs(v.line / 16.0 - ticks) <= 1.0, p,
		      "%s LINE/16: %.3f, expected %.3f +-1 (%s)", n, v.line / 16.0, ticks, s.name);
		check(std::fabs(v.hline() - ticks) <= 1.0, p,
		      "%s HS line period: %u, expected %.3f +-1 (%s)", n, v.hline(), ticks, s.name);
		check(v.lframe() == lf, p, "%s LINES frame: %u, expected %u (%s)", n, v.lframe(),
		      lf, s.name);
		if (s.interlaced)
			check(v.lfield() == lf / 2 || v.lfield() == lf / 2 + 1, p,
			      "%s LINES field: %u, expected %u or %u (%s)", n, v.lfield(), lf / 2,
			      lf / 2 + 1, s.name);
		else
			check(v.lfield() == lf, p, "%s LINES field: %u, expected %u (%s)", n,
			      v.lfield(), lf, s.name);
		check(!(v.flags & 0xFFFF0000u) && !(v.line & 0xFFFE0000u) &&
		      !(v.lines & 0xF800F800u) && !(v.hs & 0xE000E000u), p,
		      "%s reserved bits set: %08x %08x %08x %08x", n, v.flags, v.line, v.lines,
		      v.hs);
		/* the matrix flags (sampled at a clk_sys edge) */
		static const char *const oname[6] = {"o_ok", "o_present", "o_hpol", "o_vpol",
						     "o_csync", "o_interlaced"};
		const bool oexp[6] = {stable, true, s.hpos, s.vpos, s.csync, s.interlaced};
		for (int o = 0; o < 6; o++)
			check((int)((tb.out(i, o) >> p) & 1) == (int)oexp[o], p,
			      "%s %s: %u, expected %d (%s)", n, oname[o], (tb.out(i, o) >> p) & 1,
			      (int)oexp[o], s.name);
	}
	/* the reference measures the HS width of the source (equalising pulses excluded) */
	check(std::fabs(r[0].hsw() - hsw) <= 2.0, p, "ref HS width: %u, expected %.2f +-2 (%s)",
	      r[0].hsw(), hsw, s.name);
	compare("", p, r[0], r[1], false);
}

unsigned ok_mask(const Src *const src[NP])
{
	unsigned m = 0;
	for (int p = 0; p < NP; p++)
		if (src[p] && src[p]->lines_frame > 0)
			m |= 1u << p;
	return m;
}

double settle_us(const Src *const src[NP])
{
	double us = 0;
	for (int p = 0; p < NP; p++)
		if (src[p])
			us = std::max(us, src[p]->settle * src[p]->frame());
	return us;
}

/* Each port's source starts at now + off[p] (nullptr: the port stays idle). */
void start_all(Tb &tb, const Src *const src[NP], const double off[NP])
{
	double t0 = tb.t;
	for (int p = 0; p < NP; p++)
		if (src[p])
			tb.port[p].start(src[p], t0 + off[p]);
}

/* Settled: a 2 ms watch of the matrix ok flags, then every port checked. */
void check_all(Tb &tb, const Src *const src[NP], const int loss[NP])
{
	unsigned m = ok_mask(src);
	tb.watch.arm(m, ~m & 0xF);
	tb.run_us(2000);
	for (int p = 0; p < NP; p++)
		check_port(tb, p, *src[p], loss[p]);
	tb.watch.report("matrix flags after settling");
}

const int LOSS0[NP] = {0, 0, 0, 0};

/* Fresh pair, the four sources started, settled and checked (no lock lost). */
void scenario_set(const char *name, const Src *const src[NP], const double off[NP])
{
	scen = name;
	Tb tb;
	start_all(tb, src, off);
	tb.run_us(settle_us(src));
	check_all(tb, src, LOSS0);
}

/*
 * Poll port p's FLAGS in both instances every `every` us for `us`: count the reads that
 * show any of the bits in `bad` (the first such value kept) and note when each instance
 * first showed all of `want`.
 */
struct Poll {
	long hits[2] = {0, 0};
	uint32_t first[2] = {0, 0};
	double want_t[2] = {-1, -1};
	uint32_t last[2] = {0, 0};
};

Poll poll_flags(Tb &tb, int p, double us, double every, uint32_t bad, uint32_t want)
{
	Poll r;
	double end = tb.t + us;
	while (tb.t < end) {
		uint32_t v[2];
		tb.rd2((uint8_t)(0x40 + 16 * p), v);
		for (int i = 0; i < 2; i++) {
			if ((v[i] & bad) && !r.hits[i]++)
				r.first[i] = v[i];
			if (want && (v[i] & want) == want && r.want_t[i] < 0)
				r.want_t[i] = tb.t;
			r.last[i] = v[i];
		}
		tb.run_us(every);
	}
	return r;
}

void scenario_noise(const Src *const src[NP])
{
	scen = "D noise storm";
	Tb tb;
	const double off[NP] = {2.1, 5.3, 9.7, 13.1};
	start_all(tb, src, off);
	tb.port[0].noise = true;

	/* the clean ports settle while port 0 is noise from reset */
	const Src *const clean[NP] = {nullptr, src[1], src[2], src[3]};
	tb.watch.arm(0, 0x1);
	Poll a = poll_flags(tb, 0, settle_us(clean), 50, 0x06, 0);
	tb.watch.report("port 0 ok during the storm (settling)");
	Regs before[NP][2];
	for (int p = 1; p < NP; p++) {
		check_port(tb, p, *src[p], 0);
		tb.read_port(p, before[p]);
	}

	/* storm goes on: port 0 never locked / stable, ports 1-3 undisturbed */
	tb.watch.arm(0xE, 0x1);
	double end = tb.t + 2 * src[0]->frame();
	long bad_other[2] = {0, 0};
	uint32_t bad_first[2] = {0, 0};
	int bad_port[2] = {0, 0};
	for (int k = 1; tb.t < end; k = k % 3 + 1) {
		uint32_t v[2];
		tb.rd2(0x40, v);
		for (int i = 0; i < 2; i++)
			if ((v[i] & 0x06) && !a.hits[i]++)
				a.first[i] = v[i];
		tb.rd2((uint8_t)(0x40 + 16 * k), v);
		for (int i = 0; i < 2; i++) {
			bool ok = (v[i] & 0x07) == 0x07 && ((v[i] >> 8) & 0xFF) == before[k][i].loss();
			if (!ok && !bad_other[i]++) {
				bad_first[i] = v[i];
				bad_port[i] = k;
			}
		}
		tb.run_us(50);
	}
	for (int i = 0; i < 2; i++) {
		check(!a.hits[i], 0, "%s locked or stable on noise: FLAGS %04x (%ld reads)", INST[i],
		      a.first[i], a.hits[i]);
		check(!bad_other[i], bad_port[i], "%s disturbed by the storm on port 0: FLAGS %04x "
		      "(%ld reads not present+stable+locked with the loss count before, %u)", INST[i],
		      bad_first[i], bad_other[i], before[bad_port[i]][i].loss());
	}
	tb.watch.report("matrix flags during the storm");
	for (int p = 1; p < NP; p++) {
		Regs r[2];
		tb.read_port(p, r);
		for (int i = 0; i < 2; i++)
			compare(i ? "eng after the storm vs before: " : "ref after the storm vs before: ",
				p, before[p][i], r[i], false, "before", "after");
	}

	/* clean sync on port 0: locked within 2 frames (both), stable later */
	tb.port[0].noise = false;
	double t0 = tb.t;
	tb.watch.arm(0xE, 0);
	Poll c = poll_flags(tb, 0, 2 * src[0]->frame(), 50, 0, 0x04);
	for (int i = 0; i < 2; i++) {
		check(c.want_t[i] >= 0 && (c.last[i] & 0x04), 0,
		      "%s not locked within 2 frames of clean sync (FLAGS %04x)", INST[i], c.last[i]);
		if (verbose && c.want_t[i] >= 0)
			printf("  [%s] port 0 %s locked %.0f us after clean sync\n", scen, INST[i],
			       c.want_t[i] - t0);
	}
	/* Stable needs 3 equal frames after the lock, and the polarity votes may come out of
	 * the storm at the wrong end: the engine drops a noisy port's edges by design (slot
	 * overrun), so its votes differ from the reference's and may take 2 frames more. */
	tb.run_us(8 * src[0]->frame());
	tb.watch.report("ports 1-3 ok while port 0 locks");
	check_all(tb, src, LOSS0);
}

void scenario_stop(const Src *const src[NP])
{
	scen = "E port 2 stops";
	Tb tb;
	const double off[NP] = {1.7, 4.9, 8.3, 12.5};
	start_all(tb, src, off);
	tb.run_us(std::max(settle_us(src), 8.5 * src[2]->frame()));
	check_all(tb, src, LOSS0);
	Regs before[NP][2];
	for (int p = 0; p < NP; p++)
		tb.read_port(p, before[p]);

	tb.port[2].frozen = true;	/* the pins hold their levels, mid-frame */
	tb.watch.arm(0xB, 0);
	tb.run_us(900);
	uint32_t v[2];
	tb.rd2(0x60, v);
	for (int i = 0; i < 2; i++)	/* the last edge was under a line before the stop */
		check(v[i] & 1, 2, "%s present dropped 0.9 ms after the stop (timeout 1 ms): "
		      "FLAGS %04x", INST[i], v[i]);
	tb.run_us(1100);
	Regs r[2];
	tb.read_port(2, r);
	if (verbose)
		print_regs(2, r);
	for (int i = 0; i < 2; i++) {
		check(!(r[i].flags & 0x07), 2, "%s present/stable/locked 2 ms after the stop: "
		      "FLAGS %04x", INST[i], r[i].flags);
		check(r[i].loss() == 1, 2, "%s loss count %u after the stop, expected 1", INST[i],
		      r[i].loss());
		check(!((tb.out(i, 0) | tb.out(i, 1)) & 0x4), 2, "%s o_ok %x o_present %x after the "
		      "stop", INST[i], tb.out(i, 0), tb.out(i, 1));
	}
	compare("stopped: ", 2, r[0], r[1], false);
	for (int p = 0; p < NP; p++) {
		if (p == 2)
			continue;
		tb.read_port(p, r);
		for (int i = 0; i < 2; i++)
			compare(i ? "eng after port 2 stopped vs before: " :
			      "ref after port 2 stopped vs before: ", p, before[p][i], r[i], false,
			      "before", "after");
	}
	tb.watch.report("other ports' ok while port 2 stops");
	tb.watch.arm(0xB, 0);

	/* the source comes back */
	tb.port[2].start(src[2], tb.t);
	tb.run_us(settle_us(src));
	tb.watch.report("other ports' ok while port 2 returns");
	const int loss[NP] = {0, 0, 1, 0};
	check_all(tb, src, loss);
}

void scenario_mode(const Src *const src[NP], const Src *next1)
{
	scen = "G mode change";
	Tb tb;
	const double off[NP] = {0.9, 3.7, 6.1, 11.3};
	start_all(tb, src, off);
	tb.run_us(settle_us(src));
	check_all(tb, src, LOSS0);

	const Src *const after[NP] = {src[0], next1, src[2], src[3]};
	tb.port[1].start(next1, tb.t);	/* on the fly, wherever the old frame is */
	tb.watch.arm(0xD, 0);
	tb.run_us(settle_us(after));
	tb.watch.report("other ports' ok through the mode change");
	const int loss[NP] = {0, -1, 0, 0};
	check_all(tb, after, loss);
}

/* INFO, REF_HZ, SNAPS advancing, unused registers 0: both instances */
void check_info()
{
	scen = "registers";
	Tb tb;
	uint32_t v[2], s0[2], s1[2];
	tb.rd2(0x00, v);
	for (int i = 0; i < 2; i++)
		check(v[i] == NP, -1, "%s INFO %u, expected %d", INST[i], v[i], NP);
	tb.rd2(0x04, v);
	for (int i = 0; i < 2; i++)
		check(v[i] == 48000000, -1, "%s REF_HZ %u, expected 48000000", INST[i], v[i]);
	/* SNAPS: the engine counts poll rounds, one every 4 x 2^11 ticks (171 us) */
	tb.rd2(0x08, s0);
	tb.run_us(1000);
	tb.rd2(0x08, s1);
	for (int i = 0; i < 2; i++)
		check(s1[i] - s0[i] >= 4, -1, "%s SNAPS advanced %u in 1 ms", INST[i],
		      s1[i] - s0[i]);
	static const uint8_t unused[] = {0x0C, 0x10, 0x3C, 0x80, 0x84, 0xFC};
	for (uint8_t a : unused) {
		tb.rd2(a, v);
		for (int i = 0; i < 2; i++)
			check(v[i] == 0, -1, "%s unused register 0x%02x = %08x", INST[i], a, v[i]);
	}
}

}  // namespace

/*
 * H: a burst of sync noise on a running source (kvmosd-sim's glitch=P: single-sample flips on
 * top of the signal for 3 ms), as the whole-board test does it. Afterwards every port must be
 * measured right again in both instances; the glitched port may have lost its lock.
 */
void scenario_spray(const Src *const src[NP])
{
	scen = "H glitch burst";
	Tb tb;
	const double off[NP] = {2.3, 5.9, 9.7, 14.1};
	start_all(tb, src, off);
	tb.run_us(settle_us(src));
	check_all(tb, src, LOSS0);
	/* the matrix flags of the other ports never move, during the burst and after it, while
	 * the CPU reads as firmware does */
	long bad = 0;
	unsigned first = 0;
	for (int k = 0; k < 1530; k++) {
		tb.port[2].spray = k < 30;
		tb.run_us(100);
		if (k % 10 == 0) {
			Regs r[2];
			tb.read_port((k / 10) % NP, r);
		}
		unsigned e = tb.d->o_eng_hpol | tb.d->o_eng_vpol << 4 | tb.d->o_eng_csync << 8 |
			     tb.d->o_eng_interlaced << 12 | tb.d->o_eng_ok << 16;
		unsigned f = tb.d->o_ref_hpol | tb.d->o_ref_vpol << 4 | tb.d->o_ref_csync << 8 |
			     tb.d->o_ref_interlaced << 12 | tb.d->o_ref_ok << 16;
		if ((e ^ f) & 0xBBBBB) {	/* ports 0, 1, 3 of each flag */
			if (!bad++)
				first = e ^ f;
		}
	}
	check(!bad, 2, "matrix flags of ports 0, 1, 3 differ in %ld of 1530 samples (first: "
	      "bits %05x)", bad, first);
	tb.run_us(settle_us(src));
	const int loss[NP] = {0, 0, -1, 0};
	check_all(tb, src, loss);
}

static bool want(char scenario)
{
	return !only || strchr(only, scenario);
}

int main(int argc, char **argv)
{
	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			only = argv[++i];

	const Vesa m640{25.175, 800, 96, 525, 2}, m800{40.0, 1056, 128, 628, 4},
		m720{74.25, 1650, 40, 750, 5}, m1080{148.5, 2200, 44, 1125, 5};
	const Tv ntsc{63.556, 4.7, 2.3, 1050, 6, 6, {0, 525}};
	const Tv pal{64.0, 4.7, 2.35, 1250, 5, 5, {1245, 620}};
	const Tv p240{63.556, 4.7, 2.3, 524, 6, 6, {0}};
	const Tv p288{64.0, 4.7, 2.35, 626, 5, 5, {1}};	/* broad pulses at a line start */
	const double h640 = 96 / 25.175, h800 = 128 / 40.0, h720 = 40 / 74.25;

	const Src s640 = sep("640x480 sep -/-", m640, false, false),
		s640pn = sep("640x480 sep +/-", m640, true, false),
		s800 = sep("800x600 sep +/+", m800, true, true),
		s800np = sep("800x600 sep -/+", m800, false, true),
		s720 = sep("1280x720 sep +/+", m720, true, true),
		s1080 = sep("1920x1080 sep +/+", m1080, true, true),
		c640and = csync("640x480 AND csync -", m640.csync_and(), false, m640.H(), h640, 525),
		c640xor = csync("640x480 XOR csync -", m640.csync_xor(), false, m640.H(), h640, 525),
		c720and = csync("1280x720 AND csync +", m720.csync_and(), true, m720.H(), h720, 750),
		c720xor = csync("1280x720 XOR csync +", m720.csync_xor(), true, m720.H(), h720, 750),
		c800xor = csync("800x600 XOR csync +", m800.csync_xor(), true, m800.H(), h800, 628),
		cntsc = csync("NTSC 480i csync", ntsc.csync(), false, 63.556, 4.7, 525, true),
		cpal = csync("PAL 576i csync", pal.csync(), false, 64.0, 4.7, 625, true),
		c240 = csync("240p csync", p240.csync(), false, 63.556, 4.7, 262, false, 16),
		c288 = csync("288p csync", p288.csync(), false, 64.0, 4.7, 313, false, 16),
		hs640 = csync("640x480 VS missing", m640.hs(), false, m640.H(), h640, 0);

	check_info();
	if (want('A')) {
		const Src *const a[NP] = {&s640, &cntsc, &c720and, &c800xor};
		const double off[NP] = {3.3, 7.1, 11.9, 17.3};
		scenario_set("A mixed", a, off);
	}
	if (want('B')) {
		const Src *const b[NP] = {&cpal, &c240, &c288, &s720};
		const double off[NP] = {2.9, 6.7, 13.3, 19.1};
		scenario_set("B TV", b, off);
	}
	if (want('C')) {
		const double al[NP] = {5.0, 5.0, 5.0, 5.0};
		const Src *const c1[NP] = {&s1080, &s1080, &s1080, &s1080};
		const Src *const c2[NP] = {&s720, &s720, &s720, &s720};
		scenario_set("C aligned 1080p", c1, al);
		scenario_set("C aligned 720p", c2, al);
	}
	if (want('D')) {
		const Src *const d[NP] = {&s640, &s720, &c640and, &s800np};
		scenario_noise(d);
	}
	if (want('E')) {
		const Src *const e[NP] = {&c640xor, &c720xor, &s800, &s640pn};
		scenario_stop(e);
	}
	if (want('F')) {
		const Src *const f[NP] = {&s800, &hs640, &c720and, &c640and};
		const double off[NP] = {1.1, 4.3, 7.7, 10.9};
		scenario_set("F VS missing", f, off);
	}
	if (want('G')) {
		const Src *const g[NP] = {&c800xor, &s640, &c640and, &s720};
		scenario_mode(g, &s720);
	}

	if (want('H')) {
		const Vesa m1024{65.0, 1344, 136, 806, 6};
		const Src s1024 = sep("1024x768 sep -/-", m1024, false, false);
		const Src *const h[NP] = {&s640, &cntsc, &c800xor, &s1024};
		scenario_spray(h);
	}

	printf("read latency: ref up to %d, eng up to %d clk_sys cycles\n", rd_worst[0],
	       rd_worst[1]);
	printf("%s: %d checks, %d failed\n", fails ? "FAIL" : "PASS", checks, fails);
	return fails ? 1 : 0;
}
