// tb_matrix: Verilator testbench for vid_matrix (N = 6: four separate-sync ports, an XOR
// csync port, an interlaced TV csync port), test-matrix. -v: more detail (cuts, bursts).
// A picosecond event loop toggles every clock at its own frequency (6 port clocks, the
// internal clock, clk_sys), with arbitrary phases. Port generators drive scaled-down rasters
// (same porch/sync proportions style as 640x480, 800x600, 1024x768, 720p). Checkers:
//  - output checker: finds frame starts (VS leading edge) in the output stream, identifies the
//    source by its raster, then follows it sample by sample (HS, VS, DE, RGB, x/y,
//    frame_start). A stream that ends in blank exactly at a frame boundary is a clean end; one
//    that ends in blank elsewhere is a "cut"; anything else that differs is "malformed".
//  - clock checker on o_clk_pix: no high or low phase shorter than the shortest input half period.
#include "Vvid_matrix.h"
#include "verilated.h"
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>
#include <string>
#include <algorithm>

static const int NP = 6, FB = 6, NSRC = 7;
static const unsigned FB_RGB = 0x00A;

enum { SEP, XOR, TV };  // sync kind: separate HS/VS pins, XOR csync on HS, TV csync on HS (interlaced)
struct Timing {
	int ha, hfp, hs, hbp, va, vfp, vs, vbp;
	bool hpol, vpol;
	double mhz;
	int kind = SEP;
	int ht() const { return ha + hfp + hs + hbp; }
	int vt() const { return va + vfp + vs + vbp; }
};
// index 6 = the matrix's internal fallback (parameters passed with -G in matrix.mk)
// port 4: XOR composite sync (HS xor VS on the HS pin, VS pin idle), progressive.
// port 5: TV-style composite sync, interlaced: 2 x 30.5 lines of 100 clocks, half-line grid,
//         3 equalising + 3 broad (serrated) + 3 equalising pulses, the second field's vertical
//         interval starts mid-line (vs = broad pulses, eq = eq. pulse width in hfp's place).
static const Timing T[NSRC] = {
	{64, 2, 10, 4, 48, 1, 2, 3, false, false, 25.175},
	{80, 4, 12, 8, 60, 1, 1, 2, true, true, 40.0},
	{102, 2, 14, 16, 77, 1, 1, 3, false, false, 65.0},
	{128, 11, 4, 22, 72, 1, 1, 2, true, false, 74.25},
	{90, 4, 10, 12, 56, 1, 3, 4, true, true, 50.0, XOR},
	{76, 4, 8, 12, 20, 0, 0, 10, false, false, 27.0, TV},
	{72, 2, 8, 6, 50, 1, 2, 2, false, false, 25.125},
};

// One frame (both fields) of a source: the pins it drives and what the matrix must output.
// Separate sync: the output is the pins. Composite sync (docs/matrix.md): HS = hsw-wide
// pulses at every line start; VS = high while the (active-high) pin has been active for at
// least L/4 consecutive samples before the current one, held L/2 samples after the last such
// sample. o_frame_start at every output VS leading edge; o_y counts DE lines from the first
// DE line after it, o_x DE pixels from the DE rise.
struct Prog {
	int ht = 0, period = 0;
	std::vector<uint8_t> pin, out;      // bit0 hs, bit1 vs, bit2 de: active-high levels
	std::vector<int> ox, oy;
	std::vector<char> fs;
	double frame_us(double mhz) const { return period / mhz; }
};
static Prog P[NSRC];

static void build(int c)
{
	const Timing &t = T[c];
	Prog &g = P[c];
	int L = t.ht();
	g.ht = L;
	std::vector<uint8_t> pin;
	if (t.kind == TV) {
		int V = t.vt(), nslot = 2 * (2 * V + 1), neq = 3, nb = 3, eqw = t.hfp, hd = t.hs + t.hbp;
		g.period = L * (2 * V + 1);
		pin.assign(g.period, 0);
		for (int k = 0; k < nslot; k++) {
			int type = (k % 2 == 0) ? 1 : 0;        // 1 hsync, 2 eq, 3 broad
			for (int s0 : {0, 2 * V + 1}) {
				int o = k - s0;
				if (o >= 0 && o < 2 * neq + nb) type = (o >= neq && o < neq + nb) ? 3 : 2;
			}
			int w = type == 1 ? t.hs : type == 2 ? eqw : type == 3 ? L / 2 - t.hs : 0;
			for (int i = 0; i < w; i++) pin[k * L / 2 + i] |= 1;
		}
		for (int l = 0; l < 2 * V + 1; l++) {
			int fl = l < V + 1 ? l : l - (V + 1);     // line in the field (field 2 from line V+1)
			if (fl >= t.vbp && fl < t.vbp + t.va)
				for (int x = hd; x < hd + t.ha; x++) pin[l * L + x] |= 4;
		}
	} else {
		g.period = L * t.vt();
		pin.assign(g.period, 0);
		for (int y = 0; y < t.vt(); y++)
			for (int x = 0; x < L; x++) {
				bool hsa = x >= t.ha + t.hfp && x < t.ha + t.hfp + t.hs;
				bool vsa = y >= t.va + t.vfp && y < t.va + t.vfp + t.vs;
				bool de = x < t.ha && y < t.va;
				if (t.kind == XOR) { hsa = hsa != vsa; vsa = false; }
				pin[y * L + x] = (uint8_t)(hsa | vsa << 1 | de << 2);
			}
	}
	g.pin = pin;
	g.out = pin;
	if (t.kind != SEP) {
		// output line starts: the pin's line starts (multiples of L; XOR lines start at ha+hfp)
		int l0 = t.kind == XOR ? t.ha + t.hfp : 0, run = 0, hold = 0;
		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < g.period; i++) {
				bool a = pin[i] & 1;
				bool lng = a && run >= L / 4;
				bool vs = lng || hold != 0;
				hold = lng ? L / 2 : hold ? hold - 1 : 0;
				run = a ? run + 1 : 0;
				bool hs = ((i - l0 + g.period) % L) < t.hs;
				g.out[i] = (uint8_t)(hs | vs << 1 | (pin[i] & 4));
			}
	}
	g.ox.assign(g.period, 0); g.oy.assign(g.period, 0); g.fs.assign(g.period, 0);
	int x = 0, y = 0; bool nf = false;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < g.period; i++) {
			int pi = (i + g.period - 1) % g.period;
			bool vsr = (g.out[i] & 2) && !(g.out[pi] & 2), de = g.out[i] & 4, pde = g.out[pi] & 4;
			g.fs[i] = vsr;
			if (vsr) nf = true;
			if (de && !pde) { x = 0; y = nf ? 0 : y + 1; nf = false; } else if (de) x++;
			g.ox[i] = x; g.oy[i] = y;
		}
}

struct Px { bool hs, vs, de; unsigned rgb; };
// what source c shows at position pos (out = false: its pins, true: the matrix output)
static Px expect_px(int c, int pos, bool out = true)
{
	const Timing &t = T[c];
	uint8_t v = out ? P[c].out[pos] : P[c].pin[pos];
	Px p;
	p.de = v & 4;
	p.hs = (bool)(v & 1) == t.hpol;
	p.vs = (bool)(v & 2) == t.vpol;
	int x = pos % P[c].ht, y = pos / P[c].ht;
	if (c == FB) p.rgb = p.de ? FB_RGB : 0;
	else p.rgb = ((8u + c) << 8) | ((x & 15u) << 4) | (y & 15u);   // raw, also outside DE
	return p;
}
static double frame_us(int c) { return P[c].frame_us(T[c].mhz); }

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd() { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)rng; }

// ---------------------------------------------------------------- clocks
enum { STOP_NONE, STOP_LOW, STOP_HIGH };
struct Clock {
	double hz; uint64_t base = 0, edges = 0, next = 0; bool level = false;
	int stop = STOP_NONE; bool stopped = false;
	void init(double f, uint64_t phase) { hz = f; base = phase; edges = 0; sched(); }
	void sched() { next = base + (uint64_t)((double)(edges + 1) * 5e11 / hz); }
	uint64_t half_ps() const { return (uint64_t)(5e11 / hz); }
};

static uint64_t now_ps = 0;
static Vvid_matrix *dut;
static Clock clk[8];            // 0..5 ports, 6 internal, 7 sys

// ---------------------------------------------------------------- port generators
struct Gen { int pos; bool glitch = false; int glitch_hs = 20, glitch_vs = 200; bool still = false; } gen[NP];

static void drive_port(int p)
{
	Px px = expect_px(p, gen[p].pos, false);
	if (gen[p].glitch) {
		if (rnd() % gen[p].glitch_hs == 0) px.hs = !px.hs;
		if (rnd() % gen[p].glitch_vs == 0) px.vs = !px.vs;
	}
	unsigned sh = 4 * p;
	dut->i_port_r = (dut->i_port_r & ~(0xFu << sh)) | (((px.rgb >> 8) & 15u) << sh);
	dut->i_port_g = (dut->i_port_g & ~(0xFu << sh)) | (((px.rgb >> 4) & 15u) << sh);
	dut->i_port_b = (dut->i_port_b & ~(0xFu << sh)) | ((px.rgb & 15u) << sh);
	auto setb = [&](uint8_t &v, bool b) { v = (uint8_t)((v & ~(1u << p)) | ((unsigned)b << p)); };
	setb(dut->i_port_hs, px.hs); setb(dut->i_port_vs, px.vs); setb(dut->i_port_de, px.de);
}
static void advance_port(int p)
{
	if (!gen[p].still && ++gen[p].pos == P[p].period) gen[p].pos = 0;   // still: pins held
	drive_port(p);
}

// ---------------------------------------------------------------- output checker
struct Checker {
	struct Trk { int c, pos; };
	std::vector<Trk> trk;
	bool prev_hs = true, prev_vs = true;
	long malformed = 0, cuts = 0, clean_ends = 0, junk = 0, frames[NSRC] = {};
	long gap_hs = 0, gap_vs = 0;    // HS / VS level changes between streams
	long samples = 0, xy_checked = 0;
	int cur = -1;                   // identified source of the current stream, -1 none
	uint64_t seg_start_ps = 0; int seg_src = -1; long seg_id = 0;
	int reports = 0;
	bool verbose = false;           // -v: also report cuts (malformed ones always)
	void report(const char *what, const Trk &t, const Px &e)
	{
		if ((verbose || what[0] == 'M') && reports++ < 40)
			fprintf(stderr, "  [%.3f us] %s: src %d at (%d,%d) got hs%d vs%d de%d rgb%03x "
				"x%d y%d fs%d, expected hs%d vs%d de%d rgb%03x\n", now_ps / 1e6, what, t.c,
				t.pos % P[t.c].ht, t.pos / P[t.c].ht, dut->o_hs, dut->o_vs, dut->o_de, dut->o_r << 8 | dut->o_g << 4 | dut->o_b,
				dut->o_x, dut->o_y, dut->o_frame_start, e.hs, e.vs, e.de, e.rgb);
	}
	bool match(const Trk &t, Px &e)
	{
		e = expect_px(t.c, t.pos);
		unsigned rgb = dut->o_r << 8 | dut->o_g << 4 | dut->o_b;
		if (dut->o_hs != e.hs || dut->o_vs != e.vs || dut->o_de != e.de || rgb != e.rgb) return false;
		if ((bool)dut->o_frame_start != (bool)P[t.c].fs[t.pos]) return false;
		if (e.de && (dut->o_x != P[t.c].ox[t.pos] || dut->o_y != P[t.c].oy[t.pos])) return false;
		return true;
	}
	void sample()
	{
		samples++;
		bool hs = dut->o_hs, vs = dut->o_vs, de = dut->o_de;
		if (!trk.empty()) {
			std::vector<Trk> keep;
			Trk last = trk[0]; Px le{};
			for (auto t : trk) {
				if (++t.pos == P[t.c].period) t.pos = 0;
				Px e;
				if (match(t, e)) keep.push_back(t); else { last = t; le = e; }
			}
			if (keep.empty()) {
				const Timing &tt = T[last.c];
				unsigned rgb = dut->o_r << 8 | dut->o_g << 4 | dut->o_b;
				bool blank = !de && rgb == 0 && hs == !tt.hpol && vs == !tt.vpol;
				if (blank && P[last.c].fs[last.pos]) clean_ends++;
				else if (blank) { cuts++; report("cut (stream ends mid-frame)", last, le); }
				else { malformed++; report("MALFORMED", last, le); }
				cur = -1;
				trk.clear();
			} else {
				trk = keep;
				if (trk.size() == 1) {
					const Trk &t = trk[0];
					if (P[t.c].fs[t.pos]) frames[t.c]++;
					if (cur != t.c) { cur = t.c; seg_src = t.c; }
					if (dut->o_de) xy_checked++;
				}
			}
		} else {
			if (de) { junk++; if (junk < 5) fprintf(stderr, "  [%.3f us] DE outside a frame (cur_source %d)\n", now_ps / 1e6, dut->o_cur_source); }
			for (int c = 0; c < NSRC; c++) {
				const Timing &t = T[c];
				if (vs == t.vpol && prev_vs != t.vpol && !de)
					for (int f = 0; f < P[c].period; f++) {
						if (!P[c].fs[f]) continue;
						Trk k{c, f}; Px e;
						if (match(k, e)) trk.push_back(k);
					}
			}
			if (!trk.empty()) { seg_start_ps = now_ps; seg_id++; seg_src = -1; }
			else { gap_hs += hs != prev_hs; gap_vs += vs != prev_vs; }
		}
		prev_hs = hs; prev_vs = vs;
	}
} chk;

// ---------------------------------------------------------------- clock checker
struct ClkChk { bool level = false; uint64_t last = 0; uint64_t min_hi = UINT64_MAX, min_lo = UINT64_MAX;
	long edges = 0; long runts = 0; uint64_t limit = 0;
	void update(bool l) {
		if (l == level) return;
		uint64_t d = now_ps - last;
		if (edges > 2) {
			if (level) min_hi = std::min(min_hi, d); else min_lo = std::min(min_lo, d);
			if (d + 2 < limit) { runts++; fprintf(stderr, "  [%.3f us] RUNT %s phase %llu ps\n",
				now_ps / 1e6, level ? "high" : "low", (unsigned long long)d); }
		}
		level = l; last = now_ps; edges++;
		if (l) chk.sample();
	}
} cck;

// ---------------------------------------------------------------- meter model (ok flags)
struct Event { uint64_t t; std::function<void()> f; };
static std::vector<Event> events;
static void at(uint64_t t, std::function<void()> f) { events.push_back({t, f}); }
static void set_ok(int p, bool v) { dut->i_port_ok = (uint8_t)((dut->i_port_ok & ~(1u << p)) | ((unsigned)v << p)); }
static uint64_t us(double u) { return (uint64_t)(u * 1e6); }

// ---------------------------------------------------------------- scheduler
static void step()
{
	uint64_t t = UINT64_MAX;
	for (auto &c : clk) if (!c.stopped) t = std::min(t, c.next);
	for (auto &e : events) t = std::min(t, e.t);
	now_ps = t;
	// timed events first (they change inputs between clock edges)
	for (size_t i = 0; i < events.size();) {
		if (events[i].t <= t) { auto f = events[i].f; events.erase(events.begin() + i); f(); dut->eval(); i = 0; }
		else i++;
	}
	bool rose[8] = {};
	bool any = false;
	for (int i = 0; i < 8; i++) {
		Clock &c = clk[i];
		if (c.stopped || c.next != t) continue;
		c.level = !c.level; c.edges++; c.sched(); any = true;
		rose[i] = c.level;
		if ((c.stop == STOP_LOW && !c.level) || (c.stop == STOP_HIGH && c.level)) c.stopped = true;
	}
	if (!any) return;
	uint8_t pc = 0;
	for (int p = 0; p < NP; p++) pc |= (uint8_t)(clk[p].level << p);
	dut->i_port_clk = pc;
	dut->i_clk_int = clk[FB].level;
	dut->i_clk_sys = clk[FB + 1].level;
	dut->eval();
	cck.update(dut->o_clk_pix);
	bool again = false;
	for (int p = 0; p < NP; p++) if (rose[p]) { advance_port(p); again = true; }
	if (again) { dut->eval(); cck.update(dut->o_clk_pix); }
}
static void run_until(uint64_t t) { while (now_ps < t) step(); }
static bool wait_for(std::function<bool()> cond, uint64_t timeout)
{
	uint64_t end = now_ps + timeout;
	while (now_ps < end) { step(); if (cond()) return true; }
	return false;
}

static void stop_clock(int p, int how) { clk[p].stop = how; }
static void start_clock(int p)
{
	clk[p].stop = STOP_NONE;
	if (clk[p].stopped) { clk[p].stopped = false; clk[p].base = now_ps + 1000 + rnd() % 20000; clk[p].edges = 0; clk[p].sched(); }
}

// ---------------------------------------------------------------- test helpers
static int fails = 0;
#define CHECK(c, ...) do { if (!(c)) { fails++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fprintf(stderr, "\n"); } } while (0)

static double max_frame_us() { double m = 0; for (int c = 0; c < NSRC; c++) m = std::max(m, frame_us(c)); return m; }

// select a source and wait for its picture; returns frames (of the new source) from select
// to the first output frame start of that source, or -1 on timeout
static double switch_to(int sel, int expect_src)
{
	dut->i_select = (uint8_t)sel;
	uint64_t t0 = now_ps;
	long id0 = chk.seg_id;
	bool ok = wait_for([&] { return chk.seg_id != id0 && chk.cur == expect_src; }, us(12 * max_frame_us()));
	if (!ok) { CHECK(false, "no picture of source %d after select %d (cur_source %d switching %d)",
		expect_src, sel, dut->o_cur_source, dut->o_switching); return -1; }
	double fr = (double)(chk.seg_start_ps - t0) / 1e6 / frame_us(expect_src);
	// let the new picture run for a whole frame
	long f0 = chk.frames[expect_src];
	CHECK(wait_for([&] { return chk.frames[expect_src] >= f0 + 1; }, us(3 * max_frame_us())),
		"source %d picture did not continue", expect_src);
	CHECK(dut->o_cur_source == expect_src && !dut->o_switching, "cur_source %d switching %d, expected %d",
		dut->o_cur_source, dut->o_switching, expect_src);
	return fr;
}

struct Stat { double sum = 0, max = 0; int n = 0; void add(double v) { sum += v; max = std::max(max, v); n++; } };

int main(int argc, char **argv)
{
	Verilated::commandArgs(argc, argv);
	bool verbose = argc > 1 && !strcmp(argv[1], "-v");
	dut = new Vvid_matrix;
	chk.verbose = verbose;
	for (int c = 0; c < NSRC; c++) build(c);
	for (int p = 0; p < NP; p++) {
		clk[p].init(T[p].mhz * 1e6, rnd() % 40000);
		gen[p].pos = rnd() % P[p].period;
		drive_port(p);
	}
	clk[FB].init(25.125e6, rnd() % 40000);
	clk[FB + 1].init(12e6, rnd() % 80000);
	cck.limit = UINT64_MAX;
	for (int i = 0; i <= FB; i++) cck.limit = std::min(cck.limit, clk[i].half_ps());
	dut->i_port_hpol = 0; dut->i_port_vpol = 0; dut->i_port_csync = 0; dut->i_port_ilace = 0;
	for (int p = 0; p < NP; p++) {
		dut->i_port_hpol |= (uint8_t)(T[p].hpol << p);
		dut->i_port_vpol |= (uint8_t)(T[p].vpol << p);
		dut->i_port_csync |= (uint8_t)((T[p].kind != SEP) << p);
		dut->i_port_ilace |= (uint8_t)((T[p].kind == TV) << p);
	}
	dut->i_port_ok = (1u << NP) - 1;
	dut->i_select = FB;
	dut->i_rst_sys = 1;
	run_until(us(2));
	dut->i_rst_sys = 0;

	if (getenv("MX_TRACE")) {      // debug: trace the output of one port (hs vs de per sample)
		int p = atoi(getenv("MX_TRACE"));
		run_until(us(50));
		dut->i_select = (uint8_t)p;
		run_until(now_ps + us(6 * frame_us(p)));
		std::string o, m;
		for (int i = 0; i < 3 * P[p].period; i++) {
			wait_for([] { return (bool)dut->o_clk_pix; }, us(1));
			o += (char)('0' + ((dut->o_hs == T[p].hpol) | (dut->o_vs == T[p].vpol) << 1 | dut->o_de << 2));
			wait_for([] { return !dut->o_clk_pix; }, us(1));
		}
		for (int i = 0; i < P[p].period; i++) m += (char)('0' + P[p].out[i]);
		printf("cuts %d frames %ld\nOUT %s\nMOD %s\n", dut->o_cut_count, chk.frames[p], o.c_str(), m.c_str());
		return 0;
	}
	// ---- boot: fallback picture
	printf("boot: fallback\n");
	CHECK(wait_for([] { return chk.frames[FB] >= 2; }, us(5 * frame_us(FB))), "no fallback picture after reset");

	// ---- every ordered pair of ports, several times, at random moments
	printf("switching between every pair of ports\n");
	Stat port_sw;
	int cur = FB;
	for (int rep = 0; rep < 3; rep++)
		for (int a = 0; a < NP; a++)
			for (int b = 0; b < NP; b++) {
				if (a == b) continue;
				if (cur != a) { switch_to(a, a); cur = a; }
				run_until(now_ps + rnd() % us(frame_us(a)));
				double f = switch_to(b, b);
				if (f >= 0) port_sw.add(f);
				cur = b;
			}
	printf("  %d switches, frames from select to new picture: avg %.2f max %.2f\n",
		port_sw.n, port_sw.sum / std::max(1, port_sw.n), port_sw.max);
	CHECK(chk.malformed == 0 && chk.cuts == 0 && chk.junk == 0, "switching: malformed %ld cuts %ld junk %ld",
		chk.malformed, chk.cuts, chk.junk);
	CHECK(dut->o_forced_count == 0, "forced switches during clean switching: %d", dut->o_forced_count);

	// ---- a second select before the new port sent a VS edge: the output's sync levels stay
	// those of the last passing source, no flip there and back (docs/matrix.md)
	printf("select again before the new port's first VS edge\n");
	switch_to(0, 0);                        // port 0: -/-
	gen[1].still = true;                    // port 1 (+/+): clock running, no sync edge
	chk.gap_hs = chk.gap_vs = 0;
	dut->i_select = 1;
	CHECK(wait_for([] { return dut->o_cur_source == 1 && !dut->o_switching; }, us(3 * max_frame_us())),
		"no switch to port 1");
	switch_to(2, 2);                        // port 2: -/-, as port 0
	gen[1].still = false;
	CHECK(chk.gap_hs == 0 && chk.gap_vs == 0, "sync level changes from port 0 to port 2 through an "
		"unshown port 1: HS %ld VS %ld, want 0", chk.gap_hs, chk.gap_vs);

	// ---- select a port with no signal -> fallback; the signal returns -> back
	printf("no signal on the selected port\n");
	Stat fb_sw, back_sw;
	for (int rep = 0; rep < 3; rep++) {
		int p = rep % 2 ? 2 : 1, other = rep % 2 ? 0 : 3;
		switch_to(other, other);
		stop_clock(p, rnd() & 1 ? STOP_LOW : STOP_HIGH); set_ok(p, false);
		run_until(now_ps + us(10) + rnd() % us(frame_us(other)));
		double f = switch_to(p, FB);
		fb_sw.add(f);
		run_until(now_ps + us(2 * frame_us(FB)));
		start_clock(p);
		at(now_ps + us(3 * frame_us(p)), [p] { set_ok(p, true); });     // meter: stable after 3 frames
		uint64_t t0 = now_ps;
		long id0 = chk.seg_id;
		CHECK(wait_for([&] { return chk.seg_id != id0 && chk.cur == p; }, us(12 * max_frame_us())),
			"port %d did not come back", p);
		back_sw.add((double)(chk.seg_start_ps - t0) / 1e6 / frame_us(p) - 3.0);
	}
	printf("  frames from select to fallback picture: avg %.2f max %.2f (fallback frames)\n",
		fb_sw.sum / fb_sw.n, fb_sw.max);
	printf("  frames from ok to the port's picture again: avg %.2f max %.2f\n", back_sw.sum / back_sw.n, back_sw.max);
	CHECK(fb_sw.max <= 1.0 + 1e-9, "fallback took more than a frame: %.2f", fb_sw.max);
	CHECK(chk.malformed == 0 && chk.cuts == 0 && chk.junk == 0, "no-signal: malformed %ld cuts %ld junk %ld",
		chk.malformed, chk.cuts, chk.junk);

	// ---- unplug the selected source mid-frame (clock stops low / stuck high)
	printf("unplug the selected source mid-frame\n");
	long forced0 = dut->o_forced_count;
	int unplugs = 0;
	for (int rep = 0; rep < 2 * NP; rep++) {
		int p = rep % NP;
		switch_to(p, p);
		run_until(now_ps + rnd() % us(frame_us(p)));
		long cuts0 = chk.cuts, mal0 = chk.malformed;
		stop_clock(p, rep & 1 ? STOP_HIGH : STOP_LOW);
		unplugs++;
		at(now_ps + us(30), [p] { set_ok(p, false); });   // the meter notices later than the clock detector
		uint64_t t0 = now_ps;
		CHECK(wait_for([] { return chk.cur == FB; }, us(3 * max_frame_us())),
			"no fallback after unplugging port %d (%s)", p, rep & 1 ? "stuck high" : "stopped low");
		if (verbose) printf("  port %d %s: fallback picture after %.1f us\n", p, rep & 1 ? "stuck high" : "stopped low",
			(chk.seg_start_ps - t0) / 1e6);
		CHECK(chk.cuts - cuts0 <= 1 && chk.malformed == mal0, "unplug: cuts +%ld malformed +%ld",
			chk.cuts - cuts0, chk.malformed - mal0);
		run_until(now_ps + us(frame_us(FB)));
		start_clock(p);
		at(now_ps + us(3 * frame_us(p)), [p] { set_ok(p, true); });
		CHECK(wait_for([p] { return chk.cur == p; }, us(12 * max_frame_us())), "port %d not back after replug", p);
	}
	long forced = dut->o_forced_count - forced0;
	printf("  %d unplugs, forced switches %ld, truncated output frames %ld\n", unplugs, forced, chk.cuts);
	CHECK(forced == unplugs, "forced switches %ld != unplugs %d", forced, unplugs);
	CHECK(chk.malformed == 0 && chk.junk == 0, "unplug: malformed %ld junk %ld", chk.malformed, chk.junk);

	// ---- glitch bursts on the selected source's sync
	printf("glitch bursts on the selected source's sync\n");
	long cuts_before = chk.cuts, mcut_before = dut->o_cut_count;
	long csync_cuts = 0;
	for (int rep = 0; rep < 2 * NP; rep++) {
		int p = rep % NP;
		bool long_burst = rep >= NP;
		long c0 = chk.cuts;
		switch_to(p, p);
		run_until(now_ps + rnd() % us(frame_us(p)));
		if (verbose) printf("  burst %d port %d %s at %.3f us\n", rep, p, long_burst ? "long" : "short", now_ps / 1e6);
		gen[p].glitch = true;
		double burst_us = long_burst ? 2 * frame_us(p) : 3.0 * P[p].ht / T[p].mhz;
		if (long_burst) at(now_ps + us(40), [p] { set_ok(p, false); });   // the meter loses lock
		run_until(now_ps + us(burst_us));
		gen[p].glitch = false;
		if (long_burst) {
			CHECK(chk.cur == FB || wait_for([] { return chk.cur == FB; }, us(3 * max_frame_us())),
				"long glitch burst on port %d: no fallback", p);
			at(now_ps + us(3 * frame_us(p)), [p] { set_ok(p, true); });
		}
		CHECK(wait_for([p] { return chk.cur == p; }, us(12 * max_frame_us())), "port %d picture not back after glitch", p);
		if (T[p].kind != SEP) csync_cuts += chk.cuts - c0;
	}
	long gcuts = chk.cuts - cuts_before, mcuts = dut->o_cut_count - mcut_before;
	printf("  %d bursts: output frames ended at a check failure %ld (matrix cut counter %ld), "
		"on composite-sync ports %ld\n", 2 * NP, gcuts, mcuts, csync_cuts);
	CHECK(gcuts == mcuts, "checker cuts %ld != matrix cut counter %ld", gcuts, mcuts);
	CHECK(gcuts >= 1 && gcuts <= 2 * NP, "glitch cuts %ld (expected 1..%d)", gcuts, 2 * NP);
	CHECK(csync_cuts >= 1, "no glitch on a composite-sync port was caught");
	CHECK(chk.malformed == 0 && chk.junk == 0, "glitch: malformed %ld junk %ld", chk.malformed, chk.junk);

	printf("totals: %.1f ms simulated, output samples %ld, pixels with x/y checked %ld, frames (fields) out "
		"p0..p5 %ld %ld %ld %ld %ld %ld fallback %ld, clean ends %ld, cuts %ld, malformed %ld\n",
		now_ps / 1e9, chk.samples, chk.xy_checked, chk.frames[0], chk.frames[1], chk.frames[2],
		chk.frames[3], chk.frames[4], chk.frames[5], chk.frames[FB], chk.clean_ends, chk.cuts, chk.malformed);
	CHECK(chk.frames[4] > 20 && chk.frames[5] > 20, "composite-sync ports: too few output frames %ld %ld",
		chk.frames[4], chk.frames[5]);
	printf("clock: shortest high %.0f ps, low %.0f ps (limit %llu ps = shortest input half period), runts %ld\n",
		(double)cck.min_hi, (double)cck.min_lo, (unsigned long long)cck.limit, cck.runts);
	printf("matrix counters: switches %d forced %d cuts %d\n", dut->o_switch_count, dut->o_forced_count, dut->o_cut_count);
	CHECK(cck.runts == 0, "runt clock phases: %ld", cck.runts);
	CHECK(chk.xy_checked > 100000, "too few pixels checked");
	dut->final();
	delete dut;
	printf("%s\n", fails ? "test-matrix FAILED" : "test-matrix passed");
	return fails ? 1 : 0;
}
