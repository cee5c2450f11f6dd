// SPDX-License-Identifier: MIT
/*
 * test_hotkey.c - set-2 decoding, the double-tap hotkey (Scroll Lock / Ctrl / Alt), swallow
 * and literal Scroll Lock, the 15-bit timestamp wrap, and kvm_ui on top: hotkey + digit ->
 * port switch, Esc, banner (popup timer), the host commands, the status page. Fake hardware
 * ops; the OSD through app/vstatus with no video inputs (the video side: test_vstatus.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "hotkey.h"
#include "kvm_ui.h"
#include "proto.h"
#include "ps2_keys.h"
#include "ui_boot.h"
#include "vstatus.h"

#define NPORTS 4

/* ---- fake hardware ---- */
static struct {
	int selects, last_select;
	int block;
	int injects;
	uint8_t inj[32][4];
	size_t inj_len[32];
	unsigned int inj_port[32];
	uint32_t filter;
	int filter_writes;
	int win_cols, win_rows, windows;
	unsigned int popup;	/* VIDEO.POPUP frames left */
	char log[2048];
	uint32_t port_words[NPORTS];
} hw;

static uint16_t ram[OSD_MAX_ROWS * OSD_STRIDE];

static void f_select(void *ctx, unsigned int port)
{
	(void)ctx;
	hw.selects++;
	hw.last_select = (int)port;
}

static void f_block(void *ctx, int on)
{
	(void)ctx;
	hw.block = on;
}

static void f_inject(void *ctx, unsigned int port, const uint8_t *chunk, size_t n)
{
	(void)ctx;
	assert_true(n <= 4 && hw.injects < 32);
	memcpy(hw.inj[hw.injects], chunk, n);
	hw.inj_len[hw.injects] = n;
	hw.inj_port[hw.injects] = port;
	hw.injects++;
}

static void f_filter(void *ctx, uint32_t f)
{
	(void)ctx;
	hw.filter = f;
	hw.filter_writes++;
}

static void f_window(void *ctx, unsigned int scale, int x, int y, int cols, int rows)
{
	(void)ctx;
	(void)scale;
	(void)x;
	(void)y;
	hw.win_cols = cols;
	hw.win_rows = rows;
	hw.windows++;
}

static void f_popup(void *ctx, unsigned int frames)
{
	(void)ctx;
	hw.popup = frames;
}

static unsigned int f_popup_left(void *ctx)
{
	(void)ctx;
	return hw.popup;
}

static uint32_t f_port_word(void *ctx, unsigned int port)
{
	(void)ctx;
	assert_true(port < NPORTS);
	return hw.port_words[port];
}

static uint32_t f_con_errors(void *ctx, int dev)
{
	(void)ctx;
	return dev ? 0x01020304u : 0x0A0B0C0Du;
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

/* ---- helpers ---- */
static struct kvm_ui ui;
static struct vstatus vs;
static uint32_t base;	/* caller's clock = base + snoop time, to check they differ */
static uint32_t t;	/* snoop time in ms, unwrapped */

static void setup_ui(unsigned int nports, const struct hotkey_cfg *cfg_in)
{
	struct kvm_ui_ops ops = {
		.select = f_select, .block = f_block, .inject = f_inject,
		.set_filter = f_filter, .port_word = f_port_word,
		.con_errors = f_con_errors, .log = f_log,
	};
	struct vstatus_ops vops = {
		.window = f_window, .popup = f_popup, .popup_left = f_popup_left,
		.port_word = f_port_word, .log = f_log,
		.surf = { OSD_MAX_COLS, OSD_MAX_ROWS, f_put, NULL },
	};
	struct hotkey_cfg cfg;

	memset(&hw, 0, sizeof(hw));
	hw.last_select = -1;
	if (cfg_in) {
		cfg = *cfg_in;
	} else {
		hotkey_default_cfg(&cfg);
	}
	vstatus_init(&vs, &vops, 0, 0, nports, 0, "0.1.0");
	kvm_ui_init(&ui, &ops, NULL, &vs, nports, 0, &cfg);
}

static void set_time(uint32_t ms)
{
	t = ms;
}

/* Advance both clocks by ms, stepping every millisecond; a video frame every 16 ms. */
static void wait_ms(uint32_t ms)
{
	while (ms--) {
		t++;
		if (!(t % 16) && hw.popup)
			hw.popup--;
		kvm_ui_step(&ui, base + t);
		vstatus_step(&vs, base + t);
	}
}

static void feed(uint8_t b)
{
	kvm_ui_key(&ui, b, (uint16_t)(t & 0x7FFF), base + t);
	kvm_ui_step(&ui, base + t);
}

static void key(const char *name, int brk)
{
	const struct ps2_key *k = ps2_key_by_name(name);
	uint8_t seq[8];
	size_t n, i;

	assert_non_null(k);
	n = brk ? ps2_key_break(k, seq, sizeof(seq)) : ps2_key_make(k, seq, sizeof(seq));
	for (i = 0; i < n; i++)
		feed(seq[i]);
}

/* press, hold 60 ms, release, 60 ms gap */
static void tap(const char *name)
{
	key(name, 0);
	wait_ms(60);
	key(name, 1);
	wait_ms(60);
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

static int hotkeys(void)
{
	return count_in_log("kvm: hotkey\n");
}

/* ---- decoder ---- */
static int dec_n;
static struct hotkey_key dec_keys[16];

static void decode_all(struct hotkey *hk, const uint8_t *b, size_t n)
{
	size_t i;

	dec_n = 0;
	for (i = 0; i < n; i++)
		if (hotkey_decode(hk, b[i], 7, &dec_keys[dec_n]))
			dec_n++;
}

static void test_decode(void **state)
{
	static const uint8_t typing[] = { 0x1C, 0xF0, 0x1C, 0xE0, 0x14, 0xE0, 0xF0, 0x14 };
	static const uint8_t prtsc[] = { 0xE0, 0x12, 0xE0, 0x7C, 0xE0, 0xF0, 0x7C, 0xE0, 0xF0, 0x12 };
	static const uint8_t pause[] = { 0xE1, 0x14, 0x77, 0xE1, 0xF0, 0x14, 0xF0, 0x77 };
	static const uint8_t ctl[] = { 0xE0, 0xFA, 0x1C, 0xF0, 0xAA, 0x1C };
	struct hotkey hk;
	struct hotkey_cfg cfg;
	struct hotkey_ops ops = { NULL, NULL };

	(void)state;
	hotkey_default_cfg(&cfg);
	hotkey_init(&hk, &cfg, &ops);
	decode_all(&hk, typing, sizeof(typing));
	assert_int_equal(dec_n, 4);
	assert_int_equal(dec_keys[0].code, 0x1C);
	assert_false(dec_keys[0].ext || dec_keys[0].brk);
	assert_true(dec_keys[1].brk && !dec_keys[1].ext);
	assert_true(dec_keys[2].ext && !dec_keys[2].brk && dec_keys[2].code == 0x14);
	assert_true(dec_keys[3].ext && dec_keys[3].brk && dec_keys[3].code == 0x14);
	assert_int_equal(dec_keys[3].ts, 7);
	/* Print Screen: the fake shifts are dropped */
	decode_all(&hk, prtsc, sizeof(prtsc));
	assert_int_equal(dec_n, 2);
	assert_true(dec_keys[0].code == 0x7C && dec_keys[0].ext && !dec_keys[0].brk);
	assert_true(dec_keys[1].code == 0x7C && dec_keys[1].brk);
	/* Pause: its 14 is not Ctrl */
	decode_all(&hk, pause, sizeof(pause));
	assert_int_equal(dec_n, 2);
	assert_true(dec_keys[0].pause && !dec_keys[0].brk);
	assert_true(dec_keys[1].pause);
	/* control bytes reset the prefixes: 1C after E0 FA is plain, F0 AA 1C is a make */
	decode_all(&hk, ctl, sizeof(ctl));
	assert_int_equal(dec_n, 2);
	assert_false(dec_keys[0].ext);
	assert_false(dec_keys[1].brk);
}

/* ---- hotkey ---- */
static void test_scroll_twice(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	assert_int_equal(hw.filter, (1u << 9) | 0x7E);	/* swallow: FILTER on Scroll Lock */
	set_time(1000);
	tap("scrolllock");
	assert_int_equal(hotkeys(), 0);
	tap("scrolllock");
	assert_int_equal(hotkeys(), 1);
	assert_int_equal(hw.block, 1);
	assert_int_equal(hw.win_cols, VSTATUS_PAGE_COLS_KVM);	/* the status page */
	assert_int_equal(hw.win_rows, NPORTS + 4);
	wait_ms(3000);
	assert_int_equal(hw.injects, 0);	/* a hotkey is never sent to the PC */
}

static void test_too_slow(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	set_time(50);
	key("scrolllock", 0);
	wait_ms(50);
	key("scrolllock", 1);
	wait_ms(501);	/* 501 ms gap > 500 */
	/* the first tap came back as a literal Scroll Lock */
	assert_int_equal(hw.injects, 2);
	key("scrolllock", 0);
	wait_ms(50);
	key("scrolllock", 1);
	wait_ms(600);
	assert_int_equal(hotkeys(), 0);
	assert_int_equal(hw.injects, 4);
	assert_int_equal(hw.block, 0);
}

static void test_literal_single_tap(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	kvm_ui_select(&ui, 2);
	set_time(200);
	key("scrolllock", 0);
	wait_ms(40);
	key("scrolllock", 1);
	wait_ms(400);
	assert_int_equal(hw.injects, 0);	/* still waiting for a second tap */
	wait_ms(150);
	assert_int_equal(hw.injects, 2);
	assert_int_equal(hw.inj_len[0], 1);
	assert_int_equal(hw.inj[0][0], 0x7E);
	assert_int_equal(hw.inj_len[1], 2);
	assert_int_equal(hw.inj[1][0], 0xF0);
	assert_int_equal(hw.inj[1][1], 0x7E);
	assert_int_equal(hw.inj_port[0], 2);
	assert_int_equal(hw.inj_port[1], 2);
	/* a tap followed by another key goes out at once */
	key("scrolllock", 0);
	key("scrolllock", 1);
	key("a", 0);
	assert_int_equal(hw.injects, 4);
	key("a", 1);
	wait_ms(1000);
	assert_int_equal(hw.injects, 4);
	assert_int_equal(hotkeys(), 0);
}

static void test_no_swallow(void **state)
{
	struct hotkey_cfg cfg = { HOTKEY_SCROLL, 0, 500 };

	(void)state;
	setup_ui(NPORTS, &cfg);
	assert_int_equal(hw.filter, 0);
	set_time(5);
	tap("scrolllock");
	wait_ms(1000);
	assert_int_equal(hw.injects, 0);	/* the router forwarded it already */
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hotkeys(), 1);
}

static void test_ctrl_mode(void **state)
{
	struct hotkey_cfg cfg = { HOTKEY_CTRL, 1, 500 };

	(void)state;
	setup_ui(NPORTS, &cfg);
	assert_int_equal(hw.filter, 0);	/* swallow is for Scroll Lock only */
	set_time(10);
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hotkeys(), 0);
	tap("lctrl");
	tap("lctrl");
	assert_int_equal(hotkeys(), 1);
	key("escape", 0);
	key("escape", 1);
	assert_int_equal(hw.block, 0);
	tap("rctrl");
	tap("rctrl");
	assert_int_equal(hotkeys(), 2);
	tap("rctrl");	/* closes */
	tap("lctrl");
	assert_int_equal(hotkeys(), 3);
	assert_int_equal(hw.block, 0);
	assert_int_equal(hw.injects, 0);
}

static void test_alt_mode(void **state)
{
	struct hotkey_cfg cfg = { HOTKEY_ALT, 0, 300 };

	(void)state;
	setup_ui(NPORTS, &cfg);
	set_time(32000);
	tap("lctrl");
	tap("lctrl");
	assert_int_equal(hotkeys(), 0);
	tap("lalt");
	tap("lalt");
	assert_int_equal(hotkeys(), 1);
	tap("ralt");
	tap("ralt");
	assert_int_equal(hotkeys(), 2);
	/* window 300: a 320 ms gap is too slow */
	key("ralt", 0);
	wait_ms(20);
	key("ralt", 1);
	wait_ms(320);
	tap("ralt");
	assert_int_equal(hotkeys(), 2);
}

static void test_ctrl_c_not_hotkey(void **state)
{
	struct hotkey_cfg cfg = { HOTKEY_CTRL, 0, 500 };

	(void)state;
	setup_ui(NPORTS, &cfg);
	set_time(100);
	/* Ctrl+C, then Ctrl */
	key("lctrl", 0);
	key("c", 0);
	key("c", 1);
	key("lctrl", 1);
	wait_ms(50);
	tap("lctrl");
	assert_int_equal(hotkeys(), 0);
	wait_ms(1000);
	/* Ctrl, then Ctrl+C */
	tap("lctrl");
	key("lctrl", 0);
	key("c", 0);
	key("c", 1);
	key("lctrl", 1);
	assert_int_equal(hotkeys(), 0);
	wait_ms(1000);
	/* Ctrl, C, Ctrl */
	tap("lctrl");
	tap("c");
	tap("lctrl");
	assert_int_equal(hotkeys(), 0);
	/* Ctrl+PrtSc, Ctrl */
	wait_ms(1000);
	key("lctrl", 0);
	key("printscreen", 0);
	key("printscreen", 1);
	key("lctrl", 1);
	tap("lctrl");
	assert_int_equal(hotkeys(), 0);
	/* held too long (typematic repeats) is no tap */
	wait_ms(1000);
	key("lctrl", 0);
	wait_ms(300);
	key("lctrl", 0);
	wait_ms(300);
	key("lctrl", 1);
	tap("lctrl");
	assert_int_equal(hotkeys(), 0);
	/* and the real thing still works */
	wait_ms(1000);
	tap("lctrl");
	tap("lctrl");
	assert_int_equal(hotkeys(), 1);
}

static void test_timestamp_wrap(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	base = 123456789u;
	set_time(0x7FFF - 200);	/* the 15-bit snoop time wraps between the taps */
	tap("scrolllock");
	assert_true((t & 0x7FFF) > 0x7F00);
	wait_ms(150);
	key("scrolllock", 0);
	assert_true((t & 0x7FFF) < 0x100);
	wait_ms(30);
	key("scrolllock", 1);
	assert_int_equal(hotkeys(), 1);
	assert_int_equal(hw.injects, 0);
	/* and a real 32.8 s gap that aliases to a short one is not a hotkey */
	key("escape", 0);
	key("escape", 1);
	tap("scrolllock");
	wait_ms(32768);
	assert_int_equal(hw.injects, 2);
	tap("scrolllock");
	wait_ms(600);
	assert_int_equal(hotkeys(), 1);
	base = 0;
}

/* ---- kvm_ui ---- */
static void test_hotkey_digit_select(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	set_time(1);
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hotkeys(), 1);
	assert_int_equal(hw.block, 1);
	wait_ms(500);
	key("2", 0);
	key("2", 1);
	assert_int_equal(hw.selects, 1);
	assert_int_equal(hw.last_select, 1);
	assert_int_equal(hw.block, 0);
	assert_non_null(strstr(hw.log, "kvm: port 2 selected\n"));
	assert_int_equal(hw.win_cols, VSTATUS_BANNER_MIN_COLS);	/* "Port 2" banner */
	assert_int_equal(hw.popup, 120);	/* hardware popup timer: 2 s of frames */
	wait_ms(120 * 16 - 20);
	assert_int_equal(hw.win_cols, VSTATUS_BANNER_MIN_COLS);
	wait_ms(40);
	assert_int_equal(hw.win_cols, UI_BOOT_COLS);	/* back to the idle screen */
	/* keypad digit, after the OSD was closed by Esc: not taken */
	key("3", 0);
	key("3", 1);
	assert_int_equal(hw.selects, 1);
	tap("scrolllock");
	tap("scrolllock");
	key("kp4", 0);
	assert_int_equal(hw.last_select, 3);
	assert_int_equal(hw.selects, 2);
}

static void test_digit_out_of_range_and_esc(void **state)
{
	(void)state;
	setup_ui(NPORTS, NULL);
	set_time(1);
	tap("scrolllock");
	tap("scrolllock");
	key("7", 0);
	key("7", 1);
	key("0", 0);
	key("0", 1);
	assert_int_equal(hw.selects, 0);
	assert_int_equal(hw.block, 1);	/* still open */
	wait_ms(5000);			/* the OSD stays until Esc */
	assert_int_equal(hw.block, 1);
	key("escape", 0);
	assert_int_equal(hw.block, 0);
	assert_int_equal(hw.win_cols, UI_BOOT_COLS);
	assert_non_null(strstr(hw.log, "kvm: osd closed\n"));
	key("escape", 1);
	key("2", 0);
	assert_int_equal(hw.selects, 0);
	/* hotkey twice: open, close */
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hw.block, 1);
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hw.block, 0);
	assert_int_equal(hotkeys(), 3);
	assert_int_equal(hw.injects, 0);
}

static void test_no_kvm_block(void **state)
{
	uint8_t out[PROTO_MAX_PAYLOAD], p = 0;
	uint16_t n = 99;

	(void)state;
	setup_ui(0, NULL);
	assert_int_equal(hw.filter_writes, 0);
	set_time(1);
	tap("scrolllock");
	tap("scrolllock");
	assert_int_equal(hotkeys(), 0);
	assert_int_equal(hw.block, 0);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, &p, 1, out, &n),
			 PROTO_ERR_BAD_ARG);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_STATUS, NULL, 0, out, &n), PROTO_OK);
	assert_int_equal(n, PROTO_PORT_STATUS_HDR_LEN);
	assert_int_equal(out[0], 0);
}

static void test_host_cmds(void **state)
{
	uint8_t out[PROTO_MAX_PAYLOAD], in[8];
	struct proto_port_status ps;
	struct proto_hotkey hk;
	uint16_t n;

	(void)state;
	setup_ui(NPORTS, NULL);
	hw.port_words[2] = 0x00003006u;	/* Num + Caps, mouse ID 3 */
	in[0] = 2;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, in, 1, out, &n), PROTO_OK);
	assert_int_equal(n, 0);
	assert_int_equal(hw.last_select, 2);
	in[0] = NPORTS;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, in, 1, out, &n),
			 PROTO_ERR_BAD_ARG);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_SELECT, in, 2, out, &n),
			 PROTO_ERR_BAD_LENGTH);
	assert_int_equal(hw.selects, 1);

	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_STATUS, NULL, 0, out, &n), PROTO_OK);
	assert_int_equal(n, PROTO_PORT_STATUS_HDR_LEN + 4 * NPORTS);
	assert_int_equal(proto_port_status_unpack(&ps, out, n), 0);
	assert_int_equal(ps.nports, NPORTS);
	assert_int_equal(ps.selected, 2);
	assert_int_equal(ps.port[2], 0x3006u);
	assert_int_equal(ps.kbd.hw_errors, 0x0A0B0C0Du);
	assert_int_equal(ps.mouse.hw_errors, 0x01020304u);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_PORT_STATUS, in, 1, out, &n),
			 PROTO_ERR_BAD_LENGTH);

	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_GET, NULL, 0, out, &n), PROTO_OK);
	assert_int_equal(proto_hotkey_unpack(&hk, out, n), 0);
	assert_int_equal(hk.mode, PROTO_HOTKEY_SCROLL);
	assert_int_equal(hk.swallow, 1);
	assert_int_equal(hk.window_ms, 500);

	hk.mode = PROTO_HOTKEY_CTRL;
	hk.swallow = 0;
	hk.window_ms = 700;
	proto_hotkey_pack(&hk, in);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, PROTO_HOTKEY_LEN, out, &n),
			 PROTO_OK);
	assert_int_equal(n, PROTO_HOTKEY_LEN);
	assert_memory_equal(out, in, PROTO_HOTKEY_LEN);
	assert_int_equal(hw.filter, 0);
	assert_int_equal(ui.hk.cfg.mode, HOTKEY_CTRL);
	assert_int_equal(ui.hk.cfg.window_ms, 700);
	/* bad mode, window, flags: refused, settings unchanged */
	in[0] = 3;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, 4, out, &n),
			 PROTO_ERR_BAD_ARG);
	in[0] = 0;
	proto_put_le16(in + 2, 99);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, 4, out, &n),
			 PROTO_ERR_BAD_ARG);
	proto_put_le16(in + 2, 500);
	in[1] = 2;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, 4, out, &n),
			 PROTO_ERR_BAD_ARG);
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, 3, out, &n),
			 PROTO_ERR_BAD_LENGTH);
	assert_int_equal(ui.hk.cfg.mode, HOTKEY_CTRL);
	in[1] = 1;
	assert_int_equal(kvm_ui_host_cmd(&ui, PROTO_CMD_HOTKEY_SET, in, 4, out, &n), PROTO_OK);
	assert_int_equal(hw.filter, (1u << 9) | 0x7E);
	assert_int_equal(kvm_ui_host_cmd(&ui, 0x1F, NULL, 0, out, &n), PROTO_ERR_UNKNOWN_CMD);
}

static void row_text(int r, char *out, int n)
{
	int i;

	for (i = 0; i < n; i++)
		out[i] = (char)(ram[r * OSD_STRIDE + i] & 0xFF);
	out[n] = 0;
}

static void test_draw_ports(void **state)
{
	char line[VSTATUS_PAGE_COLS_KVM + 1];

	(void)state;
	setup_ui(3, NULL);
	memset(ram, 0, sizeof(ram));
	hw.port_words[1] = 0x00004005u;
	hw.port_words[2] = 0x00000002u;
	vstatus_page(&vs, 1);
	kvm_ui_select(&ui, 1);	/* a digit while the page is open */
	assert_int_equal(hw.win_cols, VSTATUS_PAGE_COLS_KVM);
	assert_int_equal(hw.win_rows, 3 + 4);
	row_text(0, line, VSTATUS_PAGE_COLS_KVM);
	assert_int_equal((uint8_t)line[0], 0xC9);
	assert_int_equal((uint8_t)line[VSTATUS_PAGE_COLS_KVM - 1], 0xBB);
	row_text(3, line, VSTATUS_PAGE_COLS_KVM);
	assert_non_null(strstr(line, "> 2  PC 2"));
	assert_non_null(strstr(line, "-CS mouse 4"));
	assert_int_equal(ram[3 * OSD_STRIDE + 2] >> 8, osd_attr(14, 1));	/* highlighted */
	row_text(4, line, VSTATUS_PAGE_COLS_KVM);
	assert_non_null(strstr(line, "  3  PC 3"));
	assert_non_null(strstr(line, "N-- mouse 0"));
	row_text(5, line, VSTATUS_PAGE_COLS_KVM);
	assert_non_null(strstr(line, "1-3: switch  Esc: close"));
	row_text(6, line, VSTATUS_PAGE_COLS_KVM);
	assert_int_equal((uint8_t)line[0], 0xC8);
	vstatus_page(&vs, 0);	/* the banner of the switch */
	row_text(1, line, VSTATUS_BANNER_MIN_COLS);
	assert_non_null(strstr(line, "Port 2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_scroll_twice),
		cmocka_unit_test(test_too_slow),
		cmocka_unit_test(test_literal_single_tap),
		cmocka_unit_test(test_no_swallow),
		cmocka_unit_test(test_ctrl_mode),
		cmocka_unit_test(test_alt_mode),
		cmocka_unit_test(test_ctrl_c_not_hotkey),
		cmocka_unit_test(test_timestamp_wrap),
		cmocka_unit_test(test_hotkey_digit_select),
		cmocka_unit_test(test_digit_out_of_range_and_esc),
		cmocka_unit_test(test_no_kvm_block),
		cmocka_unit_test(test_host_cmds),
		cmocka_unit_test(test_draw_ports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
