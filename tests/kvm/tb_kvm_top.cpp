// SPDX-License-Identifier: MIT
/*
 * tb_kvm_top.cpp - Verilator testbench of rtl/kvm/kvm_top.v (N = 2 PC ports, clk_sys 12 MHz,
 * POWERUP_MS = 3) driven through its register port the way the CPU does through soc_bus:
 * select held for exactly one cycle (o_reg_ready = i_reg_sel), then one cycle deselected.
 *
 * Models on the pins (all open collector, resolved every clock):
 *   - ConDev: a console PS/2 keyboard / mouse written against the protocol (40 us half
 *     periods, request-to-send with clock-in and ACK, aborts its byte when the host
 *     inhibits). It answers commands (FA, FF -> FA AA (00), F2 -> FA AB 83 / FA 00,
 *     EE -> EE) and sends whatever the test queues. present = false: a missing device.
 *   - PcHost (ps2_pc.h) on every PC keyboard and mouse line: the BIOS/OS side, with the
 *     device clock / data timing monitor.
 * Checks: register reset values, read/write masks and byte strobes; CON_TX to the console
 * keyboard (tx_done, replies in SNOOP with KBD_RAW, nothing forwarded); no console device
 * (tx_error code 2, ERR_KBD tx count, new send clears the sticky bits, CLEAR bit2);
 * SNOOP pops exactly one entry per read, valid bit, source, non-decreasing timestamps,
 * SNOOP_LEVEL; typed keys at the selected PC only; SELECT >= N ignored; STATUS ports;
 * the LED request after a switch and after the PC's ED, acknowledged by CLEAR; FILTER
 * swallows the hotkey but releases a key held before it was set; INJECT to the other
 * port; PORT[i] after ED / F3 and the mouse knock; console mouse packets (MS_ID) reach the
 * selected PC's mouse; MS_RAW keeps them out; o_irq follows snoop / LED request.
 *   Vkvm_top [--seed N]      exit 0 when every check passed
 */
#include <cstring>
#include <deque>
#include <vector>

#include "Vkvm_top.h"
#include "kvmosd_regs.h"
#include "ps2_pc.h"

using namespace ps2tb;
using bytes = std::vector<uint8_t>;

namespace {
constexpr int N = 2;
Vkvm_top *d;
void tick();

/* One PC-side line pair (keyboard or mouse of port idx), for PcHost. */
struct PortLine {};
} // namespace

namespace ps2tb {
template <> struct Bench<PortLine> {
	int ms = 0, idx = 0;		/* 0 keyboard / 1 mouse, port */
	bool m_clk_low = false, m_data_low = false;
	bool clk() const {
		unsigned v = ms ? d->o_pc_ms_clk_low : d->o_pc_kbd_clk_low;
		return !((v >> idx & 1) || m_clk_low);
	}
	bool data() const {
		unsigned v = ms ? d->o_pc_ms_dat_low : d->o_pc_kbd_dat_low;
		return !((v >> idx & 1) || m_data_low);
	}
	void run_us(double us) {
		for (uint64_t n = us_to_cyc(us); n; n--)
			tick();
	}
	bool run_until(const std::function<bool()> &pred, double timeout_us) {
		return run_until_ticks(tick, pred, timeout_us);
	}
};
} // namespace ps2tb

namespace {

using Line = Bench<PortLine>;
Line lines[2][N];
PcHost<PortLine> *pc[2][N];	/* [0] keyboard, [1] mouse */

/* ---- console device model ---- */
struct ConDev {
	bool mouse = false;
	bool present = true;
	bool clk_low = false, dat_low = false;	/* what the model drives */
	std::deque<uint8_t> txq;		/* bytes to send to the host */
	bytes cmds;				/* bytes received from the host */
	unsigned aborts = 0;
	enum { IDLE, TX, RX } st = IDLE;
	int phase = 0, k = 0;
	uint64_t t = 0, idle = 0, host_low = 0;
	bool rts_armed = false;
	unsigned frame = 0, rxv = 0;

	static uint64_t us(double u) { return us_to_cyc(u); }
	void reply(uint8_t c) {
		if (mouse) {
			if (c == 0xff) txq.insert(txq.end(), {0xfa, 0xaa, 0x00});
			else if (c == 0xf2) txq.insert(txq.end(), {0xfa, 0x00});
			else txq.push_back(0xfa);
		} else {
			if (c == 0xff) txq.insert(txq.end(), {0xfa, 0xaa});
			else if (c == 0xf2) txq.insert(txq.end(), {0xfa, 0xab, 0x83});
			else if (c == 0xee) txq.push_back(0xee);
			else txq.push_back(0xfa);
		}
	}
	/* lc, ld: resolved bus levels after the clock edge */
	void step(bool lc, bool ld) {
		if (!present) {
			clk_low = dat_low = false;
			st = IDLE;
			return;
		}
		switch (st) {
		case IDLE:
			if (!lc && !clk_low) {
				host_low++;
			} else {
				if (host_low >= us(100))
					rts_armed = true;
				host_low = 0;
			}
			if (lc && ld)
				rts_armed = false;
			idle = (lc && ld) ? idle + 1 : 0;
			if (rts_armed && lc && !ld) {
				rts_armed = false;
				st = RX; k = 1; phase = 0; rxv = 0; t = cycles + us(20);
			} else if (!txq.empty() && idle >= us(60)) {
				uint8_t v = txq.front();
				frame = (unsigned)v << 1 | (unsigned)odd_parity(v) << 9 | 1u << 10;
				st = TX; k = 0; phase = 0; t = cycles;
			}
			break;
		case TX:
			/* host inhibit while we have CLK released: abort, resend later */
			if (!lc && !clk_low && (phase == 0 || cycles >= t - us(35))) {
				clk_low = dat_low = false;
				st = IDLE; idle = 0; aborts++;
				break;
			}
			if (cycles < t)
				break;
			if (phase == 0) {		/* set DATA, then 20 us to the fall */
				dat_low = !(frame >> k & 1);
				phase = 1; t = cycles + us(20);
			} else if (phase == 1) {	/* CLK low 40 us */
				clk_low = true;
				phase = 2; t = cycles + us(40);
			} else {			/* CLK high 40 us, DATA changes 20 us in */
				clk_low = false;
				if (++k == 11) {
					dat_low = false;
					txq.pop_front();
					st = IDLE; idle = 0;
				} else {
					phase = 0; t = cycles + us(20);
				}
			}
			break;
		case RX:
			if (cycles < t)
				break;
			if (phase == 0) {		/* fall k */
				clk_low = true;
				phase = 1; t = cycles + us(40);
			} else if (phase == 1) {	/* rise, sample 20 us later */
				clk_low = false;
				phase = 2; t = cycles + us(20);
			} else if (phase == 2) {
				if (k <= 10)
					rxv |= (unsigned)ld << (k - 1);
				if (k == 10) {		/* stop bit read: ACK on the 11th clock */
					dat_low = true;
				} else if (k == 11) {
					dat_low = false;
					uint8_t c = rxv & 0xff;
					CHECK(((rxv >> 8) & 1) == (unsigned)odd_parity(c), "console: parity of %02x", c);
					CHECK(rxv >> 9 & 1, "console: stop bit of %02x", c);
					cmds.push_back(c);
					reply(c);
					st = IDLE; idle = 0;
					break;
				}
				k++;
				phase = 0; t = cycles + us(20);
			}
			break;
		}
	}
	bool busy() const { return st != IDLE || !txq.empty(); }
};
ConDev con_kbd, con_ms;

bool con_kc() { return !(d->o_con_kbd_clk_low || con_kbd.clk_low); }
bool con_kd() { return !(d->o_con_kbd_dat_low || con_kbd.dat_low); }
bool con_mc() { return !(d->o_con_ms_clk_low || con_ms.clk_low); }
bool con_md() { return !(d->o_con_ms_dat_low || con_ms.dat_low); }

unsigned irq_rises = 0;
bool irq_prev = false;

void tick() {
	d->i_con_kbd_clk = con_kc();
	d->i_con_kbd_dat = con_kd();
	d->i_con_ms_clk = con_mc();
	d->i_con_ms_dat = con_md();
	unsigned kc = 0, kd = 0, mc = 0, md = 0;
	for (int p = 0; p < N; p++) {
		kc |= (unsigned)lines[0][p].clk() << p;
		kd |= (unsigned)lines[0][p].data() << p;
		mc |= (unsigned)lines[1][p].clk() << p;
		md |= (unsigned)lines[1][p].data() << p;
	}
	d->i_pc_kbd_clk = kc;
	d->i_pc_kbd_dat = kd;
	d->i_pc_ms_clk = mc;
	d->i_pc_ms_dat = md;
	d->i_clk = 1;
	d->eval();
	d->i_clk = 0;
	d->eval();
	cycles++;
	con_kbd.step(con_kc(), con_kd());
	con_ms.step(con_mc(), con_md());
	for (int m = 0; m < 2; m++)
		for (int p = 0; p < N; p++)
			pc[m][p]->monitor();
	irq_rises += d->o_irq && !irq_prev;
	irq_prev = d->o_irq;
}

void run_us(double us) {
	for (uint64_t n = us_to_cyc(us); n; n--)
		tick();
}
bool run_until(const std::function<bool()> &pred, double timeout_us) {
	return run_until_ticks(tick, pred, timeout_us);
}

/* ---- register access, as soc_bus does it: sel for one cycle, then the ack cycle ---- */
uint32_t bus(uint32_t off, uint32_t wdata, unsigned wstrb) {
	d->i_reg_sel = 1;
	d->i_reg_addr = off & 0xff;
	d->i_reg_wdata = wdata;
	d->i_reg_wstrb = wstrb;
	d->eval();
	CHECK(d->o_reg_ready, "register 0x%02x: not ready in the select cycle", off);
	uint32_t r = d->o_reg_rdata;
	tick();
	d->i_reg_sel = 0;
	d->i_reg_wstrb = 0;
	d->i_reg_wdata = 0;
	tick();
	return r;
}
uint32_t rd(uint32_t off) { return bus(off, 0, 0); }
void wr(uint32_t off, uint32_t v, unsigned strb = 0xf) { bus(off, v, strb); }

constexpr uint32_t CTRL_BLOCK = 1, CTRL_SNOOP_MS = 2, CTRL_KBD_RAW = 4, CTRL_MS_RAW = 8;

struct Snoop {
	bool valid;
	int src;
	unsigned ts;
	uint8_t b;
};
Snoop snoop_rd() {
	uint32_t v = rd(KVM_KVM_SNOOP_OFF);
	CHECK((v & 0x7f000000) == 0, "SNOOP bits [30:24] = %08x", v);
	return {(v >> 31) != 0, (int)(v >> 23 & 1), v >> 8 & 0x7fff, (uint8_t)v};
}
/* read every waiting entry; checks timestamps non-decreasing */
std::vector<Snoop> snoop_drain() {
	std::vector<Snoop> out;
	for (;;) {
		Snoop s = snoop_rd();
		if (!s.valid)
			break;
		if (!out.empty())
			CHECK(s.ts >= out.back().ts, "snoop timestamp went back %u -> %u", out.back().ts, s.ts);
		out.push_back(s);
		if (out.size() > 400)
			break;
	}
	return out;
}
bytes snoop_bytes(const std::vector<Snoop> &v, int src) {
	bytes b;
	for (auto &s : v)
		if (s.src == src)
			b.push_back(s.b);
	return b;
}

void type(ConDev &c, const bytes &v) {
	c.txq.insert(c.txq.end(), v.begin(), v.end());
	bool ok = run_until([&] { return !c.busy(); }, 3000.0 * (double)v.size() + 2000);
	CHECK(ok, "console model did not get its bytes out");
}

/* nothing (more) arrived at a PC line */
void expect_quiet(int m, int p, const char *what) {
	bytes got = pc[m][p]->take(pc[m][p]->rx.size());
	CHECK(got.empty(), "%s: port %d %s got [%s]", what, p, m ? "mouse" : "kbd",
	      PcHost<PortLine>::hex(got).c_str());
}
void expect_pc(int m, int p, const char *what, const bytes &want) {
	pc[m][p]->expect(what, want, 20000, 1500, 1e9);
}

uint32_t status() { return rd(KVM_KVM_STATUS_OFF); }
uint32_t con_status() { return rd(KVM_KVM_CON_STATUS_OFF); }

bool wait_reg(uint32_t off, uint32_t mask, uint32_t want, double timeout_us) {
	uint64_t end = cycles + us_to_cyc(timeout_us);
	while (cycles < end) {
		if ((rd(off) & mask) == want)
			return true;
		run_us(20);
	}
	return false;
}

/* ------------------------------------------------------------------------------------ */

void t_powerup_and_regs() {
	/* power-up BAT from every emulator (POWERUP_MS = 3) */
	run_us(3500);
	for (int p = 0; p < N; p++) {
		expect_pc(0, p, "kbd BAT", {0xaa});
		expect_pc(1, p, "mouse BAT", {0xaa, 0x00});
	}
	uint32_t s = status();
	CHECK((s >> 24) == N, "STATUS N = %u", s >> 24);
	CHECK((s & 0x00ff00ff) == 0x00000008, "STATUS after reset %08x (want inject ready only)", s);
	CHECK(rd(KVM_KVM_CTRL_OFF) == 0 && rd(KVM_KVM_SELECT_OFF) == 0 && rd(KVM_KVM_MS_ID_OFF) == 0 &&
	      rd(KVM_KVM_FILTER_OFF) == 0, "rw registers reset to 0");
	CHECK(rd(KVM_KVM_SNOOP_OFF) == 0, "SNOOP empty reads 0");
	CHECK(rd(KVM_KVM_SNOOP_LEVEL_OFF) == 0, "SNOOP_LEVEL 0");
	CHECK(rd(KVM_KVM_ERR_KBD_OFF) == 0 && rd(KVM_KVM_ERR_MS_OFF) == 0, "error counters 0");
	CHECK(con_status() == 0x0101, "CON_STATUS idle %04x", con_status());
	CHECK(!d->o_irq, "irq after reset");

	/* masks and read-back */
	wr(KVM_KVM_CTRL_OFF, 0xffffffff);
	CHECK(rd(KVM_KVM_CTRL_OFF) == 0x3f, "CTRL mask %08x", rd(KVM_KVM_CTRL_OFF));
	CHECK((con_status() & 0x0101) == 0, "inhibit bits drop tx_ready");
	wr(KVM_KVM_CTRL_OFF, 0);
	wr(KVM_KVM_MS_ID_OFF, 0xfffffffc);
	CHECK(rd(KVM_KVM_MS_ID_OFF) == 4, "MS_ID mask");
	wr(KVM_KVM_MS_ID_OFF, 0);
	wr(KVM_KVM_FILTER_OFF, 0x12345678, 0x1);
	CHECK(rd(KVM_KVM_FILTER_OFF) == 0x78, "FILTER byte 0 strobe: %08x", rd(KVM_KVM_FILTER_OFF));
	wr(KVM_KVM_FILTER_OFF, 0xffffffff, 0x2);
	CHECK(rd(KVM_KVM_FILTER_OFF) == 0x378, "FILTER byte 1 strobe: %08x", rd(KVM_KVM_FILTER_OFF));
	wr(KVM_KVM_FILTER_OFF, 0);
	/* SELECT reads back; values >= N are ignored by the router */
	wr(KVM_KVM_SELECT_OFF, 5);
	CHECK(rd(KVM_KVM_SELECT_OFF) == 5, "SELECT read-back");
	run_us(200);
	CHECK((status() >> 16 & 0xff) == 0x00, "SELECT 5 (>= N) ignored: STATUS ports %02x",
	      status() >> 16 & 0xff);
	wr(KVM_KVM_SELECT_OFF, 0);
	/* PORT[i] for i >= N reads 0; reads of wo registers 0 */
	for (int i = N; i < 8; i++)
		CHECK(rd(KVM_KVM_PORT_OFF + 4 * i) == 0, "PORT[%d] >= N reads 0", i);
	CHECK(rd(KVM_KVM_CLEAR_OFF) == 0 && rd(KVM_KVM_CON_TX_OFF) == 0 && rd(KVM_KVM_INJECT_OFF) == 0,
	      "write-only registers read 0");
	/* PORT[i] power-up state: set 2, typematic 2B, LEDs 0, mouse ID 0, disabled, 100/s, res 2 */
	for (int p = 0; p < N; p++) {
		uint32_t v = rd(KVM_KVM_PORT_OFF + 4 * p);
		CHECK((v & 0x7ff) == (0x2bu << 5 | 2u << 3), "PORT[%d] kbd state after BAT %08x", p, v);
		CHECK((v >> 12 & 0xf) == 0, "PORT[%d] mouse ID 0 / disabled %08x", p, v);
		CHECK((v >> 16 & 0xff) == 100, "PORT[%d] mouse rate %u", p, v >> 16 & 0xff);
	}
	printf("registers: reset values, masks, strobes, SELECT >= N ignored: ok\n");
}

void t_con_tx() {
	/* console keyboard init in raw mode: FF -> FA AA, all in SNOOP, nothing forwarded */
	wr(KVM_KVM_CTRL_OFF, CTRL_KBD_RAW);
	uint64_t t0 = cycles;
	wr(KVM_KVM_CON_TX_OFF, 0xff);
	CHECK((con_status() & 1) == 0, "tx_ready low during the send");
	bool ok = wait_reg(KVM_KVM_CON_STATUS_OFF, 0x06, 0x02, 20000);
	CHECK(ok, "CON_TX FF: no tx_done (CON_STATUS %04x)", con_status());
	run_us(100);	/* the model takes the byte at the end of its ACK clock */
	CHECK(con_kbd.cmds == bytes{0xff}, "console got [%s]", PcHost<PortLine>::hex(con_kbd.cmds).c_str());
	printf("CON_TX FF to the console keyboard: tx_done after %.2f ms\n",
	       (double)(cycles - t0) / 12000.0);
	run_until([] { return !con_kbd.busy(); }, 10000);
	run_us(300);
	CHECK(d->o_irq, "irq with snoop entries waiting");
	CHECK(rd(KVM_KVM_SNOOP_LEVEL_OFF) == 2, "SNOOP_LEVEL 2, got %u", rd(KVM_KVM_SNOOP_LEVEL_OFF));
	CHECK(status() & 1, "STATUS snoop not empty");
	Snoop a = snoop_rd();
	CHECK(rd(KVM_KVM_SNOOP_LEVEL_OFF) == 1, "one read pops exactly one entry");
	Snoop b = snoop_rd();
	CHECK(a.valid && a.src == 0 && a.b == 0xfa, "snoop FA: %d %d %02x", a.valid, a.src, a.b);
	CHECK(b.valid && b.src == 0 && b.b == 0xaa, "snoop AA: %d %d %02x", b.valid, b.src, b.b);
	CHECK(b.ts >= a.ts && b.ts - a.ts <= 2, "timestamps %u %u", a.ts, b.ts);
	CHECK(!snoop_rd().valid && rd(KVM_KVM_SNOOP_LEVEL_OFF) == 0, "snoop empty after 2 reads");
	run_us(5);
	CHECK(!d->o_irq, "irq gone with the snoop empty");

	/* KBD_RAW: a typed key goes to the snoop only */
	type(con_kbd, {0x1c, 0xf0, 0x1c});
	run_us(3000);
	expect_quiet(0, 0, "KBD_RAW typing");
	expect_quiet(0, 1, "KBD_RAW typing");
	auto v = snoop_drain();
	CHECK(snoop_bytes(v, 0) == (bytes{0x1c, 0xf0, 0x1c}), "KBD_RAW snoop [%s]",
	      PcHost<PortLine>::hex(snoop_bytes(v, 0)).c_str());
	wr(KVM_KVM_CTRL_OFF, 0);
	printf("KBD_RAW: replies and keys in SNOOP only: ok\n");

	/* no console device: no clock -> error 2, ERR_KBD tx count; new send clears sticky bits */
	con_kbd.present = false;
	run_us(100);
	wr(KVM_KVM_CON_TX_OFF, 0xed);
	ok = wait_reg(KVM_KVM_CON_STATUS_OFF, 0x07, 0x05, 30000);
	uint32_t cs = con_status();
	CHECK(ok && (cs >> 4 & 3) == 2, "no device: CON_STATUS %04x (want tx_error, code 2)", cs);
	CHECK(rd(KVM_KVM_ERR_KBD_OFF) == 0x01000000, "ERR_KBD %08x", rd(KVM_KVM_ERR_KBD_OFF));
	wr(KVM_KVM_CON_TX_OFF, 0xee);
	CHECK((con_status() & 0x06) == 0, "a new send clears done/error: %04x", con_status());
	wait_reg(KVM_KVM_CON_STATUS_OFF, 0x07, 0x05, 30000);
	CHECK(rd(KVM_KVM_ERR_KBD_OFF) == 0x02000000, "ERR_KBD %08x", rd(KVM_KVM_ERR_KBD_OFF));
	CHECK((rd(KVM_KVM_CON_STATUS_OFF) & 0xff00) == 0x0100, "mouse side untouched");
	wr(KVM_KVM_CLEAR_OFF, 4);
	CHECK(rd(KVM_KVM_ERR_KBD_OFF) == 0, "CLEAR bit2 clears the counters");
	con_kbd.present = true;
	run_us(200);
	/* the CON_TX byte goes to the mouse with [8] = 1 */
	wr(KVM_KVM_CTRL_OFF, CTRL_MS_RAW);
	wr(KVM_KVM_CON_TX_OFF, 0x1f2);
	ok = wait_reg(KVM_KVM_CON_STATUS_OFF, 0x0600, 0x0200, 20000);
	run_us(100);
	CHECK(ok && con_ms.cmds == bytes{0xf2}, "CON_TX to the mouse");
	run_until([] { return !con_ms.busy(); }, 10000);
	run_us(300);
	v = snoop_drain();
	CHECK(snoop_bytes(v, 1) == (bytes{0xfa, 0x00}) && snoop_bytes(v, 0).empty(),
	      "MS_RAW: mouse replies snooped (src 1) without SNOOP_MOUSE");
	wr(KVM_KVM_CTRL_OFF, 0);
	printf("no console device: tx_error code 2, ERR_KBD count, clear: ok\n");
}

void t_typing_select_leds() {
	type(con_kbd, {0x1c, 0xf0, 0x1c});
	expect_pc(0, 0, "typed at port 0", {0x1c, 0xf0, 0x1c});
	expect_quiet(0, 1, "typed at port 0");
	auto v = snoop_drain();
	CHECK(snoop_bytes(v, 0) == (bytes{0x1c, 0xf0, 0x1c}), "typed bytes snooped too");

	/* switch to port 1: STATUS ports, LED request with port 1's LEDs, irq */
	CHECK(!d->o_irq, "no irq before the switch");
	wr(KVM_KVM_SELECT_OFF, 1);
	run_us(500);
	uint32_t s = status();
	CHECK((s >> 16 & 0xff) == 0x11, "STATUS ports after SELECT 1: %02x", s >> 16 & 0xff);
	CHECK((s & 4) && (s >> 8 & 0xff) == 0, "LED request after the switch: %08x", s);
	CHECK(d->o_irq, "irq with the LED request");
	wr(KVM_KVM_CLEAR_OFF, 2);
	CHECK(!(status() & 4) && !d->o_irq, "CLEAR bit1 acknowledges the LED request");
	type(con_kbd, {0x32, 0xf0, 0x32});
	expect_pc(0, 1, "typed at port 1", {0x32, 0xf0, 0x32});
	expect_quiet(0, 0, "typed at port 1");
	snoop_drain();

	/* PC 1 sets its LEDs: request again with byte 04; PORT[1] LEDs */
	CHECK(pc[0][1]->cmd(0xed) == 11, "ED clocked in");
	pc[0][1]->expect("ED", {0xfa});
	CHECK(pc[0][1]->cmd(0x04) == 11, "04 clocked in");
	pc[0][1]->expect("ED 04", {0xfa});
	run_us(50);
	s = status();
	CHECK((s & 4) && (s >> 8 & 0xff) == 0x04, "LED request after the PC's ED: %08x", s);
	CHECK((rd(KVM_KVM_PORT_OFF + 4) & 7) == 4, "PORT[1] LEDs");
	wr(KVM_KVM_CLEAR_OFF, 2);
	CHECK(!(status() & 4), "LED request acknowledged");
	/* PC 0 sets typematic and scan set (not current: no LED request) */
	CHECK(pc[0][0]->cmd(0xf3) == 11, "F3");
	pc[0][0]->expect("F3", {0xfa});
	CHECK(pc[0][0]->cmd(0x20) == 11, "F3 20");
	pc[0][0]->expect("F3 20", {0xfa});
	CHECK(pc[0][0]->cmd(0xed) == 11, "ED");
	pc[0][0]->expect("ED", {0xfa});
	CHECK(pc[0][0]->cmd(0x03) == 11, "ED 03");
	pc[0][0]->expect("ED 03", {0xfa});
	uint32_t p0 = rd(KVM_KVM_PORT_OFF);
	CHECK((p0 & 0x7ff) == (0x20u << 5 | 2u << 3 | 3u), "PORT[0] kbd state %08x", p0);
	CHECK(!(status() & 4), "the non-selected PC's ED raises no request");

	/* mouse knock on PC 1: 200, 100, 80 -> ID 3; resolution 1; enable */
	for (uint8_t r : {200, 100, 80}) {
		CHECK(pc[1][1]->cmd(0xf3) == 11, "mouse F3");
		pc[1][1]->expect("mouse F3", {0xfa});
		CHECK(pc[1][1]->cmd(r) == 11, "mouse rate");
		pc[1][1]->expect("mouse rate", {0xfa});
	}
	pc[1][1]->cmd(0xf2);
	pc[1][1]->expect("mouse F2 after knock", {0xfa, 0x03});
	pc[1][1]->cmd(0xe8);
	pc[1][1]->expect("mouse E8", {0xfa});
	pc[1][1]->cmd(0x01);
	pc[1][1]->expect("mouse E8 01", {0xfa});
	pc[1][1]->cmd(0xf4);
	pc[1][1]->expect("mouse F4", {0xfa});
	uint32_t p1 = rd(KVM_KVM_PORT_OFF + 4);
	CHECK((p1 >> 12 & 7) == 3 && (p1 >> 15 & 1) && (p1 >> 16 & 0xff) == 80 && (p1 >> 24 & 3) == 1,
	      "PORT[1] mouse state %08x", p1);
	CHECK((rd(KVM_KVM_PORT_OFF) >> 12 & 0xf) == 0, "PORT[0] mouse untouched");
	printf("typing to the selected port, LED request on switch and ED, PORT[i]: ok\n");
}

void t_mouse() {
	/* console mouse (ID 0 packets) -> port 1's mouse (ID 3, enabled): 4-byte packet */
	wr(KVM_KVM_MS_ID_OFF, 0);
	type(con_ms, {0x09, 0x05, 0x03});	/* left button, dx 5, dy 3 */
	expect_pc(1, 1, "mouse packet at port 1", {0x09, 0x05, 0x03, 0x00});
	expect_quiet(1, 0, "mouse packet at port 1");
	auto v = snoop_drain();
	CHECK(v.empty(), "mouse bytes not snooped without SNOOP_MOUSE");
	/* SNOOP_MOUSE: stored with src 1 */
	wr(KVM_KVM_CTRL_OFF, CTRL_SNOOP_MS);
	type(con_ms, {0x08, 0x01, 0x00});	/* release, dx 1 */
	expect_pc(1, 1, "mouse release at port 1", {0x08, 0x01, 0x00, 0x00});
	v = snoop_drain();
	CHECK(snoop_bytes(v, 1) == (bytes{0x08, 0x01, 0x00}), "SNOOP_MOUSE entries");
	/* MS_RAW: a packet reaches nobody; half a packet before raw ends is forgotten */
	wr(KVM_KVM_CTRL_OFF, CTRL_MS_RAW);
	type(con_ms, {0x08, 0x07});
	run_us(1500);
	wr(KVM_KVM_CTRL_OFF, 0);
	type(con_ms, {0x08, 0x02, 0x00});
	expect_pc(1, 1, "packet after MS_RAW (parser restarted)", {0x08, 0x02, 0x00, 0x00});
	expect_quiet(1, 0, "MS_RAW");
	snoop_drain();
	printf("console mouse: routing, SNOOP_MOUSE, MS_RAW with parser restart: ok\n");
}

void t_filter_inject() {
	wr(KVM_KVM_SELECT_OFF, 0);
	run_us(500);
	wr(KVM_KVM_CLEAR_OFF, 2);
	/* Scroll Lock (7E) held at port 0 before the filter is set */
	type(con_kbd, {0x7e});
	expect_pc(0, 0, "7E make before the filter", {0x7e});
	wr(KVM_KVM_FILTER_OFF, 0x200 | 0x7e);
	type(con_kbd, {0x7e, 0xf0, 0x7e});	/* repeat swallowed, break released */
	expect_pc(0, 0, "held filter key: only its break", {0xf0, 0x7e});
	type(con_kbd, {0x7e, 0xf0, 0x7e, 0x1c, 0xf0, 0x1c});
	expect_pc(0, 0, "filter key swallowed, other keys pass", {0x1c, 0xf0, 0x1c});
	expect_quiet(0, 1, "filter");
	auto v = snoop_drain();
	CHECK(snoop_bytes(v, 0) == (bytes{0x7e, 0x7e, 0xf0, 0x7e, 0x7e, 0xf0, 0x7e, 0x1c, 0xf0, 0x1c}),
	      "filter: everything snooped [%s]", PcHost<PortLine>::hex(snoop_bytes(v, 0)).c_str());
	/* E0 filter key (right Ctrl, E0 14) does not catch the plain 14 */
	wr(KVM_KVM_FILTER_OFF, 0x300 | 0x14);
	type(con_kbd, {0xe0, 0x14, 0xe0, 0xf0, 0x14, 0x14, 0xf0, 0x14});
	expect_pc(0, 0, "E0 14 filtered, 14 passes", {0x14, 0xf0, 0x14});
	wr(KVM_KVM_FILTER_OFF, 0);
	snoop_drain();

	/* INJECT a chunk to port 1 while port 0 is selected */
	const uint32_t inj[] = {0x1000 | 0x100 | 0x2b, 0x1000 | 0xf0, 0x1000 | 0x100 | 0x2b};
	for (uint32_t w : inj) {
		bool ok = wait_reg(KVM_KVM_STATUS_OFF, 8, 8, 5000);
		CHECK(ok, "inject ready");
		wr(KVM_KVM_INJECT_OFF, w);
	}
	expect_pc(0, 1, "inject to port 1", {0x2b, 0xf0, 0x2b});
	expect_quiet(0, 0, "inject to port 1");
	/* a port >= N is dropped (nothing stalls) */
	wr(KVM_KVM_INJECT_OFF, 0x7000 | 0x100 | 0x2b);
	CHECK(status() & 8, "inject to port >= N dropped");
	type(con_kbd, {0x1c, 0xf0, 0x1c});
	expect_pc(0, 0, "typing after inject", {0x1c, 0xf0, 0x1c});
	snoop_drain();
	printf("FILTER (held key released, E0 key) and INJECT: ok\n");
}

void t_snoop_irq_block() {
	/* o_irq follows the snoop: a byte arrives -> irq; the read that empties it drops it */
	unsigned r0 = irq_rises;
	CHECK(!d->o_irq, "irq idle");
	wr(KVM_KVM_CTRL_OFF, CTRL_BLOCK);
	type(con_kbd, {0x15, 0xf0, 0x15});
	run_us(300);
	CHECK(d->o_irq && irq_rises == r0 + 1, "irq rose once");
	expect_quiet(0, 0, "BLOCK");
	expect_quiet(0, 1, "BLOCK");
	auto v = snoop_drain();
	CHECK(snoop_bytes(v, 0) == (bytes{0x15, 0xf0, 0x15}), "BLOCK: snooped");
	CHECK(!d->o_irq, "irq low after draining");
	wr(KVM_KVM_CTRL_OFF, 0);
	/* the console keyboard inhibit bit: the device holds its byte until released */
	wr(KVM_KVM_CTRL_OFF, 0x10);
	con_kbd.txq.push_back(0x16);
	run_us(3000);
	CHECK(rd(KVM_KVM_SNOOP_LEVEL_OFF) == 0 && !(status() & 1), "inhibited: nothing received");
	wr(KVM_KVM_CTRL_OFF, 0);
	run_until([] { return !con_kbd.busy(); }, 5000);
	type(con_kbd, {0xf0, 0x16});
	expect_pc(0, 0, "byte held by the inhibit arrives after it", {0x16, 0xf0, 0x16});
	v = snoop_drain();
	CHECK(snoop_bytes(v, 0) == (bytes{0x16, 0xf0, 0x16}), "inhibit: snooped after release");
	printf("BLOCK, console inhibit, irq level: ok\n");
}

} // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	d = new Vkvm_top;
	con_ms.mouse = true;
	for (int m = 0; m < 2; m++)
		for (int p = 0; p < N; p++) {
			lines[m][p].ms = m;
			lines[m][p].idx = p;
			pc[m][p] = new PcHost<PortLine>(&lines[m][p]);
		}
	d->i_rst = 1;
	for (int i = 0; i < 5; i++)
		tick();
	d->i_rst = 0;
	tick();

	t_powerup_and_regs();
	t_con_tx();
	t_typing_select_leds();
	t_mouse();
	t_filter_inject();
	t_snoop_irq_block();
	for (int m = 0; m < 2; m++)
		for (int p = 0; p < N; p++)
			CHECK(pc[m][p]->bad_frames == 0, "bad frames at port %d %s", p, m ? "mouse" : "kbd");

	printf("simulated %.1f ms, console aborts %u\n", now_us() / 1000, con_kbd.aborts);
	delete d;
	if (errors) {
		printf("tb_kvm_top: %u check(s) FAILED\n", errors);
		return 1;
	}
	printf("tb_kvm_top: all checks passed\n");
	return 0;
}
