/* SPDX-License-Identifier: MIT */
/*
 * ps2_script.h - key and mouse scripts for the simulator's console keyboard and mouse
 * models (docs/simulator.md, "Keyboard and mouse"). Tokens are separated by whitespace;
 * a script file may also have newlines and '#' comments. Times are ms from the script start.
 *
 * Keys:  NAME (tap: make, hold, break, gap), +NAME (make, gap), -NAME (break, gap),
 *        wait:MS, hold:MS, gap:MS (defaults 40 / 80), repeat:on|off (typematic).
 *        NAME is any ps2_key_by_name() name or alias; Pause has no break.
 * Mouse: move:DX,DY (+Y up), wheel:N, down:B, up:B (B = left|right|middle|b4|b5),
 *        wait:MS; each packet token takes 10 ms.
 */
#ifndef PS2_SCRIPT_H
#define PS2_SCRIPT_H

#include <string>
#include <vector>

extern "C" {
#include "ps2_keys.h"
}

namespace ps2 {

struct KeyEvent {
	enum Type { MAKE, BREAK, REPEAT_ON, REPEAT_OFF } type;
	double t_ms;
	const struct ps2_key *key;
};

struct MouseEvent {
	double t_ms;
	int dx, dy, dz;
	int buttons;		/* bit 0 left, 1 right, 2 middle, 3 b4, 4 b5, after this event */
};

/* false and a message naming the bad token in *err */
bool parse_key_script(const std::string &text, std::vector<KeyEvent> *out, std::string *err);
bool parse_mouse_script(const std::string &text, std::vector<MouseEvent> *out, std::string *err);
/* reads a script file, '#' to end of line is a comment */
bool load_script_file(const std::string &path, std::string *text, std::string *err);

} // namespace ps2

#endif /* PS2_SCRIPT_H */
