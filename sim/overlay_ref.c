// SPDX-License-Identifier: MIT
/*
 * overlay_ref.c - golden model of the video output picture; see overlay_ref.h and
 * docs/video.md for the definitions.
 */
#include "overlay_ref.h"

#include <string.h>

const uint16_t ovref_default_palette[16] = {
	0x000, 0x00A, 0x0A0, 0x0AA, 0xA00, 0xA0A, 0xA50, 0xAAA,
	0x555, 0x55F, 0x5F5, 0x5FF, 0xF55, 0xF5F, 0xFF5, 0xFFF,
};

/* Register offsets inside the VIDEO block (as in common/regmap.toml). */
#define OFF_PATTERN	0x04
#define OFF_OSD_CTRL	0x08
#define OFF_OSD_POS	0x0C
#define OFF_OSD_SIZE	0x10
#define OFF_PALETTE	0x40

/* Implemented bits of each read/write register. */
#define MASK_PATTERN	0x0000FFF3u
#define MASK_OSD_CTRL	0x00000001u
#define MASK_OSD_POS	0x0FFF0FFFu
#define MASK_OSD_SIZE	0x0000FFFFu
#define MASK_PALETTE	0x00000FFFu

void ovref_reset(struct ovref_state *s)
{
	memset(s, 0, sizeof(*s));
	s->width = 640;
	s->height = 480;
	memcpy(s->palette, ovref_default_palette, sizeof(s->palette));
}

static uint32_t strobe_mask(unsigned int wstrb)
{
	uint32_t m = 0;
	int i;

	for (i = 0; i < 4; i++)
		if (wstrb & (1u << i))
			m |= 0xFFu << (8 * i);
	return m;
}

static uint32_t merge(uint32_t old, uint32_t wdata, unsigned int wstrb, uint32_t mask)
{
	uint32_t m = strobe_mask(wstrb);

	return ((old & ~m) | (wdata & m)) & mask;
}

void ovref_mem_write(struct ovref_state *s, int font, uint32_t addr, uint32_t wdata,
		     unsigned int wstrb)
{
	uint32_t word = (addr & 0xFFFu) >> 2;
	int i;

	for (i = 0; i < 4; i++) {
		uint8_t b = (uint8_t)(wdata >> (8 * i));

		if (!(wstrb & (1u << i)))
			continue;
		if (font) {
			s->font[4 * word + i] = b;
		} else {
			uint16_t *cell = &s->text[2 * word + (i >> 1)];

			if (i & 1)
				*cell = (uint16_t)((*cell & 0x00FF) | (b << 8));
			else
				*cell = (uint16_t)((*cell & 0xFF00) | b);
		}
	}
}

void ovref_reg_write(struct ovref_state *s, uint32_t offset, uint32_t wdata,
		     unsigned int wstrb)
{
	offset &= 0xFCu;
	if (offset >= OFF_PALETTE && offset < OFF_PALETTE + 64) {
		uint16_t *p = &s->palette[(offset - OFF_PALETTE) >> 2];

		*p = (uint16_t)merge(*p, wdata, wstrb, MASK_PALETTE);
		return;
	}
	switch (offset) {
	case OFF_PATTERN:
		s->pattern = merge(s->pattern, wdata, wstrb, MASK_PATTERN);
		break;
	case OFF_OSD_CTRL:
		s->osd_ctrl = merge(s->osd_ctrl, wdata, wstrb, MASK_OSD_CTRL);
		break;
	case OFF_OSD_POS:
		s->osd_pos = merge(s->osd_pos, wdata, wstrb, MASK_OSD_POS);
		break;
	case OFF_OSD_SIZE:
		s->osd_size = merge(s->osd_size, wdata, wstrb, MASK_OSD_SIZE);
		break;
	default:
		break;	/* read-only or unused */
	}
}

uint16_t ovref_background(const struct ovref_state *s, unsigned int x, unsigned int y)
{
	static const uint16_t bars[8] = {
		0xFFF, 0xFF0, 0x0FF, 0x0F0, 0xF0F, 0xF00, 0x00F, 0x000,
	};
	unsigned int bar_w = s->width / 8, bar;

	switch (s->pattern & 3) {
	case 0:
		bar = x / bar_w;
		return bars[bar > 7 ? 7 : bar];
	case 1:
		if (x % 32 == 0 || y % 32 == 0 || x == s->width - 1 || y == s->height - 1)
			return 0xFFF;
		return 0x333;
	case 2:
		return (uint16_t)((s->pattern >> 4) & 0xFFF);
	default:
		return 0x000;
	}
}

uint16_t ovref_pixel(const struct ovref_state *s, unsigned int x, unsigned int y)
{
	unsigned int pos_x = s->osd_pos & 0xFFF, pos_y = (s->osd_pos >> 16) & 0xFFF;
	unsigned int cols = s->osd_size & 0xFF, rows = (s->osd_size >> 8) & 0xFF;
	unsigned int rx, ry, cell, glyph, attr, bit;

	if (cols > 64)
		cols = 64;
	if (rows > 32)
		rows = 32;
	if (!(s->osd_ctrl & 1) || x < pos_x || y < pos_y ||
	    x - pos_x >= 8 * cols || y - pos_y >= 16 * rows)
		return ovref_background(s, x, y);

	rx = x - pos_x;
	ry = y - pos_y;
	cell = (ry / 16) * OVREF_TEXT_COLS + rx / 8;
	glyph = s->text[cell] & 0xFF;
	attr = s->text[cell] >> 8;
	bit = (s->font[16 * glyph + ry % 16] >> (7 - rx % 8)) & 1;
	return s->palette[bit ? (attr & 0xF) : (attr >> 4)] & 0xFFF;
}

void ovref_frame(const struct ovref_state *s, uint16_t *out)
{
	unsigned int x, y;

	for (y = 0; y < s->height; y++)
		for (x = 0; x < s->width; x++)
			*out++ = ovref_pixel(s, x, y);
}
