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
#define OFF_POPUP	0x20
#define OFF_FILL_RECT	0x24
#define OFF_FILL_CELL	0x28
#define OFF_FILL_CTRL	0x2C
#define OFF_PALETTE	0x40
#define OFF_ROW_HIDE	0x80
#define OFF_BLINK_MASK	0x88

/* Implemented bits of each read/write register. */
#define MASK_PATTERN	0x0000FFF3u
#define MASK_OSD_CTRL	0x00000331u
#define MASK_OSD_POS	0x0FFF0FFFu
#define MASK_OSD_SIZE	0x0000FFFFu
#define MASK_POPUP	0x00000FFFu
#define MASK_FILL_RECT	0x3F7F1F3Fu
#define MASK_FILL_CELL	0x0000FFFFu
#define MASK_PALRAM	0x0000FFFFu	/* palette RAM words are 16 bits */

void ovref_reset(struct ovref_state *s)
{
	memset(s, 0, sizeof(*s));
	s->width = 640;
	s->height = 480;
	s->htotal = 800;
	s->vtotal = 525;
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

void ovref_fill(struct ovref_state *s)
{
	unsigned int x = s->fill_rect & 0x3F, y = (s->fill_rect >> 8) & 0x1F;
	unsigned int w = (s->fill_rect >> 16) & 0x7F, h = (s->fill_rect >> 24) & 0x3F;
	unsigned int c, r;

	for (r = y; r < y + h && r < 32; r++)
		for (c = x; c < x + w && c < 64; c++)
			s->text[r * OVREF_TEXT_COLS + c] = (uint16_t)s->fill_cell;
}

void ovref_frame_tick(struct ovref_state *s)
{
	if (s->popup && !--s->popup)
		s->osd_ctrl &= ~1u;
}

void ovref_reg_write(struct ovref_state *s, uint32_t offset, uint32_t wdata,
		     unsigned int wstrb)
{
	offset &= 0xFCu;
	if (offset >= OFF_PALETTE && offset < OFF_PALETTE + 64) {
		uint16_t *p = &s->palette[(offset - OFF_PALETTE) >> 2];

		*p = (uint16_t)merge(*p, wdata, wstrb, MASK_PALRAM);
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
	case OFF_POPUP:
		s->popup = merge(s->popup, wdata, wstrb, MASK_POPUP);
		break;
	case OFF_FILL_RECT:
		s->fill_rect = merge(s->fill_rect, wdata, wstrb, MASK_FILL_RECT);
		break;
	case OFF_FILL_CELL:
		s->fill_cell = merge(s->fill_cell, wdata, wstrb, MASK_FILL_CELL);
		break;
	case OFF_FILL_CTRL:
		if ((wstrb & 1) && (wdata & 1))
			ovref_fill(s);
		break;
	case OFF_ROW_HIDE:
	case OFF_ROW_HIDE + 4:
		s->row_hide[(offset - OFF_ROW_HIDE) >> 2] =
			(uint16_t)merge(s->row_hide[(offset - OFF_ROW_HIDE) >> 2], wdata, wstrb,
					MASK_PALRAM);
		break;
	case OFF_BLINK_MASK:
		s->blink_mask = (uint16_t)merge(s->blink_mask, wdata, wstrb, MASK_PALRAM);
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

/* 12-bit two's complement register field */
static int sfield(uint32_t v)
{
	return (v & 0x800) ? (int)(v & 0xFFF) - 4096 : (int)(v & 0xFFF);
}

int ovref_window_placeable(const struct ovref_state *s)
{
	int px = sfield(s->osd_pos), py = sfield(s->osd_pos >> 16);

	return px < (int)s->width && px > -(int)(s->htotal - s->width) &&
	       py < (int)s->height && py > -(int)(s->vtotal - s->height);
}

uint16_t ovref_pixel(const struct ovref_state *s, unsigned int x, unsigned int y)
{
	int px = sfield(s->osd_pos), py = sfield(s->osd_pos >> 16);
	unsigned int cols = s->osd_size & 0xFF, rows = (s->osd_size >> 8) & 0xFF;
	unsigned int scale = ((s->osd_ctrl >> 4) & 3) + 1;
	unsigned int blink_bit = 3 + ((s->osd_ctrl >> 8) & 3);
	unsigned int rx, ry, col, row, gx, gy, cell, glyph, fg, bg, bit, mode, ch;
	uint16_t v = ovref_background(s, x, y), c, out;

	if (cols > 64)
		cols = 64;
	if (rows > 32)
		rows = 32;
	if (!(s->osd_ctrl & 1) || !ovref_window_placeable(s) || (int)x < px || (int)y < py)
		return v;
	rx = (unsigned int)((int)x - px);
	ry = (unsigned int)((int)y - py);
	if (rx >= 8 * scale * cols || ry >= 16 * scale * rows)
		return v;
	col = rx / (8 * scale);
	row = ry / (16 * scale);
	gx = (rx / scale) % 8;
	gy = (ry / scale) % 16;
	if ((s->row_hide[row / 16] >> (row % 16)) & 1)
		return v;

	cell = row * OVREF_TEXT_COLS + col;
	glyph = s->text[cell] & 0xFF;
	fg = (s->text[cell] >> 8) & 0xF;
	bg = s->text[cell] >> 12;
	bit = (s->font[16 * glyph + gy] >> (7 - gx)) & 1;
	if (((s->blink_mask >> fg) & 1) && ((s->frame >> blink_bit) & 1))
		bit = 0;	/* blinking foreground, off frame */
	if (bit)
		return s->palette[fg] & 0xFFF;
	c = s->palette[bg] & 0xFFF;
	mode = (s->palette[bg] >> 12) & 3;
	switch (mode) {
	case 0:
		return c;
	case 1:
		return v;
	default:	/* shade: (video >> 1 or 2) + (colour >> 1), per channel */
		out = 0;
		for (ch = 0; ch < 12; ch += 4) {
			unsigned int vc = (v >> ch) & 0xF, cc = (c >> ch) & 0xF;

			out |= (uint16_t)((((vc >> (mode == 2 ? 1 : 2)) + (cc >> 1)) & 0xF) << ch);
		}
		return out;
	}
}

void ovref_frame(const struct ovref_state *s, uint16_t *out)
{
	unsigned int x, y;

	for (y = 0; y < s->height; y++)
		for (x = 0; x < s->width; x++)
			*out++ = ovref_pixel(s, x, y);
}
