/* SPDX-License-Identifier: MIT */
/*
 * osd.h - OSD hardware: font RAM, text RAM (both write-only), palette and window registers.
 * Drawing logic lives in app/osd_draw.c; osd_hw_surface() connects it to the text RAM.
 */
#ifndef KVMOSD_FW_OSD_H
#define KVMOSD_FW_OSD_H

#include <stdint.h>
#include "../app/osd_draw.h"
#include "kvmosd_font.h"	/* fonts/: layout and the built-in default font */

#define OSD_FONT_BYTES	(KVM_OSD_GLYPHS * KVM_OSD_GLYPH_H)
_Static_assert(OSD_FONT_BYTES == KVMOSD_FONT_BYTES, "font layout differs from the font RAM");

/* Load count glyphs of 16 rows starting at glyph first (bit 7 = leftmost pixel). */
void osd_load_font(const uint8_t *glyphs, unsigned int first, unsigned int count);
void osd_set_palette(const uint16_t *rgb444, unsigned int n);
void osd_put_cell(int col, int row, uint16_t cell);
void osd_clear(uint16_t cell);
/* Window at pixel x, line y, cols x rows cells (clamped to 1..64 x 1..32). */
void osd_set_window(unsigned int x, unsigned int y, unsigned int cols, unsigned int rows);
void osd_enable(int on);
/* A surface covering the whole text RAM (64 x 32), writing straight to the hardware. */
void osd_hw_surface(struct osd_surface *s);

#endif /* KVMOSD_FW_OSD_H */
