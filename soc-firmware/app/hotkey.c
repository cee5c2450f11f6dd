/* SPDX-License-Identifier: MIT */
/* hotkey.c - see hotkey.h. */
#include <string.h>

#include "hotkey.h"
#include "ps2_keys.h"

#define FILTER_ENABLE	(1u << 9)	/* KVM.FILTER: [7:0] code, [8] E0, [9] enable */
#define TS_MASK		0x7FFFu

static uint16_t ts_diff(uint16_t later, uint16_t earlier)
{
	return (uint16_t)((later - earlier) & TS_MASK);
}

void hotkey_default_cfg(struct hotkey_cfg *cfg)
{
	cfg->mode = HOTKEY_SCROLL;
	cfg->swallow = 1;
	cfg->window_ms = HOTKEY_WINDOW_DEFAULT;
}

int hotkey_cfg_valid(const struct hotkey_cfg *cfg)
{
	return cfg->mode < HOTKEY_NMODES && cfg->swallow <= 1 &&
	       cfg->window_ms >= HOTKEY_WINDOW_MIN && cfg->window_ms <= HOTKEY_WINDOW_MAX;
}

uint32_t hotkey_filter(const struct hotkey_cfg *cfg)
{
	if (cfg->mode == HOTKEY_SCROLL && cfg->swallow)
		return FILTER_ENABLE | PS2_SC_SCROLL;
	return 0;
}

void hotkey_set_cfg(struct hotkey *hk, const struct hotkey_cfg *cfg)
{
	hk->cfg = *cfg;
	hk->tap = 0;
	hk->armed = 0;
}

void hotkey_init(struct hotkey *hk, const struct hotkey_cfg *cfg, const struct hotkey_ops *ops)
{
	memset(hk, 0, sizeof(*hk));
	hk->ops = *ops;
	hotkey_set_cfg(hk, cfg);
}

void hotkey_set_osd_open(struct hotkey *hk, int open)
{
	hk->osd_open = open ? 1 : 0;
	if (!open)
		hk->armed = 0;
}

int hotkey_decode(struct hotkey *hk, uint8_t b, uint16_t ts, struct hotkey_key *out)
{
	if (b == PS2_SC_PAUSE) {
		hk->pause_left = 2;	/* E1 14 77 / E1 F0 14 F0 77 */
		hk->ext = 0;
		hk->brk = 0;
		return 0;
	}
	if (b == PS2_SC_EXT) {
		hk->ext = 1;
		return 0;
	}
	if (b == PS2_SC_BREAK) {
		hk->brk = 1;
		return 0;
	}
	if (b == 0x00 || b >= 0x85) {	/* replies and errors (FA, AA, FE, EE, 00, FF ...) */
		hk->ext = 0;
		hk->brk = 0;
		hk->pause_left = 0;
		return 0;
	}
	memset(out, 0, sizeof(*out));
	out->code = b;
	out->ext = hk->ext;
	out->brk = hk->brk;
	out->ts = ts & TS_MASK;
	hk->ext = 0;
	hk->brk = 0;
	if (hk->pause_left) {
		if (--hk->pause_left)
			return 0;
		out->pause = 1;
		return 1;
	}
	if (out->ext && (b == PS2_SC_LSHIFT || b == PS2_SC_RSHIFT))
		return 0;	/* fake shifts around Print Screen and the E0 keys */
	return 1;
}

static void emit(struct hotkey *hk, int type, int value)
{
	if (hk->ops.event)
		hk->ops.event(hk->ops.ctx, type, value);
}

static void literal(struct hotkey *hk, int n)
{
	if (hk->cfg.mode != HOTKEY_SCROLL || !hk->cfg.swallow)
		return;	/* the key already went to the PC */
	while (n--)
		emit(hk, HOTKEY_EV_LITERAL, 0);
}

static int is_hot(const struct hotkey *hk, const struct hotkey_key *k)
{
	if (k->pause)
		return 0;
	switch (hk->cfg.mode) {
	case HOTKEY_CTRL:
		return k->code == PS2_SC_LCTRL;
	case HOTKEY_ALT:
		return k->code == PS2_SC_LALT;
	default:
		return k->code == PS2_SC_SCROLL && !k->ext;
	}
}

static void other_key(struct hotkey *hk, const struct hotkey_key *k)
{
	int digit;

	if (k->brk)
		return;	/* releases do not spoil a tap */
	if (hk->tap == 1 || hk->tap == 3) {
		hk->spoiled = 1;
	} else if (hk->tap == 2) {
		literal(hk, 1);
		hk->tap = 0;
	}
	if (!hk->armed && !hk->osd_open)
		return;
	digit = k->pause ? -1 : ps2_key_digit(k->code, k->ext);
	if (digit >= 0) {
		hk->armed = 0;
		emit(hk, HOTKEY_EV_DIGIT, digit);
	} else if (k->code == PS2_SC_ESC && !k->ext && !k->pause) {
		hk->armed = 0;
		emit(hk, HOTKEY_EV_ESC, 0);
	}
}

static void hot_key(struct hotkey *hk, const struct hotkey_key *k, uint32_t now)
{
	uint16_t win = hk->cfg.window_ms;

	if (!k->brk) {
		switch (hk->tap) {
		case 0:
			hk->tap = 1;
			break;
		case 2:
			if (ts_diff(k->ts, hk->release_ts) <= win) {
				hk->tap = 3;
			} else {
				literal(hk, 1);
				hk->tap = 1;
			}
			break;
		default:
			return;	/* typematic repeat while held */
		}
		hk->press_ts = k->ts;
		hk->spoiled = 0;
		return;
	}
	switch (hk->tap) {
	case 1:
		if (hk->spoiled || ts_diff(k->ts, hk->press_ts) > win) {
			literal(hk, 1);
			hk->tap = 0;
			break;
		}
		hk->tap = 2;
		hk->release_ts = k->ts;
		hk->release_local = now;
		break;
	case 3:
		hk->tap = 0;
		if (hk->spoiled || ts_diff(k->ts, hk->press_ts) > win) {
			literal(hk, 2);
			break;
		}
		hk->armed = 1;
		hk->armed_at = now;
		emit(hk, HOTKEY_EV_HOTKEY, 0);
		break;
	default:
		break;	/* a release whose press we did not see */
	}
}

void hotkey_feed(struct hotkey *hk, uint8_t b, uint16_t ts, uint32_t now)
{
	struct hotkey_key k;

	if (!hotkey_decode(hk, b, ts, &k))
		return;
	if (is_hot(hk, &k))
		hot_key(hk, &k, now);
	else
		other_key(hk, &k);
}

void hotkey_step(struct hotkey *hk, uint32_t now)
{
	if (hk->tap == 2 && now - hk->release_local > hk->cfg.window_ms) {
		hk->tap = 0;
		literal(hk, 1);
	}
	if (hk->armed && now - hk->armed_at > HOTKEY_DIGIT_MS)
		hk->armed = 0;
}
