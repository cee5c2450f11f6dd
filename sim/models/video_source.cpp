// SPDX-License-Identifier: MIT
/*
 * video_source.cpp - mode table, mode parser, frame programs and the per-port source
 * (see video_source.h). The TV composite sync (equalising and broad pulses on a half-line
 * grid) and the XOR / AND composite sync come from tests/sync/sync_gen.h.
 */
#include "models/video_source.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "sync_gen.h"

namespace vid {

namespace {

struct Named {
	const char *name;
	uint64_t clk_hz;
	int ha, hfp, hsw, hbp, va, vfp, vsw, vbp;
	bool hpol, vpol;
	int csync;
	bool interlace;
	int neq, nb, eqw;
};

/* DMT / CEA timings: shared/reference/hardware.md §1.4. TV: 13.5 MHz (BT.601 line),
 * 240/288 active lines per field, the vertical interval (vsw) rounded up to whole lines. */
const Named modes[] = {
	{ "640x480@60", 25175000, 640, 16, 96, 48, 480, 10, 2, 33, false, false, 0, false, 0, 0, 0 },
	{ "800x600@60", 40000000, 800, 40, 128, 88, 600, 1, 4, 23, true, true, 0, false, 0, 0, 0 },
	{ "1024x768@60", 65000000, 1024, 24, 136, 160, 768, 3, 6, 29, false, false, 0, false, 0, 0, 0 },
	{ "1280x720@60", 74250000, 1280, 110, 40, 220, 720, 5, 5, 20, true, true, 0, false, 0, 0, 0 },
	{ "1920x1080@60", 148500000, 1920, 88, 44, 148, 1080, 4, 5, 36, true, true, 0, false, 0, 0, 0 },
	{ "1280x1024@60", 108000000, 1280, 48, 112, 248, 1024, 1, 3, 38, true, true, 0, false, 0, 0, 0 },
	{ "720x576@50", 27000000, 720, 12, 64, 68, 576, 5, 5, 39, false, false, 0, false, 0, 0, 0 },
	{ "ntsc", 13500000, 720, 16, 63, 59, 240, 1, 9, 12, false, false, CSYNC_TV, true, 6, 6, 31 },
	{ "pal", 13500000, 720, 12, 63, 69, 288, 1, 8, 15, false, false, CSYNC_TV, true, 5, 5, 32 },
	{ "240p", 13500000, 720, 16, 63, 59, 240, 1, 9, 12, false, false, CSYNC_TV, false, 6, 6, 31 },
	{ "288p", 13500000, 720, 12, 63, 69, 288, 2, 8, 15, false, false, CSYNC_TV, false, 5, 5, 32 },
};

Mode from_named(const Named &n)
{
	Mode m;

	m.name = n.name;
	m.clk_hz = n.clk_hz;
	m.ha = n.ha; m.hfp = n.hfp; m.hsw = n.hsw; m.hbp = n.hbp;
	m.va = n.va; m.vfp = n.vfp; m.vsw = n.vsw; m.vbp = n.vbp;
	m.hpol = n.hpol; m.vpol = n.vpol;
	m.csync = n.csync;
	m.interlace = n.interlace;
	m.tv_neq = n.neq; m.tv_nb = n.nb; m.tv_eqw = n.eqw;
	return m;
}

bool parse_ints(const std::string &s, int *v, int n)
{
	const char *p = s.c_str();
	char *end;

	for (int i = 0; i < n; i++) {
		long x = strtol(p, &end, 10);

		if (end == p || x < 0 || x > 100000)
			return false;
		v[i] = (int)x;
		if (i < n - 1) {
			if (*end != ',')
				return false;
			p = end + 1;
		} else if (*end) {
			return false;
		}
	}
	return true;
}

bool parse_pol(const std::string &s, bool *pol)
{
	if (s == "+" || s == "p" || s == "1") {
		*pol = true;
	} else if (s == "-" || s == "n" || s == "0") {
		*pol = false;
	} else {
		return false;
	}
	return true;
}

std::vector<std::string> split(const std::string &s, char sep)
{
	std::vector<std::string> out;
	size_t at = 0;

	for (;;) {
		size_t e = s.find(sep, at);

		out.push_back(s.substr(at, e == std::string::npos ? e : e - at));
		if (e == std::string::npos)
			return out;
		at = e + 1;
	}
}

}  // namespace

const char *mode_names()
{
	return "640x480@60 800x600@60 1024x768@60 1280x720@60 1920x1080@60 1280x1024@60 "
	       "720x576@50 ntsc pal 240p 288p";
}

Mode internal_mode()
{
	Mode m = from_named(modes[0]);

	m.name = "internal";
	m.clk_hz = 25125000;
	m.vs_shift = m.hsw + m.hbp;	/* video_timing: VS edges at the first active column */
	return m;
}

bool parse_mode(const std::string &spec, Mode *m, std::string *err)
{
	for (const Named &n : modes)
		if (spec == n.name) {
			*m = from_named(n);
			return true;
		}
	std::vector<std::string> f = split(spec, ':');
	if (f[0] != "custom") {
		*err = "unknown video mode '" + spec + "' (known: " + mode_names() + ", custom:...)";
		return false;
	}
	if (f.size() < 5) {
		*err = "custom mode needs custom:CLK_HZ:HACT,HFP,HSYNC,HBP:VACT,VFP,VSYNC,VBP:HPOL,VPOL: '" +
		       spec + "'";
		return false;
	}
	Mode c;
	int h[4], v[4];
	char *end;
	double hz = strtod(f[1].c_str(), &end);
	std::vector<std::string> pol = split(f[4], ',');

	c.name = "custom";
	if (*end || f[1].empty() || hz < 1e6 || hz > 400e6) {
		*err = "bad custom pixel clock '" + f[1] + "' (1e6..400e6 Hz)";
		return false;
	}
	c.clk_hz = (uint64_t)hz;
	if (!parse_ints(f[2], h, 4) || !parse_ints(f[3], v, 4) || h[0] < 8 || h[2] < 1 ||
	    v[0] < 2 || v[2] < 1) {
		*err = "bad custom timing '" + f[2] + ":" + f[3] + "'";
		return false;
	}
	c.ha = h[0]; c.hfp = h[1]; c.hsw = h[2]; c.hbp = h[3];
	c.va = v[0]; c.vfp = v[1]; c.vsw = v[2]; c.vbp = v[3];
	if (pol.size() != 2 || !parse_pol(pol[0], &c.hpol) || !parse_pol(pol[1], &c.vpol)) {
		*err = "bad custom polarity '" + f[4] + "' (HPOL,VPOL: + or -)";
		return false;
	}
	for (size_t i = 5; i < f.size(); i++) {
		if (f[i] == "csync=xor") {
			c.csync = CSYNC_XOR;
		} else if (f[i] == "csync=and") {
			c.csync = CSYNC_AND;
		} else if (f[i] == "interlace") {
			c.interlace = true;
		} else {
			*err = "bad custom mode suffix '" + f[i] + "' (csync=xor, csync=and, interlace)";
			return false;
		}
	}
	if (c.interlace && (c.htotal() & 1)) {
		*err = "interlaced custom mode needs an even line length";
		return false;
	}
	if ((uint64_t)c.htotal() * c.frame_lines() > 16000000) {
		*err = "custom mode too large";
		return false;
	}
	*m = c;
	return true;
}

/* ---------------------------------------------------------------- programs */

namespace {

/* one signal's active intervals, wrapped into [0, T) */
struct Ivs {
	double T;
	syncgen::Ivals iv;

	void add(double a, double b)
	{
		double n = std::floor(a / T);

		a -= n * T;
		b -= n * T;
		if (b <= T) {
			iv.push_back({ a, b });
		} else {
			iv.push_back({ a, T });
			iv.push_back({ 0, b - T });
		}
	}
	syncgen::Wave wave() const { return syncgen::from_ivals(T, iv); }
};

void add_toggles(std::vector<Event> *ev, const syncgen::Wave &w, uint8_t mask)
{
	for (double t : w.tg) {
		uint32_t pos = (uint32_t)std::lround(t);

		if (pos < (uint32_t)std::lround(w.T))
			ev->push_back({ pos, mask });
	}
}

}  // namespace

Program::Program(const Mode &m)
{
	const double H = m.htotal();
	const int vt = m.vtotal();
	const int lines = m.frame_lines();
	const double T = H * lines;
	const double de0 = m.hsw + m.hbp;	/* line start to the first active pixel */
	Ivs hs{ T, {} }, vs{ T, {} }, de{ T, {} };
	/* (line of the field start in half lines, first active line) per field */
	std::vector<std::pair<int, int>> fields;
	syncgen::Wave hsw;

	period = (uint32_t)T;
	htotal = (uint32_t)H;
	hact = (uint32_t)m.ha;
	if (m.interlace)
		fields = { { 0, m.vsw + m.vbp }, { 2 * vt + 1, vt + 1 + m.vsw + m.vbp } };
	else
		fields = { { 0, m.vsw + m.vbp } };
	for (auto &f : fields) {
		double start = f.first * H / 2;

		vs.add(start + m.vs_shift, start + m.vs_shift + m.vsw * H);
		for (int l = 0; l < m.va; l++)
			de.add((f.second + l) * H + de0, (f.second + l) * H + de0 + m.ha);
		anchors.push_back((uint32_t)(f.second * H + de0));
		lead.push_back((uint32_t)(f.second * H + de0 - (start + m.vs_shift + m.vsw * H)));
	}
	for (int l = 0; l < lines; l++)
		hs.add(l * H, l * H + m.hsw);

	uint8_t hs_idle = m.hpol ? 0 : PIN_HS, vs_idle = m.vpol ? 0 : PIN_VS;

	idle = hs_idle | vs_idle;
	init = idle;
	switch (m.csync) {
	case CSYNC_NONE:
		add_toggles(&ev, hs.wave(), PIN_HS);
		add_toggles(&ev, vs.wave(), PIN_VS);
		break;
	case CSYNC_XOR:
		add_toggles(&ev, syncgen::wave_xor(hs.wave(), vs.wave()), PIN_HS);
		break;
	case CSYNC_AND: {
		Ivs both = hs;

		both.iv.insert(both.iv.end(), vs.iv.begin(), vs.iv.end());
		add_toggles(&ev, both.wave(), PIN_HS);
		break;
	}
	case CSYNC_TV: {
		syncgen::Tv tv{ H, (double)m.hsw, (double)m.tv_eqw, 2 * lines, m.tv_neq, m.tv_nb,
				m.interlace ? std::vector<int>{ 0, 2 * vt + 1 } : std::vector<int>{ 0 } };

		add_toggles(&ev, tv.csync(), PIN_HS);
		break;
	}
	}
	add_toggles(&ev, de.wave(), PIN_DE);
	std::sort(ev.begin(), ev.end(), [](const Event &a, const Event &b) { return a.pos < b.pos; });
	/* merge events at the same position */
	std::vector<Event> merged;
	for (const Event &e : ev) {
		if (!merged.empty() && merged.back().pos == e.pos)
			merged.back().mask ^= e.mask;
		else
			merged.push_back(e);
	}
	merged.erase(std::remove_if(merged.begin(), merged.end(),
				    [](const Event &e) { return e.mask == 0; }),
		     merged.end());
	ev.swap(merged);
}

size_t Program::event_index(uint32_t pos) const
{
	return std::lower_bound(ev.begin(), ev.end(), pos,
				[](const Event &e, uint32_t p) { return e.pos < p; }) - ev.begin();
}

uint8_t Program::levels_at(uint32_t pos) const
{
	uint8_t lv = init;
	size_t n = std::upper_bound(ev.begin(), ev.end(), pos,
				    [](uint32_t p, const Event &e) { return p < e.pos; }) - ev.begin();

	for (size_t i = 0; i < n; i++)
		lv ^= ev[i].mask;
	return lv;
}

/* ---------------------------------------------------------------- source */

void Source::setup(int port, const Mode &m)
{
	port_ = port;
	mode_ = m;
	prog_ = Program(m);
	rng_ = 0x9e3779b9u * (uint32_t)(port + 1);
	idle_pins();
}

void Source::idle_pins()
{
	pins_ = Pins();
	pins_.hs = prog_.idle & PIN_HS;
	pins_.vs = prog_.idle & PIN_VS;
}

void Source::plug(bool on)
{
	if (on == plugged_)
		return;
	plugged_ = on;
	if (!on) {
		idle_pins();
		glitch_left_ = 0;
		return;
	}
	/* arbitrary but deterministic: the frame position and clock phase after each plug */
	rng_ = rng_ * 1664525u + 1013904223u;
	cur_.start(&prog_, rng_ % prog_.period);
	rng_ = rng_ * 1664525u + 1013904223u;
	phase_ps_ = rng_ % (uint64_t)(1e12 / mode_.clk_hz);
	col_ = 0;
	pins_.de = false;
}

const Pins &Source::next()
{
	if (!plugged_)
		return pins_;
	if (cur_.next()) {
		frames_++;
		stripe_ = mode_.ha > 24 ? (stripe_ + 4) % (mode_.ha - 12) : 0;
	}
	uint8_t lv = cur_.lv;

	if (glitch_left_) {
		glitch_left_--;
		rng_ ^= rng_ << 13;
		rng_ ^= rng_ >> 17;
		rng_ ^= rng_ << 5;
		if ((rng_ & 15) == 0)
			lv ^= PIN_HS;
		if (((rng_ >> 8) & 127) == 0)
			lv ^= PIN_VS;
	}
	pins_.hs = lv & PIN_HS;
	pins_.vs = lv & PIN_VS;
	if (lv & PIN_DE) {
		if (!pins_.de)
			col_ = 0;
		if (col_ < 8) {
			pins_.r = (uint8_t)(port_ + 1);
			pins_.g = pins_.b = 0;
		} else if (col_ >= 8 + stripe_ && col_ < 12 + stripe_) {
			pins_.r = pins_.g = pins_.b = 15;
		} else {
			int bar = col_ * 8 / mode_.ha;

			pins_.r = (uint8_t)((2 * port_ + 8 * (bar & 1)) & 15);
			pins_.g = (bar & 2) ? 15 : 0;
			pins_.b = (bar & 4) ? 15 : 0;
		}
		col_++;
		pins_.de = true;
	} else {
		pins_.r = pins_.g = pins_.b = 0;
		pins_.de = false;
	}
	return pins_;
}

}  // namespace vid
