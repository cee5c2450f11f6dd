/* SPDX-License-Identifier: MIT */
/*
 * vmode.h - names a video mode from what a port's sync meter measured (docs/sync.md):
 * the line period in reference-clock ticks (x16) and the line count per frame, matched
 * with a tolerance against a const table (VESA DMT, CEA, NTSC, PAL). Polarity is never
 * used: the same timing is listed with different polarities by different standards
 * (reference/hardware.md section 1.4). Pure logic, no hardware access: unit-tested on
 * the host (soc-firmware/tests/test_vmode.c).
 */
#ifndef KVMOSD_VMODE_H
#define KVMOSD_VMODE_H

#include <stddef.h>
#include <stdint.h>

/* One port's meter reading. */
struct vmode_meas {
	uint32_t ref_hz;	/* meter reference clock (REF_HZ), e.g. 48000000 */
	uint32_t line_x16;	/* line period x16, in reference ticks (0 = no lock) */
	uint16_t lines_frame;	/* lines per frame; interlaced: both fields (525, 625) */
	uint8_t interlaced;
	uint8_t present;	/* sync edges seen */
	uint8_t stable;		/* locked and unchanged for 3 frames */
};

struct vmode {
	const char *name;	/* "1024x768@60", "ntsc", ... */
	uint32_t pclk_khz;	/* nominal pixel clock */
	uint16_t htotal;	/* pixels per line */
	uint16_t vtotal;	/* lines per frame (both fields when interlaced) */
	uint16_t hact, vact;	/* active pixels, lines (per frame) */
	uint8_t interlaced;
};

extern const struct vmode vmode_table[];
extern const size_t vmode_table_len;

/* Line period tolerance: +-0.5 % (VESA allows +-0.5 % on the pixel clock). */
#define VMODE_LINE_TOL_PPM	5000
/* Line count tolerance: +-1 line (interlaced fields differ by one). */
#define VMODE_LINES_TOL		1

enum vmode_state {
	VMODE_NO_SIGNAL = 0,	/* no sync edges */
	VMODE_UNSTABLE = 1,	/* edges but no stable lock yet (or noise) */
	VMODE_KNOWN = 2,	/* matched a table entry */
	VMODE_UNKNOWN = 3,	/* stable, no entry matched */
};

struct vmode_result {
	enum vmode_state state;
	const struct vmode *mode;	/* VMODE_KNOWN only */
	uint32_t hfreq_hz;		/* measured line rate (0 without lock) */
	uint32_t vfreq_mhz;		/* measured frame (progressive) or field (interlaced) rate */
};

/* Line rate in Hz from a reading (0 without lock). */
uint32_t vmode_hfreq_hz(const struct vmode_meas *m);
/* Frame rate (progressive) or field rate (interlaced) in mHz (0 if unknown). */
uint32_t vmode_vfreq_mhz(const struct vmode_meas *m);

/* Matches a reading against the table. */
struct vmode_result vmode_identify(const struct vmode_meas *m);

/*
 * Writes a short name for the result into buf (always NUL-terminated):
 * "1280x720@60", "ntsc", "NO SIGNAL", "unstable", or "unknown 33.7kHz 60.0Hz".
 * Returns the string length.
 */
size_t vmode_format(const struct vmode_result *r, char *buf, size_t cap);

/*
 * OSD integer scale (1..4) for a picture of this many active lines (or, for an unknown
 * mode, lines per frame): one scale step per 480 lines, so the menu keeps about the same
 * size on the monitor (480/600/768/900 -> 1, 960/1080/1200 -> 2, 1440 -> 3, 2160 -> 4).
 */
unsigned vmode_osd_scale(const struct vmode_result *r, const struct vmode_meas *m);

#endif /* KVMOSD_VMODE_H */
