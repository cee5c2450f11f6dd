/* SPDX-License-Identifier: MIT */
/*
 * test_ps2_keys.c - checks of the set-2 key table in common/ps2_keys.c: unique names and
 * (code, ext) pairs, every key the simulator scripts and the firmware rely on, make/break
 * sequences, lookups by name (case, aliases) and by code, and the digit mapping.
 * Exit 0 when every check passed.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ps2_keys.h"

static int fails;

#define CHECK(c, ...)                                                   \
	do {                                                            \
		if (!(c)) {                                             \
			fails++;                                        \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                   \
			fputc('\n', stderr);                            \
		}                                                       \
	} while (0)

static void check_seq(const char *name, int make, const uint8_t *want, size_t n)
{
	const struct ps2_key *k = ps2_key_by_name(name);
	uint8_t buf[8];
	size_t got;

	CHECK(k, "%s missing", name);
	if (!k)
		return;
	memset(buf, 0x5A, sizeof(buf));
	got = make ? ps2_key_make(k, buf, sizeof(buf)) : ps2_key_break(k, buf, sizeof(buf));
	CHECK(got == n && !memcmp(buf, want, n), "%s %s: %zu bytes", name,
	      make ? "make" : "break", got);
}

int main(void)
{
	static const char *required[] = {
		"a", "m", "z", "0", "1", "9", "f1", "f7", "f12", "esc", "tab", "capslock",
		"lshift", "rshift", "lctrl", "rctrl", "lalt", "ralt", "lgui", "rgui", "menu",
		"space", "enter", "backspace", "grave", "minus", "equal", "lbracket",
		"rbracket", "backslash", "semicolon", "apostrophe", "comma", "period",
		"slash", "up", "down", "left", "right", "insert", "delete", "home", "end",
		"pageup", "pagedown", "kp0", "kp5", "kp9", "kpenter", "kpslash", "kpstar",
		"kpminus", "kpplus", "kpdot", "numlock", "scrolllock", "printscreen", "pause",
	};
	static const struct { const char *alias, *name; } aliases[] = {
		{ "scroll", "scrolllock" }, { "SCROLL", "scrolllock" }, { "ctrl", "lctrl" },
		{ "space", "space" }, { "Shift", "lshift" }, { "alt", "lalt" },
		{ "return", "enter" }, { "del", "delete" }, { "pgdn", "pagedown" },
		{ "num", "numlock" }, { "caps", "capslock" }, { "prtsc", "printscreen" },
	};
	static const uint8_t a_make[] = { 0x1C }, a_break[] = { 0xF0, 0x1C };
	static const uint8_t up_make[] = { 0xE0, 0x75 }, up_break[] = { 0xE0, 0xF0, 0x75 };
	static const uint8_t ps_make[] = { 0xE0, 0x12, 0xE0, 0x7C };
	static const uint8_t ps_break[] = { 0xE0, 0xF0, 0x7C, 0xE0, 0xF0, 0x12 };
	static const uint8_t pause[] = { 0xE1, 0x14, 0x77, 0xE1, 0xF0, 0x14, 0xF0, 0x77 };
	static const uint8_t f7[] = { 0x83 }, sl[] = { 0x7E }, kpe[] = { 0xE0, 0x5A };
	size_t i, j;
	uint8_t buf[8];

	CHECK(ps2_keys_count >= 100, "only %zu keys", ps2_keys_count);
	for (i = 0; i < ps2_keys_count; i++) {
		const struct ps2_key *k = &ps2_keys[i];
		size_t n;

		CHECK(k->name && *k->name, "key %zu has no name", i);
		for (j = i + 1; j < ps2_keys_count; j++) {
			CHECK(strcasecmp(k->name, ps2_keys[j].name), "name %s twice", k->name);
			CHECK(k->code != ps2_keys[j].code || k->ext != ps2_keys[j].ext,
			      "%s and %s share code %02X ext %d", k->name, ps2_keys[j].name,
			      k->code, k->ext);
		}
		CHECK(ps2_key_by_name(k->name) == k, "by_name(%s)", k->name);
		CHECK(ps2_key_by_code(k->code, k->ext) == k, "by_code(%02X, %d) for %s",
		      k->code, k->ext, k->name);
		CHECK(k->ext <= 1 && k->kind <= PS2_KEY_PAUSE, "%s: ext/kind", k->name);
		/* generic make/break shape */
		n = ps2_key_make(k, buf, sizeof(buf));
		if (k->kind == PS2_KEY_NORMAL) {
			CHECK(n == 1u + k->ext && buf[n - 1] == k->code &&
			      (!k->ext || buf[0] == 0xE0), "%s make", k->name);
			n = ps2_key_break(k, buf, sizeof(buf));
			CHECK(n == 2u + k->ext && buf[n - 1] == k->code && buf[n - 2] == 0xF0 &&
			      (!k->ext || buf[0] == 0xE0), "%s break", k->name);
			CHECK(k->code != 0xE0 && k->code != 0xF0 && k->code != 0xE1 &&
			      k->code < 0xE0, "%s: code %02X is a prefix/reply", k->name, k->code);
		}
	}
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		CHECK(ps2_key_by_name(required[i]), "required key %s missing", required[i]);
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		CHECK(ps2_key_by_name(aliases[i].alias) &&
		      ps2_key_by_name(aliases[i].alias) == ps2_key_by_name(aliases[i].name),
		      "alias %s", aliases[i].alias);
	CHECK(!ps2_key_by_name("nosuchkey") && !ps2_key_by_name("") && !ps2_key_by_name("a1"),
	      "unknown names must give NULL");
	CHECK(ps2_key_by_name("A") == ps2_key_by_name("a"), "case-insensitive");

	check_seq("a", 1, a_make, sizeof(a_make));
	check_seq("a", 0, a_break, sizeof(a_break));
	check_seq("up", 1, up_make, sizeof(up_make));
	check_seq("up", 0, up_break, sizeof(up_break));
	check_seq("printscreen", 1, ps_make, sizeof(ps_make));
	check_seq("printscreen", 0, ps_break, sizeof(ps_break));
	check_seq("pause", 1, pause, sizeof(pause));
	check_seq("pause", 0, pause, 0);
	check_seq("f7", 1, f7, sizeof(f7));
	check_seq("scrolllock", 1, sl, sizeof(sl));
	check_seq("kpenter", 1, kpe, sizeof(kpe));
	CHECK(ps2_key_by_name("scrolllock")->code == PS2_SC_SCROLL, "scroll lock code");
	CHECK(ps2_key_by_name("esc")->code == PS2_SC_ESC, "esc code");
	CHECK(ps2_key_by_code(0x12, 1) == NULL, "E0 12 (fake shift) has no key");
	CHECK(ps2_key_by_code(0x75, 0) == ps2_key_by_name("kp8"), "75 is kp8");
	CHECK(ps2_key_by_code(0x75, 1) == ps2_key_by_name("up"), "E0 75 is up");
	CHECK(ps2_key_by_name("a")->ascii == 'a' && ps2_key_by_name("space")->ascii == ' ',
	      "ascii");

	/* digits: top row and keypad, not the E0 arrows/navigation with the same codes */
	for (i = 0; i < 10; i++) {
		char top[2] = { (char)('0' + i), 0 }, kp[4] = { 'k', 'p', (char)('0' + i), 0 };
		const struct ps2_key *t = ps2_key_by_name(top), *p = ps2_key_by_name(kp);

		CHECK(t && ps2_key_digit(t->code, t->ext) == (int)i, "digit %s", top);
		CHECK(p && ps2_key_digit(p->code, p->ext) == (int)i, "digit %s", kp);
		CHECK(p && ps2_key_digit(p->code, 1) == -1, "E0 %02X is not a digit", p->code);
	}
	for (i = 0; i < ps2_keys_count; i++) {
		const struct ps2_key *k = &ps2_keys[i];
		int d = ps2_key_digit(k->code, k->ext);
		int is_digit = (k->name[0] >= '0' && k->name[0] <= '9' && !k->name[1]) ||
			       (!strncmp(k->name, "kp", 2) && k->name[2] >= '0' &&
				k->name[2] <= '9' && !k->name[3]);

		CHECK((d >= 0) == is_digit, "%s: digit %d", k->name, d);
	}
	CHECK(ps2_key_make(ps2_key_by_name("pause"), buf, 4) == 0, "make with cap < 8");

	printf("ps2_keys: %zu keys, %s\n", ps2_keys_count, fails ? "FAILED" : "all checks passed");
	return fails ? 1 : 0;
}
