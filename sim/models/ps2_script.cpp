// SPDX-License-Identifier: MIT
/*
 * ps2_script.cpp - key and mouse script parsers (see ps2_script.h).
 */
#include "models/ps2_script.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ps2 {

static std::vector<std::string> tokens(const std::string &text)
{
	std::istringstream in(text);
	std::vector<std::string> v;
	std::string t;

	while (in >> t)
		v.push_back(t);
	return v;
}

static bool parse_ms(const std::string &s, double *ms)
{
	char *end;

	if (s.empty())
		return false;
	*ms = strtod(s.c_str(), &end);
	return !*end && *ms >= 0 && *ms < 1e7;
}

static bool parse_int(const std::string &s, int *v)
{
	char *end;
	long x;

	if (s.empty())
		return false;
	x = strtol(s.c_str(), &end, 10);
	if (*end || x < -100000 || x > 100000)
		return false;
	*v = (int)x;
	return true;
}

static bool bad(std::string *err, const std::string &tok, const char *why)
{
	*err = "bad token '" + tok + "': " + why;
	return false;
}

bool parse_key_script(const std::string &text, std::vector<KeyEvent> *out, std::string *err)
{
	double t = 0, hold = 40, gap = 80, v;

	out->clear();
	for (const std::string &tok : tokens(text)) {
		size_t colon = tok.find(':');

		if (colon != std::string::npos) {
			std::string k = tok.substr(0, colon), a = tok.substr(colon + 1);

			if (k == "repeat") {
				if (a != "on" && a != "off")
					return bad(err, tok, "repeat:on or repeat:off");
				out->push_back({ a == "on" ? KeyEvent::REPEAT_ON : KeyEvent::REPEAT_OFF,
						 t, nullptr });
				continue;
			}
			if (k != "wait" && k != "hold" && k != "gap")
				return bad(err, tok, "unknown keyword (wait:, hold:, gap:, repeat:)");
			if (!parse_ms(a, &v))
				return bad(err, tok, "expected a number of milliseconds");
			if (k == "wait")
				t += v;
			else if (k == "hold")
				hold = v;
			else
				gap = v;
			continue;
		}
		char pre = tok[0] == '+' || tok[0] == '-' ? tok[0] : 0;
		std::string name = pre && tok.size() > 1 ? tok.substr(1) : tok;
		const struct ps2_key *key = ps2_key_by_name(name.c_str());

		if (!key && pre && tok.size() > 1)
			return bad(err, tok, "unknown key name");
		if (!key) {
			pre = 0;	/* a bare "-" or "+" name: try the whole token */
			key = ps2_key_by_name(tok.c_str());
		}
		if (!key)
			return bad(err, tok, "unknown key name");
		if (pre == '+') {
			out->push_back({ KeyEvent::MAKE, t, key });
			t += gap;
		} else if (pre == '-') {
			if (key->kind == PS2_KEY_PAUSE)
				return bad(err, tok, "pause has no break");
			out->push_back({ KeyEvent::BREAK, t, key });
			t += gap;
		} else {
			out->push_back({ KeyEvent::MAKE, t, key });
			if (key->kind != PS2_KEY_PAUSE)
				out->push_back({ KeyEvent::BREAK, t + hold, key });
			t += hold + gap;
		}
	}
	return true;
}

static int button_bit(const std::string &b)
{
	static const char *names[] = { "left", "right", "middle", "b4", "b5" };

	for (int i = 0; i < 5; i++)
		if (b == names[i])
			return 1 << i;
	return 0;
}

bool parse_mouse_script(const std::string &text, std::vector<MouseEvent> *out, std::string *err)
{
	double t = 0, v;
	int buttons = 0;

	out->clear();
	for (const std::string &tok : tokens(text)) {
		size_t colon = tok.find(':');

		if (colon == std::string::npos)
			return bad(err, tok, "expected move:DX,DY, wheel:N, down:B, up:B or wait:MS");
		std::string k = tok.substr(0, colon), a = tok.substr(colon + 1);
		MouseEvent e = { t, 0, 0, 0, buttons };

		if (k == "wait") {
			if (!parse_ms(a, &v))
				return bad(err, tok, "expected a number of milliseconds");
			t += v;
			continue;
		} else if (k == "move") {
			size_t comma = a.find(',');

			if (comma == std::string::npos || !parse_int(a.substr(0, comma), &e.dx) ||
			    !parse_int(a.substr(comma + 1), &e.dy))
				return bad(err, tok, "expected move:DX,DY (integers)");
		} else if (k == "wheel") {
			if (!parse_int(a, &e.dz))
				return bad(err, tok, "expected wheel:N (integer)");
		} else if (k == "down" || k == "up") {
			int bit = button_bit(a);

			if (!bit)
				return bad(err, tok, "button is left, right, middle, b4 or b5");
			buttons = k == "down" ? buttons | bit : buttons & ~bit;
			e.buttons = buttons;
		} else {
			return bad(err, tok, "unknown keyword (move:, wheel:, down:, up:, wait:)");
		}
		out->push_back(e);
		t += 10;
	}
	return true;
}

bool load_script_file(const std::string &path, std::string *text, std::string *err)
{
	std::ifstream in(path);
	std::string line;

	if (!in) {
		*err = "cannot read " + path + ": " + strerror(errno);
		return false;
	}
	text->clear();
	while (std::getline(in, line)) {
		size_t hash = line.find('#');

		if (hash != std::string::npos)
			line.erase(hash);
		*text += line;
		*text += '\n';
	}
	return true;
}

} // namespace ps2
