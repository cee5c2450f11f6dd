/* SPDX-License-Identifier: MIT */
/* osd.c - OSD hardware driver, see osd.h. */
#include "kvmosd_regs.h"
#include "osd.h"

#define OSD_CTRL_ENABLE		(1u << 0)
#define OSD_CTRL_SCALE_SHIFT	4
#define OSD_CTRL_SCALE_MASK	(3u << OSD_CTRL_SCALE_SHIFT)
#define OSD_CTRL_BLINK_SHIFT	8
#define OSD_CTRL_BLINK_MASK	(3u << OSD_CTRL_BLINK_SHIFT)
#define OSD_PAL_MODE_SHIFT	12

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
	uint32_t v = KVM_REG(KVM_VIDEO_OSD_CTRL) & ~OSD_CTRL_ENABLE;

	KVM_REG(KVM_VIDEO_OSD_CTRL) = v | (on ? OSD_CTRL_ENABLE : 0);
}

void osd_set_scale(unsigned int scale)
{
	uint32_t v = KVM_REG(KVM_VIDEO_OSD_CTRL) & ~OSD_CTRL_SCALE_MASK;

	scale = scale < 1 ? 1 : scale > 4 ? 4 : scale;
	KVM_REG(KVM_VIDEO_OSD_CTRL) = v | ((scale - 1) << OSD_CTRL_SCALE_SHIFT);
}

void osd_set_blink(uint16_t fg_mask, unsigned int rate)
{
	uint32_t v = KVM_REG(KVM_VIDEO_OSD_CTRL) & ~OSD_CTRL_BLINK_MASK;

	KVM_REG(KVM_VIDEO_OSD_CTRL) = v | ((rate & 3u) << OSD_CTRL_BLINK_SHIFT);
	KVM_REG(KVM_VIDEO_BLINK_MASK) = fg_mask;
}

void osd_set_palette_entry(unsigned int index, uint16_t rgb444, unsigned int bg_mode)
{
	if (index < KVM_VIDEO_PALETTE_COUNT)
		KVM_REG(KVM_VIDEO_PALETTE + index * KVM_VIDEO_PALETTE_STRIDE) =
			(rgb444 & 0xFFFu) | ((bg_mode & 3u) << OSD_PAL_MODE_SHIFT);
}

void osd_set_row_hide(uint32_t mask)
{
	KVM_REG(KVM_VIDEO_ROW_HIDE) = mask & 0xFFFFu;
	KVM_REG(KVM_VIDEO_ROW_HIDE + KVM_VIDEO_ROW_HIDE_STRIDE) = mask >> 16;
}

void osd_fill_rect(unsigned int col, unsigned int row, unsigned int w, unsigned int h,
		   uint16_t cell)
{
	if (col >= OSD_MAX_COLS || row >= OSD_MAX_ROWS || !w || !h)
		return;
	w = w > OSD_MAX_COLS ? OSD_MAX_COLS : w;
	h = h > OSD_MAX_ROWS ? OSD_MAX_ROWS : h;
	/* these stores wait while an earlier fill runs, so fills queue */
	KVM_REG(KVM_VIDEO_FILL_RECT) = col | (row << 8) | (w << 16) | (h << 24);
	KVM_REG(KVM_VIDEO_FILL_CELL) = cell;
	KVM_REG(KVM_VIDEO_FILL_CTRL) = 1;
}

int osd_fill_busy(void)
{
	return KVM_REG(KVM_VIDEO_FILL_CTRL) & 1;
}

void osd_fill_wait(void)
{
	while (osd_fill_busy())
		;
}

void osd_popup(unsigned int frames)
{
	KVM_REG(KVM_VIDEO_POPUP) = frames > 0xFFF ? 0xFFF : frames;
}

unsigned int osd_popup_left(void)
{
	return KVM_REG(KVM_VIDEO_POPUP) & 0xFFF;
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
