/* SPDX-License-Identifier: MIT */
/*
 * kvmosd_font.h - the OSD font layout and the built-in default font.
 *
 * 256 glyphs indexed by CP437 code, 8x16 pixels, 16 bytes per glyph (top row
 * first), bit 7 of each byte = leftmost pixel. The default font's data is
 * generated at build time (build/fonts/default_font.c, see fonts/README.md).
 */
#ifndef KVMOSD_FONT_H
#define KVMOSD_FONT_H

#define KVMOSD_FONT_GLYPHS	256
#define KVMOSD_FONT_WIDTH	8
#define KVMOSD_FONT_HEIGHT	16
#define KVMOSD_FONT_BYTES	(KVMOSD_FONT_GLYPHS * KVMOSD_FONT_HEIGHT)

extern const unsigned char kvmosd_default_font[KVMOSD_FONT_BYTES];

#endif /* KVMOSD_FONT_H */
