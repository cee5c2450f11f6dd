/* SPDX-License-Identifier: MIT */
/*
 * hotkey.h - console keyboard stream (snooped set-2 bytes) -> key events -> hotkey.
 *
 * Pure logic. The hotkey is the configured key tapped twice: a tap is a press and release
 * of that key with no other key pressed in between, held at most window_ms, and the second
 * press comes at most window_ms after the first release. Modes: Scroll Lock (default),
 * Ctrl or Alt (left and right both count, and may be mixed). Timestamps are the snoop
 * FIFO's 15-bit millisecond counter (wraps every 32.768 s); time-outs use the caller's
 * 32-bit millisecond clock.
 *
 * Swallow (Scroll Lock mode only): the router's FILTER keeps Scroll Lock from the PC, so a
 * tap that does not become a hotkey is handed back as HOTKEY_EV_LITERAL (the caller
 * injects Scroll Lock make + break into the selected port): a single tap is sent once the
 * window has passed, or at once when another key follows it.
 *
 * After a hotkey, and while the caller says the OSD is open, a top-row or keypad digit
 * gives HOTKEY_EV_DIGIT (within HOTKEY_DIGIT_MS of the hotkey) and Esc gives HOTKEY_EV_ESC.
 */
#ifndef KVMOSD_HOTKEY_H
#define KVMOSD_HOTKEY_H

#include <stdint.h>

enum hotkey_mode { HOTKEY_SCROLL = 0, HOTKEY_CTRL = 1, HOTKEY_ALT = 2, HOTKEY_NMODES };

#define HOTKEY_WINDOW_DEFAULT	500
#define HOTKEY_WINDOW_MIN	100
#define HOTKEY_WINDOW_MAX	2000
#define HOTKEY_DIGIT_MS		2000

struct hotkey_cfg {
	uint8_t mode;		/* enum hotkey_mode */
	uint8_t swallow;	/* Scroll Lock mode: keep the key from the PC */
	uint16_t window_ms;
};

/* One decoded key. Pause comes as code 0x77 with pause = 1 (make only), Print Screen as
 * E0 7C; the fake shifts E0 12 / E0 59 around some keys are dropped. */
struct hotkey_key {
	uint8_t code;
	uint8_t ext;		/* E0 prefix */
	uint8_t brk;		/* release */
	uint8_t pause;
	uint16_t ts;		/* 15-bit ms */
};

enum hotkey_ev_type {
	HOTKEY_EV_HOTKEY,	/* the hotkey was tapped twice */
	HOTKEY_EV_DIGIT,	/* value 0..9, after a hotkey or while the OSD is open */
	HOTKEY_EV_ESC,		/* Esc while the OSD is open */
	HOTKEY_EV_LITERAL,	/* swallowed tap that was no hotkey: inject make + break */
};

struct hotkey_ops {
	void (*event)(void *ctx, int type, int value);
	void *ctx;
};

struct hotkey {
	struct hotkey_cfg cfg;
	struct hotkey_ops ops;
	/* decoder */
	uint8_t ext, brk, pause_left;
	/* tap detector */
	uint8_t tap;		/* 0 idle, 1 first press, 2 first released, 3 second press */
	uint8_t spoiled;	/* another key came during the press */
	uint16_t press_ts, release_ts;
	uint32_t release_local;	/* caller's clock at the first release */
	/* after the hotkey */
	uint8_t armed;
	uint8_t osd_open;
	uint32_t armed_at;
};

void hotkey_init(struct hotkey *hk, const struct hotkey_cfg *cfg, const struct hotkey_ops *ops);
void hotkey_default_cfg(struct hotkey_cfg *cfg);
/* 1 if cfg is acceptable (mode, window range). */
int hotkey_cfg_valid(const struct hotkey_cfg *cfg);
/* New settings; resets the tap detector. */
void hotkey_set_cfg(struct hotkey *hk, const struct hotkey_cfg *cfg);
/* KVM.FILTER word for cfg: Scroll Lock with enable when swallowing, else 0. */
uint32_t hotkey_filter(const struct hotkey_cfg *cfg);
/* Decoder alone: 1 and *out filled when b completes a key. */
int hotkey_decode(struct hotkey *hk, uint8_t b, uint16_t ts, struct hotkey_key *out);
/* Feed one console keyboard byte with its snoop timestamp; now = caller's ms clock. */
void hotkey_feed(struct hotkey *hk, uint8_t b, uint16_t ts, uint32_t now);
/* Time-outs (literal after the window, digit window); call every main loop iteration. */
void hotkey_step(struct hotkey *hk, uint32_t now);
/* The OSD is open: digits and Esc are reported without a time limit. */
void hotkey_set_osd_open(struct hotkey *hk, int open);

#endif /* KVMOSD_HOTKEY_H */
