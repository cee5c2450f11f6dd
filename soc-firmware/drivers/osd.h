/* SPDX-License-Identifier: MIT */
/*
 * osd.h - OSD hardware: font RAM, text RAM (both write-only), palette and window registers,
 * scale, blink, background modes, row hiding, the hardware fill and the popup timer
 * (docs/video.md). Drawing logic lives in app/osd_draw.c; osd_hw_surface() connects it to
 * the text RAM.
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
/* Sets or clears OSD_CTRL.enable only (scale and blink rate are kept). */
void osd_enable(int on);

/* Background modes of a palette entry (used when the entry is a cell background). */
#define OSD_BG_OPAQUE		0u	/* the palette colour */
#define OSD_BG_TRANSPARENT	1u	/* the live video */
#define OSD_BG_SHADE		2u	/* video / 2 + colour / 2, per channel */
#define OSD_BG_SHADE_DARK	3u	/* video / 4 + colour / 2, per channel */

/* Integer scale 1..4 (clamped): each cell is 8*scale x 16*scale pixels. Next frame. */
void osd_set_scale(unsigned int scale);
/* Foreground indices in fg_mask blink; off in frames whose FRAME bit (3 + rate) is set
 * (rate 0..3: period 16, 32, 64, 128 frames). */
void osd_set_blink(uint16_t fg_mask, unsigned int rate);
/* Palette entry index: colour and background mode (OSD_BG_*). Takes effect at once. */
void osd_set_palette_entry(unsigned int index, uint16_t rgb444, unsigned int bg_mode);
/* Bit r = 1 hides text row r of the window (the background shows). From the next line. */
void osd_set_row_hide(uint32_t mask);
/* Start the hardware fill of cells (col, row) .. (col + w - 1, row + h - 1), clipped to
 * 64 x 32, with cell. Returns at once; later text stores wait until the fill is done. */
void osd_fill_rect(unsigned int col, unsigned int row, unsigned int w, unsigned int h,
		   uint16_t cell);
int osd_fill_busy(void);
void osd_fill_wait(void);
/* Keep the OSD enabled for exactly frames more frames, then the hardware turns it off
 * (OSD_CTRL.enable = 0); 0 cancels the timer. At most 4095. */
void osd_popup(unsigned int frames);
unsigned int osd_popup_left(void);
/* A surface covering the whole text RAM (64 x 32), writing straight to the hardware. */
void osd_hw_surface(struct osd_surface *s);

#endif /* KVMOSD_FW_OSD_H */
