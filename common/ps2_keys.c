/* SPDX-License-Identifier: MIT */
/*
 * ps2_keys.c - the PS/2 scan code set 2 key table and its lookups (see ps2_keys.h).
 * Codes from reference/hardware.md section 2 (set 2, US layout names).
 * Freestanding: no stdio, no allocation; compiled into the firmware, the simulator and
 * the host tools.
 */
#include "ps2_keys.h"

#define K(n, c, e, a) { .name = (n), .code = (c), .ext = (e), .kind = PS2_KEY_NORMAL, .ascii = (a) }

const struct ps2_key ps2_keys[] = {
	/* letters */
	K("a", 0x1C, 0, 'a'), K("b", 0x32, 0, 'b'), K("c", 0x21, 0, 'c'), K("d", 0x23, 0, 'd'),
	K("e", 0x24, 0, 'e'), K("f", 0x2B, 0, 'f'), K("g", 0x34, 0, 'g'), K("h", 0x33, 0, 'h'),
	K("i", 0x43, 0, 'i'), K("j", 0x3B, 0, 'j'), K("k", 0x42, 0, 'k'), K("l", 0x4B, 0, 'l'),
	K("m", 0x3A, 0, 'm'), K("n", 0x31, 0, 'n'), K("o", 0x44, 0, 'o'), K("p", 0x4D, 0, 'p'),
	K("q", 0x15, 0, 'q'), K("r", 0x2D, 0, 'r'), K("s", 0x1B, 0, 's'), K("t", 0x2C, 0, 't'),
	K("u", 0x3C, 0, 'u'), K("v", 0x2A, 0, 'v'), K("w", 0x1D, 0, 'w'), K("x", 0x22, 0, 'x'),
	K("y", 0x35, 0, 'y'), K("z", 0x1A, 0, 'z'),
	/* top-row digits */
	K("1", 0x16, 0, '1'), K("2", 0x1E, 0, '2'), K("3", 0x26, 0, '3'), K("4", 0x25, 0, '4'),
	K("5", 0x2E, 0, '5'), K("6", 0x36, 0, '6'), K("7", 0x3D, 0, '7'), K("8", 0x3E, 0, '8'),
	K("9", 0x46, 0, '9'), K("0", 0x45, 0, '0'),
	/* punctuation and editing */
	K("grave", 0x0E, 0, '`'), K("minus", 0x4E, 0, '-'), K("equal", 0x55, 0, '='),
	K("backspace", 0x66, 0, '\b'), K("tab", 0x0D, 0, '\t'),
	K("lbracket", 0x54, 0, '['), K("rbracket", 0x5B, 0, ']'), K("backslash", 0x5D, 0, '\\'),
	K("semicolon", 0x4C, 0, ';'), K("apostrophe", 0x52, 0, '\''), K("enter", 0x5A, 0, '\n'),
	K("comma", 0x41, 0, ','), K("period", 0x49, 0, '.'), K("slash", 0x4A, 0, '/'),
	K("space", 0x29, 0, ' '), K("iso102", 0x61, 0, 0),
	/* modifiers and locks */
	K("lshift", 0x12, 0, 0), K("rshift", 0x59, 0, 0),
	K("lctrl", 0x14, 0, 0), K("rctrl", 0x14, 1, 0),
	K("lalt", 0x11, 0, 0), K("ralt", 0x11, 1, 0),
	K("lgui", 0x1F, 1, 0), K("rgui", 0x27, 1, 0), K("menu", 0x2F, 1, 0),
	K("capslock", 0x58, 0, 0), K("numlock", 0x77, 0, 0), K("scrolllock", 0x7E, 0, 0),
	/* function row */
	K("esc", 0x76, 0, 0),
	K("f1", 0x05, 0, 0), K("f2", 0x06, 0, 0), K("f3", 0x04, 0, 0), K("f4", 0x0C, 0, 0),
	K("f5", 0x03, 0, 0), K("f6", 0x0B, 0, 0), K("f7", 0x83, 0, 0), K("f8", 0x0A, 0, 0),
	K("f9", 0x01, 0, 0), K("f10", 0x09, 0, 0), K("f11", 0x78, 0, 0), K("f12", 0x07, 0, 0),
	{ .name = "printscreen", .code = 0x7C, .ext = 1, .kind = PS2_KEY_PRTSC, .ascii = 0 },
	{ .name = "pause", .code = 0xE1, .ext = 0, .kind = PS2_KEY_PAUSE, .ascii = 0 },
	/* navigation block */
	K("insert", 0x70, 1, 0), K("home", 0x6C, 1, 0), K("pageup", 0x7D, 1, 0),
	K("delete", 0x71, 1, 0), K("end", 0x69, 1, 0), K("pagedown", 0x7A, 1, 0),
	K("up", 0x75, 1, 0), K("left", 0x6B, 1, 0), K("down", 0x72, 1, 0), K("right", 0x74, 1, 0),
	/* keypad */
	K("kpslash", 0x4A, 1, '/'), K("kpstar", 0x7C, 0, '*'), K("kpminus", 0x7B, 0, '-'),
	K("kpplus", 0x79, 0, '+'), K("kpenter", 0x5A, 1, '\n'), K("kpdot", 0x71, 0, '.'),
	K("kp0", 0x70, 0, '0'), K("kp1", 0x69, 0, '1'), K("kp2", 0x72, 0, '2'),
	K("kp3", 0x7A, 0, '3'), K("kp4", 0x6B, 0, '4'), K("kp5", 0x73, 0, '5'),
	K("kp6", 0x74, 0, '6'), K("kp7", 0x6C, 0, '7'), K("kp8", 0x75, 0, '8'),
	K("kp9", 0x7D, 0, '9'),
};

const size_t ps2_keys_count = sizeof(ps2_keys) / sizeof(ps2_keys[0]);

/* Other names accepted by ps2_key_by_name(). */
static const struct {
	const char *alias;
	const char *name;
} ps2_aliases[] = {
	{ "scroll", "scrolllock" }, { "scrlk", "scrolllock" }, { "num", "numlock" },
	{ "caps", "capslock" }, { "ctrl", "lctrl" }, { "control", "lctrl" },
	{ "alt", "lalt" }, { "altgr", "ralt" }, { "shift", "lshift" }, { "return", "enter" },
	{ "escape", "esc" }, { "del", "delete" }, { "ins", "insert" }, { "pgup", "pageup" },
	{ "pgdn", "pagedown" }, { "prtsc", "printscreen" }, { "sysrq", "printscreen" },
	{ "break", "pause" }, { "win", "lgui" }, { "lwin", "lgui" }, { "rwin", "rgui" },
	{ "bksp", "backspace" }, { "dot", "period" }, { "kpperiod", "kpdot" },
};

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int name_eq(const char *a, const char *b)
{
	while (*a && *b) {
		if (lower((unsigned char)*a) != lower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
	return *a == *b;
}

const struct ps2_key *ps2_key_by_name(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < ps2_keys_count; i++)
		if (name_eq(name, ps2_keys[i].name))
			return &ps2_keys[i];
	for (i = 0; i < sizeof(ps2_aliases) / sizeof(ps2_aliases[0]); i++)
		if (name_eq(name, ps2_aliases[i].alias))
			return ps2_key_by_name(ps2_aliases[i].name);
	return NULL;
}

const struct ps2_key *ps2_key_by_code(uint8_t code, int ext)
{
	size_t i;

	for (i = 0; i < ps2_keys_count; i++)
		if (ps2_keys[i].code == code && ps2_keys[i].ext == (ext ? 1 : 0))
			return &ps2_keys[i];
	return NULL;
}

static size_t put(uint8_t *out, size_t cap, size_t n, uint8_t b)
{
	if (n < cap)
		out[n] = b;
	return n + 1;
}

size_t ps2_key_make(const struct ps2_key *k, uint8_t *out, size_t cap)
{
	size_t n = 0;

	if (!k || cap < 8)
		return 0;
	switch (k->kind) {
	case PS2_KEY_PRTSC:
		n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, PS2_SC_LSHIFT);
		n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, 0x7C);
		break;
	case PS2_KEY_PAUSE:
		n = put(out, cap, n, PS2_SC_PAUSE);
		n = put(out, cap, n, 0x14);
		n = put(out, cap, n, 0x77);
		n = put(out, cap, n, PS2_SC_PAUSE);
		n = put(out, cap, n, PS2_SC_BREAK);
		n = put(out, cap, n, 0x14);
		n = put(out, cap, n, PS2_SC_BREAK);
		n = put(out, cap, n, 0x77);
		break;
	default:
		if (k->ext)
			n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, k->code);
		break;
	}
	return n;
}

size_t ps2_key_break(const struct ps2_key *k, uint8_t *out, size_t cap)
{
	size_t n = 0;

	if (!k || cap < 8)
		return 0;
	switch (k->kind) {
	case PS2_KEY_PRTSC:
		n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, PS2_SC_BREAK);
		n = put(out, cap, n, 0x7C);
		n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, PS2_SC_BREAK);
		n = put(out, cap, n, PS2_SC_LSHIFT);
		break;
	case PS2_KEY_PAUSE:
		break;	/* Pause has no break sequence */
	default:
		if (k->ext)
			n = put(out, cap, n, PS2_SC_EXT);
		n = put(out, cap, n, PS2_SC_BREAK);
		n = put(out, cap, n, k->code);
		break;
	}
	return n;
}

int ps2_key_digit(uint8_t code, int ext)
{
	static const uint8_t top[10] = { 0x45, 0x16, 0x1E, 0x26, 0x25, 0x2E, 0x36, 0x3D, 0x3E, 0x46 };
	static const uint8_t pad[10] = { 0x70, 0x69, 0x72, 0x7A, 0x6B, 0x73, 0x74, 0x6C, 0x75, 0x7D };
	int i;

	if (ext)
		return -1;
	for (i = 0; i < 10; i++)
		if (top[i] == code || pad[i] == code)
			return i;
	return -1;
}
