// SPDX-License-Identifier: MIT
/*
 * test_vstatus.c - the video side on fake registers (VIDIN meters, VIDEO.SOURCE / MATRIX /
 * PATTERN / POPUP, the OSD window, KVM.SELECT through kvm_ui): meter words -> names and
 * the "video: port N MODE" lines, SNAPS, switching (both SELECT registers, banner text and
 * popup), the status page, the NO SIGNAL screen, OSD scale and centring, no inputs / no
 * KVM block, the PORT_VIDEO handler.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "kvm_ui.h"
#include "proto.h"
#include "ui_boot.h"
#include "vmode.h"
#include "vstatus.h"

#define REF	48000000u
#define NIN	4

/* ---- fake registers ---- */
static struct {
	uint32_t snaps;
	int bump_snaps_on_read;		/* a snapshot lands in the middle of a read */
	int reads;
	struct vidin_regs port[VSTATUS_PORTS_MAX];
	int source, source_writes;
	uint32_t matrix;
	uint32_t pattern;
	int pattern_writes;
	unsigned int scale;
	int x, y, cols, rows, windows;
	unsigned int popup;		/* VIDEO.POPUP: frames left */
	int popup_writes;
	uint32_t port_words[VSTATUS_PORTS_MAX];
	int kvm_select, kvm_selects;
	char log[4096];
} hw;

static uint16_t ram[OSD_MAX_ROWS * OSD_STRIDE];
static struct vstatus vs;
static struct kvm_ui ui;

static uint32_t f_snaps(void *ctx)
{
	(void)ctx;
	return hw.snaps;
}

static void f_read_port(void *ctx, unsigned int port, struct vidin_regs *r)
{
	(void)ctx;
	assert_true(port < NIN);
	hw.reads++;
	if (hw.bump_snaps_on_read) {
		hw.bump_snaps_on_read = 0;
		hw.snaps++;
	}
	*r = hw.port[port];
}

static void f_set_source(void *ctx, unsigned int port)
{
	(void)ctx;
	hw.source = (int)port;
	hw.source_writes++;
}

static uint32_t f_matrix(void *ctx)
{
	(void)ctx;
	return hw.matrix;
}

static void f_set_pattern(void *ctx, uint32_t p)
{
	(void)ctx;
	hw.pattern = p;
	hw.pattern_writes++;
}

static void f_window(void *ctx, unsigned int scale, int x, int y, int cols, int rows)
{
	(void)ctx;
	hw.scale = scale;
	hw.x = x;
	hw.y = y;
	hw.cols = cols;
	hw.rows = rows;
	hw.windows++;
}

static void f_popup(void *ctx, unsigned int frames)
{
	(void)ctx;
	hw.popup = frames;
	hw.popup_writes++;
}

static unsigned int f_popup_left(void *ctx)
{
	(void)ctx;
	return hw.popup;
}

static uint32_t f_port_word(void *ctx, unsigned int port)
{
	(void)ctx;
	assert_true(port < VSTATUS_PORTS_MAX);
	return hw.port_words[port];
}

static void f_log(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(hw.log, msg, sizeof(hw.log) - strlen(hw.log) - 2);
	strcat(hw.log, "\n");
}

static void f_put(void *ctx, int col, int row, uint16_t cell)
{
	(void)ctx;
	ram[row * OSD_STRIDE + col] = cell;
}

/* kvm_ui side */
static void k_select(void *ctx, unsigned int port)
{
	(void)ctx;
	hw.kvm_select = (int)port;
	hw.kvm_selects++;
}

static void k_block(void *ctx, int on)
{
	(void)ctx;
	(void)on;
}

static void k_inject(void *ctx, unsigned int port, const uint8_t *chunk, size_t n)
{
	(void)ctx;
	(void)port;
	(void)chunk;
	(void)n;
}

static void k_filter(void *ctx, uint32_t f)
{
	(void)ctx;
	(void)f;
}

static uint32_t k_con_errors(void *ctx, int dev)
{
	(void)ctx;
	(void)dev;
	return 0;
}

/* ---- helpers ---- */
static uint32_t now;

static const struct vmode *mode_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < vmode_table_len; i++)
		if (!strcmp(vmode_table[i].name, name))
			return &vmode_table[i];
	fail_msg("no mode %s", name);
	return NULL;
}

/* Meter words of a source sending mode name (NULL: unplugged) on port p. */
static void signal(unsigned int p, const char *name)
{
	const struct vmode *v;

	memset(&hw.port[p], 0, sizeof(hw.port[p]));
	if (!name)
		return;
	v = mode_by_name(name);
	hw.port[p].flags = VIDIN_FLAG_PRESENT | VIDIN_FLAG_STABLE | VIDIN_FLAG_LOCKED |
			   (v->interlaced ? VIDIN_FLAG_INTERLACED : 0) | (3u << 8);
	hw.port[p].line = (uint32_t)((16ull * REF * v->htotal + v->pclk_khz * 500ull) /
				     (v->pclk_khz * 1000ull));
	hw.port[p].lines = v->vtotal | ((uint32_t)(v->vtotal / 2) << 16);
	hw.port[p].hs = 0x05DC0070u;
}

static void setup(unsigned int nin, unsigned int nkvm, unsigned int selected)
{
	struct vstatus_ops ops = {
		.snaps = f_snaps, .read_port = f_read_port, .set_source = f_set_source,
		.matrix = f_matrix, .set_pattern = f_set_pattern, .window = f_window,
		.popup = f_popup, .popup_left = f_popup_left,
		.port_word = nkvm ? f_port_word : NULL, .log = f_log,
		.surf = { OSD_MAX_COLS, OSD_MAX_ROWS, f_put, NULL },
	};
	struct kvm_ui_ops kops = {
		.select = k_select, .block = k_block, .inject = k_inject, .set_filter = k_filter,
		.port_word = f_port_word, .con_errors = k_con_errors, .log = f_log,
	};
	struct hotkey_cfg cfg;
	struct vidin_regs saved[VSTATUS_PORTS_MAX];
	uint32_t matrix = hw.matrix;

	memcpy(saved, hw.port, sizeof(saved));
	memset(&hw, 0, sizeof(hw));
	memcpy(hw.port, saved, sizeof(saved));
	hw.matrix = matrix;
	hw.source = -1;
	hw.kvm_select = -1;
	hw.snaps = 1;
	memset(ram, 0, sizeof(ram));
	now = 1000;
	vstatus_init(&vs, &ops, nin, REF, nkvm, selected, "0.1.0");
	hotkey_default_cfg(&cfg);
	kvm_ui_init(&ui, &kops, NULL, &vs, nkvm, selected, &cfg);
}

static void clear_ports(void)
{
	memset(hw.port, 0, sizeof(hw.port));
	hw.matrix = VSTATUS_MATRIX_INTERNAL;
}

/* Let ms pass in 10 ms steps, a new meter snapshot every step. */
static void run_ms(uint32_t ms)
{
	while (ms >= 10) {
		ms -= 10;
		now += 10;
		hw.snaps++;
		vstatus_step(&vs, now);
	}
}

/* The hardware popup timer counting frames. */
static void frames(unsigned int n)
{
	while (n--) {
		if (hw.popup)
			hw.popup--;
		vstatus_step(&vs, now);
	}
}

static int count_in_log(const char *s)
{
	int n = 0;
	const char *p = hw.log;

	while ((p = strstr(p, s))) {
		n++;
		p += strlen(s);
	}
	return n;
}

static void row_text(int r, char *out, int n)
{
	int i;

	for (i = 0; i < n; i++)
		out[i] = (char)(ram[r * OSD_STRIDE + i] & 0xFF);
	out[n] = 0;
}

static uint8_t attr_at(int c, int r)
{
	return (uint8_t)(ram[r * OSD_STRIDE + c] >> 8);
}

/* ---- tests ---- */
static void test_decode(void **state)
{
	struct vidin_regs r = { VIDIN_FLAG_PRESENT | VIDIN_FLAG_INTERLACED | 0xFF00u,
				0xFFF5F5F5u, 0x0106020Du, 0 };
	struct vmode_meas m;

	(void)state;
	vstatus_decode(&r, REF, &m);
	assert_int_equal(m.ref_hz, REF);
	assert_int_equal(m.line_x16, 0x5F5F5);	/* [19:0] only */
	assert_int_equal(m.lines_frame, 0x20D);	/* [11:0] only: 525 */
	assert_true(m.present && m.interlaced && !m.stable);
	r.flags = VIDIN_FLAG_STABLE;
	vstatus_decode(&r, REF, &m);
	assert_true(m.stable && !m.present && !m.interlaced);
}

static void test_names_and_log(void **state)
{
	(void)state;
	clear_ports();
	signal(1, "1024x768@60");
	setup(NIN, NIN, 0);
	assert_non_null(strstr(hw.log, "video: 4 inputs, reference 48000000 Hz\n"));
	/* every port is named once at start */
	assert_int_equal(count_in_log("video: port 1 NO SIGNAL\n"), 1);
	assert_int_equal(count_in_log("video: port 2 1024x768@60\n"), 1);
	assert_int_equal(count_in_log("video: port 3 NO SIGNAL\n"), 1);
	assert_int_equal(count_in_log("video: port 4 NO SIGNAL\n"), 1);
	assert_string_equal(vstatus_name(&vs, 1), "1024x768@60");
	/* no change: no new line, however long */
	run_ms(1000);
	assert_int_equal(count_in_log("video: port"), 4);
	/* a source on port 3: 1280x720, via unstable (edges, no stable lock yet) */
	hw.port[2].flags = VIDIN_FLAG_PRESENT;
	run_ms(100);
	assert_int_equal(count_in_log("video: port 3 unstable\n"), 1);
	signal(2, "1280x720@60");
	run_ms(100);
	assert_int_equal(count_in_log("video: port 3 1280x720@60\n"), 1);
	assert_int_equal(count_in_log("video: port"), 6);
	/* the meters are polled every 100 ms, not every step */
	hw.reads = 0;
	run_ms(500);
	assert_true(hw.reads >= 4 * NIN && hw.reads <= 6 * NIN);
	/* nothing is read while SNAPS stands still (no fresh values) */
	now += 1000;
	vstatus_step(&vs, now);
	hw.reads = 0;
	now += 1000;
	vstatus_step(&vs, now);
	assert_int_equal(hw.reads, 0);
	/* a snapshot in the middle of a read: read again */
	hw.snaps++;
	hw.bump_snaps_on_read = 1;
	vstatus_poll(&vs);
	assert_int_equal(hw.reads, 2 * NIN);
	/* unplugged; an unknown mode */
	signal(1, NULL);
	hw.port[3].flags = VIDIN_FLAG_PRESENT | VIDIN_FLAG_STABLE;
	hw.port[3].line = 16u * REF / 33700u;	/* 33.7 kHz */
	hw.port[3].lines = 562;
	run_ms(100);
	assert_int_equal(count_in_log("video: port 2 NO SIGNAL\n"), 1);
	assert_non_null(strstr(hw.log, "video: port 4 unknown 33.7kHz 60.0Hz\n"));
}

static void test_switch(void **state)
{
	char line[64];
	uint8_t p;
	uint8_t out[PROTO_MAX_PAYLOAD];
	uint16_t n;

	(void)state;
	clear_ports();
	signal(0, "1024x768@60");
	signal(1, "1280x720@60");
	hw.matrix = 0;
	setup(NIN, NIN, 0);
	assert_int_equal(hw.source, 0);		/* SOURCE follows the selected port at start */
	assert_int_equal(vs.screen, VSTATUS_OFF);	/* a live picture: nothing over it */
	assert_int_equal(hw.cols, 0);
	/* hotkey-style switch (kvm_ui_select is what the digit calls) */
	assert_int_equal(kvm_ui_select(&ui, 1), 0);
	assert_int_equal(hw.kvm_select, 1);
	assert_int_equal(hw.source, 1);
	assert_non_null(strstr(hw.log, "kvm: port 2 selected\n"));
	assert_int_equal(vs.screen, VSTATUS_BANNER);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Port 2  1280x720@60"));
	assert_int_equal(hw.cols, (int)strlen("Port 2  1280x720@60") + 4);
	assert_int_equal(hw.rows, VSTATUS_BANNER_ROWS);
	assert_int_equal(hw.popup, 120);	/* 2 s of 60 Hz frames */
	/* the popup timer ends it; firmware notices and stays off (live picture) */
	hw.matrix = 1;
	frames(119);
	assert_int_equal(vs.screen, VSTATUS_BANNER);
	frames(1);
	assert_int_equal(vs.screen, VSTATUS_OFF);
	assert_int_equal(hw.cols, 0);
	/* host PORT_SELECT to a port without signal: both registers, "NO SIGNAL" banner */
	p = 2;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n), PROTO_OK);
	assert_int_equal(hw.kvm_select, 2);
	assert_int_equal(hw.source, 2);
	assert_int_equal(hw.kvm_selects, 2);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Port 3  NO SIGNAL"));
	assert_int_equal(hw.popup, 120);	/* internal picture: 60 Hz */
	/* a second switch during a banner restarts it */
	frames(50);
	p = 0;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n), PROTO_OK);
	assert_int_equal(hw.popup, 120);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Port 1  1024x768@60"));
	p = NIN;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n),
			 PROTO_ERR_BAD_ARG);
	assert_int_equal(hw.source, 0);
}

static void test_status_page(void **state)
{
	char line[64];

	(void)state;
	clear_ports();
	signal(0, "1920x1080@60");
	signal(2, "ntsc");
	hw.port[3].flags = VIDIN_FLAG_PRESENT;	/* unstable */
	hw.matrix = 2;
	setup(NIN, 6, 2);	/* 4 video inputs, 6 KVM ports: 6 ports */
	hw.port_words[0] = 0x00003006u;		/* Num + Caps, mouse 3 */
	hw.port_words[4] = 0x00004001u;		/* Scroll, mouse 4 */
	assert_int_equal(vs.nports, 6);
	assert_int_equal(ui.nports, 6);
	vstatus_page(&vs, 1);
	assert_int_equal(vs.screen, VSTATUS_PAGE);
	assert_int_equal(hw.cols, VSTATUS_PAGE_COLS_KVM);
	assert_int_equal(hw.rows, 6 + 4);
	row_text(0, line, hw.cols);
	assert_int_equal((uint8_t)line[0], 0xC9);
	assert_int_equal((uint8_t)line[hw.cols - 1], 0xBB);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Ports"));
	row_text(2, line, hw.cols);
	assert_non_null(strstr(line, "  1  PC 1  1920x1080@60           NC- mouse 3"));
	row_text(3, line, hw.cols);
	assert_non_null(strstr(line, "  2  PC 2  NO SIGNAL              --- mouse 0"));
	row_text(4, line, hw.cols);
	assert_non_null(strstr(line, "> 3  PC 3  ntsc"));
	assert_int_equal(attr_at(2, 4), osd_attr(14, UI_BG));	/* selected: highlighted */
	assert_int_equal(attr_at(2, 3), osd_attr(UI_FG, UI_BG));
	row_text(5, line, hw.cols);
	assert_non_null(strstr(line, "  4  PC 4  unstable"));
	row_text(6, line, hw.cols);
	assert_non_null(strstr(line, "  5  PC 5  no video               --S mouse 4"));
	row_text(8, line, hw.cols);
	assert_non_null(strstr(line, "1-6: switch  Esc: close"));
	row_text(9, line, hw.cols);
	assert_int_equal((uint8_t)line[0], 0xC8);
	/* on the ntsc port: 1x, centred in 720 x 240 (one field) */
	assert_int_equal(hw.scale, 1);
	assert_int_equal(hw.x, (720 - VSTATUS_PAGE_COLS_KVM * 8) / 2);
	assert_int_equal(hw.y, (240 - 10 * 16) / 2);
	/* a port changes mode while the page is open: redrawn */
	signal(1, "800x600@60");
	run_ms(100);
	row_text(3, line, hw.cols);
	assert_non_null(strstr(line, "  2  PC 2  800x600@60"));
	/* a digit while open: marker moves; closing shows the banner */
	kvm_ui_select(&ui, 0);
	assert_int_equal(vs.screen, VSTATUS_PAGE);
	row_text(2, line, hw.cols);
	assert_non_null(strstr(line, "> 1  PC 1"));
	vstatus_page(&vs, 0);
	assert_int_equal(vs.screen, VSTATUS_BANNER);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Port 1  1920x1080@60"));
}

static void test_nosignal_screen(void **state)
{
	char line[64];

	(void)state;
	clear_ports();
	signal(0, "1024x768@60");
	hw.matrix = 0;
	setup(NIN, NIN, 0);
	assert_int_equal(vs.screen, VSTATUS_OFF);
	kvm_ui_select(&ui, 2);	/* nothing on port 3 */
	hw.matrix = 2 | VSTATUS_MATRIX_SWITCHING;	/* no decision while switching */
	run_ms(100);
	assert_int_equal(hw.pattern_writes, 0);
	hw.matrix = VSTATUS_MATRIX_INTERNAL;	/* the matrix falls back to the internal picture */
	run_ms(100);
	assert_int_equal(hw.pattern, VSTATUS_PATTERN_NOSIG);
	assert_int_equal(count_in_log("video: no signal on port 3\n"), 1);
	assert_int_equal(vs.screen, VSTATUS_BANNER);	/* the banner first */
	frames(120);
	assert_int_equal(vs.screen, VSTATUS_NOSIGNAL);
	assert_int_equal(hw.cols, VSTATUS_PAGE_COLS_KVM);
	assert_int_equal(hw.rows, NIN + 5);
	assert_int_equal(hw.scale, 1);		/* on the internal 640x480 */
	assert_int_equal(hw.x, (640 - VSTATUS_PAGE_COLS_KVM * 8) / 2);
	assert_int_equal(hw.y, (480 - (NIN + 5) * 16) / 2);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "NO SIGNAL"));
	row_text(2, line, hw.cols);
	assert_non_null(strstr(line, "Port 3  PC 3"));
	row_text(3, line, hw.cols);
	assert_int_equal((uint8_t)line[0], 0xC7);
	row_text(4, line, hw.cols);
	assert_non_null(strstr(line, "  1  PC 1  1024x768@60"));
	row_text(6, line, hw.cols);
	assert_non_null(strstr(line, "> 3  PC 3  NO SIGNAL"));
	/* it stays (the popup timer is not used for it) */
	run_ms(3000);
	assert_int_equal(vs.screen, VSTATUS_NOSIGNAL);
	/* the status page goes over it and back */
	vstatus_page(&vs, 1);
	assert_int_equal(vs.screen, VSTATUS_PAGE);
	vstatus_page(&vs, 0);
	assert_int_equal(vs.screen, VSTATUS_NOSIGNAL);
	/* the signal returns: normal pattern, OSD off over the PC's picture */
	signal(2, "1920x1080@60");
	hw.matrix = 2;
	run_ms(100);
	assert_int_equal(hw.pattern, VSTATUS_PATTERN_NORMAL);
	assert_int_equal(count_in_log("video: port 3 shown\n"), 1);
	assert_int_equal(count_in_log("video: port 3 1920x1080@60\n"), 1);
	assert_int_equal(vs.screen, VSTATUS_OFF);
	assert_int_equal(hw.cols, 0);
	/* the page on 1920x1080: 2x, centred */
	vstatus_page(&vs, 1);
	assert_int_equal(hw.scale, 2);
	assert_int_equal(hw.x, (1920 - VSTATUS_PAGE_COLS_KVM * 16) / 2);
	assert_int_equal(hw.y, (1080 - (NIN + 4) * 32) / 2);
	/* the shown source changes mode: re-placed */
	signal(2, "1024x768@60");
	run_ms(100);
	assert_int_equal(hw.scale, 1);
	assert_int_equal(hw.x, (1024 - VSTATUS_PAGE_COLS_KVM * 8) / 2);
	assert_int_equal(hw.y, (768 - (NIN + 4) * 16) / 2);
}

static void test_place(void **state)
{
	struct vstatus_geom g;
	struct vmode_meas m;
	struct vmode_result r;
	static const struct {
		const char *mode;
		int cols, rows;
		unsigned int scale, w, h;
		int x, y;
	} want[] = {
		{ "640x480@60",   48, 8, 1,  640,  480, 128, 176 },
		{ "1024x768@60",  48, 8, 1, 1024,  768, 320, 320 },
		{ "1920x1080@60", 48, 8, 2, 1920, 1080, 576, 412 },
		{ "ntsc",         48, 8, 1,  720,  240, 168,  56 },
		{ "1920x1080i60", 48, 8, 1, 1920,  540, 768, 206 },
		/* 2x would be 1024 lines > 960: 1x */
		{ "1280x960@60",  64, 32, 1, 1280, 960, 384, 224 },
		/* the whole grid at 640x480 does not fit: top-left, clipped */
		{ "640x480@60",   64, 32, 1,  640, 480,  64,   0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct vmode *v = mode_by_name(want[i].mode);
		struct vidin_regs regs;

		clear_ports();
		signal(0, want[i].mode);
		regs = hw.port[0];
		vstatus_decode(&regs, REF, &m);
		r = vmode_identify(&m);
		assert_ptr_equal(r.mode, v);
		vstatus_place(&r, &m, want[i].cols, want[i].rows, &g);
		if (g.scale != want[i].scale || g.pic_w != want[i].w || g.pic_h != want[i].h ||
		    g.x != want[i].x || g.y != want[i].y)
			fail_msg("%s %dx%d: scale %u pic %ux%u at (%d, %d)", want[i].mode,
				 want[i].cols, want[i].rows, g.scale, g.pic_w, g.pic_h, g.x, g.y);
	}
	/* no mode: the internal 640x480 */
	vstatus_place(NULL, NULL, 12, 3, &g);
	assert_int_equal(g.scale, 1);
	assert_int_equal(g.pic_w, 640);
	assert_int_equal(g.pic_h, 480);
	assert_int_equal(g.x, (640 - 96) / 2);
	assert_int_equal(g.y, (480 - 48) / 2);
	/* unknown mode: the measured lines (less blanking), 4:3 */
	memset(&m, 0, sizeof(m));
	m.ref_hz = REF;
	m.present = m.stable = 1;
	m.line_x16 = 16u * REF / 70000u;
	m.lines_frame = 1100;
	r = vmode_identify(&m);
	assert_int_equal(r.state, VMODE_UNKNOWN);
	vstatus_place(&r, &m, 48, 8, &g);
	assert_int_equal(g.scale, 2);
	assert_int_equal(g.pic_h, 1100 - 1100 / 16);
	assert_int_equal(g.pic_w, (1100 - 1100 / 16) * 4 / 3);
	assert_int_equal(g.y, ((int)g.pic_h - 8 * 32) / 2);
}

static void test_no_inputs(void **state)
{
	char line[64];
	uint8_t out[PROTO_MAX_PAYLOAD], p = 0;
	uint16_t n;

	(void)state;
	clear_ports();
	setup(0, NIN, 0);	/* iCEBreaker-like: KVM, no video inputs */
	assert_non_null(strstr(hw.log, "video: no video inputs\n"));
	assert_int_equal(hw.source_writes, 0);
	assert_int_equal(hw.pattern_writes, 0);
	/* today's screen: the start-up box at (64, 48), 1x */
	assert_int_equal(vs.screen, VSTATUS_BOOT);
	assert_int_equal(hw.cols, UI_BOOT_COLS);
	assert_int_equal(hw.rows, UI_BOOT_ROWS);
	assert_int_equal(hw.x, UI_BOOT_X);
	assert_int_equal(hw.y, UI_BOOT_Y);
	assert_int_equal(hw.scale, 1);
	row_text(1, line, UI_BOOT_COLS);
	assert_non_null(strstr(line, "kvmosd 0.1.0"));
	run_ms(1000);
	assert_int_equal(hw.reads, 0);
	/* a switch: KVM only, banner "Port 2", then the start-up box again */
	assert_int_equal(kvm_ui_select(&ui, 1), 0);
	assert_int_equal(hw.kvm_select, 1);
	assert_int_equal(hw.source_writes, 0);
	row_text(1, line, hw.cols);
	assert_non_null(strstr(line, "Port 2"));
	assert_null(strstr(line, "NO"));
	assert_int_equal(hw.cols, VSTATUS_BANNER_MIN_COLS);
	frames(120);
	assert_int_equal(vs.screen, VSTATUS_BOOT);
	assert_int_equal(hw.x, UI_BOOT_X);
	/* the page without a mode column */
	vstatus_page(&vs, 1);
	row_text(2, line, hw.cols);
	assert_non_null(strstr(line, "  1  PC 1                         --- mouse 0"));
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_VIDEO, &p, 1, out, &n),
			 PROTO_ERR_BAD_ARG);
}

static void test_no_kvm(void **state)
{
	char line[64];
	uint8_t out[PROTO_MAX_PAYLOAD], p;
	uint16_t n;
	struct proto_port_status ps;

	(void)state;
	clear_ports();
	signal(0, "800x600@60");
	hw.matrix = 0;
	setup(2, 0, 0);	/* video inputs only */
	assert_int_equal(ui.nports, 2);
	p = 1;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n), PROTO_OK);
	assert_int_equal(hw.source, 1);
	assert_int_equal(hw.kvm_selects, 0);	/* no KVM block: KVM.SELECT left alone */
	p = 2;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n),
			 PROTO_ERR_BAD_ARG);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_STATUS, NULL, 0, out, &n), PROTO_OK);
	assert_int_equal(proto_port_status_unpack(&ps, out, n), 0);
	assert_int_equal(ps.nports, 0);
	/* NO SIGNAL on port 2: the list has no LED / mouse column */
	hw.matrix = VSTATUS_MATRIX_INTERNAL;
	run_ms(100);
	frames(120);
	assert_int_equal(vs.screen, VSTATUS_NOSIGNAL);
	assert_int_equal(hw.cols, VSTATUS_PAGE_COLS);
	row_text(4, line, hw.cols);
	assert_non_null(strstr(line, "  1  PC 1  800x600@60"));
	assert_null(strstr(line, "mouse"));
}

static void test_port_video(void **state)
{
	uint8_t out[PROTO_MAX_PAYLOAD], p;
	uint16_t n = 99;
	struct proto_port_video pv;

	(void)state;
	clear_ports();
	signal(1, "1024x768@60");
	hw.matrix = 1;
	setup(NIN, NIN, 1);
	p = 1;
	assert_int_equal(vstatus_port_video(&vs, &p, 0, out, &n), PROTO_ERR_BAD_LENGTH);
	assert_int_equal(n, 0);
	assert_int_equal(vstatus_port_video(&vs, out, 2, out, &n), PROTO_ERR_BAD_LENGTH);
	p = NIN;
	assert_int_equal(vstatus_port_video(&vs, &p, 1, out, &n), PROTO_ERR_BAD_ARG);
	p = 1;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_VIDEO, &p, 1, out, &n), PROTO_OK);
	assert_int_equal(n, PROTO_PORT_VIDEO_LEN);
	assert_int_equal(proto_port_video_unpack(&pv, out, n), 0);
	assert_int_equal(pv.port, 1);
	assert_int_equal(pv.nports, NIN);
	assert_int_equal(pv.source, 1);
	assert_int_equal(pv.flags, hw.port[1].flags);
	assert_int_equal(pv.line_x16, hw.port[1].line);
	assert_int_equal(pv.lines, hw.port[1].lines);
	assert_in_range(pv.hfreq_hz, 48300, 48400);	/* 48.363 kHz */
	assert_in_range(pv.vfreq_mhz, 59900, 60100);
	assert_string_equal(pv.mode, "1024x768@60");
	/* a port without signal, the internal picture shown */
	hw.matrix = VSTATUS_MATRIX_INTERNAL;
	run_ms(100);
	p = 0;
	assert_int_equal(vstatus_port_video(&vs, &p, 1, out, &n), PROTO_OK);
	assert_int_equal(proto_port_video_unpack(&pv, out, n), 0);
	assert_int_equal(pv.port, 0);
	assert_int_equal(pv.source, PROTO_VIDEO_INTERNAL);
	assert_int_equal(pv.flags, 0);
	assert_int_equal(pv.hfreq_hz, 0);
	assert_string_equal(pv.mode, "NO SIGNAL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_names_and_log),
		cmocka_unit_test(test_switch),
		cmocka_unit_test(test_status_page),
		cmocka_unit_test(test_nosignal_screen),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_no_inputs),
		cmocka_unit_test(test_no_kvm),
		cmocka_unit_test(test_port_video),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
