// SPDX-License-Identifier: MIT
/*
 * tb_sync.cpp - Verilator testbench of rtl/video/sync_port.v (sync_sep + sync_meter) at
 * clk_ref = 48 MHz. Sources come from sync_gen.h with edges at real (non-integer tick)
 * times, so sampling jitter is exercised. For each case it checks, after settling: lock,
 * present, stable, line period (+-1 tick), lines per frame/field, interlace and field
 * alternation, polarities, csync mode, regenerated HS count between regenerated VS = lines,
 * and that every regenerated line period is within +-2 ticks of the true one.
 * Also: noise bursts (no lock, re-lock within 2 frames), source stopping mid-frame
 * (presence held for 0.9 ms, dropped by 2 ms), missing VS, VS stopping (separate-sync
 * mode held for 38 ms, composite mode by 42 ms), regenerated HS width = the estimate.
 *   Vsync_port [-v]     exit 0 when every check passed
 */
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "Vsync_port.h"
#include "sync_gen.h"
#include "verilated.h"

using namespace syncgen;

namespace {

constexpr double REF_MHZ = 48.0;
int fails = 0, checks = 0;
bool verbose = false;
std::string cur;

#define CHECK(c, ...)                                                                   \
	do {                                                                            \
		checks++;                                                               \
		if (!(c)) {                                                             \
			fails++;                                                        \
			printf("FAIL [%s] ", cur.c_str());                              \
			printf(__VA_ARGS__);                                            \
			printf("\n");                                                   \
		}                                                                       \
	} while (0)

struct Src {
	Wave hs, vs;
	bool has_vs = true, hpos = false, vpos = false;
};

/* What the DUT output looked like over an observation window. */
struct Obs {
	std::vector<int> hs_per_vs;	/* regenerated HS rises between regenerated VS rises */
	std::vector<int> fields;	/* o_field sampled at each VS rise */
	long hs_rises = 0, vs_rises = 0;
	long min_iv = 1L << 30, max_iv = 0;	/* regenerated line periods (ticks) */
	long min_hsw = 1L << 30, max_hsw = 0;	/* regenerated HS pulse widths (ticks) */
	bool locked_always = true, locked_ever = false, present_always = true;
	long first_lock_tick = -1;
};

struct Sim {
	Vsync_port *d;
	uint64_t cyc = 0;
	Player ph, pv;
	const Src *src = nullptr;
	std::mt19937 rng{12345};
	bool noise = false, frozen = false;
	int frozen_hs = 1, frozen_vs = 1;
	double noise_until_hs = -1, noise_until_vs = -1, next_glitch_hs = 0, next_glitch_vs = 0;

	Sim() { d = new Vsync_port; reset(); }
	double now() const { return cyc / REF_MHZ; }
	void tick() {
		d->i_clk = 0; d->eval();
		d->i_clk = 1; d->eval();
		cyc++;
	}
	void reset() {
		d->i_rst = 1; d->i_hs = 1; d->i_vs = 1;
		for (int i = 0; i < 4; i++) tick();
		d->i_rst = 0;
	}
	void set_src(const Src *s) {
		src = s; frozen = false;
		ph.start(&s->hs, now());
		pv.start(s->has_vs ? &s->vs : nullptr, now());
	}
	void freeze() {		/* source stops: pins hold their current levels */
		frozen = true; frozen_hs = d->i_hs; frozen_vs = d->i_vs;
	}
	/* glitch: short pulses (20-300 ns) at random times, ~1 per 0.8 us on each pin */
	int glitch(double t, double &until, double &next) {
		std::uniform_real_distribution<double> w(0.02, 0.3), gap(0.05, 1.5);
		if (t >= next) { until = t + w(rng); next = until + gap(rng); }
		return t < until;
	}
	void drive() {
		double t = now();
		int hs, vs;
		if (frozen) { hs = frozen_hs; vs = frozen_vs; }
		else if (!src) { hs = 1; vs = 1; }
		else {
			hs = ph.at(t) ^ (src->hpos ? 0 : 1);
			vs = src->has_vs ? (pv.at(t) ^ (src->vpos ? 0 : 1)) : 1;
		}
		if (noise) {
			hs ^= glitch(t, noise_until_hs, next_glitch_hs);
			vs ^= glitch(t, noise_until_vs, next_glitch_vs);
		}
		d->i_hs = hs; d->i_vs = vs;
	}
	/* run for us microseconds; when o is given, record the outputs */
	void run(double us, Obs *o = nullptr) {
		uint64_t end = cyc + (uint64_t)(us * REF_MHZ);
		int last_hs = d->o_hs, last_vs = d->o_vs;
		long hs_in_vs = -1;
		uint64_t last_hs_cyc = 0;
		bool have_hs = false;
		long hs_width = -1;	/* ticks since the regenerated HS rose, -1: none yet */
		while (cyc < end) {
			drive();
			tick();
			if (!o) continue;
			if (d->o_locked) {
				o->locked_ever = true;
				if (o->first_lock_tick < 0) o->first_lock_tick = (long)(cyc);
			} else {
				o->locked_always = false;
			}
			if (!d->o_present) o->present_always = false;
			if (!d->o_hs && last_hs && hs_width >= 0) {	/* fell: one whole pulse */
				o->min_hsw = std::min(o->min_hsw, hs_width);
				o->max_hsw = std::max(o->max_hsw, hs_width);
				hs_width = -1;
			}
			if (d->o_hs && !last_hs) hs_width = 0;		/* rose: start counting */
			if (d->o_hs && hs_width >= 0) hs_width++;
			if (d->o_hs && !last_hs) {
				o->hs_rises++;
				if (have_hs) {
					long iv = (long)(cyc - last_hs_cyc);
					o->min_iv = std::min(o->min_iv, iv);
					o->max_iv = std::max(o->max_iv, iv);
				}
				have_hs = true;
				last_hs_cyc = cyc;
				if (hs_in_vs >= 0) hs_in_vs++;
			}
			if (d->o_vs && !last_vs) {
				o->vs_rises++;
				if (hs_in_vs >= 0) o->hs_per_vs.push_back((int)hs_in_vs);
				hs_in_vs = 0;
				o->fields.push_back(d->o_field);
			}
			last_hs = d->o_hs;
			last_vs = d->o_vs;
		}
	}
};

struct Expect {
	double line_us;
	int lines_frame;	/* 0: no vertical sync expected */
	bool interlaced, csync, hpol, vpol;
};

double frame_us(const Src &s) { return s.hs.T; }

/* Check the steady state of a source already playing for a while. */
void check_steady(Sim &sim, const Src &s, const Expect &e) {
	Obs o;
	double T = frame_us(s);
	if (s.hs.T > 0 && e.interlaced) T = frame_us(s);	/* a wave period is one frame */
	sim.run(2 * T + 100, &o);
	Vsync_port *d = sim.d;
	double ticks = e.line_us * REF_MHZ;
	CHECK(o.locked_always, "lock not held");
	CHECK(o.present_always, "present not held");
	CHECK(std::fabs(d->o_line_ticks - ticks) <= 1.0, "line period %u ticks, expected %.2f",
	      d->o_line_ticks, ticks);
	CHECK(std::fabs(d->o_line_x16 / 16.0 - ticks) <= 1.0, "line_x16 %.3f, expected %.3f",
	      d->o_line_x16 / 16.0, ticks);
	CHECK(o.min_iv >= (long)std::floor(ticks) - 1 && o.max_iv <= (long)std::ceil(ticks) + 1,
	      "regenerated line period %ld..%ld ticks, expected %.2f +-1", o.min_iv, o.max_iv, ticks);
	CHECK(d->o_hpol == e.hpol, "hpol %d expected %d", d->o_hpol, e.hpol);
	CHECK(d->o_vpol == e.vpol, "vpol %d expected %d", d->o_vpol, e.vpol);
	CHECK(d->o_csync == e.csync, "csync mode %d expected %d", d->o_csync, e.csync);
	CHECK(d->o_interlaced == e.interlaced, "interlaced %d expected %d", d->o_interlaced,
	      e.interlaced);
	CHECK(d->o_lines_frame == e.lines_frame, "lines/frame %u expected %d", d->o_lines_frame,
	      e.lines_frame);
	CHECK(d->o_hs_ticks > 0, "no hsync width");
	/* every regenerated HS pulse (real and predicted lines) is the estimated width; the
	 * estimate itself moves by a tick with sampling */
	CHECK(o.min_hsw >= (long)d->o_hs_ticks - 1 && o.max_hsw <= (long)d->o_hs_ticks + 1,
	      "regenerated HS width %ld..%ld ticks, estimate %u", o.min_hsw, o.max_hsw,
	      d->o_hs_ticks);
	if (e.lines_frame == 0) {
		CHECK(o.vs_rises == 0, "regenerated VS without vertical sync (%ld)", o.vs_rises);
		CHECK(!d->o_stable, "stable without vertical sync");
		return;
	}
	CHECK(d->o_stable, "not stable");
	CHECK(o.hs_per_vs.size() >= (e.interlaced ? 3u : 1u), "only %zu complete fields seen",
	      o.hs_per_vs.size());
	if (!e.interlaced) {
		for (int n : o.hs_per_vs)
			CHECK(n == e.lines_frame, "regenerated HS per frame %d expected %d", n, e.lines_frame);
		for (int f : o.fields) CHECK(f == 0, "field %d in progressive video", f);
		CHECK(d->o_lines_field == e.lines_frame, "lines/field %u", d->o_lines_field);
	} else {
		for (size_t i = 1; i < o.hs_per_vs.size(); i++) {
			int a = o.hs_per_vs[i - 1], b = o.hs_per_vs[i];
			CHECK(a + b == e.lines_frame && std::abs(a - b) == 1,
			      "regenerated HS per field %d + %d, expected %d", a, b, e.lines_frame);
		}
		for (size_t i = 1; i < o.fields.size(); i++)
			CHECK(o.fields[i] != o.fields[i - 1], "fields do not alternate");
		/* the field that starts at a line start (field 0) has the whole-line count */
		for (size_t i = 1; i < o.hs_per_vs.size(); i++) {
			/* hs_per_vs[i-1] counts the field that started at fields[i-1] */
			int n = o.hs_per_vs[i - 1];
			CHECK(n == (o.fields[i - 1] == 0 ? e.lines_frame / 2 : e.lines_frame / 2 + 1)
			      || n == (o.fields[i - 1] == 0 ? e.lines_frame / 2 + 1 : e.lines_frame / 2),
			      "field line count %d", n);
		}
	}
	if (verbose)
		printf("  %-28s ticks %u (x16 %u, exp %.2f) hsw %u lines %u/%u il %d pol %d/%d cs %d "
		       "iv %ld..%ld loss %u\n", cur.c_str(), d->o_line_ticks, d->o_line_x16, ticks,
		       d->o_hs_ticks, d->o_lines_field, d->o_lines_frame, d->o_interlaced, d->o_hpol,
		       d->o_vpol, d->o_csync, o.min_iv, o.max_iv, d->o_loss_count);
}

/* Fresh DUT, play the source for settle_frames, then check. */
void case_basic(const char *name, const Src &s, const Expect &e, int settle_frames = 8) {
	cur = name;
	Sim sim;
	sim.set_src(&s);
	Obs o;
	sim.run(settle_frames * frame_us(s), &o);
	CHECK(o.locked_ever, "never locked");
	check_steady(sim, s, e);
	CHECK(sim.d->o_loss_count == 0, "lock lost %u times on a clean source", sim.d->o_loss_count);
	delete sim.d;
}

Src sep(const Vesa &m, bool hp, bool vp) {
	Src s; s.hs = m.hs(); s.vs = m.vs(); s.hpos = hp; s.vpos = vp; return s;
}
Src csync(const Wave &w, bool pol) {
	Src s; s.hs = w; s.has_vs = false; s.hpos = pol; return s;
}

}  // namespace

int main(int argc, char **argv) {
	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-v")) verbose = true;

	const Vesa m640{25.175, 800, 96, 525, 2}, m800{40.0, 1056, 128, 628, 4},
	    m720{74.25, 1650, 40, 750, 5};
	const Tv ntsc{63.556, 4.7, 2.3, 1050, 6, 6, {0, 525}};
	const Tv pal{64.0, 4.7, 2.35, 1250, 5, 5, {1245, 620}};
	const Tv p240{63.556, 4.7, 2.3, 524, 6, 6, {0}};
	const Tv p288{64.0, 4.7, 2.35, 626, 5, 5, {1}};	/* broad pulses at a line start */

	/* separate sync */
	case_basic("640x480 sep -/-", sep(m640, false, false), {m640.H(), 525, false, false, false, false});
	case_basic("800x600 sep +/+", sep(m800, true, true), {m800.H(), 628, false, false, true, true});
	case_basic("1280x720 sep +/+", sep(m720, true, true), {m720.H(), 750, false, false, true, true});
	case_basic("640x480 sep +/-", sep(m640, true, false), {m640.H(), 525, false, false, true, false});
	case_basic("800x600 sep -/+", sep(m800, false, true), {m800.H(), 628, false, false, false, true});
	/* composite sync on HS */
	case_basic("640x480 XOR csync -", csync(m640.csync_xor(), false), {m640.H(), 525, false, true, false, false});
	case_basic("800x600 XOR csync +", csync(m800.csync_xor(), true), {m800.H(), 628, false, true, true, true});
	case_basic("640x480 AND csync -", csync(m640.csync_and(), false), {m640.H(), 525, false, true, false, false});
	case_basic("1280x720 AND csync +", csync(m720.csync_and(), true), {m720.H(), 750, false, true, true, true});
	case_basic("NTSC 480i csync", csync(ntsc.csync(), false), {63.556, 525, true, true, false, false});
	case_basic("PAL 576i csync", csync(pal.csync(), false), {64.0, 625, true, true, false, false});
	case_basic("240p csync", csync(p240.csync(), false), {63.556, 262, false, true, false, false}, 16);
	case_basic("288p csync", csync(p288.csync(), false), {64.0, 313, false, true, false, false}, 16);
	/* missing VS: plain HS only, no vertical information */
	case_basic("640x480 VS missing", csync(m640.hs(), false), {m640.H(), 0, false, true, false, false});

	/* noise only from reset: never locks; then clean sync locks within 2 frames */
	{
		cur = "noise from reset";
		Sim sim;
		Src s = sep(m640, false, false);
		sim.noise = true;
		sim.set_src(&s);
		Obs o;
		sim.run(5 * frame_us(s), &o);
		CHECK(!o.locked_ever, "locked to noise");
		CHECK(sim.d->o_lines_frame == 0 && !sim.d->o_stable, "measured noise");
		sim.noise = false;
		double t0 = sim.now();
		Obs o2;
		sim.run(2 * frame_us(s), &o2);
		CHECK(o2.locked_ever && sim.d->o_locked, "no lock within 2 frames of clean sync");
		if (o2.first_lock_tick >= 0 && verbose)
			printf("  locked %.0f us after clean sync returned\n", o2.first_lock_tick / REF_MHZ - t0);
		sim.run(6 * frame_us(s));
		check_steady(sim, s, {m640.H(), 525, false, false, false, false});
		delete sim.d;
	}
	/* glitch burst on a locked csync source: lock dropped, then regained within 2 frames */
	{
		cur = "noise burst on NTSC";
		Sim sim;
		Src s = csync(ntsc.csync(), false);
		sim.set_src(&s);
		sim.run(8 * frame_us(s));
		CHECK(sim.d->o_locked, "not locked before the burst");
		sim.noise = true;
		Obs o;
		sim.run(frame_us(s) / 2);
		sim.run(2 * frame_us(s), &o);
		CHECK(!o.locked_ever, "held or regained lock during noise");
		CHECK(sim.d->o_loss_count >= 1, "loss counter %u", sim.d->o_loss_count);
		sim.noise = false;
		Obs o2;
		sim.run(2 * frame_us(s), &o2);
		CHECK(sim.d->o_locked, "no lock within 2 frames of clean sync");
		sim.run(6 * frame_us(s));
		check_steady(sim, s, {63.556, 525, true, true, false, false});
		delete sim.d;
	}
	/* source stops mid-frame */
	{
		cur = "source stops";
		Sim sim;
		Src s = sep(m800, true, true);
		sim.set_src(&s);
		sim.run(8.5 * frame_us(s));
		CHECK(sim.d->o_locked && sim.d->o_present && sim.d->o_stable, "not locked before stop");
		sim.freeze();
		sim.run(900);	/* the last edge was at most one line before the stop */
		CHECK(sim.d->o_present, "present dropped 0.9 ms after the source stopped (1 ms)");
		sim.run(1100);
		CHECK(!sim.d->o_present, "present still set 2 ms after the source stopped");
		CHECK(!sim.d->o_locked, "still locked 2 ms after the source stopped");
		CHECK(!sim.d->o_stable, "still stable after the source stopped");
		CHECK(sim.d->o_loss_count == 1, "loss count %u, expected 1", sim.d->o_loss_count);
		Obs o;
		sim.run(3 * frame_us(s), &o);
		CHECK(o.hs_rises == 0 && o.vs_rises == 0, "regenerated sync without a source (%ld HS)",
		      o.hs_rises);
		/* and comes back */
		sim.set_src(&s);
		sim.run(8 * frame_us(s));
		check_steady(sim, s, {m800.H(), 628, false, false, true, true});
		delete sim.d;
	}
	/* VS stops, HS goes on: separate-sync mode holds for VS_TIMEOUT (40 ms) after the last
	 * VS edge, then the port falls back to composite mode on HS */
	{
		cur = "VS stops";
		Sim sim;
		Src s = sep(m640, false, false), hs_only = csync(m640.hs(), false);
		sim.set_src(&s);
		sim.run(8 * frame_us(s));
		CHECK(!sim.d->o_csync, "csync mode with VS present");
		/* switch right after a VS trailing edge (the last VS edge the port sees) */
		int prev_vs = sim.d->o_vs;
		for (long i = 0; i < 48L * 20000 && !(prev_vs && !sim.d->o_vs); i++) {
			prev_vs = sim.d->o_vs;
			sim.drive();
			sim.tick();
		}
		CHECK(!sim.d->o_vs, "no regenerated VS trailing edge found");
		sim.set_src(&hs_only);
		sim.run(38000);
		CHECK(!sim.d->o_csync, "csync mode 38 ms after the last VS edge (timeout 40 ms)");
		sim.run(4000);
		CHECK(sim.d->o_csync, "still separate mode 42 ms after the last VS edge");
		delete sim.d;
	}
	/* mode change on the fly: 640x480 -> 1280x720 */
	{
		cur = "mode change";
		Sim sim;
		Src a = sep(m640, false, false), b = sep(m720, true, true);
		sim.set_src(&a);
		sim.run(8 * frame_us(a));
		sim.set_src(&b);
		sim.run(8 * frame_us(b));
		check_steady(sim, b, {m720.H(), 750, false, false, true, true});
		delete sim.d;
	}

	printf("%s: %d checks, %d failed\n", fails ? "FAIL" : "PASS", checks, fails);
	return fails ? 1 : 0;
}
