// SPDX-License-Identifier: MIT
/*
 * test_ps2_models.cpp - loopback checks of the simulator's PS/2 models, no Verilator:
 * a PC host model (Ps2PcPort) talks straight to a console device model over a modelled
 * wired-AND bus (line = !(host pulls low) && !(device pulls low)), i.e. the console
 * keyboard/mouse model plays the PC's own keyboard/mouse.
 *  - keyboard: PC init (FF F2 ED 02 F3 20 F4) with every reply checked, a typed script
 *    delivered byte-exact, held-key tracking (one key left pressed), zero timing errors
 *    on both sides; host inhibits in the middle of bytes (the byte is sent again, the
 *    stream stays exact); typematic repeat at the F3 rate; unplug/plug (BAT again).
 *  - mouse: PC init with both knocks -> ID 4 (exps), ID 3 (imps), ID 0 (ps2); wheel and
 *    button packets in the ID's format, movement sums, overflow clamp; an inhibit in the
 *    middle of a packet (the packet is sent again whole).
 *  - script parser: bad tokens are refused with the token in the message.
 * Exit 0 when every check passed.
 */
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "models/ps2_console.h"
#include "models/ps2_pc_host.h"
#include "models/ps2_script.h"

using namespace ps2;

static int fails;
#define CHECK(c, ...)                                                                      \
	do {                                                                               \
		if (!(c)) {                                                                \
			fails++;                                                           \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
			fprintf(stderr, __VA_ARGS__);                                      \
			fputc('\n', stderr);                                               \
		}                                                                          \
	} while (0)

template <class Dev> struct Loop {
	Ps2PcPort &pc;
	Dev &dev;
	uint64_t cyc = 0;
	std::function<void(uint64_t)> hook;

	Loop(Ps2PcPort &p, Dev &d) : pc(p), dev(d) {}

	void run_ms(double ms)
	{
		uint64_t end = cyc + us(ms * 1000);

		for (; cyc < end; cyc++) {
			bool c = !(pc.clk_low() || dev.clk_low());
			bool d = !(pc.dat_low() || dev.dat_low());

			pc.step(cyc, c, d);
			dev.step(cyc, c, d);
			if (hook)
				hook(cyc);
		}
	}
};

static std::vector<uint8_t> script_bytes(const std::vector<KeyEvent> &ev)
{
	std::vector<uint8_t> out;
	uint8_t buf[8];

	for (const KeyEvent &e : ev) {
		size_t n = 0;

		if (e.type == KeyEvent::MAKE)
			n = ps2_key_make(e.key, buf, sizeof(buf));
		else if (e.type == KeyEvent::BREAK)
			n = ps2_key_break(e.key, buf, sizeof(buf));
		out.insert(out.end(), buf, buf + n);
	}
	return out;
}

static void test_keyboard()
{
	const std::string script =
		"a +lshift b -lshift up printscreen pause kp5 scroll scroll 3 rctrl +lalt";
	std::vector<KeyEvent> ev;
	std::string err;
	bool ok = parse_key_script(script, &ev, &err);

	CHECK(ok, "key script: %s", err.c_str());
	Ps2ConsoleKbd kbd;
	Ps2PcPort pc(Ps2PcPort::KBD, us(30000));
	Loop<Ps2ConsoleKbd> lp{ pc, kbd };
	unsigned inhibits = 0;

	kbd.set_script(ev, 100);
	/* the PC inhibits 200 us in the middle of data bytes 3, 20 and 35 */
	uint64_t t_inh = 0;
	lp.hook = [&](uint64_t c) {
		size_t data_bytes = 0;
		for (bool d : kbd.link.sent_is_data)
			data_bytes += d;
		if (!t_inh && kbd.link.clk_low() && kbd.link.data_pending() &&
		    (data_bytes == 3 || data_bytes == 20 || data_bytes == 35) &&
		    inhibits < 3 && (inhibits == 0 || data_bytes > 3) &&
		    (inhibits < 2 || data_bytes > 20)) {
			pc.link.inhibit = true;
			inhibits++;
			t_inh = c;
		}
		if (t_inh && c == t_inh + us(200)) {
			pc.link.inhibit = false;
			t_inh = 0;
		}
	};
	lp.run_ms(100);
	CHECK(pc.bat_seen, "keyboard BAT AA not seen before init");
	CHECK(pc.init_ok, "keyboard init failed: %s", pc.init_error.c_str());
	CHECK(kbd.cmds == std::vector<uint8_t>({ 0xFF, 0xF2, 0xED, 0x02, 0xF3, 0x20, 0xF4 }),
	      "console keyboard got [%s]", hex_bytes(kbd.cmds).c_str());
	CHECK(kbd.leds == 2 && kbd.typematic == 0x20, "LEDs %02X typematic %02X", kbd.leds,
	      kbd.typematic);
	lp.run_ms(1400);
	std::vector<uint8_t> want = script_bytes(ev), got = pc.byte_values();

	CHECK(got == want, "keyboard stream\n  got  [%s]\n  want [%s]", hex_bytes(got).c_str(),
	      hex_bytes(want).c_str());
	CHECK(kbd.keys_done(), "script not done");
	CHECK(inhibits == 3 && kbd.link.aborts == 3, "inhibits %u, aborts %u", inhibits,
	      kbd.link.aborts);
	std::vector<std::string> stuck = pc.stuck_keys();
	CHECK(stuck.size() == 1 && stuck[0] == "lalt", "stuck keys: %zu (%s)", stuck.size(),
	      stuck.empty() ? "" : stuck[0].c_str());
	CHECK(pc.pauses == 1 && pc.orphan_breaks == 0, "pauses %u orphan breaks %u", pc.pauses,
	      pc.orphan_breaks);
	CHECK(pc.link.timing_errors == 0, "PC saw %u timing errors (%s)", pc.link.timing_errors,
	      pc.link.last_error.c_str());
	CHECK(kbd.link.host_errors == 0, "keyboard saw %u host errors (%s)", kbd.link.host_errors,
	      kbd.link.last_host_error.c_str());
	printf("keyboard: init ok, %zu bytes exact, %u aborts resent, stuck [lalt]\n", got.size(),
	       kbd.link.aborts);

	/* unplug: nothing reaches the PC; plug: BAT AA again, then typing */
	size_t before = pc.bytes.size();
	std::vector<KeyEvent> ev2;
	parse_key_script("x wait:60 y", &ev2, &err);
	kbd.unplug();
	kbd.set_script(ev2, cyc_to_us(lp.cyc) / 1000 + 10);
	lp.run_ms(100);
	CHECK(pc.bytes.size() == before && kbd.keys_dropped == 2, "unplugged: %zu new bytes, %u "
	      "dropped", pc.bytes.size() - before, kbd.keys_dropped);
	kbd.plug(lp.cyc);
	lp.run_ms(30);
	CHECK(pc.bytes.size() == before + 1 && pc.bytes.back().v == 0xAA, "no BAT after plug");

	/* typematic: F3 20 = 500 ms delay, (8+0)*1*4.17 = 33.4 ms period */
	Ps2ConsoleKbd k2;
	Ps2PcPort pc2(Ps2PcPort::KBD, us(30000));
	Loop<Ps2ConsoleKbd> lp2{ pc2, k2 };
	std::vector<KeyEvent> ev3;
	CHECK(parse_key_script("repeat:on +a wait:1000 -a", &ev3, &err), "%s", err.c_str());
	k2.set_script(ev3, 100);
	lp2.run_ms(1300);
	unsigned makes = 0;
	for (const TimedByte &b : pc2.bytes)
		makes += b.v == 0x1C;
	/* 1080 ms held: repeats from 600 ms to 1180 ms: 17 or 18 */
	CHECK(k2.repeats >= 16 && k2.repeats <= 19 && makes == 1 + k2.repeats + 1 &&
	      pc2.stuck_keys().empty(), "typematic: %u repeats, %u 1C bytes", k2.repeats, makes);
	printf("keyboard: unplug/plug ok, typematic %u repeats\n", k2.repeats);
}

static void test_mouse(Ps2ConsoleMouse::Model model, int want_id)
{
	const std::string script = "move:10,-5 wheel:1 wheel:-2 down:left move:-300,20 "
				   "up:left down:b4 up:b4 wait:30 move:3,4";
	std::vector<MouseEvent> ev;
	std::string err;

	CHECK(parse_mouse_script(script, &ev, &err), "mouse script: %s", err.c_str());
	Ps2ConsoleMouse ms(model);
	Ps2PcPort pc(Ps2PcPort::MOUSE, us(30000));
	Loop<Ps2ConsoleMouse> lp{ pc, ms };
	bool inhibited = false;

	ms.set_script(ev, 250);
	/* inhibit 300 us inside the second byte of the 5th packet */
	lp.hook = [&](uint64_t c) {
		if (!inhibited && ms.packets_sent == 5 && ms.link.sent.size() >= 2 &&
		    ms.link.clk_low() && ms.link.sent_is_data.back()) {
			pc.link.inhibit = true;
			inhibited = true;
			lp.hook = [&, c](uint64_t c2) {
				if (c2 == c + us(300))
					pc.link.inhibit = false;
			};
		}
	};
	lp.run_ms(600);
	CHECK(pc.bat_seen, "mouse BAT AA 00 not seen");
	CHECK(pc.init_ok, "mouse init failed: %s", pc.init_error.c_str());
	CHECK(pc.mouse_id == want_id && ms.id == want_id, "mouse ID %d (console %d), want %d",
	      pc.mouse_id, ms.id, want_id);
	CHECK(pc.packets == 9 && pc.desync == 0, "%u packets, %u desync", pc.packets, pc.desync);
	CHECK(pc.dx == 10 - 256 + 3 && pc.dy == -5 + 20 + 4, "dx %ld dy %ld", pc.dx, pc.dy);
	long want_dz = want_id ? -1 : 0;
	CHECK(pc.dz == want_dz, "dz %ld want %ld", pc.dz, want_dz);
	CHECK(pc.buttons == 0, "buttons %d at the end", pc.buttons);
	CHECK(inhibited && ms.link.aborts >= 1, "no abort (inhibited %d)", inhibited);
	size_t len = want_id ? 4 : 3;
	CHECK(pc.bytes.size() >= 9 * len, "%zu bytes", pc.bytes.size());
	CHECK(pc.link.timing_errors == 0, "PC saw %u timing errors (%s)", pc.link.timing_errors,
	      pc.link.last_error.c_str());
	CHECK(ms.link.host_errors == 0, "mouse saw %u host errors", ms.link.host_errors);
	CHECK(ms.done(), "mouse script not done");
	printf("mouse model %d: init ok, ID %d, %u packets, dx %ld dy %ld dz %ld\n", (int)model,
	       pc.mouse_id, pc.packets, pc.dx, pc.dy, pc.dz);
}

static void test_parser()
{
	std::vector<KeyEvent> k;
	std::vector<MouseEvent> m;
	std::string err;

	CHECK(!parse_key_script("a b nosuchkey c", &k, &err) &&
	      err.find("nosuchkey") != std::string::npos, "bad key: '%s'", err.c_str());
	CHECK(!parse_key_script("a wait:abc", &k, &err) && err.find("wait:abc") != std::string::npos,
	      "bad wait: '%s'", err.c_str());
	CHECK(!parse_key_script("-pause", &k, &err), "-pause accepted");
	CHECK(!parse_mouse_script("move:1", &m, &err) && err.find("move:1") != std::string::npos,
	      "bad move: '%s'", err.c_str());
	CHECK(!parse_mouse_script("down:thumb", &m, &err), "bad button accepted");
	CHECK(parse_key_script("hold:10 gap:5 a wait:100 +B -b", &k, &err) && k.size() == 4 &&
	      k[1].t_ms == 10 && k[2].t_ms == 115 && k[3].t_ms == 120, "timing of events");
	printf("parser: bad tokens refused (%s)\n", err.c_str());
}

int main()
{
	test_parser();
	test_keyboard();
	test_mouse(Ps2ConsoleMouse::EXPS, 4);
	test_mouse(Ps2ConsoleMouse::IMPS, 3);
	test_mouse(Ps2ConsoleMouse::PS2, 0);
	printf("ps2 models: %s\n", fails ? "FAILED" : "all checks passed");
	return fails ? 1 : 0;
}
