/* SPDX-License-Identifier: MIT */
/*
 * overlay_ref.h - golden model of the kvmosd video output picture (rtl/video/).
 *
 * Given the VIDEO register values, the OSD text and font memories, it produces the active
 * picture exactly as video_top drives o_r/o_g/o_b while o_de is high: one RGB444 value per
 * pixel (R in [11:8], G in [7:4], B in [3:0]). Plain C, no simulator dependency. The
 * definitions it implements are in docs/video.md.
 */
#ifndef KVMOSD_SIM_OVERLAY_REF_H
#define KVMOSD_SIM_OVERLAY_REF_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OVREF_TEXT_CELLS 2048
#define OVREF_FONT_BYTES 4096
#define OVREF_TEXT_COLS 64	/* cell (c, r) is text cell r * 64 + c */

/* The register values and memories that define one frame. The caller applies register
 * writes at frame boundaries (the RTL snapshots them at vblank start) but palette writes,
 * like text and font writes, at once (the RTL palette is a block RAM, not snapshotted). */
struct ovref_state {
	unsigned int width, height;	/* active area: 640 x 480 for the default mode */
	uint32_t pattern;		/* VIDEO.PATTERN */
	uint32_t osd_ctrl;		/* VIDEO.OSD_CTRL */
	uint32_t osd_pos;		/* VIDEO.OSD_POS */
	uint32_t osd_size;		/* VIDEO.OSD_SIZE */
	uint16_t palette[16];		/* VIDEO.PALETTE[i][11:0] */
	uint16_t text[OVREF_TEXT_CELLS];	/* {attr = {bg, fg}, glyph} */
	uint8_t font[OVREF_FONT_BYTES];	/* row r of glyph g at 16 * g + r, bit 7 leftmost */
};

/* The reset palette of osd_pal_ram.v (its contents after configuration) (the 16 classic PC text colours). */
extern const uint16_t ovref_default_palette[16];

/* Register and memory values after reset (memories zero, 640 x 480). */
void ovref_reset(struct ovref_state *s);

/*
 * Mirror a CPU store into the OSD memories: addr is the byte offset inside OSD_TEXT
 * (font = 0) or OSD_FONT (font = 1), word aligned; bits above the 4 KiB alias.
 * wdata/wstrb as on the bus.
 */
void ovref_mem_write(struct ovref_state *s, int font, uint32_t addr, uint32_t wdata,
		     unsigned int wstrb);

/* Mirror a CPU store into the VIDEO register block (offset inside the block). */
void ovref_reg_write(struct ovref_state *s, uint32_t offset, uint32_t wdata,
		     unsigned int wstrb);

/* Background pattern colour at (x, y). */
uint16_t ovref_background(const struct ovref_state *s, unsigned int x, unsigned int y);

/* Output colour at (x, y) of the active area. */
uint16_t ovref_pixel(const struct ovref_state *s, unsigned int x, unsigned int y);

/* Whole active picture, row-major, width * height entries. */
void ovref_frame(const struct ovref_state *s, uint16_t *out);

#ifdef __cplusplus
}
#endif

#endif /* KVMOSD_SIM_OVERLAY_REF_H */
