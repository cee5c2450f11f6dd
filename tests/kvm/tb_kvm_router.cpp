// SPDX-License-Identifier: MIT
/*
 * tb_kvm_router.cpp - Verilator testbench of rtl/kvm/kvm_router.v with N = 4 ports,
 * built with CLK_HZ = 120000 (so 1 ms = 120 clocks and timestamps move quickly).
 *
 * Behavioural sinks stand in for ps2_kbd_emu / ps2_mouse_emu: they take bytes/events
 * with a random ready (and a pause after each accepted byte) and log what each port got.
 * The checks parse each port's byte log into set-2 atoms: a make without a break at the
 * end is a stuck key, a break without a make is an error, and every run of bytes one
 * port got between bytes of other ports must end on a chunk boundary (Print Screen and
 * Pause never split). Sections: typing, switch with keys held (release-all to the old
 * port, LED request with the new port's LEDs), E0 / Pause / Print Screen under random
 * switches and injects, block with a release during block, inject to a non-selected
 * port, the hotkey FILTER (held key released, E0 key, switch) and the raw modes (nothing
 * forwarded, still snooped; mouse parser restart), snoop order / timestamps / overflow, mouse packets (ID 0 and 3) and a held
 * button across a switch and a block.
 *   Vkvm_router [--seed N]    exit 0 when every check passed
 */
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "Vkvm_router.h"
#include "ps2_tb.h"

using namespace ps2tb;
using bytes = std::vector<uint8_t>;

namespace {

constexpr int N = 4;
constexpr int MS = 120;	// clocks per ms (CLK_HZ = 120000)
Vkvm_router *d;

struct Snoop {
	uint8_t src, byte;
	unsigned ts;
};
std::vector<bytes> kb(N);			// bytes each port received
std::vector<std::pair<int, uint8_t>> kseq;	// global order (port, byte)
struct Mev {
	int btn, dx, dy, dz;
};
std::vector<std::vector<Mev>> ms(N);
std::vector<Snoop> snooped;
bool snoop_pop_en = true;
int kready_pct = 70, mready_pct = 70;
int kbusy[N];
uint32_t kdead_mask = 0;			// ports whose PC never reads (ready held low)
int led_acks = 0;
bool led_auto_ack = true;
std::vector<uint8_t> led_bytes;

void tick() {
	d->eval();
	// sinks sample what the router shows before the edge
	uint32_t kv = d->o_kbd_valid & d->i_kbd_ready;
	for (int p = 0; p < N; p++)
		if (kv >> p & 1) {
			kb[p].push_back(d->o_kbd_data);
			kseq.push_back({p, d->o_kbd_data});
			kbusy[p] = rnd() % 6;
		}
	uint32_t mv = d->o_ms_valid & d->i_ms_ready;
	for (int p = 0; p < N; p++)
		if (mv >> p & 1) {
			auto sx = [](int v, int bits) { return (v & (1 << (bits - 1))) ? v - (1 << bits) : v; };
			ms[p].push_back({d->o_ms_buttons, sx(d->o_ms_dx, 10), sx(d->o_ms_dy, 10), sx(d->o_ms_dz, 8)});
		}
	bool pop = snoop_pop_en && d->o_snoop_valid && (rnd() % 4 != 0);
	if (pop) {
		uint32_t e = d->o_snoop_data;
		snooped.push_back({(uint8_t)(e >> 23), (uint8_t)e, (e >> 8) & 0x7fff});
	}
	d->i_snoop_pop = pop;
	bool ack = led_auto_ack && d->o_led_req && (rnd() % 8 == 0);
	if (ack) {
		led_acks++;
		led_bytes.push_back(d->o_led_byte);
	}
	d->i_led_ack = ack;
	d->i_clk = 1;
	d->eval();
	d->i_clk = 0;
	d->eval();
	cycles++;
	// new ready values for the next clock
	uint32_t kr = 0, mr = 0;
	for (int p = 0; p < N; p++) {
		if (kbusy[p] > 0)
			kbusy[p]--;
		else if ((int)(rnd() % 100) < kready_pct)
			kr |= 1u << p;
		if ((int)(rnd() % 100) < mready_pct)
			mr |= 1u << p;
	}
	d->i_kbd_ready = kr & ~kdead_mask;
	d->i_ms_ready = mr;
	d->i_kbd_rx_valid = 0;
	d->i_ms_rx_valid = 0;
	d->i_port_leds_wr = 0;
	d->eval();
}
void run(int n) {
	while (n-- > 0)
		tick();
}

std::vector<uint8_t> sent_console;	// every console keyboard byte, in order
std::vector<uint64_t> sent_cycle;
uint64_t t0;

void kbyte(uint8_t b, int gap = 20) {
	// o_kbd_hold stands for the console inhibit: the keyboard keeps the byte meanwhile
	for (int guard = 0; d->o_kbd_hold && guard < 100000; guard++)
		tick();
	d->i_kbd_rx_valid = 1;
	d->i_kbd_rx_data = b;
	sent_console.push_back(b);
	sent_cycle.push_back(cycles - t0);
	tick();
	run(gap);
}
void kseq_send(const bytes &v, int gap = 20) {
	for (uint8_t b : v)
		kbyte(b, gap);
}
// wait until the router has no console byte left and all sinks are idle
void drain(int n = 4000) { run(n); }

/* Parse one port's log into atoms; count stuck keys, breaks without make, bad runs. */
struct Atoms {
	std::set<int> held;	// {ext<<8 | code}
	int orphan_breaks = 0;
	int pauses = 0, prtsc_make = 0;
};
Atoms parse(const bytes &v) {
	Atoms a;
	bool ext = false, brk = false;
	int e1 = 0;
	for (size_t i = 0; i < v.size(); i++) {
		uint8_t b = v[i];
		if (e1) {
			if (b == 0xF0)
				continue;
			--e1;
			continue;
		}
		if (b == 0xE0) { ext = true; continue; }
		if (b == 0xF0) { brk = true; continue; }
		if (b == 0xE1) { e1 = 2; a.pauses++; continue; }
		int k = (ext ? 0x100 : 0) | b;
		if (brk) {
			if (!a.held.erase(k))
				a.orphan_breaks++;
		} else {
			a.held.insert(k);
			if (k == 0x17C)
				a.prtsc_make++;
		}
		ext = brk = false;
	}
	return a;
}
/* Is a byte run a whole number of router chunks? */
bool whole_chunks(const bytes &v) {
	bool ext = false, brk = false, join = false;
	int e1 = 0, e1halves = 0;
	size_t i = 0;
	for (; i < v.size(); i++) {
		uint8_t b = v[i];
		if (b == 0xE0) { ext = true; continue; }
		if (b == 0xF0) { brk = true; continue; }
		if (b == 0xE1) { e1 = 2; continue; }
		if (e1) {
			if (--e1 == 0) {
				e1halves++;
				join = (e1halves % 2) == 1;
				brk = ext = false;
			}
			continue;
		}
		join = ext && ((!brk && b == 0x12) || (brk && b == 0x7C));
		ext = brk = false;
	}
	return !ext && !brk && !e1 && !join;
}
int bad_runs() {
	int bad = 0;
	size_t i = 0;
	while (i < kseq.size()) {
		size_t j = i;
		bytes run;
		while (j < kseq.size() && kseq[j].first == kseq[i].first)
			run.push_back(kseq[j++].second);
		// a run may start mid-chunk only if it continues one interrupted earlier: we
		// require every run to be whole, which the router guarantees
		if (!whole_chunks(run)) {
			if (bad++ < 3) {
				fprintf(stderr, "split run at port %d:", kseq[i].first);
				for (auto b : run) fprintf(stderr, " %02X", b);
				fputc('\n', stderr);
			}
		}
		i = j;
	}
	return bad;
}
void clear_logs() {
	for (auto &v : kb) v.clear();
	for (auto &v : ms) v.clear();
	kseq.clear();
}
void select(int p) {
	d->i_select = p;
	tick();
}
std::string hex(const bytes &v) {
	std::string s;
	char t[4];
	for (auto b : v) { snprintf(t, sizeof t, "%02X ", b); s += t; }
	return s;
}

// a tiny keyboard: key = {ext, code}
bytes make(int k) { return (k & 0x100) ? bytes{0xE0, (uint8_t)k} : bytes{(uint8_t)k}; }
bytes brk(int k) { return (k & 0x100) ? bytes{0xE0, 0xF0, (uint8_t)k} : bytes{0xF0, (uint8_t)k}; }
const bytes PRTSC_MAKE = {0xE0, 0x12, 0xE0, 0x7C}, PRTSC_BRK = {0xE0, 0xF0, 0x7C, 0xE0, 0xF0, 0x12};
const bytes PAUSE = {0xE1, 0x14, 0x77, 0xE1, 0xF0, 0x14, 0xF0, 0x77};
const int KEYS[] = {0x1C, 0x32, 0x21, 0x23, 0x24, 0x2B, 0x34, 0x33, 0x29, 0x5A, 0x66, 0x83, 0x84,
		    0x111, 0x114, 0x170, 0x171, 0x16C, 0x175, 0x172, 0x16B, 0x174, 0x14A, 0x15A};

// ---- sections ----
void t_typing() {
	for (int port : {0, 2}) {
		select(port);
		drain(800);
		clear_logs();
		bytes exp;
		for (int i = 0; i < 60; i++) {
			int k = KEYS[rnd() % (sizeof KEYS / sizeof KEYS[0])];
			bool shift = rnd() % 4 == 0;
			if (shift) { kseq_send(make(0x12)); exp.push_back(0x12); }
			for (auto v : {make(k), brk(k)}) { kseq_send(v); exp.insert(exp.end(), v.begin(), v.end()); }
			if (shift) { kseq_send(brk(0x12)); exp.push_back(0xF0); exp.push_back(0x12); }
		}
		drain();
		CHECK(kb[port] == exp, "typing port %d: got %zu bytes, want %zu", port, kb[port].size(), exp.size());
		for (int p = 0; p < N; p++)
			if (p != port)
				CHECK(kb[p].empty(), "typing: port %d got %zu bytes (selected %d)", p, kb[p].size(), port);
	}
}

void t_switch_held() {
	select(2);
	drain(800);
	clear_logs();
	d->i_port_leds = (5 << 3) | (2 << 6) | (1 << 0) | (7 << 9);	// port0 1, port1 5, port2 2, port3 7
	int acks0 = led_acks;
	size_t lb0 = led_bytes.size();
	kseq_send(make(0x12));
	kseq_send(make(0x1C));
	kseq_send(make(0x175));
	kseq_send(make(0x1C));	// typematic repeat
	drain(400);
	CHECK(kb[2] == (bytes{0x12, 0x1C, 0xE0, 0x75, 0x1C}), "held: port 2 got %s", hex(kb[2]).c_str());
	select(1);
	// while the release-all runs, the console keeps typing (A still held, repeating)
	kseq_send(make(0x1C));
	drain();
	Atoms a2 = parse(kb[2]);
	CHECK(a2.held.empty() && a2.orphan_breaks == 0, "switch: port 2 left with %zu keys held, %d orphan breaks (%s)",
	      a2.held.size(), a2.orphan_breaks, hex(kb[2]).c_str());
	CHECK(kb[2].size() == 5 + 2 + 2 + 3, "switch: port 2 got %s", hex(kb[2]).c_str());
	CHECK(kb[1] == (bytes{0x1C}), "switch: the repeat after the switch goes to port 1, got %s", hex(kb[1]).c_str());
	CHECK(d->o_kbd_port == 1, "kbd port %d", d->o_kbd_port);
	CHECK(led_acks > acks0 && led_bytes.size() > lb0 && led_bytes.back() == 5, "LED request on switch: acks %d byte %02X",
	      led_acks - acks0, led_bytes.empty() ? 0 : led_bytes.back());
	// the release-all must come before anything reaches port 1
	size_t first1 = 0, last2 = 0;
	for (size_t i = 0; i < kseq.size(); i++) {
		if (kseq[i].first == 1 && !first1) first1 = i + 1;
		if (kseq[i].first == 2) last2 = i + 1;
	}
	CHECK(first1 > last2, "switch: port 1 got a byte before the release-all of port 2 ended");
	// physical releases: A goes to port 1 (it holds the repeat), shift and up are dropped
	kseq_send(brk(0x1C));
	kseq_send(brk(0x175));
	kseq_send(brk(0x12));
	drain();
	CHECK(kb[1] == (bytes{0x1C, 0xF0, 0x1C}), "switch: port 1 got %s", hex(kb[1]).c_str());
	CHECK(kb[2].size() == 12, "switch: port 2 got more bytes: %s", hex(kb[2]).c_str());
	// the PC of port 1 sets its LEDs: request again with the new byte
	d->i_port_leds = (d->i_port_leds & ~(7u << 3)) | (3u << 3);
	d->i_port_leds_wr = 2;
	int acks1 = led_acks;
	tick();
	drain(200);
	CHECK(led_acks == acks1 + 1 && led_bytes.back() == 3, "LED request on the PC's ED: %d, %02X", led_acks - acks1,
	      led_bytes.back());
	// no request while nothing happens
	int acks2 = led_acks;
	drain(200);
	CHECK(led_acks == acks2 && !d->o_led_req, "spurious LED request");
}

void t_chunks_random() {
	clear_logs();
	std::set<int> phys;	// keys physically down
	int sel = d->i_select;
	int injected = 0;
	for (int i = 0; i < 400; i++) {
		int r = rnd() % 10;
		bytes v;
		if (r == 0) v = PAUSE;
		else if (r == 1) {
			if (phys.count(0x17C)) { v = PRTSC_BRK; phys.erase(0x17C); }
			else { v = PRTSC_MAKE; phys.insert(0x17C); }
		} else {
			int k = KEYS[rnd() % (sizeof KEYS / sizeof KEYS[0])];
			if (phys.count(k)) { v = brk(k); phys.erase(k); }
			else { v = make(k); phys.insert(k); }
		}
		for (size_t j = 0; j < v.size(); j++) {
			kbyte(v[j], 5 + rnd() % 30);
			if (rnd() % 8 == 0) {
				sel = rnd() % N;
				d->i_select = sel;
			}
			if (rnd() % 20 == 0 && !d->i_inject_valid) {
				// inject a Pause-free make+break of F12 to a random port (own chunks)
				int p = rnd() % N;
				bytes inj = {0x07, 0xF0, 0x07};
				d->i_inject_port = p;
				size_t k = 0;
				int guard = 0;
				while (k < inj.size() && guard++ < 20000) {
					d->i_inject_valid = 1;
					d->i_inject_data = inj[k];
					d->i_inject_last = (k == 1 || k == 2);	// chunks 07 | F0 07
					bool rdy = d->o_inject_ready;
					tick();
					if (rdy) k++;
				}
				d->i_inject_valid = 0;
				d->i_inject_last = 0;
				injected++;
			}
		}
	}
	// release everything still down
	for (int k : std::set<int>(phys))
		kseq_send(k == 0x17C ? PRTSC_BRK : brk(k));
	drain(8000);
	int pauses = 0;
	for (int p = 0; p < N; p++) {
		Atoms a = parse(kb[p]);
		CHECK(a.held.empty(), "random: port %d ends with %zu stuck keys", p, a.held.size());
		CHECK(a.orphan_breaks == 0, "random: port %d got %d breaks without make", p, a.orphan_breaks);
		pauses += a.pauses;
	}
	CHECK(pauses % 2 == 0 && pauses > 0, "random: Pause halves %d", pauses);
	CHECK(bad_runs() == 0, "random: chunks split between ports");
	CHECK(injected > 5, "random: only %d injects", injected);
	fprintf(stderr, "random: %zu bytes forwarded, %d injects\n", kseq.size(), injected);
}

void t_block() {
	select(3);
	drain(1500);
	clear_logs();
	kseq_send(make(0x1C));
	kseq_send(make(0x114));
	drain(300);
	d->i_block = 1;
	kseq_send(make(0x32));	// pressed and released during block: nobody sees it
	kseq_send(brk(0x32));
	kseq_send(PAUSE);
	kseq_send(make(0x21));	// pressed during block, released after
	kseq_send(brk(0x1C));	// released during block: must reach port 3
	kseq_send(brk(0x114));
	drain();
	CHECK(kb[3] == (bytes{0x1C, 0xE0, 0x14, 0xF0, 0x1C, 0xE0, 0xF0, 0x14}), "block: port 3 got %s", hex(kb[3]).c_str());
	d->i_block = 0;
	kseq_send(brk(0x21));
	kseq_send(make(0x23));
	kseq_send(brk(0x23));
	drain();
	CHECK(kb[3] == (bytes{0x1C, 0xE0, 0x14, 0xF0, 0x1C, 0xE0, 0xF0, 0x14, 0x23, 0xF0, 0x23}), "unblock: port 3 got %s",
	      hex(kb[3]).c_str());
	for (int p = 0; p < 3; p++)
		CHECK(kb[p].empty(), "block: port %d got bytes", p);
	// switch while blocked, key held from before: break to the old port at the switch
	kseq_send(make(0x24));
	drain(300);
	d->i_block = 1;
	select(0);
	drain();
	kseq_send(brk(0x24));
	d->i_block = 0;
	drain();
	CHECK(parse(kb[3]).held.empty() && kb[0].empty(), "block+switch: port3 %s port0 %s", hex(kb[3]).c_str(),
	      hex(kb[0]).c_str());
}

void t_inject() {
	select(0);
	drain(1500);
	clear_logs();
	bytes exp0;
	const bytes inj[] = {{0xE0, 0xF0, 0x75}, {0x5A}, {0xF0, 0x5A}};
	bytes exp3;
	for (int i = 0; i < 3; i++) {
		// inject while the console types on port 0
		d->i_inject_port = 3;
		bool pushed = false;
		for (size_t k = 0; k < inj[i].size();) {
			d->i_inject_valid = 1;
			d->i_inject_data = inj[i][k];
			d->i_inject_last = k + 1 == inj[i].size();
			bool rdy = d->o_inject_ready;
			if (k == 0 && !pushed) {
				pushed = true;	// a console byte arrives in the same clock
				d->i_kbd_rx_valid = 1;
				d->i_kbd_rx_data = 0x2D;
				sent_console.push_back(0x2D);
				sent_cycle.push_back(cycles - t0);
			}
			tick();
			if (rdy) k++;
		}
		d->i_inject_valid = 0;
		exp3.insert(exp3.end(), inj[i].begin(), inj[i].end());
		kseq_send(brk(0x2D));
		exp0.push_back(0x2D);
		exp0.push_back(0xF0);
		exp0.push_back(0x2D);
	}
	drain();
	CHECK(kb[3] == exp3, "inject: port 3 got %s", hex(kb[3]).c_str());
	CHECK(kb[0] == exp0, "inject: port 0 got %s", hex(kb[0]).c_str());
	CHECK(kb[1].empty() && kb[2].empty(), "inject: other ports got bytes");
	CHECK(bad_runs() == 0, "inject: split chunks");
}

void mpacket(int id, int btn, int dx, int dy, int dz);

// A PC that never reads (its emulator never takes a byte): after STALL_MS (100 ms) the
// router drops that chunk, so the console is never held for good, a switch away
// (release-all to the dead port) completes, an inject to it completes (bytes dropped),
// and the port works again once its PC reads.
void t_dead_port() {
	select(1);
	drain(1500);
	clear_logs();
	kdead_mask = 1u << 1;
	uint64_t start = cycles;
	kseq_send(make(0x12));				// shift held at the dead port
	for (int k : {0x1C, 0x32, 0x21, 0x23, 0x24, 0x2B}) {
		kseq_send(make(k));
		kseq_send(brk(k));
	}
	// 13 chunks, each dropped after 100 ms; keys typed meanwhile wait in the FIFO (the
	// console is held off through o_kbd_hold while it is nearly full)
	run(1400 * MS - (int)(cycles - start));
	CHECK(!d->o_kbd_hold, "dead port: console still held off");
	CHECK(kb[1].empty(), "dead port: it got %zu bytes", kb[1].size());
	CHECK(kb[0].empty() && kb[2].empty() && kb[3].empty(), "dead port: bytes leaked to other ports");
	double ms_taken = (cycles - start) / (double)MS;
	CHECK(ms_taken <= 1401, "dead port: 13 chunks took %.0f ms", ms_taken);
	// switch away: release-all sends F0 12 to the dead port, which is dropped after 100 ms
	start = cycles;
	select(0);
	for (int guard = 0; d->o_kbd_port != 0 && guard < 300 * MS; guard++)
		tick();
	CHECK(d->o_kbd_port == 0, "dead port: switch to port 0 never completed");
	double sw_ms = (cycles - start) / (double)MS;
	CHECK(sw_ms >= 98 && sw_ms < 110, "dead port: switch took %.1f ms, expected ~100", sw_ms);
	// inject to the dead port: every byte is taken (and dropped) within ~100 ms
	const bytes inj = {0xE0, 0xF0, 0x75};
	d->i_inject_port = 1;
	start = cycles;
	for (size_t k = 0; k < inj.size() && cycles - start < 300 * MS;) {
		d->i_inject_valid = 1;
		d->i_inject_data = inj[k];
		d->i_inject_last = k + 1 == inj.size();
		bool rdy = d->o_inject_ready;
		tick();
		if (rdy) k++;
	}
	d->i_inject_valid = 0;
	double inj_ms = (cycles - start) / (double)MS;
	CHECK(inj_ms < 110, "dead port: inject took %.1f ms", inj_ms);
	CHECK(kb[1].empty(), "dead port: inject reached it");
	// typing on port 0 still works, byte-exact
	clear_logs();
	bytes exp;
	for (int k : {0x4D, 0x44}) {
		for (auto v : {make(k), brk(k)}) { kseq_send(v); exp.insert(exp.end(), v.begin(), v.end()); }
	}
	drain();
	CHECK(kb[0] == exp, "dead port: port 0 afterwards got %s", hex(kb[0]).c_str());
	// the PC starts reading again: port 1 works
	kdead_mask = 0;
	select(1);
	drain(1500);
	clear_logs();
	kseq_send(make(0x1C));
	kseq_send(brk(0x1C));
	drain();
	CHECK(kb[1] == (bytes{0x1C, 0xF0, 0x1C}), "dead port revived: got %s", hex(kb[1]).c_str());
	printf("dead port: switch away %.1f ms, inject %.1f ms\n", sw_ms, inj_ms);
}

// FILTER and raw modes. Runs before t_snoop, which checks that every console byte sent
// here (raw or filtered, never forwarded) was still snooped in order with its timestamp.
void t_filter_raw() {
	select(0);
	drain(1500);
	clear_logs();
	// Scroll Lock held at port 0 before the filter is set: repeats swallowed, break released
	kseq_send(make(0x7E));
	drain(300);
	d->i_filt_key = 0x07E;
	d->i_filt_en = 1;
	kseq_send(make(0x7E));
	kseq_send(brk(0x7E));
	drain();
	CHECK(kb[0] == (bytes{0x7E, 0xF0, 0x7E}), "filter: held key: port 0 got %s", hex(kb[0]).c_str());
	// not held: make and break both swallowed; other keys pass, at the selected port
	clear_logs();
	kseq_send(make(0x7E));
	kseq_send(make(0x1C));
	kseq_send(brk(0x7E));
	kseq_send(brk(0x1C));
	drain();
	CHECK(kb[0] == (bytes{0x1C, 0xF0, 0x1C}), "filter: port 0 got %s", hex(kb[0]).c_str());
	// the filter key held before, then a switch: its break went out with release-all
	clear_logs();
	d->i_filt_en = 0;
	kseq_send(make(0x7E));
	drain(300);
	d->i_filt_en = 1;
	select(1);
	drain();
	kseq_send(brk(0x7E));
	kseq_send(make(0x7E));
	drain();
	CHECK(kb[0] == (bytes{0x7E, 0xF0, 0x7E}) && kb[1].empty(), "filter+switch: port0 %s port1 %s",
	      hex(kb[0]).c_str(), hex(kb[1]).c_str());
	// E0 key (right Ctrl E0 14) filtered; the plain 14 (left Ctrl) passes
	clear_logs();
	d->i_filt_key = 0x114;
	kseq_send(make(0x114));
	kseq_send(make(0x14));
	kseq_send(brk(0x114));
	kseq_send(brk(0x14));
	drain();
	CHECK(kb[1] == (bytes{0x14, 0xF0, 0x14}), "filter E0 14: port 1 got %s", hex(kb[1]).c_str());
	d->i_filt_en = 0;
	// kbd raw: nothing forwarded (the snoop check in t_snoop covers these bytes)
	clear_logs();
	d->i_kbd_raw = 1;
	kseq_send({0xFA, 0xAA});
	kseq_send(make(0x1C));
	kseq_send(brk(0x1C));
	drain();
	for (int p = 0; p < N; p++)
		CHECK(kb[p].empty(), "kbd raw: port %d got %s", p, hex(kb[p]).c_str());
	d->i_kbd_raw = 0;
	kseq_send(make(0x1C));
	kseq_send(brk(0x1C));
	drain();
	CHECK(kb[1] == (bytes{0x1C, 0xF0, 0x1C}), "after kbd raw: port 1 got %s", hex(kb[1]).c_str());
	// mouse raw: packets reach nobody, are snooped (src 1) without i_snoop_mouse_en, and
	// a packet cut by raw mode does not merge with the next one (parser restarted)
	d->i_ms_id = 0;
	mready_pct = 100;
	size_t sn0 = snooped.size();
	d->i_ms_rx_valid = 1;		// first byte of a packet, before raw
	d->i_ms_rx_data = 0x09;
	tick();
	run(8);
	d->i_ms_raw = 1;
	run(2);
	mpacket(0, 1, 5, 5, 0);
	d->i_ms_rx_valid = 1;		// half a packet in raw mode
	d->i_ms_rx_data = 0x08;
	tick();
	run(20);
	d->i_ms_raw = 0;
	run(2);
	mpacket(0, 2, -4, 6, 0);
	run(50);
	drain(500);
	CHECK(ms[0].empty() && ms[2].empty() && ms[3].empty(), "ms raw: events on other ports");
	CHECK(ms[1].size() == 1 && ms[1][0].btn == 2 && ms[1][0].dx == -4 && ms[1][0].dy == 6,
	      "ms raw: port 1 got %zu events (want exactly the packet after raw)", ms[1].size());
	bytes msn;
	for (size_t i = sn0; i < snooped.size(); i++)
		if (snooped[i].src == 1)
			msn.push_back(snooped[i].byte);
	CHECK(msn == (bytes{0x09, 0x05, 0x05, 0x08}), "ms raw: snooped mouse bytes %s", hex(msn).c_str());
}

void t_snoop() {
	drain(2000);
	// everything sent so far must have been snooped in order, timestamps monotonic
	std::vector<Snoop> ks;
	for (auto &s : snooped)
		if (s.src == 0) ks.push_back(s);
	CHECK(ks.size() == sent_console.size(), "snoop: %zu entries, %zu bytes sent", ks.size(), sent_console.size());
	int mism = 0, tsbad = 0;
	for (size_t i = 0; i < ks.size() && i < sent_console.size(); i++) {
		if (ks[i].byte != sent_console[i]) mism++;
		unsigned want = (unsigned)(sent_cycle[i] / MS) & 0x7fff;
		if (ks[i].ts != want && ks[i].ts != ((want + 1) & 0x7fff) && ks[i].ts + 1 != want) tsbad++;
		if (i && ks[i].ts < ks[i - 1].ts) tsbad++;
	}
	CHECK(mism == 0, "snoop: %d bytes differ", mism);
	CHECK(tsbad == 0, "snoop: %d bad timestamps", tsbad);
	CHECK(!d->o_snoop_overflow, "snoop: overflow without cause");
	// overflow: stop reading, send 300 bytes (blocked so the ports get nothing)
	d->i_block = 1;
	snoop_pop_en = false;
	snooped.clear();
	run(5);
	bytes burst;
	for (int i = 0; i < 300; i++) {
		uint8_t b = 0xF0;	// breaks of keys not held: forwarded to nobody
		if (i % 2) b = 0x10 + rnd() % 0x60;
		burst.push_back(b);
		d->i_kbd_rx_valid = 1;
		d->i_kbd_rx_data = b;
		tick();
		run(3);
	}
	CHECK(d->o_snoop_overflow, "snoop: no overflow after 300 bytes");
	CHECK(d->o_snoop_level == 256, "snoop: level %d", d->o_snoop_level);
	snoop_pop_en = true;
	run(2000);
	CHECK(snooped.size() == 257, "snoop: %zu entries kept", snooped.size());
	int m2 = 0;
	for (size_t i = 0; i < snooped.size(); i++)
		if (snooped[i].byte != burst[i]) m2++;
	CHECK(m2 == 0, "snoop: %d kept entries differ", m2);
	d->i_snoop_ovf_clear = 1;
	tick();
	d->i_snoop_ovf_clear = 0;
	tick();
	CHECK(!d->o_snoop_overflow, "snoop: overflow not cleared");
	d->i_block = 0;
	drain(500);
	for (int p = 0; p < N; p++)
		CHECK(parse(kb[p]).held.empty(), "snoop burst left keys on port %d", p);
}

void mpacket(int id, int btn, int dx, int dy, int dz) {
	bytes v = {(uint8_t)(0x08 | (btn & 7) | ((dx < 0) << 4) | ((dy < 0) << 5)), (uint8_t)dx, (uint8_t)dy};
	if (id == 3) v.push_back((uint8_t)dz);
	if (id == 4) v.push_back((uint8_t)((dz & 15) | ((btn >> 3 & 3) << 4)));
	for (auto b : v) {
		d->i_ms_rx_valid = 1;
		d->i_ms_rx_data = b;
		tick();
		run(8);
	}
}
void t_mouse() {
	d->i_ms_id = 3;
	select(1);
	run(50);
	clear_logs();
	mready_pct = 30;	// busy emulator: movement must be accumulated
	int sx = 0, sy = 0, sz = 0;
	for (int i = 0; i < 100; i++) {
		int dx = (int)(rnd() % 41) - 20, dy = (int)(rnd() % 41) - 20, dz = (int)(rnd() % 5) - 2;
		mpacket(3, 0, dx, dy, dz);
		sx += dx; sy += dy; sz += dz;
	}
	run(300);
	int gx = 0, gy = 0, gz = 0;
	for (auto &e : ms[1]) { gx += e.dx; gy += e.dy; gz += e.dz; }
	CHECK(gx == sx && gy == sy && gz == sz, "mouse: sums %d/%d/%d, want %d/%d/%d", gx, gy, gz, sx, sy, sz);
	CHECK(ms[1].size() > 10 && ms[0].empty() && ms[2].empty() && ms[3].empty(), "mouse: %zu events on port 1",
	      ms[1].size());
	mready_pct = 100;
	// a stray byte without bit 3 is skipped (resync)
	d->i_ms_rx_valid = 1;
	d->i_ms_rx_data = 0x05;
	tick();
	// left button held across a switch
	clear_logs();
	mpacket(3, 1, 5, 0, 0);
	mpacket(3, 1, 3, 1, 0);
	run(20);
	select(2);
	run(20);
	mpacket(3, 1, 2, 2, 0);
	mpacket(3, 0, 0, 0, 0);
	run(50);
	CHECK(ms[1].size() == 3 && ms[1][0].btn == 1 && ms[1][1].dx == 3 && ms[1][2].btn == 0 && ms[1][2].dx == 0,
	      "mouse switch: port 1 got %zu events, last btn %d", ms[1].size(), ms[1].empty() ? -1 : ms[1].back().btn);
	CHECK(ms[2].size() == 2 && ms[2][0].btn == 1 && ms[2][0].dx == 2 && ms[2][1].btn == 0,
	      "mouse switch: port 2 got %zu events", ms[2].size());
	// block: movement dropped, release still delivered
	clear_logs();
	mpacket(3, 2, 1, 1, 0);
	run(20);
	d->i_block = 1;
	mpacket(3, 2, 7, 7, 0);
	mpacket(3, 0, 7, 7, 0);
	mpacket(3, 1, 7, 7, 0);
	run(20);
	d->i_block = 0;
	run(20);
	CHECK(ms[2].size() == 2 && ms[2][0].btn == 2 && ms[2][1].btn == 0 && ms[2][1].dx == 0, "mouse block: %zu events",
	      ms[2].size());
	// 3-byte packets (console ID 0) and 4-byte ID 4 with buttons 4/5
	clear_logs();
	d->i_ms_id = 0;
	mpacket(0, 4, -30, 40, 0);
	d->i_ms_id = 4;
	mpacket(4, 0x18 | 1, 10, -10, -3);
	mpacket(4, 0, 0, 0, 0);
	run(50);
	CHECK(ms[2].size() == 3, "mouse formats: %zu events", ms[2].size());
	if (ms[2].size() == 3) {
		CHECK(ms[2][0].btn == 4 && ms[2][0].dx == -30 && ms[2][0].dy == 40 && ms[2][0].dz == 0, "ID 0 packet");
		CHECK(ms[2][1].btn == 0x19 && ms[2][1].dx == 10 && ms[2][1].dy == -10 && ms[2][1].dz == -3, "ID 4 packet: %x %d %d %d",
		      ms[2][1].btn, ms[2][1].dx, ms[2][1].dy, ms[2][1].dz);
	}
}

}  // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	d = new Vkvm_router;
	d->i_rst = 1;
	d->i_snoop_mouse_en = 0;
	run(4);
	d->i_rst = 0;
	t0 = cycles;
	run(600);	// map clear
	t_typing();
	t_switch_held();
	t_chunks_random();
	t_block();
	t_inject();
	t_dead_port();
	t_filter_raw();
	t_snoop();
	t_mouse();
	d->final();
	delete d;
	if (errors) {
		fprintf(stderr, "tb_kvm_router: %u failure(s)\n", errors);
		return 1;
	}
	printf("tb_kvm_router: all checks passed (%.1f ms simulated)\n", now_us() / 1000);
	return 0;
}
