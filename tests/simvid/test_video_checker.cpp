// SPDX-License-Identifier: MIT
/*
 * test_video_checker.cpp - the simulator's video sources and output checker without
 * Verilator (test-sim-video-checker): every named mode's source gives the right DE runs,
 * line and field structure and port tag; the checker follows clean streams and switches
 * (blank gaps, polarity change, a cut frame, TV interlaced and custom XOR csync) with 0
 * malformed lines, and flags a short line, a missing DE run, a frame with a line too few,
 * one with a line too many and sync noise.
 */
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "models/video_checker.h"
#include "models/video_source.h"

#include "tcheck.h"

using namespace vid;


static Mode mode(const char *spec)
{
	Mode m;
	std::string err;

	if (!parse_mode(spec, &m, &err)) {
		printf("FAIL parse %s: %s\n", spec, err.c_str());
		exit(1);
	}
	return m;
}

/* feeds a checker at one clock frequency; time keeps going across calls */
struct Feed {
	Checker *ck;
	double t = 0;

	void clk(double hz, uint8_t bits, unsigned int r = 0)
	{
		t += 1e12 / hz;
		ck->sample((uint64_t)std::llround(t), r, bits & PIN_HS, bits & PIN_VS, bits & PIN_DE);
	}
	void idle(const Mode &m, uint8_t idle, uint64_t n)
	{
		while (n--)
			clk((double)m.clk_hz, idle);
	}
	void gap(double us) { t += us * 1e6; }
	/* n pixels of the program from cursor c; mutate(i, bits) may change or drop (-1) one */
	template <class F> void run(const Mode &m, Cursor *c, uint64_t n, F mutate)
	{
		for (uint64_t i = 0; i < n; i++) {
			int b = mutate(c->pos, c->lv);

			if (b >= 0)
				clk((double)m.clk_hz, (uint8_t)b);
			c->next();
		}
	}
	void run(const Mode &m, Cursor *c, uint64_t n)
	{
		run(m, c, n, [](uint32_t, uint8_t lv) { return (int)lv; });
	}
};

static void test_sources()
{
	const char *names[] = { "640x480@60", "800x600@60", "1024x768@60", "1280x720@60",
				"1920x1080@60", "1280x1024@60", "720x576@50", "ntsc", "pal",
				"240p", "288p",
				"custom:27000000:720,16,62,60:240,4,3,15:-,-:csync=xor:interlace",
				"custom:40000000:800,40,128,88:600,1,4,23:+,+:csync=and" };

	for (const char *n : names) {
		Mode m = mode(n);
		Source s;
		int port = 2;

		s.setup(port, m);
		CHECK(!s.plugged() && !s.pins().de, "%s: starts unplugged", n);
		s.plug(true);
		/* to the start of a frame */
		uint64_t f0 = s.frames();
		while (s.frames() == f0)
			s.next();
		int de_runs = 0, bad_w = 0, bad_tag = 0, hs_leads = 0, w = 0;
		bool de = s.pins().de, hs = s.pins().hs;
		bool hs_active = m.hpol;
		uint64_t pixels = 0;

		f0 = s.frames();
		while (s.frames() == f0) {
			const Pins &p = s.next();

			pixels++;
			if (p.de) {
				if (!de && p.r != port + 1)
					bad_tag++;
				w++;
			} else if (de) {
				de_runs++;
				bad_w += w != m.ha;
				w = 0;
			}
			if (p.hs != hs && p.hs == hs_active)
				hs_leads++;
			de = p.de;
			hs = p.hs;
		}
		int fields = m.interlace ? 2 : 1;

		CHECK(pixels == (uint64_t)m.htotal() * m.frame_lines(), "%s: frame %llu pixels",
		      n, (unsigned long long)pixels);
		CHECK(de_runs == fields * m.va, "%s: %d DE runs, want %d", n, de_runs,
		      fields * m.va);
		CHECK(bad_w == 0 && bad_tag == 0, "%s: %d DE runs of a wrong width, %d untagged", n,
		      bad_w, bad_tag);
		if (m.csync == CSYNC_NONE)
			CHECK(hs_leads == m.frame_lines(), "%s: %d HS pulses, want %d", n, hs_leads,
			      m.frame_lines());
		else
			CHECK(hs_leads > m.frame_lines() - 12 * fields, "%s: %d csync pulses", n,
			      hs_leads);
		CHECK(m.csync == CSYNC_NONE || s.pins().vs == !m.vpol, "%s: VS idle in csync", n);
		s.plug(false);
		CHECK(!s.pins().de && s.pins().hs == !m.hpol && s.pins().vs == !m.vpol,
		      "%s: unplugged pins idle", n);
	}
	/* rates of the named modes (hardware.md §1.4) */
	CHECK(std::fabs(mode("640x480@60").hfreq_hz() - 31469) < 1, "640x480 line rate");
	CHECK(std::fabs(mode("ntsc").vfreq_hz() - 59.94) < 0.01, "ntsc field rate %.3f",
	      mode("ntsc").vfreq_hz());
	CHECK(std::fabs(mode("pal").vfreq_hz() - 50) < 0.01, "pal field rate");
	CHECK(mode("pal").frame_lines() == 625 && mode("ntsc").frame_lines() == 525, "TV lines");
	Mode bad;
	std::string err;
	CHECK(!parse_mode("custom:25e6:640,16,96:480,10,2,33:-,-", &bad, &err), "short hact list");
	CHECK(!parse_mode("custom:25e6:640,16,96,48:480,10,2,33:-,x", &bad, &err), "polarity");
	CHECK(!parse_mode("custom:25e6:640,16,96,48:480,10,2,33:-,-:csync=or", &bad, &err),
	      "suffix");
	CHECK(!parse_mode("1024x768@70", &bad, &err), "unknown name");
	CHECK(parse_mode("custom:25175000:640,16,96,48:480,10,2,33:-,-", &bad, &err) &&
	      bad.htotal() == 800 && bad.vtotal() == 525 && !bad.hpol, "custom 640x480");
}

/*
 * An independent model of the matrix's composite-sync separator (rtl/video/vid_csync_sep.v
 * with L and W known), sample by sample: a pin leading edge starts a line if it comes at
 * least 3/4 line after the last line start, else the line starts after L pixels; HS = W
 * pixels from each line start; VS while the pin has been active >= L/4 pixels in a row,
 * held L/2 pixels. Separate sync passes through.
 */
struct Sep {
	bool on = false, hpol = false, vpol = false, pin_q = false;
	uint32_t L = 0, W = 0, hcnt = 0, run = 0, hold = 0;
	int shift = 0;			/* fault injection: HS this many pixels late */

	explicit Sep(const Mode &m)
	    : on(m.csync != CSYNC_NONE), hpol(m.hpol), vpol(m.vpol), L((uint32_t)m.htotal()),
	      W((uint32_t)m.hsw), hcnt((uint32_t)m.htotal())
	{
	}
	uint8_t step(uint8_t bits)
	{
		if (!on)
			return bits;
		bool a = ((bits & PIN_HS) != 0) == hpol, lead = a && !pin_q;
		uint32_t hn = hcnt + 1;

		hcnt = (lead && hn >= L - L / 4) || hn == L ? 0 : hn;
		bool hs = (hcnt + L - (uint32_t)shift) % L < W;
		bool lng = a && run >= L / 4, vs = lng || hold != 0;

		hold = lng ? L / 2 : hold ? hold - 1 : 0;
		run = a ? run + 1 : 0;
		pin_q = a;
		return (uint8_t)((hs == hpol ? PIN_HS : 0) | (vs == vpol ? PIN_VS : 0) |
				 (bits & PIN_DE));
	}
	/* the matrix has seen a whole frame before it passes one: learn the grid */
	void warm(const Program &p)
	{
		Cursor w;

		w.start(&p, 0);
		for (uint32_t i = 0; i < p.period; i++, w.next())
			step(w.lv);
	}
};

/* a checker with the internal raster and three ports; locked on the internal raster */
struct Bench {
	Checker ck;
	Feed f{ &ck };
	Mode in = internal_mode(), p0 = mode("800x600@60"), p1 = mode("ntsc"),
	     p2 = mode("custom:27000000:720,16,62,60:240,4,3,15:-,-:csync=xor:interlace");
	Program pin{ in }, pp0{ p0 }, pp1{ p1 }, pp2{ p2 };
	Cursor c;

	Bench()
	{
		ck.add_source(Checker::INTERNAL, in);
		ck.add_source(0, p0);
		ck.add_source(1, p1);
		ck.add_source(2, p2);
		c.start(&pin, 123457);
		f.run(in, &c, 3ull * pin.period);
	}
	/* frame start of a port after blank (with its clock) */
	Sep sep{ in };
	void switch_to(const Mode &m, const Program &p, uint8_t old_idle, const Mode &old)
	{
		f.idle(old, old_idle, 5000);
		f.gap(3);
		f.idle(m, p.idle, 30000);
		sep = Sep(m);
		sep.warm(p);
		c.start(&p, 0);
		run(m, 3ull * p.period);
	}
	/* n pixels of the current source as the matrix outputs them */
	void run(const Mode &m, uint64_t n)
	{
		f.run(m, &c, n, [this](uint32_t, uint8_t lv) { return (int)sep.step(lv); });
	}
};

static void test_checker_clean()
{
	Bench b;

	CHECK(b.ck.source() == Checker::INTERNAL && b.ck.frames() >= 2 &&
	      b.ck.malformed_lines() == 0, "internal: source %d frames %llu malformed %llu",
	      b.ck.source(), (unsigned long long)b.ck.frames(),
	      (unsigned long long)b.ck.malformed_lines());
	/* internal ends at its frame start, blank, 800x600 +/+ (polarity change in the blank) */
	while (b.c.pos != 0)
		b.f.run(b.in, &b.c, 1);
	b.switch_to(b.p0, b.pp0, b.pin.idle, b.in);
	CHECK(b.ck.source() == 0 && b.ck.source_changes() == 1 && b.ck.blank_lines() > 30 &&
	      b.ck.cut_frames() == 0 && b.ck.malformed_lines() == 0,
	      "to port 0: source %d changes %llu blank %llu cut %llu malformed %llu",
	      b.ck.source(), (unsigned long long)b.ck.source_changes(),
	      (unsigned long long)b.ck.blank_lines(), (unsigned long long)b.ck.cut_frames(),
	      (unsigned long long)b.ck.malformed_lines());
	/* cut in the middle of a frame, blank, the same source again from a frame start */
	b.f.run(b.p0, &b.c, b.pp0.period / 2);
	b.switch_to(b.p0, b.pp0, b.pp0.idle, b.p0);
	CHECK(b.ck.cut_frames() == 1 && b.ck.malformed_lines() == 0 && b.ck.source_changes() == 1,
	      "cut: %llu cuts, %llu malformed", (unsigned long long)b.ck.cut_frames(),
	      (unsigned long long)b.ck.malformed_lines());
	/* NTSC (TV csync, interlaced) and custom XOR csync interlaced */
	b.switch_to(b.p1, b.pp1, b.pp0.idle, b.p0);
	CHECK(b.ck.source() == 1 && b.ck.malformed_lines() == 0, "ntsc: source %d malformed %llu",
	      b.ck.source(), (unsigned long long)b.ck.malformed_lines());
	b.switch_to(b.p2, b.pp2, b.pp1.idle, b.p1);
	CHECK(b.ck.source() == 2 && b.ck.malformed_lines() == 0 && b.ck.source_changes() == 3,
	      "xor interlace: source %d malformed %llu changes %llu", b.ck.source(),
	      (unsigned long long)b.ck.malformed_lines(),
	      (unsigned long long)b.ck.source_changes());
	uint64_t frames = b.ck.frames();
	b.run(b.p2, 4ull * b.pp2.period);
	CHECK(b.ck.frames() == frames + 4, "frames counted: %llu -> %llu",
	      (unsigned long long)frames, (unsigned long long)b.ck.frames());
	for (const std::string &s : b.ck.log())
		printf("  log: %s\n", s.c_str());
}

/* locked on port 0 (800x600), then one fault, then clean frames; returns malformed lines */
template <class F> static uint64_t fault(const char *what, F mutate)
{
	Bench b;

	b.switch_to(b.p0, b.pp0, b.pin.idle, b.in);
	uint64_t before = b.ck.malformed_lines();
	b.f.run(b.p0, &b.c, b.pp0.period, mutate);
	b.f.run(b.p0, &b.c, 3ull * b.pp0.period);
	uint64_t n = b.ck.malformed_lines() - before;

	printf("  %s: %llu malformed lines, then %s (source %d)%s%s\n", what,
	       (unsigned long long)n, b.ck.locked() ? "locked again" : "not locked",
	       b.ck.source(), b.ck.log().empty() ? "" : ": ",
	       b.ck.log().empty() ? "" : b.ck.log()[0].c_str());
	CHECK(before == 0, "%s: clean before", what);
	CHECK(b.ck.locked() && b.ck.source() == 0, "%s: locks again", what);
	return n;
}

static void test_checker_faults()
{
	Mode m = mode("800x600@60");
	Program p(m);
	const uint32_t H = p.htotal;
	const uint32_t active_line = (uint32_t)(m.vsw + m.vbp + 100) * H;	/* line start */
	const uint32_t fp_line = (uint32_t)(m.vsw + m.vbp + m.va) * H;		/* front porch */
	uint32_t de0 = active_line + m.hsw + m.hbp;

	uint64_t n = fault("short line", [&](uint32_t pos, uint8_t lv) {
		return pos >= de0 + 100 && pos < de0 + 107 ? -1 : (int)lv;
	});
	CHECK(n >= 1, "short line not flagged");
	n = fault("missing DE", [&](uint32_t pos, uint8_t lv) {
		return pos >= de0 && pos < de0 + m.ha ? (int)(lv & ~PIN_DE) : (int)lv;
	});
	CHECK(n >= 1, "missing DE not flagged");
	n = fault("a line too few", [&](uint32_t pos, uint8_t lv) {
		return pos >= fp_line && pos < fp_line + H ? -1 : (int)lv;
	});
	CHECK(n >= 1, "frame with a line too few not flagged");
	/* a line too many: the last front porch line twice (its samples fed again) */
	{
		Bench b;

		b.switch_to(b.p0, b.pp0, b.pin.idle, b.in);
		while (b.c.pos != p.period - H)
			b.f.run(b.p0, &b.c, 1);
		Cursor again = b.c;
		b.f.run(b.p0, &again, H);
		b.f.run(b.p0, &b.c, 3ull * p.period);
		CHECK(b.ck.malformed_lines() >= 1, "frame with a line too many not flagged");
	}
	n = fault("DE one pixel late", [&](uint32_t pos, uint8_t lv) {
		return pos == de0 ? (int)(lv & ~PIN_DE) : (int)lv;
	});
	CHECK(n >= 1, "DE late not flagged");
	uint32_t rng = 7;
	n = fault("sync noise", [&](uint32_t pos, uint8_t lv) {
		rng = rng * 1664525u + 1013904223u;
		return pos < p.period / 3 && (rng >> 24) < 8 ? (int)(lv ^ PIN_HS) : (int)lv;
	});
	CHECK(n >= 1, "sync noise not flagged");
}

/*
 * Composite sync: the checker expects the clean HS / VS the matrix derives (a progressive
 * XOR csync source and NTSC, interlaced TV csync), follows them with 0 malformed lines, and
 * flags the raw csync pins passed through unchanged and an HS a few pixels off the grid.
 */
static void test_checker_csync()
{
	const char *xor800 = "custom:40000000:800,40,128,88:600,1,4,23:+,+:csync=xor";
	Mode mx = mode(xor800), mn = mode("ntsc");
	Program ox = Checker::output_program(mx), on = Checker::output_program(mn);

	/* the derived program: one HS pulse per line, VS pulses per field, VS idle elsewhere */
	for (int k = 0; k < 2; k++) {
		const Mode &m = k ? mn : mx;
		const Program &o = k ? on : ox;
		Cursor c;
		int hs_leads = 0, vs_leads = 0;
		bool hs, vs;

		c.start(&o, o.period - 1);
		hs = ((c.lv & PIN_HS) != 0) == m.hpol;
		vs = ((c.lv & PIN_VS) != 0) == m.vpol;
		for (uint32_t i = 0; i < o.period; i++) {
			c.next();
			bool h = ((c.lv & PIN_HS) != 0) == m.hpol, v = ((c.lv & PIN_VS) != 0) == m.vpol;

			hs_leads += h && !hs;
			vs_leads += v && !vs;
			hs = h;
			vs = v;
		}
		CHECK(hs_leads == m.frame_lines() && vs_leads == (m.interlace ? 2 : 1),
		      "%s output program: %d HS pulses (want %d), %d VS pulses", m.name.c_str(),
		      hs_leads, m.frame_lines(), vs_leads);
	}
	/* clean: internal -> XOR 800x600 -> NTSC -> XOR 800x600 */
	Checker ck;
	Feed f{ &ck };
	Mode in = internal_mode();
	Program pin(in), px(mx), pn(mn);
	Cursor c;
	Sep sep{ in };

	ck.add_source(Checker::INTERNAL, in);
	ck.add_source(0, mx);
	ck.add_source(1, mn);
	c.start(&pin, 4321);
	f.run(in, &c, 2ull * pin.period);
	auto show = [&](const Mode &m, const Program &p, uint8_t old_idle, const Mode &old,
			uint64_t frames, int shift) {
		f.idle(old, old_idle, 5000);
		f.gap(3);
		f.idle(m, p.idle, 30000);
		sep = Sep(m);
		sep.warm(p);
		sep.shift = shift;
		c.start(&p, 0);
		f.run(m, &c, frames * p.period,
		      [&](uint32_t, uint8_t lv) { return (int)sep.step(lv); });
	};
	show(mx, px, pin.idle, in, 3, 0);
	CHECK(ck.source() == 0 && ck.malformed_lines() == 0 && ck.frames() >= 3,
	      "xor csync: source %d malformed %llu frames %llu", ck.source(),
	      (unsigned long long)ck.malformed_lines(), (unsigned long long)ck.frames());
	uint64_t fr = ck.frames();
	show(mn, pn, px.idle, mx, 3, 0);
	CHECK(ck.source() == 1 && ck.malformed_lines() == 0 && ck.frames() >= fr + 2,
	      "ntsc csync: source %d malformed %llu frames %llu -> %llu", ck.source(),
	      (unsigned long long)ck.malformed_lines(), (unsigned long long)fr,
	      (unsigned long long)ck.frames());
	show(mx, px, pn.idle, mn, 2, 0);
	CHECK(ck.source() == 0 && ck.malformed_lines() == 0 && ck.source_changes() == 3,
	      "back to xor: source %d malformed %llu changes %llu", ck.source(),
	      (unsigned long long)ck.malformed_lines(), (unsigned long long)ck.source_changes());
	for (const std::string &s : ck.log())
		printf("  log: %s\n", s.c_str());
	/* faults: the raw csync pins, and an HS 3 pixels late */
	uint64_t m0 = ck.malformed_lines();
	f.idle(mx, px.idle, 5000);
	c.start(&px, 0);
	f.run(mx, &c, 2ull * px.period);
	CHECK(ck.malformed_lines() > m0, "raw XOR csync pins not flagged");
	printf("  raw csync pins: %llu malformed lines\n",
	       (unsigned long long)(ck.malformed_lines() - m0));
	m0 = ck.malformed_lines();
	show(mn, pn, px.idle, mx, 2, 3);
	CHECK(ck.malformed_lines() > m0, "NTSC with HS 3 pixels late not flagged");
	printf("  ntsc HS 3 pixels late: %llu malformed lines\n",
	       (unsigned long long)(ck.malformed_lines() - m0));
}

int main()
{
	test_sources();
	test_checker_clean();
	test_checker_faults();
	test_checker_csync();
	if (tcheck_failures) {
		printf("test_video_checker: %d FAILED\n", tcheck_failures);
		return 1;
	}
	printf("test_video_checker: all passed\n");
	return 0;
}
