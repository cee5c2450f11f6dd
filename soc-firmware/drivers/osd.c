/* SPDX-License-Identifier: MIT */
/* osd.c - OSD hardware driver, see osd.h. */
#include "kvmosd_regs.h"
#include "osd.h"

#define OSD_CTRL_ENABLE	(1u << 0)

void osd_load_font(const uint8_t *glyphs, unsigned int first, unsigned int count)
{
	volatile uint32_t *dst = (volatile uint32_t *)(KVM_OSD_FONT_BASE +
						       first * KVM_OSD_GLYPH_H);
	unsigned int i, words = count * KVM_OSD_GLYPH_H / 4;

	/* little-endian byte lanes: row r of a glyph sits at byte offset r */
	for (i = 0; i < words; i++, glyphs += 4)
		dst[i] = (uint32_t)glyphs[0] | ((uint32_t)glyphs[1] << 8) |
			 ((uint32_t)glyphs[2] << 16) | ((uint32_t)glyphs[3] << 24);
}

void osd_set_palette(const uint16_t *rgb444, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && i < KVM_VIDEO_PALETTE_COUNT; i++)
		KVM_REG(KVM_VIDEO_PALETTE + i * KVM_VIDEO_PALETTE_STRIDE) = rgb444[i] & 0xFFF;
}

void osd_put_cell(int col, int row, uint16_t cell)
{
	volatile uint16_t *text = (volatile uint16_t *)KVM_OSD_TEXT_BASE;

	text[row * OSD_STRIDE + col] = cell;
}

void osd_clear(uint16_t cell)
{
	volatile uint32_t *text = (volatile uint32_t *)KVM_OSD_TEXT_BASE;
	uint32_t two = ((uint32_t)cell << 16) | cell;
	unsigned int i;

	for (i = 0; i < KVM_OSD_TEXT_CELLS / 2; i++)
		text[i] = two;
}

void osd_set_window(unsigned int x, unsigned int y, unsigned int cols, unsigned int rows)
{
	cols = cols < 1 ? 1 : cols > OSD_MAX_COLS ? OSD_MAX_COLS : cols;
	rows = rows < 1 ? 1 : rows > OSD_MAX_ROWS ? OSD_MAX_ROWS : rows;
	KVM_REG(KVM_VIDEO_OSD_POS) = (x & 0xFFF) | ((y & 0xFFF) << 16);
	KVM_REG(KVM_VIDEO_OSD_SIZE) = cols | (rows << 8);
}

void osd_enable(int on)
{
	KVM_REG(KVM_VIDEO_OSD_CTRL) = on ? OSD_CTRL_ENABLE : 0;
}

static void osd_hw_put(void *ctx, int col, int row, uint16_t cell)
{
	(void)ctx;
	osd_put_cell(col, row, cell);
}

void osd_hw_surface(struct osd_surface *s)
{
	s->cols = OSD_MAX_COLS;
	s->rows = OSD_MAX_ROWS;
	s->put = osd_hw_put;
	s->ctx = 0;
}
