/* SPDX-License-Identifier: MIT */
/*
 * osd_draw.h - OSD text drawing: cells, text, fills and CP437 boxes with clipping.
 *
 * Hardware-free: everything goes through a struct osd_surface whose put() stores one cell,
 * so the same code draws into the OSD text RAM (drivers/osd.c) and into a plain array in the
 * native unit tests. Coordinates are in cells and may be negative or past the edge: cells
 * outside [0, cols) x [0, rows) are skipped.
 */
#ifndef KVMOSD_OSD_DRAW_H
#define KVMOSD_OSD_DRAW_H

#include <stdint.h>

/* Text RAM geometry: cell (c, r) is cell r * OSD_STRIDE + c (VIDEO.OSD_SIZE). */
#define OSD_STRIDE	64
#define OSD_MAX_COLS	64
#define OSD_MAX_ROWS	32

struct osd_surface {
	int cols;
	int rows;
	void (*put)(void *ctx, int col, int row, uint16_t cell);
	void *ctx;
};

/* The 6 CP437 glyphs of a frame. */
struct osd_box_style {
	uint8_t top_left, horiz, top_right, vert, bottom_left, bottom_right;
};

extern const struct osd_box_style osd_box_double;	/* C9 CD BB BA C8 BC */
extern const struct osd_box_style osd_box_single;	/* DA C4 BF B3 C0 D9 */

/* attr = {bg[3:0], fg[3:0]}, palette indices */
static inline uint8_t osd_attr(unsigned int fg, unsigned int bg)
{
	return (uint8_t)(((bg & 0xF) << 4) | (fg & 0xF));
}

/* cell = {attr[15:8], glyph[7:0]} */
static inline uint16_t osd_cell(uint8_t glyph, uint8_t attr)
{
	return (uint16_t)((attr << 8) | glyph);
}

/* Store one cell if it is on the surface; returns 1 if stored, 0 if clipped. */
int osd_draw_put(const struct osd_surface *s, int col, int row, uint16_t cell);

/* Fill a w x h rectangle with one cell value (clipped). */
void osd_draw_fill(const struct osd_surface *s, int x, int y, int w, int h, uint16_t cell);

/*
 * Draw a NUL-terminated string of CP437 bytes on one row from (x, y), clipped.
 * Returns the number of cells actually stored.
 */
int osd_draw_text(const struct osd_surface *s, int x, int y, const char *str, uint8_t attr);

/* Like osd_draw_text(), but at most maxlen characters. */
int osd_draw_textn(const struct osd_surface *s, int x, int y, const char *str, int maxlen,
		   uint8_t attr);

/*
 * Draw str centred in the span [x, x + w) of row y; text longer than w is cut to w.
 * Returns the column of its first character.
 */
int osd_draw_text_centered(const struct osd_surface *s, int x, int y, int w,
			   const char *str, uint8_t attr);

/* Frame of a w x h box (w, h >= 2) with its top-left corner at (x, y); interior untouched. */
void osd_draw_box(const struct osd_surface *s, int x, int y, int w, int h,
		  const struct osd_box_style *st, uint8_t attr);

/*
 * Framed panel: box, interior cleared to spaces, then the n lines centred on consecutive
 * interior rows (lines past the interior are dropped).
 */
void osd_draw_panel(const struct osd_surface *s, int x, int y, int w, int h,
		    const struct osd_box_style *st, uint8_t attr,
		    const char *const *lines, int n);

#endif /* KVMOSD_OSD_DRAW_H */
