// SPDX-License-Identifier: MIT
/*
 * ps2_kvm.cpp - console devices, PCs, scripts and status figures of the simulated
 * board's keyboard/mouse path (see ps2_kvm.h).
 */
#include "models/ps2_kvm.h"

#include <algorithm>
#include <cstdlib>

namespace ps2 {

/* a console byte is matched to a PC byte at most this much later */
constexpr double MATCH_WINDOW_US = 50000;

bool Ps2Kvm::setup(const KvmOptions &o, int nports, std::string *err)
{
	std::string text;
	std::vector<KeyEvent> kev;
	std::vector<MouseEvent> mev;
	Ps2ConsoleMouse::Model model;

	if (o.mouse_model == "ps2")
		model = Ps2ConsoleMouse::PS2;
	else if (o.mouse_model == "imps")
		model = Ps2ConsoleMouse::IMPS;
	else if (o.mouse_model == "exps")
		model = Ps2ConsoleMouse::EXPS;
	else {
		*err = "--mouse-model: '" + o.mouse_model + "' is not ps2, imps or exps";
		return false;
	}
	mouse = std::make_unique<Ps2ConsoleMouse>(model);
	if (o.pc_inhibit >= nports) {
		*err = "--pc-inhibit: no port " + std::to_string(o.pc_inhibit);
		return false;
	}
	text = o.keys;
	if (!o.keys_file.empty()) {
		std::string file;

		if (!load_script_file(o.keys_file, &file, err))
			return false;
		text += "\n" + file;
	}
	if (!parse_key_script(text, &kev, err)) {
		*err = "key script: " + *err;
		return false;
	}
	text = o.mouse;
	if (!o.mouse_file.empty()) {
		std::string file;

		if (!load_script_file(o.mouse_file, &file, err))
			return false;
		text += "\n" + file;
	}
	if (!parse_mouse_script(text, &mev, err)) {
		*err = "mouse script: " + *err;
		return false;
	}
	kbd.set_script(kev, o.keys_at_ms);
	mouse->set_script(mev, o.mouse_at_ms);
	for (const std::string &e : o.con_events) {
		size_t colon = e.find(':');
		char *end;
		double ms = colon == std::string::npos ? -1 : strtod(e.c_str(), &end);
		std::string act = colon == std::string::npos ? "" : e.substr(colon + 1);

		if (colon == std::string::npos || end != e.c_str() + colon || ms < 0 ||
		    (act != "unplug-kbd" && act != "plug-kbd" && act != "unplug-mouse" &&
		     act != "plug-mouse")) {
			*err = "--con-event: bad '" + e +
			       "' (MS:unplug-kbd|plug-kbd|unplug-mouse|plug-mouse)";
			return false;
		}
		events_.push_back({ us(ms * 1000), act });
	}
	std::stable_sort(events_.begin(), events_.end(),
			 [](const ConEvent &a, const ConEvent &b) { return a.cyc < b.cyc; });
	for (int p = 0; p < nports; p++) {
		pcs_.push_back(std::make_unique<Ps2PcHost>(p, o.pc_init_ms + 7.0 * p));
		if (p == o.pc_inhibit)
			pcs_.back()->kbd.inhibit_after_init = true;
	}
	return true;
}

KvmPins Ps2Kvm::step(uint64_t cyc, const KvmPins &f)
{
	KvmPins l = {};

	while (next_event_ < events_.size() && events_[next_event_].cyc <= cyc) {
		const std::string &a = events_[next_event_++].action;

		if (a == "unplug-kbd")
			kbd.unplug();
		else if (a == "plug-kbd")
			kbd.plug(cyc);
		else if (a == "unplug-mouse")
			mouse->unplug();
		else
			mouse->plug(cyc);
	}
	/* wired AND: each side sees the line its partner and itself leave */
	l.con_kbd_clk = !(f.con_kbd_clk || kbd.clk_low());
	l.con_kbd_dat = !(f.con_kbd_dat || kbd.dat_low());
	kbd.step(cyc, l.con_kbd_clk, l.con_kbd_dat);
	l.con_ms_clk = !(f.con_ms_clk || mouse->clk_low());
	l.con_ms_dat = !(f.con_ms_dat || mouse->dat_low());
	mouse->step(cyc, l.con_ms_clk, l.con_ms_dat);
	l.con_kbd_clk = !(f.con_kbd_clk || kbd.clk_low());
	l.con_kbd_dat = !(f.con_kbd_dat || kbd.dat_low());
	l.con_ms_clk = !(f.con_ms_clk || mouse->clk_low());
	l.con_ms_dat = !(f.con_ms_dat || mouse->dat_low());
	for (size_t p = 0; p < pcs_.size(); p++) {
		Ps2PcHost &pc = *pcs_[p];
		uint32_t bit = 1u << p;
		bool kc = !((f.pc_kbd_clk & bit) || pc.kbd.clk_low());
		bool kd = !((f.pc_kbd_dat & bit) || pc.kbd.dat_low());
		bool mc = !((f.pc_ms_clk & bit) || pc.mouse.clk_low());
		bool md = !((f.pc_ms_dat & bit) || pc.mouse.dat_low());

		pc.kbd.step(cyc, kc, kd);
		pc.mouse.step(cyc, mc, md);
		if (!((f.pc_kbd_clk & bit) || pc.kbd.clk_low()))
			l.pc_kbd_clk |= bit;
		if (!((f.pc_kbd_dat & bit) || pc.kbd.dat_low()))
			l.pc_kbd_dat |= bit;
		if (!((f.pc_ms_clk & bit) || pc.mouse.clk_low()))
			l.pc_ms_clk |= bit;
		if (!((f.pc_ms_dat & bit) || pc.mouse.dat_low()))
			l.pc_ms_dat |= bit;
	}
	return l;
}

std::string json_string(const std::string &s)
{
	std::string o = "\"";
	char buf[8];

	for (char c : s) {
		if (c == '"' || c == '\\') {
			o += '\\';
			o += c;
		} else if ((unsigned char)c < 0x20) {
			snprintf(buf, sizeof(buf), "\\u%04x", c);
			o += buf;
		} else {
			o += c;
		}
	}
	return o + "\"";
}

static std::string jbool(bool b)
{
	return b ? "true" : "false";
}

static std::string jnum(double v, int decimals = 0)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return buf;
}

void write_json_object(FILE *f, const JsonFields &fields, const char *indent)
{
	fputs("{", f);
	for (size_t i = 0; i < fields.size(); i++)
		fprintf(f, "%s\n%s  \"%s\": %s", i ? "," : "", indent, fields[i].first.c_str(),
			fields[i].second.c_str());
	fprintf(f, "\n%s}", indent);
}

void Ps2Kvm::port_fields(int p, JsonFields *f) const
{
	const Ps2PcHost &pc = *pcs_[p];
	std::string stuck = "[";

	for (const std::string &k : pc.kbd.stuck_keys())
		stuck += (stuck.size() > 1 ? ", " : "") + json_string(k);
	stuck += "]";
	f->push_back({ "kbd_bat", jbool(pc.kbd.bat_seen) });
	f->push_back({ "kbd_init_ok", jbool(pc.kbd.init_ok) });
	if (!pc.kbd.init_error.empty())
		f->push_back({ "kbd_init_error", json_string(pc.kbd.init_error) });
	f->push_back({ "kbd_bytes", json_string(hex_bytes(pc.kbd.byte_values())) });
	f->push_back({ "kbd_byte_count", jnum((double)pc.kbd.bytes.size()) });
	f->push_back({ "stuck_keys", stuck });
	f->push_back({ "kbd_timing_errors", jnum(pc.kbd.link.timing_errors) });
	if (pc.kbd.link.timing_errors)
		f->push_back({ "kbd_last_timing_error", json_string(pc.kbd.link.last_error) });
	f->push_back({ "mouse_bat", jbool(pc.mouse.bat_seen) });
	f->push_back({ "mouse_init_ok", jbool(pc.mouse.init_ok) });
	if (!pc.mouse.init_error.empty())
		f->push_back({ "mouse_init_error", json_string(pc.mouse.init_error) });
	f->push_back({ "mouse_id", jnum(pc.mouse.mouse_id) });
	f->push_back({ "mouse_packets", jnum(pc.mouse.packets) });
	f->push_back({ "mouse_dx", jnum((double)pc.mouse.dx) });
	f->push_back({ "mouse_dy", jnum((double)pc.mouse.dy) });
	f->push_back({ "mouse_dz", jnum((double)pc.mouse.dz) });
	f->push_back({ "mouse_buttons", jnum(pc.mouse.buttons) });
	f->push_back({ "mouse_timing_errors", jnum(pc.mouse.link.timing_errors) });
	if (pc.mouse.link.timing_errors)
		f->push_back({ "mouse_last_timing_error", json_string(pc.mouse.link.last_error) });
}

void Ps2Kvm::console_fields(JsonFields *f) const
{
	f->push_back({ "kbd_present", jbool(kbd.present()) });
	f->push_back({ "kbd_leds", kbd.leds_set ? jnum(kbd.leds) : "null" });
	f->push_back({ "kbd_cmds", json_string(hex_bytes(kbd.cmds)) });
	f->push_back({ "kbd_keys_done", jbool(kbd.keys_done()) });
	f->push_back({ "kbd_keys_dropped", jnum(kbd.keys_dropped) });
	f->push_back({ "kbd_host_errors", jnum(kbd.link.host_errors) });
	f->push_back({ "mouse_present", jbool(mouse->present()) });
	f->push_back({ "mouse_cmds", json_string(hex_bytes(mouse->cmds)) });
	f->push_back({ "mouse_id", jnum(mouse->id) });
	f->push_back({ "mouse_done", jbool(mouse->done()) });
	f->push_back({ "mouse_packets_dropped", jnum(mouse->packets_dropped) });
	f->push_back({ "mouse_host_errors", jnum(mouse->link.host_errors) });
}

/* In order, each console item is matched to the first PC item after it (any port, time
 * order) that is not before the previous match, within MATCH_WINDOW_US, and (keyboard)
 * has the same byte value. Unmatched console items (swallowed hotkey bytes, console
 * replies) are skipped. */
struct Item {
	uint64_t t;
	int v;
};

static std::vector<double> match(const std::vector<Item> &con, std::vector<Item> pc)
{
	std::vector<double> lat;
	size_t j = 0;

	std::stable_sort(pc.begin(), pc.end(), [](const Item &a, const Item &b) { return a.t < b.t; });
	for (const Item &c : con) {
		for (size_t k = j; k < pc.size(); k++) {
			if (pc[k].t <= c.t)
				continue;
			if (cyc_to_us(pc[k].t - c.t) > MATCH_WINDOW_US)
				break;
			if (pc[k].v == c.v) {
				lat.push_back(cyc_to_us(pc[k].t - c.t));
				j = k + 1;
				break;
			}
		}
	}
	return lat;
}

static void stats(const std::vector<double> &v, double *median, double *max)
{
	std::vector<double> s = v;

	std::sort(s.begin(), s.end());
	*median = s.empty() ? 0 : s.size() % 2 ? s[s.size() / 2]
		: (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
	*max = s.empty() ? 0 : s.back();
}

void Ps2Kvm::latency_fields(JsonFields *f) const
{
	std::vector<Item> ck, pk, cm, pm;
	double med, max;
	std::string list = "[";

	for (size_t i = 0; i < kbd.link.sent.size(); i++)
		if (kbd.link.sent_is_data[i])
			ck.push_back({ kbd.link.sent[i].t, kbd.link.sent[i].v });
	for (uint64_t t : mouse->link.chunks_done)
		cm.push_back({ t, 0 });
	for (const auto &pc : pcs_) {
		for (const TimedByte &b : pc->kbd.bytes)
			pk.push_back({ b.t, b.v });
		for (uint64_t t : pc->mouse.packet_t)
			pm.push_back({ t, 0 });
	}
	std::vector<double> kl = match(ck, pk), ml = match(cm, pm);

	for (size_t i = 0; i < kl.size(); i++)
		list += (i ? ", " : "") + jnum(kl[i], 1);
	list += "]";
	f->push_back({ "key_us", list });
	f->push_back({ "key_console_bytes", jnum((double)ck.size()) });
	f->push_back({ "key_matched", jnum((double)kl.size()) });
	stats(kl, &med, &max);
	f->push_back({ "key_us_median", jnum(med, 1) });
	f->push_back({ "key_us_max", jnum(max, 1) });
	f->push_back({ "mouse_console_packets", jnum((double)cm.size()) });
	f->push_back({ "mouse_matched", jnum((double)ml.size()) });
	stats(ml, &med, &max);
	f->push_back({ "mouse_us_median", jnum(med, 1) });
	f->push_back({ "mouse_us_max", jnum(max, 1) });
}

} // namespace ps2
