// SPDX-License-Identifier: MIT
/*
 * tb_ps2_host.cpp - Verilator testbench of rtl/kvm/ps2_host.v.
 *
 * The model is a PS/2 device (keyboard/mouse) written against the protocol timing: it
 * clocks frames to the host with random 30-50 us half periods and 5-25 us data setup, it
 * answers request-to-send by clocking the command in (checking CLK low >= 100 us, start
 * bit, parity, stop) and ACKs it, then replies FA. Faults: bad parity/start/stop, frames
 * cut short, no ACK, never clocking, too slow a clock, a stuck-low CLK, glitches.
 * Every DUT event is compared with what the model did, and the DUT's error counters
 * with the number of injected faults.
 *   Vps2_host [--seed N]      exit 0 when every check passed
 */
#include <cstring>
#include <deque>

#include "Vps2_host.h"
#include "ps2_tb.h"

using namespace ps2tb;

namespace {

struct Ev {
	int kind;		/* 0 ok, else error code */
	unsigned data;
	uint64_t cyc;
};

Vps2_host *dut;
Bench<Vps2_host> *b;
std::deque<Ev> rx_ev, tx_ev;
unsigned exp_cnt[6];		/* rx parity, frame, timeout, tx noack, noclk, timeout */

void collect() {
	if (dut->o_rx_valid)
		rx_ev.push_back({0, dut->o_rx_data, cycles});
	if (dut->o_rx_error)
		rx_ev.push_back({dut->o_rx_err, dut->o_rx_data, cycles});
	if (dut->o_tx_done)
		tx_ev.push_back({0, 0, cycles});
	if (dut->o_tx_error)
		tx_ev.push_back({dut->o_tx_err, 0, cycles});
	CHECK(!(dut->o_rx_valid && dut->o_rx_error), "rx valid and error together");
}

/* Pop one event from q and check it; the queue must then be empty. */
bool expect(std::deque<Ev> &q, const char *what, int kind, int data = -1, Ev *out = nullptr) {
	if (q.empty()) {
		FAIL("%s: expected event kind %d data %02x, got none", what, kind, data & 0xff);
		return false;
	}
	Ev e = q.front();
	q.pop_front();
	if (out)
		*out = e;
	bool ok = e.kind == kind && (data < 0 || (unsigned)data == e.data);
	CHECK(ok, "%s: expected kind %d data %02x, got kind %d data %02x", what, kind,
	      data & 0xff, e.kind, e.data);
	CHECK(q.empty(), "%s: %zu unexpected extra events", what, q.size());
	q.clear();
	return ok;
}

void expect_none(const char *what) {
	CHECK(rx_ev.empty() && tx_ev.empty(), "%s: unexpected events (rx %zu, tx %zu)", what,
	      rx_ev.size(), tx_ev.size());
	rx_ev.clear();
	tx_ev.clear();
}

/* ---- device model: device -> host ---- */
struct SendOpts {
	bool bad_parity = false, bad_start = false, bad_stop = false;
	int nbits = 11;
};

void dev_send(uint8_t v, SendOpts o = {}) {
	int bits[11];
	bits[0] = o.bad_start ? 1 : 0;
	for (int i = 0; i < 8; i++)
		bits[1 + i] = (v >> i) & 1;
	bits[9] = odd_parity(v) ^ (o.bad_parity ? 1 : 0);
	bits[10] = o.bad_stop ? 0 : 1;
	CHECK(b->clk(), "device about to send but CLK is low (inhibited)");
	for (int i = 0; i < o.nbits; i++) {
		double half = rnd_range(30, 50), setup = rnd_range(5, 25);
		b->m_data_low = !bits[i];
		b->run_us(setup);
		b->m_clk_low = true;
		b->run_us(half);
		b->m_clk_low = false;
		b->run_us(half - setup);
	}
	b->m_data_low = false;
	b->run_us(rnd_range(50, 120));
}

/* ---- device model: host -> device ---- */
struct RecvOpts {
	bool no_ack = false, never_clock = false;
	double half = 40;
	int max_clocks = 11;
};

/* Host accepts a byte (valid/ready handshake). */
void host_send(uint8_t v) {
	bool ok = b->run_until([] { return dut->o_tx_ready != 0; }, 1000);
	CHECK(ok, "o_tx_ready never high");
	dut->i_tx_valid = 1;
	dut->i_tx_data = v;
	b->tick();
	dut->i_tx_valid = 0;
}

/* Returns the byte clocked in, or -1. Checks request-to-send timing. */
int dev_receive(RecvOpts o = {}) {
	if (!b->run_until([] { return !b->clk(); }, 50)) {
		FAIL("host did not pull CLK low for request-to-send");
		return -1;
	}
	uint64_t t0 = cycles;
	uint64_t t_data = 0;
	while (!b->clk() && cycles - t0 < us_to_cyc(1000)) {
		b->tick();
		if (!b->data() && !t_data)
			t_data = cycles;
	}
	double low_us = ((t_data ? t_data : cycles) - t0) * NS_PER_CYC / 1000.0;
	CHECK(low_us >= 100 && low_us < 200, "RTS: CLK low %.1f us before DATA low (want >= 100)",
	      low_us);
	CHECK(t_data && !b->data(), "RTS: DATA not low when CLK released");
	if (o.never_clock)
		return -1;
	b->run_us(rnd_range(30, 300));
	int bits[12] = {0};
	int nclk = o.max_clocks < 10 ? o.max_clocks : 10;
	for (int k = 1; k <= nclk; k++) {
		b->m_clk_low = true;
		b->run_us(o.half);
		bits[k] = b->data();	/* device samples on the rising edge */
		b->m_clk_low = false;
		b->run_us(o.half);
	}
	if (nclk < 10)
		return -1;
	CHECK(bits[10] == 1, "host stop bit is 0");
	/* ACK: DATA low while CLK high, one more clock, then release */
	if (!o.no_ack)
		b->m_data_low = true;
	b->run_us(o.half / 2);
	b->m_clk_low = true;
	b->run_us(o.half);
	b->m_clk_low = false;
	b->run_us(o.half / 2);
	b->m_data_low = false;
	unsigned v = 0;
	for (int i = 0; i < 8; i++)
		v |= bits[1 + i] << i;
	CHECK(bits[9] == odd_parity(v), "host parity wrong for %02x", v);
	b->run_us(50);
	return (int)v;
}

void check_counters(const char *when) {
	unsigned got[6] = {dut->o_cnt_rx_parity, dut->o_cnt_rx_frame, dut->o_cnt_rx_timeout,
			   dut->o_cnt_tx_noack,  dut->o_cnt_tx_noclk, dut->o_cnt_tx_timeout};
	static const char *names[6] = {"rx_parity", "rx_frame", "rx_timeout",
				       "tx_noack",  "tx_noclk", "tx_timeout"};
	for (int i = 0; i < 6; i++)
		CHECK(got[i] == exp_cnt[i], "%s: counter %s = %u, expected %u", when, names[i],
		      got[i], exp_cnt[i]);
}

} // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	dut = new Vps2_host;
	b = new Bench<Vps2_host>(dut);
	b->on_cycle = collect;
	b->reset();
	b->run_us(200);
	expect_none("idle after reset");
	CHECK(b->clk() && b->data(), "lines not released after reset");

	/* 1. device -> host, random bytes and timing */
	for (int i = 0; i < 200; i++) {
		uint8_t v = rnd() & 0xff;
		dev_send(v);
		expect(rx_ev, "rx random", 0, v);
	}
	expect_none("after rx random");
	printf("rx: 200 random bytes ok\n");

	/* 2. host -> device commands, each answered with FA */
	for (int i = 0; i < 100; i++) {
		uint8_t v = rnd() & 0xff;
		host_send(v);
		int got = dev_receive();
		CHECK(got == v, "device received %02x, host sent %02x", got & 0xff, v);
		expect(tx_ev, "tx done", 0);
		dev_send(0xfa);
		expect(rx_ev, "ACK reply", 0, 0xfa);
	}
	printf("tx: 100 random commands ok\n");

	/* 3. receive errors */
	for (int i = 0; i < 3; i++) {
		SendOpts o; o.bad_parity = true;
		uint8_t v = rnd() & 0xff;
		dev_send(v, o);
		expect(rx_ev, "bad parity", 1, v);
		exp_cnt[0]++;
	}
	{ SendOpts o; o.bad_stop = true; dev_send(0x1c, o); expect(rx_ev, "bad stop", 2); exp_cnt[1]++; }
	{ SendOpts o; o.bad_start = true; dev_send(0x1c, o); expect(rx_ev, "bad start", 2); exp_cnt[1]++; }
	{ SendOpts o; o.bad_stop = true; o.bad_parity = true; dev_send(0x76, o); expect(rx_ev, "bad stop+parity", 2); exp_cnt[1]++; }
	for (int n : {1, 5, 10}) {
		SendOpts o; o.nbits = n;
		dev_send(0x55, o);
		b->run_us(300);
		Ev e;
		expect(rx_ev, "cut frame", 3, -1, &e);
		exp_cnt[2]++;
	}
	dev_send(0x5a);
	expect(rx_ev, "rx after errors", 0, 0x5a);
	check_counters("after rx errors");
	printf("rx errors: parity, framing, timeout ok\n");

	/* 4. send errors */
	{
		host_send(0xed);
		RecvOpts o; o.no_ack = true;
		int got = dev_receive(o);
		CHECK(got == 0xed, "no-ack case: device got %02x", got & 0xff);
		expect(tx_ev, "no ack", 1);
		exp_cnt[3]++;
	}
	{
		host_send(0xff);
		uint64_t t_acc = cycles;
		RecvOpts o; o.never_clock = true;
		dev_receive(o);
		uint64_t t_rel = cycles;
		b->run_us(16000);
		Ev e;
		expect(tx_ev, "never clocks", 2, -1, &e);
		double dt_ms = (e.cyc - t_rel) * NS_PER_CYC / 1e6;
		CHECK(dt_ms >= 14.9 && dt_ms <= 15.2, "no-clock error after %.2f ms (want 15)", dt_ms);
		CHECK(b->clk() && b->data(), "lines not released after no-clock error");
		(void)t_acc;
		exp_cnt[4]++;
	}
	{
		host_send(0xf4);
		RecvOpts o; o.half = 150; o.max_clocks = 7;	/* falls at 0..1800 us */
		uint64_t t0 = cycles;
		dev_receive(o);
		b->run_us(500);
		Ev e;
		expect(tx_ev, "slow device", 3, -1, &e);
		CHECK(b->data(), "DATA not released after byte timeout");
		(void)t0;
		exp_cnt[5]++;
	}
	host_send(0xf2);
	CHECK(dev_receive() == 0xf2, "send after errors");
	expect(tx_ev, "send after errors", 0);
	expect_none("after tx errors");
	check_counters("after tx errors");
	printf("tx errors: no ack, no clock (15 ms), slow byte (2 ms) ok\n");

	/* 5. glitches on CLK and DATA while idle are filtered out */
	for (int i = 0; i < 20; i++) {
		(i & 1 ? b->m_data_low : b->m_clk_low) = true;
		b->run_cyc(1 + rnd() % 6);	/* up to 0.5 us */
		b->m_clk_low = b->m_data_low = false;
		b->run_us(rnd_range(20, 100));
	}
	expect_none("glitches");
	dev_send(0x33);
	expect(rx_ev, "rx after glitches", 0, 0x33);

	/* 6. inhibit: CLK held low, not ready; a frame cut by inhibit is dropped silently */
	dut->i_inhibit = 1;
	b->run_us(150);
	CHECK(!b->clk(), "inhibit: CLK not low");
	CHECK(!dut->o_tx_ready, "inhibit: o_tx_ready high");
	dut->i_inhibit = 0;
	b->run_us(20);
	CHECK(b->clk(), "inhibit released: CLK still low");
	{
		SendOpts o; o.nbits = 5;
		dev_send(0x44, o);
		dut->i_inhibit = 1;
		b->run_us(400);
		dut->i_inhibit = 0;
		b->run_us(100);
		expect_none("inhibit mid-frame");
	}
	dev_send(0x45);
	expect(rx_ev, "rx after inhibit", 0, 0x45);

	/* 7. stuck-low CLK (device), then released: one timeout, no lockup */
	{
		SendOpts o; o.nbits = 3;
		dev_send(0x12, o);
		b->m_clk_low = true;
		b->run_us(20000);
		b->m_clk_low = false;
		b->run_us(100);
		expect(rx_ev, "stuck low during rx", 3);
		exp_cnt[2]++;
		/* send while CLK is stuck low: no clock error */
		b->m_clk_low = true;	/* this falling edge starts a frame that times out */
		b->run_us(300);
		expect(rx_ev, "CLK stuck low again", 3);
		exp_cnt[2]++;
		host_send(0xee);
		b->run_us(16000);
		expect(tx_ev, "send into stuck CLK", 2);
		exp_cnt[4]++;
		b->m_clk_low = false;
		b->run_us(100);
		expect_none("stuck released");
		host_send(0xee);
		CHECK(dev_receive() == 0xee, "send after stuck CLK");
		expect(tx_ev, "send after stuck CLK", 0);
		dev_send(0xee);
		expect(rx_ev, "rx after stuck CLK", 0, 0xee);
	}
	check_counters("end");
	dut->i_cnt_clear = 1;
	b->tick();
	dut->i_cnt_clear = 0;
	b->tick();
	memset(exp_cnt, 0, sizeof exp_cnt);
	check_counters("after clear");
	printf("glitch filter, inhibit, stuck-low CLK recovery ok\n");

	dut->final();
	delete b;
	delete dut;
	printf("ps2_host: %s (%u failures, %.1f ms simulated)\n", errors ? "FAIL" : "PASS",
	       errors, now_us() / 1000);
	return errors ? 1 : 0;
}
