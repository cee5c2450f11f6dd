/* SPDX-License-Identifier: MIT */
/* osd_draw.c - see osd_draw.h. */
#include <string.h>

#include "osd_draw.h"

const struct osd_box_style osd_box_double = { 0xC9, 0xCD, 0xBB, 0xBA, 0xC8, 0xBC };
const struct osd_box_style osd_box_single = { 0xDA, 0xC4, 0xBF, 0xB3, 0xC0, 0xD9 };

int osd_draw_put(const struct osd_surface *s, int col, int row, uint16_t cell)
{
	if (col < 0 || row < 0 || col >= s->cols || row >= s->rows)
		return 0;
	s->put(s->ctx, col, row, cell);
	return 1;
}

void osd_draw_fill(const struct osd_surface *s, int x, int y, int w, int h, uint16_t cell)
{
	int r, c;

	for (r = y; r < y + h; r++)
		for (c = x; c < x + w; c++)
			osd_draw_put(s, c, r, cell);
}

int osd_draw_textn(const struct osd_surface *s, int x, int y, const char *str, int maxlen,
		   uint8_t attr)
{
	int i, n = 0;

	for (i = 0; i < maxlen && str[i]; i++)
		n += osd_draw_put(s, x + i, y, osd_cell((uint8_t)str[i], attr));
	return n;
}

int osd_draw_text(const struct osd_surface *s, int x, int y, const char *str, uint8_t attr)
{
	return osd_draw_textn(s, x, y, str, (int)strlen(str), attr);
}

int osd_draw_text_centered(const struct osd_surface *s, int x, int y, int w,
			   const char *str, uint8_t attr)
{
	int len = (int)strlen(str);
	int col;

	if (len > w)
		len = w;
	col = x + (w - len) / 2;
	osd_draw_textn(s, col, y, str, len, attr);
	return col;
}

void osd_draw_box(const struct osd_surface *s, int x, int y, int w, int h,
		  const struct osd_box_style *st, uint8_t attr)
{
	int i;

	if (w < 2 || h < 2)
		return;
	osd_draw_put(s, x, y, osd_cell(st->top_left, attr));
	osd_draw_put(s, x + w - 1, y, osd_cell(st->top_right, attr));
	osd_draw_put(s, x, y + h - 1, osd_cell(st->bottom_left, attr));
	osd_draw_put(s, x + w - 1, y + h - 1, osd_cell(st->bottom_right, attr));
	for (i = 1; i < w - 1; i++) {
		osd_draw_put(s, x + i, y, osd_cell(st->horiz, attr));
		osd_draw_put(s, x + i, y + h - 1, osd_cell(st->horiz, attr));
	}
	for (i = 1; i < h - 1; i++) {
		osd_draw_put(s, x, y + i, osd_cell(st->vert, attr));
		osd_draw_put(s, x + w - 1, y + i, osd_cell(st->vert, attr));
	}
}

void osd_draw_panel(const struct osd_surface *s, int x, int y, int w, int h,
		    const struct osd_box_style *st, uint8_t attr,
		    const char *const *lines, int n)
{
	int i;

	osd_draw_box(s, x, y, w, h, st, attr);
	osd_draw_fill(s, x + 1, y + 1, w - 2, h - 2, osd_cell(' ', attr));
	for (i = 0; i < n && i < h - 2; i++)
		osd_draw_text_centered(s, x + 1, y + 1 + i, w - 2, lines[i], attr);
}
