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
 * writes at frame boundaries (the RTL snapshots them at vblank start) but palette RAM
 * writes (PALETTE, ROW_HIDE, BLINK_MASK), like text and font writes, at once (the RTL keeps
 * them in a block RAM, not snapshotted; BLINK_MASK is read once per frame in blanking, so
 * it is frame-aligned too). */
struct ovref_state {
	unsigned int width, height;	/* active area: 640 x 480 for the default mode */
	unsigned int htotal, vtotal;	/* raster totals: 800 x 525 (negative positions) */
	uint32_t pattern;		/* VIDEO.PATTERN */
	uint32_t osd_ctrl;		/* VIDEO.OSD_CTRL: enable, scale - 1, blink rate */
	uint32_t osd_pos;		/* VIDEO.OSD_POS (signed 12-bit fields) */
	uint32_t osd_size;		/* VIDEO.OSD_SIZE */
	uint32_t popup;			/* VIDEO.POPUP: frames left */
	uint32_t fill_rect;		/* VIDEO.FILL_RECT */
	uint32_t fill_cell;		/* VIDEO.FILL_CELL */
	uint16_t palette[16];		/* VIDEO.PALETTE[i][15:0]: [11:0] RGB, [13:12] bg mode */
	uint16_t row_hide[2];		/* VIDEO.ROW_HIDE[i][15:0] */
	uint16_t blink_mask;		/* VIDEO.BLINK_MASK[15:0] */
	uint32_t frame;			/* FRAME number of the frame drawn (blink phase) */
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

/*
 * Mirror a CPU store into the VIDEO register block (offset inside the block). A store to
 * FILL_CTRL with bit 0 set performs the whole fill at once (the RTL holds later text
 * stores until its fill is done, so the order of effects is the same).
 */
void ovref_reg_write(struct ovref_state *s, uint32_t offset, uint32_t wdata,
		     unsigned int wstrb);

/* Fill FILL_RECT (clipped to 64 x 32) with FILL_CELL, as the hardware fill engine does. */
void ovref_fill(struct ovref_state *s);

/*
 * What the hardware does once per frame after taking the register snapshot for the next
 * frame: the POPUP timer counts down, and the count that reaches 0 clears OSD_CTRL bit 0.
 * Call it after copying the state for a frame (the copy shows the OSD, the next may not).
 */
void ovref_frame_tick(struct ovref_state *s);

/* Is the window's position on the raster (x, y both within -(blanking - 1) .. active - 1)? */
int ovref_window_placeable(const struct ovref_state *s);

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
