/* SPDX-License-Identifier: MIT */
/*
 * vstatus.h - the video side of the KVM: every input's meter (VIDIN) named with app/vmode,
 * the source shown (VIDEO.SOURCE / MATRIX), and the OSD screens: status page (hotkey),
 * switch banner (hardware popup timer), NO SIGNAL screen, start-up box; OSD scale and a
 * window centred in the picture of the mode shown.
 *
 * Host-testable: hardware goes through struct vstatus_ops (drivers/vidin, drivers/osd in
 * main.c, fakes in tests/test_vstatus.c), drawing through an osd_surface. Ports are
 * 0-based inside, 1-based in every text and log line.
 *
 * Screens, highest priority first: the status page (open until closed), the banner after
 * a switch (until the popup timer runs out: OSD_CTRL.enable is cleared by the hardware,
 * noticed here by POPUP reading 0), the NO SIGNAL screen (the selected input has no
 * usable signal, so MATRIX shows the internal picture although SOURCE < N), the start-up
 * box (the internal picture is shown because there are no inputs / the port has no video
 * input), else nothing (the PC's picture, unobstructed).
 */
#ifndef KVMOSD_VSTATUS_H
#define KVMOSD_VSTATUS_H

#include <stddef.h>
#include <stdint.h>

#include "osd_draw.h"
#include "proto.h"
#include "vmode.h"

#define VSTATUS_PORTS_MAX	8	/* VIDIN.PORT_* entries, PROTO_PORTS_MAX */
#define VSTATUS_POLL_MS		100
#define VSTATUS_BANNER_MS	2000	/* banner time, in frames of the mode shown */
#define VSTATUS_NAME_LEN	PROTO_MODE_NAME_LEN

/* VIDIN.PORT_FLAGS */
#define VIDIN_FLAG_PRESENT	(1u << 0)
#define VIDIN_FLAG_STABLE	(1u << 1)
#define VIDIN_FLAG_LOCKED	(1u << 2)
#define VIDIN_FLAG_INTERLACED	(1u << 3)
/* VIDIN.PORT_LINE [19:0], PORT_LINES [11:0] */
#define VIDIN_LINE_X16(w)	((w) & 0xFFFFFu)
#define VIDIN_LINES_FRAME(w)	((uint16_t)((w) & 0xFFFu))
/* VIDEO.MATRIX: [3:0] source shown (0xF internal), bit4 switching */
#define VSTATUS_MATRIX_SRC(m)	((m) & 0xFu)
#define VSTATUS_MATRIX_INTERNAL	0xFu
#define VSTATUS_MATRIX_SWITCHING (1u << 4)
/* VIDEO.PATTERN of the NO SIGNAL screen: solid ([1:0] = 2), dark blue-grey RGB444 */
#define VSTATUS_NOSIG_RGB	0x112u
#define VSTATUS_PATTERN_NOSIG	((VSTATUS_NOSIG_RGB << 4) | 2u)
#define VSTATUS_PATTERN_NORMAL	0u	/* colour bars, the reset value */
/* the internal picture (matrix fallback raster) */
#define VSTATUS_INTERNAL_MODE	"640x480@60"

/* Layouts (cells). Status page: box, title, one line per port, footer. */
#define VSTATUS_PAGE_COLS_KVM	48
#define VSTATUS_PAGE_COLS	37	/* no KVM block: no LED / mouse column */
#define VSTATUS_BANNER_ROWS	3
#define VSTATUS_BANNER_MIN_COLS	12

/* Raw VIDIN words of one port. */
struct vidin_regs {
	uint32_t flags, line, lines, hs;
};

struct vstatus_ops {
	uint32_t (*snaps)(void *ctx);					/* VIDIN.SNAPS */
	void (*read_port)(void *ctx, unsigned int port, struct vidin_regs *r);
	void (*set_source)(void *ctx, unsigned int port);		/* VIDEO.SOURCE */
	uint32_t (*matrix)(void *ctx);					/* VIDEO.MATRIX */
	void (*set_pattern)(void *ctx, uint32_t pattern);		/* VIDEO.PATTERN */
	/* OSD: scale 1..4, window at pixel x / line y, cols x rows cells, enabled.
	 * cols == 0: OSD off. */
	void (*window)(void *ctx, unsigned int scale, int x, int y, int cols, int rows);
	void (*popup)(void *ctx, unsigned int frames);			/* VIDEO.POPUP */
	unsigned int (*popup_left)(void *ctx);
	uint32_t (*port_word)(void *ctx, unsigned int port);		/* KVM.PORT[i] */
	void (*log)(void *ctx, const char *msg);			/* may be NULL */
	struct osd_surface surf;
	void *ctx;
};

struct vstatus_port {
	struct vidin_regs regs;
	struct vmode_meas meas;
	struct vmode_result res;
	char name[VSTATUS_NAME_LEN];	/* "" until the first poll */
};

enum vstatus_screen {
	VSTATUS_OFF,
	VSTATUS_BOOT,
	VSTATUS_NOSIGNAL,
	VSTATUS_BANNER,
	VSTATUS_PAGE,
};

/* Where a window goes: scale and top-left pixel / line in the active picture. */
struct vstatus_geom {
	unsigned int scale;
	int x, y;
	unsigned int pic_w, pic_h;	/* the active picture it was centred in */
};

struct vstatus {
	struct vstatus_ops ops;
	const char *version;		/* start-up box text */
	unsigned int ninputs;		/* VIDIN.INFO: video inputs */
	unsigned int nkvm;		/* KVM ports: LED / mouse column */
	unsigned int nports;		/* max(ninputs, nkvm) */
	uint32_t ref_hz;
	unsigned int selected;		/* port selected (SOURCE when < ninputs) */
	uint32_t matrix;		/* last VIDEO.MATRIX read */
	unsigned int shown;		/* source shown: port, or VSTATUS_MATRIX_INTERNAL */
	uint8_t nosignal;		/* NO SIGNAL screen wanted */
	uint8_t page_open;
	uint8_t banner;			/* banner wanted / running */
	uint8_t screen;			/* enum vstatus_screen on the OSD now */
	uint8_t polled;
	uint32_t snaps;
	uint32_t next_poll;
	char banner_text[40];
	struct vstatus_geom geom;	/* of the window shown now */
	int cols, rows;			/* window shown now, 0 x 0 = off */
	struct vstatus_port port[VSTATUS_PORTS_MAX];
};

/* Decodes one port's raw words into a meter reading. */
void vstatus_decode(const struct vidin_regs *r, uint32_t ref_hz, struct vmode_meas *m);

/* ninputs 0: no VIDIN block (the internal picture with the start-up box, as before);
 * nkvm 0: no KVM block. Writes SOURCE = selected when there are inputs, draws the idle
 * screen. Logs "video: N inputs" or "video: no video inputs". */
void vstatus_init(struct vstatus *vs, const struct vstatus_ops *ops, unsigned int ninputs,
		  uint32_t ref_hz, unsigned int nkvm, unsigned int selected, const char *version);
/* Every main loop iteration: popup expiry; every VSTATUS_POLL_MS the meters (when SNAPS
 * moved) and MATRIX. */
void vstatus_step(struct vstatus *vs, uint32_t now);
/* Read every meter and MATRIX now; logs "video: port N MODE" for each name change,
 * follows NO SIGNAL and mode changes of the source shown. */
void vstatus_poll(struct vstatus *vs);
/* Port switch (0-based, < nports): SOURCE = port, banner "Port N  MODE". */
void vstatus_select(struct vstatus *vs, unsigned int port);
/* Status page open (1) or closed (0). */
void vstatus_page(struct vstatus *vs, int open);
/* Mode name of an input ("NO SIGNAL" before the first poll), "no video" for a port
 * without a video input. */
const char *vstatus_name(const struct vstatus *vs, unsigned int port);
/* PORT_VIDEO request (hostlink_ops.cmd). */
uint8_t vstatus_port_video(const struct vstatus *vs, const uint8_t *in, uint16_t len,
			   uint8_t *out, uint16_t *out_len);

/* Scale (vmode_osd_scale, halved for interlaced modes: the overlay counts lines per field,
 * reduced until the window fits) and centred position of a cols x rows window in the
 * picture of a mode. r NULL or not VMODE_KNOWN without measured lines: the internal
 * 640x480. */
void vstatus_place(const struct vmode_result *r, const struct vmode_meas *m, int cols,
		   int rows, struct vstatus_geom *g);

/* Drawing, top-left of s; return the window size in *cols / *rows. */
void vstatus_draw_page(const struct vstatus *vs, const struct osd_surface *s, int *cols,
		       int *rows);
void vstatus_draw_banner(const struct vstatus *vs, const struct osd_surface *s, unsigned int port,
			 int *cols, int *rows);
void vstatus_draw_nosignal(const struct vstatus *vs, const struct osd_surface *s, int *cols,
			   int *rows);

#endif /* KVMOSD_VSTATUS_H */
