/* SPDX-License-Identifier: MIT */
/*
 * vidcap.h - follows the board's video output (RGB444, HS, VS, DE) one pixel clock at a time,
 * derives line and frame timing from the sync signals alone, checks every frame for
 * malformed lines and writes the active area of each frame as a PNG.
 *
 * Nothing about the mode is assumed: sync polarity is the level with the shorter pulses, a
 * frame starts at the leading edge of VS, a line at the leading edge of HS, and the active
 * area is whatever DE marks. A frame is malformed when its DE runs differ in length, its line
 * period changes, DE is high during a sync pulse, or its geometry differs from the previous
 * frame's.
 *
 * Interlaced output is captured field by field (a "frame" here is one VS period). Two
 * consecutive fields are a field pair when they have the same line period and active width,
 * differ by exactly one line in total and by at most one in active lines, and their VS
 * leading edges fall about half a line apart in the line (NTSC: 262 / 263 lines, VS at the
 * line start / mid-line; field_pair() in vidcap.cpp says how close). A second field that
 * pairs with a good first one (the first frame after a restart(), or one that follows a field
 * of its own parity) makes the source interlaced until restart(): every field must then
 * pair with the one before and equal, in geometry and VS phase, the one before that. A
 * progressive source never pairs (its VS phase does not move), and a frame that pairs with
 * two equal frames before it is not taken as a field, so any change of a progressive
 * source's geometry is still malformed.
 */
#ifndef KVMOSD_SIM_VIDCAP_H
#define KVMOSD_SIM_VIDCAP_H

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

/* Measured output timing, all in pixel clocks or lines (0 = not measured yet). */
struct vid_timing {
	unsigned int line_total;	/* pixel clocks from one HS leading edge to the next */
	unsigned int hs_width;		/* pixel clocks HS is active */
	unsigned int frame_lines;	/* HS leading edges from one VS leading edge to the next */
	unsigned int vs_lines;		/* lines VS is active */
	unsigned int active_w;		/* DE pixels per line */
	unsigned int active_h;		/* lines with DE per frame */
	int hs_active_high;		/* -1 unknown, 0 active low, 1 active high */
	int vs_active_high;
	bool interlaced;		/* field pairs seen since the last restart() */
};

/* what finish_frame() compares between frames (fields) */
struct vid_field_geom {
	unsigned int w, h, lines;	/* DE pixels per line, DE lines, lines */
	unsigned int line_total;	/* pixel clocks per line (0 unknown) */
	unsigned int vs_phase;		/* VS leading edge - last HS leading edge (~0u unknown) */
	bool ok;			/* the frame was not malformed */
};

class vidcap {
public:
	/* png_dir may be empty (no files); events may be NULL (no frame log). */
	vidcap(const std::string &png_dir, FILE *events);

	/* One pixel clock: the output pins as sampled at the rising edge of clk_pix. */
	void sample(uint64_t t_ps, unsigned int r, unsigned int g, unsigned int b,
		    bool hs, bool vs, bool de)
	{
		pix_count++;
		if (hs != hs_level)
			hs_edge(hs);
		if (vs != vs_level)
			vs_edge(t_ps, vs);
		if (de) {
			if (!de_level)
				de_rise();
			pixel(r, g, b);
		} else if (de_level) {
			de_fall();
		}
		de_level = de;
	}

	/*
	 * Forget the frame in progress and the learnt polarities, e.g. when the output changes
	 * source: the next frame starts at the next VS leading edge. hs_pol / vs_pol: the new
	 * source's polarities (1 active high, 0 active low), or -1 to learn them again. The
	 * next frame is not compared with the geometry of the frames before.
	 */
	void restart(int hs_pol, int vs_pol);

	unsigned int frames() const { return frame_count; }
	unsigned int malformed() const { return malformed_count; }
	const vid_timing &timing() const { return tm; }
	/* CRC-32 of the RGB888 data of each captured frame (as written to the PNG). */
	const std::vector<uint32_t> &crcs() const { return frame_crcs; }
	bool write_errors() const { return png_failed; }

private:
	void hs_edge(bool level);
	void vs_edge(uint64_t t_ps, bool level);
	void de_rise();
	void de_fall();
	void pixel(unsigned int r, unsigned int g, unsigned int b)
	{
		if (in_frame && col < max_w && cur_row < max_h)
			row_buf[col] = (uint16_t)((r << 8) | (g << 4) | b);
		col++;
	}
	void finish_frame(uint64_t t_ps);
	static bool same_field(const vid_field_geom &a, const vid_field_geom &b);
	static bool field_pair(const vid_field_geom &a, const vid_field_geom &b);
	void bad(const char *fmt, ...) __attribute__((format(printf, 2, 3)));
	bool write_png(const char *path, const std::vector<uint8_t> &rgb);

	static const unsigned int max_w = 4096;
	static const unsigned int max_h = 4096;

	std::string dir;
	FILE *ev;
	uint64_t pix_count = 0;

	/* sync level tracking: run lengths of the last completed high and low run */
	bool hs_level = false, vs_level = false, de_level = false;
	uint64_t hs_since = 0, vs_since = 0;
	uint64_t hs_run[2] = { 0, 0 }, vs_run[2] = { 0, 0 };
	unsigned int hs_edges = 0, vs_edges = 0;
	uint64_t last_hs_lead = 0;
	bool have_hs_lead = false;
	unsigned int lines_in_frame = 0;	/* HS leading edges since the VS leading edge */

	/* frame being captured */
	bool in_frame = false;
	uint64_t frame_start_ps = 0;
	unsigned int cur_row = 0;		/* DE runs seen in this frame */
	unsigned int col = 0;
	unsigned int frame_w = 0;		/* DE run length of the frame's first line */
	unsigned int frame_line_total = 0;
	unsigned int frame_vs_phase = ~0u;	/* of the frame being captured */
	std::vector<uint16_t> row_buf;
	std::vector<uint16_t> frame_buf;	/* frame_w x rows, RGB444 */
	std::string bad_reason;

	vid_timing tm = { 0, 0, 0, 0, 0, 0, -1, -1, false };
	unsigned int frame_count = 0;
	unsigned int malformed_count = 0;
	std::vector<uint32_t> frame_crcs;
	bool png_failed = false;
	int force_hs = -1, force_vs = -1;	/* polarities given by restart() */
	vid_field_geom prev_geom[2] = {};	/* the last frame (field) and the one before */
	unsigned int prev_known = 0;		/* how many of prev_geom are valid */
};

#endif /* KVMOSD_SIM_VIDCAP_H */
