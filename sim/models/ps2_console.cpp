// SPDX-License-Identifier: MIT
/*
 * ps2_console.cpp - console keyboard and mouse device models (see ps2_console.h).
 */
#include "models/ps2_console.h"

#include <utility>

namespace ps2 {

constexpr double BAT_POWERUP_MS = 15;	/* power-up / plug to AA */
constexpr double BAT_RESET_MS = 5;	/* FF: FA, then AA this much later */

static uint64_t ms_cyc(double ms)
{
	return us(ms * 1000.0);
}

/* ------------------------------------------------------------ common part */

Ps2ConsoleDev::Ps2ConsoleDev(bool chunk_resend, std::vector<uint8_t> bat) : bat_(std::move(bat))
{
	link.chunk_resend = chunk_resend;
	bat_at_ = ms_cyc(BAT_POWERUP_MS);
}

bool Ps2ConsoleDev::plug_link(uint64_t cyc)
{
	if (link.enabled)
		return false;
	link.enabled = true;
	link.clear_all();
	await_ = 0;
	bat_in(cyc, BAT_POWERUP_MS);
	return true;
}

void Ps2ConsoleDev::unplug_link()
{
	link.enabled = false;
	link.clear_all();
	bat_pending_ = false;
	await_ = 0;
}

void Ps2ConsoleDev::bat_in(uint64_t cyc, double ms)
{
	bat_pending_ = true;
	bat_at_ = cyc + ms_cyc(ms);
}

void Ps2ConsoleDev::step_link(uint64_t cyc, bool clk, bool dat)
{
	link.hold_data = await_ != 0 || bat_pending_;
	link.step(cyc, clk, dat);
	while (link.enabled && !link.rx.empty()) {
		Ps2DevLink::Rx r = link.rx.front();

		link.rx.pop_front();
		command(cyc, r.v, r.err);
	}
	if (link.enabled && bat_pending_ && cyc >= bat_at_) {
		bat_pending_ = false;
		link.reply(bat_);
	}
}

uint64_t Ps2ConsoleDev::cycles_at_ms(double ms)
{
	return ms_cyc(ms);
}

/* ------------------------------------------------------------------ keyboard */

Ps2ConsoleKbd::Ps2ConsoleKbd() : Ps2ConsoleDev(false, { 0xAA })
{
	/* chunk_resend false: an inhibited byte is sent again (not the chunk) */
}

void Ps2ConsoleKbd::set_script(const std::vector<KeyEvent> &ev, double start_ms)
{
	ev_ = ev;
	schedule(ev, start_ms);
}

void Ps2ConsoleKbd::defaults()
{
	typematic = 0x2B;
	rep_key_ = nullptr;
}

void Ps2ConsoleKbd::plug(uint64_t cyc)
{
	if (!plug_link(cyc))
		return;
	leds = 0;
	defaults();
	scanning = true;
}

void Ps2ConsoleKbd::unplug()
{
	unplug_link();
	rep_key_ = nullptr;
}

void Ps2ConsoleKbd::command(uint64_t cyc, uint8_t v, bool err)
{
	if (err) {
		link.reply({ 0xFE });
		return;
	}
	cmds.push_back(v);
	if (await_ && !(v & 0x80)) {
		if (await_ == 0xED) {
			leds = v;
			leds_set = true;
			link.reply({ 0xFA });
		} else if (await_ == 0xF3) {
			typematic = v & 0x7F;
			link.reply({ 0xFA });
		} else if (await_ == 0xF0) {
			if (v == 0)
				link.reply({ 0xFA, 0x02 });
			else
				link.reply({ (uint8_t)(v <= 3 ? 0xFA : 0xFE) });
		}
		await_ = 0;
		return;
	}
	await_ = 0;
	switch (v) {
	case 0xFF:
		link.clear_data();
		link.reply({ 0xFA });
		leds = 0;
		defaults();
		scanning = true;
		bat_in(cyc, BAT_RESET_MS);
		break;
	case 0xF2:
		link.reply({ 0xFA, 0xAB, 0x83 });
		break;
	case 0xED:
	case 0xF3:
	case 0xF0:
		link.reply({ 0xFA });
		await_ = v;
		break;
	case 0xF4:
		link.clear_data();
		scanning = true;
		link.reply({ 0xFA });
		break;
	case 0xF5:
		link.clear_data();
		scanning = false;
		defaults();
		link.reply({ 0xFA });
		break;
	case 0xF6:
		defaults();
		link.reply({ 0xFA });
		break;
	case 0xEE:
		link.reply({ 0xEE });
		break;
	case 0xFE:
		link.reply({ link.last_sent });
		break;
	default:
		link.reply({ 0xFE });
		break;
	}
}

void Ps2ConsoleKbd::key_event(uint64_t cyc, const KeyEvent &e)
{
	uint8_t buf[8];
	size_t n;

	if (e.type == KeyEvent::REPEAT_ON || e.type == KeyEvent::REPEAT_OFF) {
		repeat_on_ = e.type == KeyEvent::REPEAT_ON;
		return;
	}
	if (!link.enabled || !scanning || bat_pending_) {
		keys_dropped++;
		return;
	}
	if (e.type == KeyEvent::MAKE) {
		n = ps2_key_make(e.key, buf, sizeof(buf));
		if (e.key->kind != PS2_KEY_PAUSE) {
			/* typematic: (bits 6-5 + 1) x 250 ms delay */
			rep_key_ = e.key;
			rep_at_ = cyc + ms_cyc(((typematic >> 5) & 3) * 250.0 + 250.0);
		}
	} else {
		n = ps2_key_break(e.key, buf, sizeof(buf));
		if (rep_key_ == e.key)
			rep_key_ = nullptr;
	}
	link.data(std::vector<uint8_t>(buf, buf + n));
}

void Ps2ConsoleKbd::step(uint64_t cyc, bool clk, bool dat)
{
	step_link(cyc, clk, dat);
	if (!link.enabled) {
		for (; event_due(cyc); next_ev_++)
			if (ev_[next_ev_].type == KeyEvent::MAKE || ev_[next_ev_].type == KeyEvent::BREAK)
				keys_dropped++;
		return;
	}
	while (event_due(cyc))
		key_event(cyc, ev_[next_ev_++]);
	if (repeat_on_ && rep_key_ && scanning && cyc >= rep_at_) {
		uint8_t buf[8];
		size_t n = ps2_key_make(rep_key_, buf, sizeof(buf));
		/* period = (8 + A) * 2^B * 4.17 ms, A = bits 2-0, B = bits 4-3 */
		double per = (8 + (typematic & 7)) * (double)(1 << ((typematic >> 3) & 3)) * 4.17;

		link.data(std::vector<uint8_t>(buf, buf + n));
		repeats++;
		rep_at_ = cyc + ms_cyc(per);
	}
}

/* ------------------------------------------------------------------ mouse */

/* chunk_resend true: a packet cut by inhibit is sent again whole */
Ps2ConsoleMouse::Ps2ConsoleMouse(Model m) : Ps2ConsoleDev(true, { 0xAA, 0x00 }), model(m)
{
}

void Ps2ConsoleMouse::set_script(const std::vector<MouseEvent> &ev, double start_ms)
{
	ev_ = ev;
	schedule(ev, start_ms);
}

void Ps2ConsoleMouse::defaults()
{
	rate = 100;
	resolution = 2;
	scaling21 = false;
	reporting = false;
}

void Ps2ConsoleMouse::plug(uint64_t cyc)
{
	if (!plug_link(cyc))
		return;
	defaults();
	remote = false;
	id = 0;
}

void Ps2ConsoleMouse::unplug()
{
	unplug_link();
}

std::vector<uint8_t> Ps2ConsoleMouse::packet(int dx, int dy, int dz, int btn) const
{
	bool xo = dx > 255 || dx < -256, yo = dy > 255 || dy < -256;
	int x = dx > 255 ? 255 : dx < -256 ? -256 : dx;
	int y = dy > 255 ? 255 : dy < -256 ? -256 : dy;
	std::vector<uint8_t> p = {
		(uint8_t)((yo << 7) | (xo << 6) | ((y < 0) << 5) | ((x < 0) << 4) | 8 | (btn & 7)),
		(uint8_t)x, (uint8_t)y
	};

	if (id == 3) {
		p.push_back((uint8_t)(dz > 127 ? 127 : dz < -128 ? -128 : dz));
	} else if (id == 4) {
		int z = dz > 7 ? 7 : dz < -8 ? -8 : dz;

		p.push_back((uint8_t)((z & 0x0F) | (((btn >> 3) & 3) << 4)));
	}
	return p;
}

void Ps2ConsoleMouse::command(uint64_t cyc, uint8_t v, bool err)
{
	if (err) {
		link.reply({ 0xFE });
		return;
	}
	cmds.push_back(v);
	if (await_ == 0xF3) {
		await_ = 0;
		if (v != 10 && v != 20 && v != 40 && v != 60 && v != 80 && v != 100 && v != 200) {
			link.reply({ 0xFE });
			return;
		}
		rate = v;
		rates_[0] = rates_[1];
		rates_[1] = rates_[2];
		rates_[2] = v;
		if (rates_[0] == 200 && rates_[1] == 100 && rates_[2] == 80 && model >= IMPS && id == 0)
			id = 3;
		else if (rates_[0] == 200 && rates_[1] == 200 && rates_[2] == 80 && model == EXPS &&
			 id == 3)
			id = 4;
		link.reply({ 0xFA });
		return;
	}
	if (await_ == 0xE8) {
		await_ = 0;
		if (v > 3) {
			link.reply({ 0xFE });
			return;
		}
		resolution = v;
		link.reply({ 0xFA });
		return;
	}
	/* any other command breaks a knock sequence */
	if (v != 0xF3)
		rates_[0] = rates_[1] = rates_[2] = 0;
	switch (v) {
	case 0xFF:
		link.clear_data();
		link.reply({ 0xFA });
		defaults();
		remote = false;
		id = 0;
		bat_in(cyc, BAT_RESET_MS);
		break;
	case 0xF2:
		link.reply({ 0xFA, (uint8_t)id });
		break;
	case 0xF3:
	case 0xE8:
		link.reply({ 0xFA });
		await_ = v;
		break;
	case 0xE6:
	case 0xE7:
		scaling21 = v == 0xE7;
		link.reply({ 0xFA });
		break;
	case 0xE9: {
		/* status: 0 remote enable scaling 0 left middle right, resolution, rate */
		uint8_t s = (uint8_t)((remote << 6) | (reporting << 5) | (scaling21 << 4) |
				      ((buttons & 1) << 2) | ((buttons & 4) >> 1) | ((buttons & 2) >> 1));
		link.reply({ 0xFA, s, resolution, rate });
		break;
	}
	case 0xEA:
	case 0xF0:
		remote = v == 0xF0;
		link.reply({ 0xFA });
		break;
	case 0xEB: {
		std::vector<uint8_t> r = { 0xFA };
		for (uint8_t b : packet(0, 0, 0, buttons))
			r.push_back(b);
		link.reply(r);
		break;
	}
	case 0xF4:
		link.clear_data();
		reporting = true;
		link.reply({ 0xFA });
		break;
	case 0xF5:
		link.clear_data();
		reporting = false;
		link.reply({ 0xFA });
		break;
	case 0xF6:
		defaults();
		link.reply({ 0xFA });
		break;
	case 0xFE:
		link.reply({ link.last_sent });
		break;
	default:		/* EE/EC wrap mode and unknown commands */
		link.reply({ 0xFE });
		break;
	}
}

void Ps2ConsoleMouse::step(uint64_t cyc, bool clk, bool dat)
{
	step_link(cyc, clk, dat);
	while (event_due(cyc)) {
		const MouseEvent &e = ev_[next_ev_++];

		buttons = e.buttons;
		if (!link.enabled || !reporting || remote || bat_pending_) {
			packets_dropped++;
			continue;
		}
		link.data(packet(e.dx, e.dy, e.dz, e.buttons));
		packets_sent++;
	}
}

} // namespace ps2
