// SPDX-License-Identifier: MIT
/*
 * test_vidcap.cpp - sim/vidcap.cpp (the simulator's PNG capture and frame check) without
 * Verilator (test-sim-vidcap): progressive and interlaced streams are captured with 0
 * malformed frames (NTSC and PAL as the matrix outputs them, a custom XOR-csync 480i, a
 * synthetic 262/263 field stream), and genuinely malformed ones are still caught: a
 * progressive source whose line count alternates or whose frame looks like a second field,
 * an interlaced source that drops a field or has a field with a line too many, a short DE
 * line inside a field.
 */
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "models/video_checker.h"
#include "models/video_source.h"
#include "vidcap.h"

#include "tcheck.h"

using namespace vid;


/* feeds one vidcap at one pixel clock; time keeps going across calls */
struct Feed {
	vidcap cap{ "", nullptr };
	double hz;
	double t = 0;

	explicit Feed(double f) : hz(f) {}
	void px(bool hs, bool vs, bool de)
	{
		t += 1e12 / hz;
		cap.sample((uint64_t)std::llround(t), de ? 1 : 0, de ? 15 : 0, 0, hs, vs, de);
	}
};

/*
 * A synthetic raster with a constant line (L pixels, HS active low for the first HSW) and
 * frames given as (lines, VS phase): frame i covers n_i whole lines and its VS (active low,
 * 3 lines long) starts ph_i pixels into its first line, so VS can move against HS as it does
 * between the two fields of an interlaced source while the HS cadence stays. DE: VA lines
 * of HA pixels from line 20, column 150. short_line: that active line of the frame
 * marked `short_frame` is 7 pixels short.
 */
struct Raster {
	static const unsigned int L = 858, HSW = 63, HA = 720, H0 = 122, V0 = 20, VA = 240;
	std::vector<std::pair<unsigned int, unsigned int>> frames;
	int short_frame = -1;
	unsigned int short_line = 100;

	void add(unsigned int lines, unsigned int phase, unsigned int n = 1)
	{
		while (n--)
			frames.push_back({ lines, phase });
	}
	/* the whole stream, then one more frame start so the last frame is finished */
	void feed(Feed *f) const
	{
		std::vector<std::pair<unsigned int, unsigned int>> fr = frames;
		uint64_t vs_from = 0, vs_to = 0;
		std::vector<uint64_t> starts;	/* first pixel of each frame's first line */
		uint64_t s = 0;

		fr.push_back({ 4, 0 });
		for (const auto &x : fr) {
			starts.push_back(s);
			s += (uint64_t)x.first * L;
		}
		size_t k = 0;
		uint64_t pos = 0;

		for (size_t i = 0; i < fr.size(); i++) {
			for (unsigned int l = 0; l < fr[i].first; l++) {
				for (unsigned int x = 0; x < L; x++, pos++) {
					while (k < fr.size() && pos == starts[k] + fr[k].second) {
						vs_from = pos;
						vs_to = pos + 3 * L;
						k++;
					}
					unsigned int w = HA;

					if ((int)i == short_frame && l == V0 + short_line)
						w -= 7;
					bool de = l >= V0 && l < V0 + VA && x >= H0 && x < H0 + w;
					bool vs = pos >= vs_from && pos < vs_to;

					f->px(x >= HSW, !vs, de);
				}
			}
		}
	}
};

static void report(const char *what, const vidcap &c)
{
	printf("%-52s %2u frames, %u malformed, %ux%u in %u lines, interlaced %d\n", what,
	       c.frames(), c.malformed(), c.timing().active_w, c.timing().active_h,
	       c.timing().frame_lines, c.timing().interlaced);
}

static void test_synthetic()
{
	const unsigned int L = Raster::L;

	{
		Feed f(13.5e6);
		Raster r;

		r.add(525, 0, 6);
		r.feed(&f);
		report("progressive 525 lines", f.cap);
		CHECK(f.cap.frames() >= 4 && f.cap.malformed() == 0 && !f.cap.timing().interlaced,
		      "progressive: %u frames, %u malformed", f.cap.frames(), f.cap.malformed());
	}
	{
		Feed f(13.5e6);
		Raster r;

		for (int i = 0; i < 5; i++) {
			r.add(262, 0);
			r.add(263, L / 2);
		}
		r.feed(&f);
		report("interlaced 262 + 263, VS half a line apart", f.cap);
		CHECK(f.cap.frames() >= 8 && f.cap.malformed() == 0 && f.cap.timing().interlaced,
		      "interlaced: %u fields, %u malformed", f.cap.frames(), f.cap.malformed());
		CHECK(f.cap.timing().active_w == Raster::HA && f.cap.timing().active_h == Raster::VA,
		      "interlaced: field %ux%u", f.cap.timing().active_w, f.cap.timing().active_h);
	}
	{
		/* the line count alternates but VS stays at the line start: not fields */
		Feed f(13.5e6);
		Raster r;

		for (int i = 0; i < 4; i++) {
			r.add(525, 0);
			r.add(526, 0);
		}
		r.feed(&f);
		report("progressive 525 / 526 alternating (malformed)", f.cap);
		CHECK(f.cap.malformed() >= 5 && !f.cap.timing().interlaced,
		      "alternating line count: %u malformed of %u", f.cap.malformed(),
		      f.cap.frames());
	}
	{
		/* a progressive source, then one frame that looks like a second field */
		Feed f(13.5e6);
		Raster r;

		r.add(262, 0, 5);
		r.add(263, L / 2);
		r.add(262, 0, 2);
		r.feed(&f);
		report("progressive 262, one 263 with VS mid-line (malformed)", f.cap);
		CHECK(f.cap.malformed() >= 1 && !f.cap.timing().interlaced,
		      "progressive, field-like frame: %u malformed", f.cap.malformed());
	}
	{
		/* VS a quarter line off: not half a line, not a field pair */
		Feed f(13.5e6);
		Raster r;

		r.add(262, 0, 2);
		for (int i = 0; i < 3; i++) {
			r.add(263, L / 4);
			r.add(262, 0);
		}
		r.feed(&f);
		report("262 / 263 with VS a quarter line apart (malformed)", f.cap);
		CHECK(f.cap.malformed() >= 3 && !f.cap.timing().interlaced,
		      "quarter-line VS: %u malformed", f.cap.malformed());
	}
	{
		/* interlaced, then a field is missing: two fields of the same parity in a row */
		Feed f(13.5e6);
		Raster r;

		for (int i = 0; i < 3; i++) {
			r.add(262, 0);
			r.add(263, L / 2);
		}
		r.add(262, 0, 2);	/* the second one repeats field 1 */
		r.add(263, L / 2);
		r.add(262, 0);
		r.add(263, L / 2);
		r.feed(&f);
		report("interlaced with a dropped field (malformed)", f.cap);
		CHECK(f.cap.malformed() >= 1 && f.cap.malformed() <= 2,
		      "dropped field: %u malformed", f.cap.malformed());
	}
	{
		/* interlaced, one field with a line too many (263 + 263) */
		Feed f(13.5e6);
		Raster r;

		for (int i = 0; i < 3; i++) {
			r.add(262, 0);
			r.add(263, L / 2);
		}
		r.add(263, 0);
		r.add(263, L / 2);
		r.add(262, 0);
		r.add(263, L / 2);
		r.feed(&f);
		report("interlaced, a field with a line too many (malformed)", f.cap);
		CHECK(f.cap.malformed() >= 1, "field with an extra line: %u malformed",
		      f.cap.malformed());
	}
	{
		/* interlaced, a short DE line in one field */
		Feed f(13.5e6);
		Raster r;

		for (int i = 0; i < 4; i++) {
			r.add(262, 0);
			r.add(263, L / 2);
		}
		r.short_frame = 5;
		r.feed(&f);
		report("interlaced, one DE line 7 pixels short (malformed)", f.cap);
		CHECK(f.cap.malformed() == 1 && f.cap.timing().interlaced,
		      "short line in a field: %u malformed", f.cap.malformed());
	}
	{
		/* restart() forgets the fields: a progressive source after an interlaced one */
		Feed f(13.5e6);
		Raster r, p;

		for (int i = 0; i < 3; i++) {
			r.add(262, 0);
			r.add(263, L / 2);
		}
		r.feed(&f);
		CHECK(f.cap.timing().interlaced, "interlaced before restart");
		f.cap.restart(0, 0);
		CHECK(!f.cap.timing().interlaced, "restart clears interlaced");
		p.add(525, 0, 4);
		p.feed(&f);
		report("interlaced, restart(), progressive", f.cap);
		CHECK(f.cap.malformed() == 0 && !f.cap.timing().interlaced &&
		      f.cap.timing().frame_lines == 525,
		      "after restart: %u malformed, %u lines", f.cap.malformed(),
		      f.cap.timing().frame_lines);
	}
}

/* the matrix output of a mode (checker's program: derived HS / VS for csync), n frames */
static void test_program(const char *spec, bool interlaced)
{
	Mode m;
	std::string err;

	if (!parse_mode(spec, &m, &err)) {
		printf("FAIL parse %s: %s\n", spec, err.c_str());
		exit(1);
	}
	Program p = Checker::output_program(m);
	Feed f((double)m.clk_hz);
	Cursor c;

	c.start(&p, 0);
	for (uint64_t i = 0; i < 6ull * p.period; i++, c.next())
		f.px(c.lv & PIN_HS, c.lv & PIN_VS, c.lv & PIN_DE);
	std::string what = std::string("output program ") + spec;
	report(what.c_str(), f.cap);
	unsigned int fields = interlaced ? 2 : 1;

	CHECK(f.cap.frames() >= 6 * fields - 3 && f.cap.malformed() == 0 &&
	      f.cap.timing().interlaced == interlaced,
	      "%s: %u frames, %u malformed, interlaced %d", spec, f.cap.frames(),
	      f.cap.malformed(), f.cap.timing().interlaced);
	CHECK(f.cap.timing().active_w == (unsigned int)m.ha &&
	      f.cap.timing().active_h == (unsigned int)m.va,
	      "%s: %ux%u", spec, f.cap.timing().active_w, f.cap.timing().active_h);
}

int main()
{
	test_synthetic();
	test_program("ntsc", true);
	test_program("pal", true);
	test_program("custom:27000000:720,16,62,60:240,4,3,15:-,-:csync=xor:interlace", true);
	test_program("240p", false);
	test_program("640x480@60", false);
	test_program("1024x768@60", false);
	if (tcheck_failures) {
		printf("%d check(s) FAILED\n", tcheck_failures);
		return 1;
	}
	printf("test_vidcap: all checks passed\n");
	return 0;
}
