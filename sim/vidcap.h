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
	std::vector<uint16_t> row_buf;
	std::vector<uint16_t> frame_buf;	/* frame_w x rows, RGB444 */
	std::string bad_reason;

	vid_timing tm = { 0, 0, 0, 0, 0, 0, -1, -1 };
	unsigned int frame_count = 0;
	unsigned int malformed_count = 0;
	std::vector<uint32_t> frame_crcs;
	bool png_failed = false;
	int force_hs = -1, force_vs = -1;	/* polarities given by restart() */
	bool geom_known = false;		/* a frame was captured since the last restart */
};

#endif /* KVMOSD_SIM_VIDCAP_H */
