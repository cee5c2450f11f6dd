/* SPDX-License-Identifier: MIT */
/*
 * video_source.h - per-port digital video sources for the simulated board (no Verilator
 * dependency), and the frame "programs" that both the sources and the output checker
 * (video_checker.h) follow. See docs/simulator.md, "Video inputs".
 *
 * A Program is one frame (both fields when interlaced) of HS, VS and DE pin levels as a list
 * of toggles at pixel positions in [0, period). Position 0 is the frame start (the VS leading
 * edge, or the start of the first vertical interval for composite sync). Lines start at
 * their HS leading edge: line L covers [L*htotal, (L+1)*htotal) - also for the internal
 * raster, whose VS edges fall at the first active pixel instead (vs_shift).
 */
#ifndef KVMOSD_SIM_VIDEO_SOURCE_H
#define KVMOSD_SIM_VIDEO_SOURCE_H

#include <cstdint>
#include <string>
#include <vector>

namespace vid {

enum { PIN_HS = 1, PIN_VS = 2, PIN_DE = 4 };
enum Csync { CSYNC_NONE = 0, CSYNC_XOR, CSYNC_AND, CSYNC_TV };

struct Mode {
	std::string name;		/* "640x480@60", "ntsc", "custom" ... */
	uint64_t clk_hz = 0;
	int ha = 0, hfp = 0, hsw = 0, hbp = 0;	/* pixels */
	int va = 0, vfp = 0, vsw = 0, vbp = 0;	/* lines (per field when interlaced) */
	bool hpol = false, vpol = false;	/* true: active high */
	int csync = CSYNC_NONE;		/* CSYNC_TV: equalising + broad pulses, half-line grid */
	bool interlace = false;
	int tv_neq = 0, tv_nb = 0, tv_eqw = 0;	/* CSYNC_TV: pulses per group, eq. pulse width */
	int vs_shift = 0;		/* VS edges this many pixels after the line start */

	int htotal() const { return ha + hfp + hsw + hbp; }
	int vtotal() const { return va + vfp + vsw + vbp; }
	/* lines per frame (interlaced: both fields, 2 * vtotal + 1) */
	int frame_lines() const { return interlace ? 2 * vtotal() + 1 : vtotal(); }
	double hfreq_hz() const { return (double)clk_hz / htotal(); }
	/* frame rate (progressive) or field rate (interlaced), Hz */
	double vfreq_hz() const { return hfreq_hz() / (interlace ? vtotal() + 0.5 : vtotal()); }
};

/*
 * "640x480@60", "800x600@60", "1024x768@60", "1280x720@60", "1920x1080@60", "ntsc", "pal",
 * "240p", "288p", "720x576@50", "1280x1024@60", or
 * "custom:CLK_HZ:HACT,HFP,HSYNC,HBP:VACT,VFP,VSYNC,VBP:HPOL,VPOL[:csync=xor|and][:interlace]"
 * (polarity: + / - / p / n / 1 / 0). False with a message in *err.
 */
bool parse_mode(const std::string &spec, Mode *m, std::string *err);
/* the board's internal 640x480 raster (video_timing: 25.125 MHz, -/-, VS at x = 0) */
Mode internal_mode();
/* the names parse_mode() knows, for --help */
const char *mode_names();

struct Event {
	uint32_t pos;
	uint8_t mask;	/* PIN_* bits that toggle at pos */
};

struct Program {
	uint32_t period = 0;		/* pixels per frame */
	uint32_t htotal = 0, hact = 0;
	uint8_t init = 0;		/* PIN_* levels at position 0 */
	uint8_t idle = 0;		/* PIN_* levels of a blank output (syncs inactive) */
	std::vector<Event> ev;		/* sorted by pos, no two with the same pos */
	std::vector<uint32_t> anchors;	/* first DE pixel of each field */
	std::vector<uint32_t> lead;	/* per anchor: pixels from the end of the field's
					 * vertical sync to the anchor */

	explicit Program(const Mode &m);
	Program() = default;
	/* pin levels at position pos (binary search) */
	uint8_t levels_at(uint32_t pos) const;
	/* index of the first event with ev.pos >= pos */
	size_t event_index(uint32_t pos) const;
};

/* Walks a Program one pixel at a time. */
struct Cursor {
	const Program *p = nullptr;
	uint32_t pos = 0;
	size_t ei = 0;
	uint8_t lv = 0;

	void start(const Program *prog, uint32_t at)
	{
		p = prog;
		pos = at % prog->period;
		ei = prog->event_index(pos);
		lv = prog->levels_at(pos);
		/* levels_at(pos) already includes the toggles at pos */
		if (ei < p->ev.size() && p->ev[ei].pos == pos)
			ei++;
	}
	/* to the next pixel; true when it wrapped to position 0 (a new frame) */
	bool next()
	{
		if (++pos == p->period) {
			pos = 0;
			ei = 0;
			lv = p->init;
			if (!p->ev.empty() && p->ev[0].pos == 0)
				lv ^= p->ev[ei++].mask;
			return true;
		}
		if (ei < p->ev.size() && p->ev[ei].pos == pos)
			lv ^= p->ev[ei++].mask;
		return false;
	}
};

/* Pin values of one port at one pixel. */
struct Pins {
	uint8_t r = 0, g = 0, b = 0;
	bool hs = false, vs = false, de = false;
};

/*
 * One port's source. Plugged: a clock of mode.clk_hz and a picture that names the port
 * (columns 0-7 of every line: R = port + 1, G = B = 0), then 8 vertical colour bars
 * (R = 2 * port + 8 * (bar & 1), G = 15 * bit 1, B = 15 * bit 2) and a 4-pixel white
 * stripe that moves 4 pixels per frame. Unplugged: clock stopped, syncs inactive, rest 0.
 */
class Source {
public:
	Source() = default;
	void setup(int port, const Mode &m);
	bool configured() const { return prog_.period != 0; }
	bool plugged() const { return plugged_; }
	void plug(bool on);
	/* noise on HS/VS (1 in 16 pixels flips HS, 1 in 128 VS) until pixel count n_until */
	void glitch(uint64_t pixels) { glitch_left_ = pixels; }
	/* one pixel clock: the pins for the next pixel */
	const Pins &next();
	const Pins &pins() const { return pins_; }
	const Mode &mode() const { return mode_; }
	const Program &program() const { return prog_; }
	uint64_t frames() const { return frames_; }
	uint64_t phase_ps() const { return phase_ps_; }	/* clock phase after each plug */

private:
	void idle_pins();

	int port_ = 0;
	Mode mode_;
	Program prog_;
	Cursor cur_;
	Pins pins_;
	bool plugged_ = false;
	int col_ = 0, stripe_ = 0;
	uint64_t frames_ = 0, glitch_left_ = 0;
	uint64_t phase_ps_ = 0;
	uint32_t rng_ = 1;
};

}  // namespace vid

#endif /* KVMOSD_SIM_VIDEO_SOURCE_H */
