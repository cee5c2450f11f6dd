// SPDX-License-Identifier: MIT
/*
 * vidcap.cpp - video output follower, frame checker and PNG writer (see vidcap.h).
 */
#include "vidcap.h"

#include <cstdarg>
#include <cstring>

#include <png.h>

extern "C" {
#include "crc32.h"
}

vidcap::vidcap(const std::string &png_dir, FILE *events)
	: dir(png_dir), ev(events), row_buf(max_w)
{
}

/*
 * Record the run that just ended and, once a complete high run and a complete low run have
 * been seen, decide the polarity: the active level is the one with the shorter run.
 * Returns the polarity (-1 unknown, 0 active low, 1 active high).
 */
static int sync_run(uint64_t run[2], uint64_t *since, unsigned int *edges, uint64_t now,
		    bool new_level)
{
	if (*edges > 0)
		run[!new_level] = now - *since;
	(*edges)++;
	*since = now;
	if (!run[0] || !run[1])
		return -1;
	return run[1] < run[0];
}

void vidcap::bad(const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	if (!bad_reason.empty())
		return;		/* keep the first reason of a frame */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	bad_reason = buf;
}

void vidcap::hs_edge(bool level)
{
	int pol;

	if (pix_count == 1) {	/* first sample: the level, not an edge */
		hs_level = level;
		return;
	}
	pol = sync_run(hs_run, &hs_since, &hs_edges, pix_count, level);
	if (force_hs >= 0)
		pol = force_hs;
	hs_level = level;
	if (pol < 0)
		return;
	tm.hs_active_high = pol;
	if (level == (bool)pol) {
		/* leading edge: a new line */
		if (have_hs_lead) {
			unsigned int total = (unsigned int)(pix_count - last_hs_lead);

			if (in_frame) {
				if (!frame_line_total)
					frame_line_total = total;
				else if (total != frame_line_total)
					bad("line %u is %u pixel clocks long, line 0 was %u",
					    lines_in_frame, total, frame_line_total);
			}
			tm.line_total = total;
		}
		have_hs_lead = true;
		last_hs_lead = pix_count;
		lines_in_frame++;
		if (de_level && in_frame)
			bad("DE high at the HS leading edge (line %u)", lines_in_frame);
	} else if (have_hs_lead) {
		tm.hs_width = (unsigned int)(pix_count - last_hs_lead);
	}
}

void vidcap::vs_edge(uint64_t t_ps, bool level)
{
	int pol;

	if (pix_count == 1) {
		vs_level = level;
		return;
	}
	pol = sync_run(vs_run, &vs_since, &vs_edges, pix_count, level);
	if (force_vs >= 0)
		pol = force_vs;
	vs_level = level;
	if (pol < 0)
		return;
	tm.vs_active_high = pol;
	if (level == (bool)pol) {
		if (in_frame)
			finish_frame(t_ps);
		in_frame = true;
		frame_start_ps = t_ps;
		cur_row = 0;
		col = 0;
		frame_w = 0;
		frame_line_total = 0;
		/* where in the line VS starts: moves by half a line between the fields of an
		 * interlaced source (HS leading edges are handled first when they coincide) */
		frame_vs_phase = have_hs_lead ? (unsigned int)(pix_count - last_hs_lead) : ~0u;
		lines_in_frame = 0;
		frame_buf.clear();
		bad_reason.clear();
		if (de_level)
			bad("DE high at the VS leading edge");
	} else if (in_frame) {
		tm.vs_lines = lines_in_frame;
	}
}

void vidcap::restart(int hs_pol, int vs_pol)
{
	in_frame = false;
	frame_buf.clear();
	bad_reason.clear();
	cur_row = col = frame_w = frame_line_total = lines_in_frame = 0;
	hs_run[0] = hs_run[1] = vs_run[0] = vs_run[1] = 0;
	hs_edges = vs_edges = 0;
	have_hs_lead = false;
	force_hs = hs_pol;
	force_vs = vs_pol;
	tm.hs_active_high = hs_pol;
	tm.vs_active_high = vs_pol;
	tm.interlaced = false;
	frame_vs_phase = ~0u;
	prev_known = 0;
}

void vidcap::de_rise()
{
	col = 0;
	if (!in_frame)
		return;
	if (tm.hs_active_high >= 0 && hs_level == (bool)tm.hs_active_high)
		bad("DE rises during HS (line %u)", lines_in_frame);
	if (tm.vs_active_high >= 0 && vs_level == (bool)tm.vs_active_high)
		bad("DE rises during VS (line %u)", lines_in_frame);
}

void vidcap::de_fall()
{
	unsigned int w = col;

	if (!in_frame)
		return;
	if (cur_row == 0) {
		frame_w = w < max_w ? w : max_w;
	} else if (w != frame_w) {
		bad("active line %u has %u DE pixels, line 0 had %u", cur_row, w, frame_w);
	}
	if (cur_row < max_h) {
		size_t at = frame_buf.size();

		frame_buf.resize(at + frame_w, 0);
		memcpy(&frame_buf[at], row_buf.data(),
		       (w < frame_w ? w : frame_w) * sizeof(uint16_t));
	}
	cur_row++;
}

/* same geometry and the same VS phase: the same field of an interlaced source */
bool vidcap::same_field(const vid_field_geom &a, const vid_field_geom &b)
{
	return a.w == b.w && a.h == b.h && a.lines == b.lines && a.line_total == b.line_total &&
	       a.vs_phase == b.vs_phase;
}

/*
 * Two consecutive fields of one interlaced frame: the same line period and active width,
 * one line more or less in total, at most one active line more or less, and VS about half a
 * line further on in the line. "About": within L/8 of L/2, because the VS the matrix
 * derives from an XOR composite sync starts HSYNC pixels later in the field whose vertical
 * sync starts with the line (the HS pulse cancels the first pixels of VS there) - NTSC
 * (L = 858, 63-pixel sync) in XOR would be 366 apart instead of 429; TV csync is exact.
 */
bool vidcap::field_pair(const vid_field_geom &a, const vid_field_geom &b)
{
	unsigned int lt = a.line_total, d;

	if (!lt || lt != b.line_total || a.w != b.w || a.vs_phase >= lt || b.vs_phase >= lt)
		return false;
	if (a.lines + 1 != b.lines && b.lines + 1 != a.lines)
		return false;
	if (a.h > b.h + 1 || b.h > a.h + 1)
		return false;
	d = (a.vs_phase + lt - b.vs_phase) % lt;
	return d * 8 >= lt * 3 && d * 8 <= lt * 5;
}

static inline uint8_t x4to8(unsigned int v)
{
	return (uint8_t)((v << 4) | v);	/* bit replication: 0xA -> 0xAA */
}

void vidcap::finish_frame(uint64_t t_ps)
{
	unsigned int w = frame_w, h = cur_row < max_h ? cur_row : max_h;
	vid_field_geom g;
	std::vector<uint8_t> rgb;
	uint32_t crc;
	char path[4096];

	if (h == 0) {
		malformed_count++;
		fprintf(stderr, "vidcap: frame starting at %.3f ms has no active video "
			"(DE never high)\n", frame_start_ps / 1e9);
		return;
	}
	g.w = w;
	g.h = h;
	g.lines = lines_in_frame;
	g.line_total = frame_line_total;
	g.vs_phase = frame_vs_phase;
	if (prev_known && tm.interlaced) {
		/* a field: pairs with the last one, repeats the one before */
		if (!field_pair(g, prev_geom[0]) ||
		    (prev_known > 1 && !same_field(g, prev_geom[1])))
			bad("interlaced: field of %ux%u in %u lines (VS at %u) does not follow "
			    "%ux%u in %u lines (VS at %u)", w, h, g.lines, g.vs_phase,
			    prev_geom[0].w, prev_geom[0].h, prev_geom[0].lines,
			    prev_geom[0].vs_phase);
	} else if (prev_known && (w != tm.active_w || h != tm.active_h ||
				  lines_in_frame != tm.frame_lines)) {
		/*
		 * The second field of an interlaced source: pairs with a good frame, and the
		 * frame before that (if any) was a field of the same parity, not a progressive
		 * frame of the same geometry as the last one.
		 */
		if (field_pair(g, prev_geom[0]) && prev_geom[0].ok &&
		    (prev_known < 2 || same_field(g, prev_geom[1])))
			tm.interlaced = true;
		else
			bad("geometry changed from %ux%u in %u lines (VS at %u) to %ux%u in %u "
			    "lines (VS at %u)", tm.active_w, tm.active_h, tm.frame_lines,
			    prev_geom[0].vs_phase, w, h, lines_in_frame, g.vs_phase);
	}
	tm.active_w = w;
	tm.active_h = h;
	tm.frame_lines = lines_in_frame;
	g.ok = bad_reason.empty();
	prev_geom[1] = prev_geom[0];
	prev_geom[0] = g;
	if (prev_known < 2)
		prev_known++;

	rgb.resize((size_t)w * h * 3);
	for (size_t i = 0; i < (size_t)w * h; i++) {
		uint16_t p = frame_buf[i];

		rgb[3 * i] = x4to8((p >> 8) & 15);
		rgb[3 * i + 1] = x4to8((p >> 4) & 15);
		rgb[3 * i + 2] = x4to8(p & 15);
	}
	crc = kvm_crc32(rgb.data(), rgb.size());
	frame_crcs.push_back(crc);

	if (!bad_reason.empty()) {
		malformed_count++;
		fprintf(stderr, "vidcap: frame %u malformed: %s\n", frame_count,
			bad_reason.c_str());
	}
	if (!dir.empty()) {
		snprintf(path, sizeof(path), "%s/frame-%04u.png", dir.c_str(), frame_count);
		if (!write_png(path, rgb)) {
			fprintf(stderr, "vidcap: cannot write %s\n", path);
			png_failed = true;
		}
	}
	if (ev)
		fprintf(ev, "F %u %llu %llu %u %u %u %08x %s\n", frame_count,
			(unsigned long long)frame_start_ps, (unsigned long long)t_ps, w, h,
			lines_in_frame, crc, bad_reason.empty() ? "ok" : "malformed");
	frame_count++;
}

bool vidcap::write_png(const char *path, const std::vector<uint8_t> &rgb)
{
	unsigned int w = tm.active_w, h = tm.active_h;
	png_structp png;
	png_infop info;
	FILE *f;
	volatile bool ok = false;	/* set after setjmp */

	f = fopen(path, "wb");
	if (!f)
		return false;
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png ? png_create_info_struct(png) : NULL;
	if (!info)
		goto out;
	if (setjmp(png_jmpbuf(png)))
		goto out;
	png_init_io(png, f);
	png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_compression_level(png, 3);
	png_write_info(png, info);
	for (unsigned int y = 0; y < h; y++)
		png_write_row(png, (png_const_bytep)&rgb[(size_t)y * w * 3]);
	png_write_end(png, NULL);
	ok = true;
out:
	png_destroy_write_struct(&png, info ? &info : NULL);
	if (fclose(f) != 0)
		ok = false;
	return ok;
}
