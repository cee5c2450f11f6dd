/* SPDX-License-Identifier: MIT */
/*
 * ps2_keys.h - PS/2 scan code set 2 key names, shared by the simulator's console keyboard
 * model (key scripts), the firmware's hotkey logic and the host tools. One table, in
 * ps2_keys.c. Codes are the set-2 make codes; ext = 1 for keys sent with an E0 prefix.
 * Pause (E1 14 77 E1 F0 14 F0 77, no break) and Print Screen (E0 12 E0 7C) are special
 * multi-byte keys: see ps2_key_make()/ps2_key_break().
 */
#ifndef KVMOSD_PS2_KEYS_H
#define KVMOSD_PS2_KEYS_H

#include <stddef.h>
#include <stdint.h>

/* Set-2 codes the firmware needs by name. */
#define PS2_SC_EXT	0xE0	/* prefix: extended key */
#define PS2_SC_BREAK	0xF0	/* prefix: key released */
#define PS2_SC_PAUSE	0xE1	/* prefix of the Pause sequence */
#define PS2_SC_SCROLL	0x7E	/* Scroll Lock */
#define PS2_SC_NUM	0x77	/* Num Lock */
#define PS2_SC_CAPS	0x58	/* Caps Lock */
#define PS2_SC_LCTRL	0x14	/* left Ctrl; right Ctrl is E0 14 */
#define PS2_SC_LALT	0x11	/* left Alt; right Alt (AltGr) is E0 11 */
#define PS2_SC_LSHIFT	0x12
#define PS2_SC_RSHIFT	0x59
#define PS2_SC_ESC	0x76
#define PS2_SC_ENTER	0x5A	/* keypad Enter is E0 5A */

/* Keyboard replies and console control bytes (never forwarded to a PC by the router). */
#define PS2_ACK		0xFA
#define PS2_BAT_OK	0xAA
#define PS2_RESEND	0xFE
#define PS2_ECHO	0xEE

enum ps2_key_kind {
	PS2_KEY_NORMAL = 0,	/* [E0] code / [E0] F0 code */
	PS2_KEY_PRTSC = 1,	/* E0 12 E0 7C / E0 F0 7C E0 F0 12 */
	PS2_KEY_PAUSE = 2,	/* E1 14 77 E1 F0 14 F0 77, no break */
};

struct ps2_key {
	const char *name;	/* lower case, e.g. "a", "1", "scrolllock", "lctrl", "kp1", "up" */
	uint8_t code;		/* set-2 make code (last byte) */
	uint8_t ext;		/* 1 = E0 prefix */
	uint8_t kind;		/* enum ps2_key_kind */
	char ascii;		/* unshifted US-layout character, 0 if none */
};

/* Table of every named key, and its length. */
extern const struct ps2_key ps2_keys[];
extern const size_t ps2_keys_count;

/* Case-insensitive lookup by name (also accepts aliases such as "scroll", "ctrl", "space");
 * NULL if unknown. */
const struct ps2_key *ps2_key_by_name(const char *name);
/* Lookup by set-2 code and E0 flag; NULL if no named key has it. */
const struct ps2_key *ps2_key_by_code(uint8_t code, int ext);

/* Writes the make / break byte sequence of k into out (cap >= 8). Returns its length
 * (0 for the break of Pause, which has none). */
size_t ps2_key_make(const struct ps2_key *k, uint8_t *out, size_t cap);
size_t ps2_key_break(const struct ps2_key *k, uint8_t *out, size_t cap);

/* Digit keys: returns 0..9 for the top-row or keypad digit with this code/ext, else -1. */
int ps2_key_digit(uint8_t code, int ext);

#endif /* KVMOSD_PS2_KEYS_H */
