/* SPDX-License-Identifier: MIT */
/*
 * vmode.c - the video mode table and the matcher (see vmode.h).
 *
 * Timings: VESA DMT and CEA-861 (reference/hardware.md section 1.4 for the common ones).
 * The expected line period is htotal / pclk; the expected line count is vtotal (both
 * fields for interlaced modes, as the meter sums the last two fields).
 *
 * Not distinguishable by timing, so listed once: 720x480p (CEA, 27 MHz, 858 x 525) has
 * the same line period (to 6 ppm) and line count as 640x480@60 and is reported as such.
 */
#include <stdio.h>

#include "vmode.h"

#define M(n, clk, ht, vt, ha, va, il) \
	{ .name = (n), .pclk_khz = (clk), .htotal = (ht), .vtotal = (vt), \
	  .hact = (ha), .vact = (va), .interlaced = (il) }

const struct vmode vmode_table[] = {
	/* VESA DMT */
	M("720x400@70",   28322,  900,  449,  720,  400, 0),
	M("640x480@60",   25175,  800,  525,  640,  480, 0),
	M("640x480@72",   31500,  832,  520,  640,  480, 0),
	M("640x480@75",   31500,  840,  500,  640,  480, 0),
	M("640x480@85",   36000,  832,  509,  640,  480, 0),
	M("800x600@56",   36000, 1024,  625,  800,  600, 0),
	M("800x600@60",   40000, 1056,  628,  800,  600, 0),
	M("800x600@72",   50000, 1040,  666,  800,  600, 0),
	M("800x600@75",   49500, 1056,  625,  800,  600, 0),
	M("800x600@85",   56250, 1048,  631,  800,  600, 0),
	M("1024x768@60",  65000, 1344,  806, 1024,  768, 0),
	M("1024x768@70",  75000, 1328,  806, 1024,  768, 0),
	M("1024x768@75",  78750, 1312,  800, 1024,  768, 0),
	M("1024x768@85",  94500, 1376,  808, 1024,  768, 0),
	M("1152x864@75", 108000, 1600,  900, 1152,  864, 0),
	M("1280x768@60",  79500, 1664,  798, 1280,  768, 0),
	M("1280x800@60",  83500, 1680,  831, 1280,  800, 0),
	M("1280x960@60", 108000, 1800, 1000, 1280,  960, 0),
	M("1280x1024@60", 108000, 1688, 1066, 1280, 1024, 0),
	M("1280x1024@75", 135000, 1688, 1066, 1280, 1024, 0),
	M("1360x768@60",  85500, 1792,  795, 1360,  768, 0),
	M("1440x900@60", 106500, 1904,  934, 1440,  900, 0),
	M("1600x1200@60", 162000, 2160, 1250, 1600, 1200, 0),
	M("1680x1050@60", 146250, 2240, 1089, 1680, 1050, 0),
	M("1920x1200@60", 154000, 2080, 1235, 1920, 1200, 0),
	/* CEA-861 */
	M("1280x720@60",  74250, 1650,  750, 1280,  720, 0),
	M("1280x720@50",  74250, 1980,  750, 1280,  720, 0),
	M("1920x1080@60", 148500, 2200, 1125, 1920, 1080, 0),
	M("1920x1080@50", 148500, 2640, 1125, 1920, 1080, 0),
	M("1920x1080@30",  74250, 2200, 1125, 1920, 1080, 0),
	M("1920x1080i60",  74250, 2200, 1125, 1920, 1080, 1),
	M("1920x1080i50",  74250, 2640, 1125, 1920, 1080, 1),
	M("720x576@50",    27000,  864,  625,  720,  576, 0),
	/* TV: interlaced and fake-progressive (consoles, 15 kHz) */
	M("ntsc",          13500,  858,  525,  720,  480, 1),
	M("pal",           13500,  864,  625,  720,  576, 1),
	M("240p",          13500,  858,  262,  720,  240, 0),
	M("288p",          13500,  864,  312,  720,  288, 0),
};

const size_t vmode_table_len = sizeof(vmode_table) / sizeof(vmode_table[0]);

/* Expected line period x16 in reference ticks: 16 * ref_hz * htotal / pclk. */
static uint32_t expect_x16(const struct vmode *v, uint32_t ref_hz)
{
	uint64_t num = (uint64_t)16 * ref_hz * v->htotal;
	uint64_t den = (uint64_t)v->pclk_khz * 1000u;

	return (uint32_t)((num + den / 2) / den);
}

static int line_match(uint32_t got, uint32_t want)
{
	uint32_t d = got > want ? got - want : want - got;

	return (uint64_t)d * 1000000u <= (uint64_t)want * VMODE_LINE_TOL_PPM;
}

uint32_t vmode_hfreq_hz(const struct vmode_meas *m)
{
	if (!m->line_x16)
		return 0;
	return (uint32_t)(((uint64_t)m->ref_hz * 16u + m->line_x16 / 2) / m->line_x16);
}

uint32_t vmode_vfreq_mhz(const struct vmode_meas *m)
{
	uint64_t den;

	if (!m->line_x16 || !m->lines_frame)
		return 0;
	den = (uint64_t)m->line_x16 * m->lines_frame;
	/* fields come twice per frame */
	return (uint32_t)(((uint64_t)m->ref_hz * 16u * 1000u * (m->interlaced ? 2u : 1u) +
			   den / 2) / den);
}

struct vmode_result vmode_identify(const struct vmode_meas *m)
{
	struct vmode_result r = { VMODE_NO_SIGNAL, NULL, 0, 0 };
	size_t i;

	if (!m->present)
		return r;
	r.hfreq_hz = vmode_hfreq_hz(m);
	r.vfreq_mhz = vmode_vfreq_mhz(m);
	if (!m->stable || !m->line_x16 || !m->lines_frame) {
		r.state = VMODE_UNSTABLE;
		return r;
	}
	r.state = VMODE_UNKNOWN;
	for (i = 0; i < vmode_table_len; i++) {
		const struct vmode *v = &vmode_table[i];
		int dl = (int)m->lines_frame - (int)v->vtotal;

		if ((v->interlaced != 0) != (m->interlaced != 0))
			continue;
		if (dl < -VMODE_LINES_TOL || dl > VMODE_LINES_TOL)
			continue;
		if (!line_match(m->line_x16, expect_x16(v, m->ref_hz)))
			continue;
		r.state = VMODE_KNOWN;
		r.mode = v;
		break;
	}
	return r;
}

size_t vmode_format(const struct vmode_result *r, char *buf, size_t cap)
{
	int n;

	if (!cap)
		return 0;
	switch (r->state) {
	case VMODE_KNOWN:
		n = snprintf(buf, cap, "%s", r->mode->name);
		break;
	case VMODE_NO_SIGNAL:
		n = snprintf(buf, cap, "NO SIGNAL");
		break;
	case VMODE_UNSTABLE:
		n = snprintf(buf, cap, "unstable");
		break;
	default: {
		/* one decimal each, rounded: 33.7kHz 60.0Hz */
		unsigned long kh10 = (r->hfreq_hz + 50u) / 100u;
		unsigned long v10 = (r->vfreq_mhz + 50u) / 100u;

		n = snprintf(buf, cap, "unknown %lu.%lukHz %lu.%luHz",
			     kh10 / 10, kh10 % 10, v10 / 10, v10 % 10);
		break;
	}
	}
	if (n < 0)
		n = 0;
	return (size_t)n < cap ? (size_t)n : cap - 1;
}

unsigned vmode_osd_scale(const struct vmode_result *r, const struct vmode_meas *m)
{
	unsigned lines, s;

	if (r->state == VMODE_KNOWN)
		lines = r->mode->vact;
	else if (m && m->lines_frame)
		lines = m->lines_frame;
	else
		return 1;
	s = lines / 480u;
	if (s < 1)
		s = 1;
	if (s > 4)
		s = 4;
	return s;
}
