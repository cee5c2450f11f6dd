// SPDX-License-Identifier: MIT
/*
 * frame_check.c - compare a frame captured by kvmosd-sim with the golden model.
 *
 *   frame_check BUS_LOG PNG_DIR
 *
 * BUS_LOG is kvmosd-sim --bus-log output: "W t_ps addr data strb" for every CPU store to
 * the OSD memories and the VIDEO block, and "F index start_ps end_ps w h lines crc status"
 * for every captured frame. The last captured frame is checked: the stores made before it
 * started are replayed into sim/overlay_ref, which renders the expected picture, and
 * PNG_DIR/frame-NNNN.png must equal it pixel for pixel. Settling rule: no store may fall in
 * the frame before the checked one or in the checked frame itself (values cross to clk_pix
 * through synchronisers, so a store just before the frame start may land in either frame).
 *
 * The check is made non-vacuous: the OSD must be enabled, and the window must contain
 * foreground (glyph) pixels, in the expected picture. Exit 0 when equal, 1 otherwise.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "kvmosd_regs.h"
#include "overlay_ref.h"

struct store {
	uint64_t t;
	uint32_t addr, data;
	unsigned int strb;
};

struct frame_rec {
	unsigned int index, w, h;
	uint64_t start, end;
	char status[16];
};

static struct store *stores;
static size_t n_stores, cap_stores;
static struct frame_rec last, prev;
static unsigned int n_frames;

static int read_log(const char *path)
{
	char line[256];
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct store s;
		struct frame_rec fr;
		unsigned int lines;
		uint32_t crc;

		if (sscanf(line, "W %" SCNu64 " %" SCNx32 " %" SCNx32 " %x", &s.t, &s.addr,
			   &s.data, &s.strb) == 4) {
			if (n_stores == cap_stores) {
				cap_stores = cap_stores ? 2 * cap_stores : 4096;
				stores = realloc(stores, cap_stores * sizeof(*stores));
				if (!stores) {
					fclose(f);
					return -1;
				}
			}
			stores[n_stores++] = s;
		} else if (sscanf(line, "F %u %" SCNu64 " %" SCNu64 " %u %u %u %" SCNx32 " %15s",
				  &fr.index, &fr.start, &fr.end, &fr.w, &fr.h, &lines, &crc,
				  fr.status) == 8) {
			prev = last;
			last = fr;
			n_frames++;
		}
	}
	fclose(f);
	return 0;
}

static void apply(struct ovref_state *st, const struct store *s)
{
	uint32_t a = s->addr;

	if (a >= KVM_OSD_TEXT_BASE && a < KVM_OSD_TEXT_BASE + KVM_OSD_TEXT_SIZE)
		ovref_mem_write(st, 0, a - KVM_OSD_TEXT_BASE, s->data, s->strb);
	else if (a >= KVM_OSD_FONT_BASE && a < KVM_OSD_FONT_BASE + KVM_OSD_FONT_SIZE)
		ovref_mem_write(st, 1, a - KVM_OSD_FONT_BASE, s->data, s->strb);
	else if (a >= KVM_VIDEO_BASE && a < KVM_VIDEO_BASE + 0x100)
		ovref_reg_write(st, a - KVM_VIDEO_BASE, s->data, s->strb);
}

static uint8_t *read_png(const char *path, unsigned int *w, unsigned int *h)
{
	png_image img;
	uint8_t *buf;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path)) {
		fprintf(stderr, "frame_check: %s: %s\n", path, img.message);
		return NULL;
	}
	img.format = PNG_FORMAT_RGB;
	buf = malloc(PNG_IMAGE_SIZE(img));
	if (!buf || !png_image_finish_read(&img, NULL, buf, 0, NULL)) {
		fprintf(stderr, "frame_check: cannot decode %s\n", path);
		free(buf);
		return NULL;
	}
	*w = img.width;
	*h = img.height;
	return buf;
}

static uint16_t rgb444(const uint8_t *p)
{
	/* the simulator expands 4 to 8 bits by replication: the high nibble is the value */
	return (uint16_t)(((p[0] >> 4) << 8) | ((p[1] >> 4) << 4) | (p[2] >> 4));
}

static int in_window(const struct ovref_state *st, unsigned int x, unsigned int y)
{
	unsigned int wx = st->osd_pos & 0xFFF, wy = (st->osd_pos >> 16) & 0xFFF;
	unsigned int ww = (st->osd_size & 0xFF) * KVM_OSD_GLYPH_W;
	unsigned int wh = ((st->osd_size >> 8) & 0xFF) * KVM_OSD_GLYPH_H;

	return (st->osd_ctrl & 1) && x >= wx && x < wx + ww && y >= wy && y < wy + wh;
}

/* want is the foreground colour of its cell (and that differs from the cell background) */
static int glyph_pixel(const struct ovref_state *st, unsigned int x, unsigned int y,
		       uint16_t want)
{
	unsigned int c = (x - (st->osd_pos & 0xFFF)) / KVM_OSD_GLYPH_W;
	unsigned int r = (y - ((st->osd_pos >> 16) & 0xFFF)) / KVM_OSD_GLYPH_H;
	unsigned int attr = st->text[(r * OVREF_TEXT_COLS + c) % OVREF_TEXT_CELLS] >> 8;
	uint16_t fgc = st->palette[attr & 15], bgc = st->palette[attr >> 4];

	return fgc != bgc && want == fgc;
}

int main(int argc, char **argv)
{
	static struct ovref_state st;
	unsigned int w, h, x, y, bad_bg = 0, bad_osd = 0, fg = 0, win = 0, shown = 0;
	char path[4096];
	uint16_t *exp;
	uint8_t *png;
	size_t i;

	if (argc != 3) {
		fprintf(stderr, "usage: frame_check BUS_LOG PNG_DIR\n");
		return 2;
	}
	if (read_log(argv[1]) < 0)
		return 1;
	if (n_frames < 2) {
		fprintf(stderr, "frame_check: need at least 2 captured frames, the log has %u\n",
			n_frames);
		return 1;
	}
	if (strcmp(last.status, "ok")) {
		fprintf(stderr, "frame_check: frame %u is %s\n", last.index, last.status);
		return 1;
	}
	ovref_reset(&st);
	for (i = 0; i < n_stores; i++) {
		if (stores[i].t >= prev.start && stores[i].t < last.end) {
			fprintf(stderr, "frame_check: a store to %08" PRIx32 " at %.3f ms falls in "
				"frames %u..%u: the picture had not settled (capture more frames)\n",
				stores[i].addr, stores[i].t / 1e9, prev.index, last.index);
			return 1;
		}
		if (stores[i].t < last.start)
			apply(&st, &stores[i]);
	}
	printf("frame_check: %zu stores replayed; frame %u: pattern %" PRIu32 ", OSD %s at "
	       "(%" PRIu32 ", %" PRIu32 ") %" PRIu32 "x%" PRIu32 " cells\n", n_stores, last.index,
	       st.pattern & 3, st.osd_ctrl & 1 ? "on" : "off", st.osd_pos & 0xFFF,
	       (st.osd_pos >> 16) & 0xFFF, st.osd_size & 0xFF, (st.osd_size >> 8) & 0xFF);

	snprintf(path, sizeof(path), "%s/frame-%04u.png", argv[2], last.index);
	png = read_png(path, &w, &h);
	if (!png)
		return 1;
	if (w != st.width || h != st.height) {
		fprintf(stderr, "frame_check: %s is %ux%u, the golden model %ux%u\n", path, w, h,
			st.width, st.height);
		return 1;
	}
	exp = malloc((size_t)w * h * sizeof(*exp));
	if (!exp)
		return 1;
	ovref_frame(&st, exp);

	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++) {
			uint16_t got = rgb444(&png[3 * ((size_t)y * w + x)]);
			uint16_t want = exp[(size_t)y * w + x];
			int inside = in_window(&st, x, y);

			if (inside && glyph_pixel(&st, x, y, want))
				fg++;
			win += inside;
			if (got == want)
				continue;
			if (inside)
				bad_osd++;
			else
				bad_bg++;
			if (shown++ < 10)
				fprintf(stderr, "  (%u, %u) %s: got %03x, expected %03x\n", x, y,
					inside ? "OSD window" : "background", got, want);
		}
	}
	printf("frame_check: %s: %u background pixel(s) and %u of %u OSD window pixel(s) "
	       "differ; %u glyph (foreground) pixels expected in the window\n", path, bad_bg,
	       bad_osd, win, fg);
	free(exp);
	free(png);
	free(stores);
	if (!(st.osd_ctrl & 1) || fg == 0) {
		fprintf(stderr, "frame_check: FAIL: the OSD is not on or shows no text, so the "
			"check would prove nothing\n");
		return 1;
	}
	if (bad_bg || bad_osd) {
		fprintf(stderr, "frame_check: FAIL: the captured frame differs from the golden "
			"model\n");
		return 1;
	}
	printf("frame_check: PASS: frame %u equals the golden model pixel for pixel\n",
	       last.index);
	return 0;
}
