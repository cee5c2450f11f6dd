// SPDX-License-Identifier: MIT
/*
 * tb_ps2_dev.cpp - Verilator testbench of rtl/kvm/ps2_dev.v.
 *
 * The model is a PC host (the 8042 side). A monitor checks every clock the DUT makes:
 * CLK low and high 30-50 us, falling-edge period 60-100 us inside a frame, DATA changing
 * only while CLK is high, >= 5 us after the rise and >= 5 us before the fall; it decodes
 * device->host frames (start, parity, stop). The host sends commands with request-to-send
 * (CLK low 110 us, DATA low, CLK released), changes DATA 5-10 us after each device falling
 * edge and checks the ACK. Faults: inhibit before and in the middle of a byte, request-to-
 * send during a device send, bad parity, stop bit held low (framing), CLK stuck low.
 * A small "layer above" feeds bytes through o_ready/i_valid and resends on o_tx_aborted.
 *   Vps2_dev [--seed N]      exit 0 when every check passed
 */
#include <cstring>
#include <deque>
#include <vector>

#include "Vps2_dev.h"
#include "ps2_tb.h"

using namespace ps2tb;

namespace {

Vps2_dev *dut;
Bench<Vps2_dev> *b;

/* ---- host monitor ---- */
enum Mode { LISTEN, SEND };
Mode mode = LISTEN;
bool prev_c = true, prev_d = true;
uint64_t t_fall = 0, t_rise = 0, t_dchange = 0;
bool low_by_dev = false;		/* the current CLK low phase was started by the device */
int nb = 0, bits[11];
int send_falls = 0;
std::deque<int> host_rx;		/* bytes decoded by the host */
unsigned frame_errors = 0;

double us_since(uint64_t t) { return (cycles - t) * NS_PER_CYC / 1000.0; }

void monitor() {
	bool c = b->clk(), dt = b->data();
	if (b->m_clk_low) {
		nb = 0;				/* host inhibit: a partial frame is void */
		low_by_dev = false;
	}
	if (c != prev_c) {
		if (!c) {			/* falling edge */
			low_by_dev = !b->m_clk_low;
			if (low_by_dev) {
				bool in_frame = mode == LISTEN ? nb > 0 : send_falls > 0;
				if (in_frame) {
					check_dev_clk_fall(us_since(t_fall), us_since(t_rise));
				}
				if (mode == LISTEN) {
					double s = us_since(t_dchange);
					CHECK(nb == 0 || s >= 5, "DATA changed %.1f us before CLK fall", s);
					bits[nb++] = dt;
					if (nb == 11) {
						unsigned v;
						bool ok = decode_frame(bits, &v);
						CHECK(ok, "bad frame from device (byte %02x)", v);
						if (!ok)
							frame_errors++;
						host_rx.push_back(v);
						nb = 0;
					}
				} else {
					send_falls++;
				}
			}
			t_fall = cycles;
		} else {			/* rising edge */
			if (low_by_dev && !b->m_clk_low) {
				check_dev_clk_low(us_since(t_fall));
			}
			t_rise = cycles;
		}
	}
	if (dt != prev_d) {
		if (mode == LISTEN && !b->m_data_low && nb > 0) {
			CHECK(c, "DATA changed while CLK low (bit %d)", nb);
			CHECK(!c || us_since(t_rise) >= 5, "DATA changed %.1f us after CLK rise",
			      us_since(t_rise));
		}
		t_dchange = cycles;
	}
	prev_c = c;
	prev_d = dt;
}

/* ---- layer above: feeds bytes, resends on abort; DUT receive events ---- */
std::deque<uint8_t> feed;
int last_sent = -1;
bool ready_prev = false;
unsigned tx_done = 0, tx_aborted = 0;
struct Ev {
	int kind;
	unsigned data;
};
std::deque<Ev> dut_rx;

void on_cycle() {
	monitor();
	if (dut->o_tx_done)
		tx_done++;
	if (dut->o_tx_aborted) {
		tx_aborted++;
		CHECK(last_sent >= 0, "abort without a byte");
		if (last_sent >= 0)
			feed.push_front((uint8_t)last_sent);
	}
	if (dut->o_rx_valid)
		dut_rx.push_back({0, dut->o_rx_data});
	if (dut->o_rx_error)
		dut_rx.push_back({dut->o_rx_err, dut->o_rx_data});
	if (dut->i_valid) {
		if (ready_prev) {
			last_sent = feed.front();
			feed.pop_front();
		}
		dut->i_valid = 0;
	}
	if (!feed.empty() && dut->o_ready) {
		dut->i_valid = 1;
		dut->i_data = feed.front();
	}
	ready_prev = dut->o_ready;
}

bool drained() { return feed.empty() && !dut->i_valid && !dut->o_busy; }

void wait_drained(double timeout_us = 200000) {
	CHECK(b->run_until(drained, timeout_us), "send queue not drained");
	b->run_us(100);
}

/* ---- host sends a command ---- */
struct CmdOpts {
	bool bad_parity = false;
	int fe_extra = 0;		/* hold DATA low for the stop bit and fe_extra-1 more clocks */
};

bool wait_dev_fall(double timeout_us) {
	if (!b->run_until([] { return b->clk(); }, timeout_us))
		return false;
	return b->run_until([] { return !b->clk(); }, timeout_us);
}

/* returns the number of device clocks, or -1 */
int host_cmd(uint8_t v, CmdOpts o = {}) {
	b->m_clk_low = true;
	b->run_us(110);
	mode = SEND;
	send_falls = 0;
	b->m_data_low = true;
	b->run_us(rnd_range(5, 20));
	b->m_clk_low = false;
	int release_at = 10 + o.fe_extra;
	int k = 0;
	for (;;) {
		if (!wait_dev_fall(15000)) {
			FAIL("device stopped clocking at clock %d", k);
			b->m_data_low = false;
			mode = LISTEN;
			return -1;
		}
		k++;
		if (k > release_at)
			break;
		b->run_us(rnd_range(5, 10));
		int bit = k <= 8 ? (v >> (k - 1)) & 1
			: k == 9 ? odd_parity(v) ^ (o.bad_parity ? 1 : 0)
			: k == release_at ? 1 : 0;
		b->m_data_low = !bit;
	}
	/* ACK: this falling edge must see DATA low, and DATA went low while CLK was high */
	CHECK(!b->data(), "no ACK from device (clock %d)", k);
	CHECK(us_since(t_dchange) >= 5, "ACK DATA low only %.1f us before CLK fall",
	      us_since(t_dchange));
	bool rel = b->run_until([] { return b->clk() && b->data(); }, 100);
	CHECK(rel, "device did not release the lines after ACK");
	mode = LISTEN;
	nb = 0;
	return k;
}

Ev expect_rx(const char *what, int kind, int data) {
	b->run_us(5);
	Ev e{-1, 0};
	if (dut_rx.empty()) {
		FAIL("%s: no receive event", what);
		return e;
	}
	e = dut_rx.front();
	dut_rx.pop_front();
	CHECK(e.kind == kind && (data < 0 || e.data == (unsigned)data),
	      "%s: got kind %d data %02x, want kind %d data %02x", what, e.kind, e.data, kind,
	      data & 0xff);
	CHECK(dut_rx.empty(), "%s: extra receive events", what);
	dut_rx.clear();
	return e;
}

} // namespace

int main(int argc, char **argv) {
	parse_args(argc, argv);
	dut = new Vps2_dev;
	b = new Bench<Vps2_dev>(dut);
	b->on_cycle = on_cycle;
	b->reset();
	b->run_us(100);
	CHECK(b->clk() && b->data(), "lines not released after reset");
	CHECK(dut->o_ready, "not ready 100 us after reset");

	/* 1. device -> host: random bytes, checked by the timing monitor */
	std::vector<int> sent;
	for (int i = 0; i < 200; i++) {
		uint8_t v = rnd() & 0xff;
		feed.push_back(v);
		sent.push_back(v);
	}
	wait_drained();
	CHECK(std::vector<int>(host_rx.begin(), host_rx.end()) == sent,
	      "host received %zu bytes, not the 200 sent (or different)", host_rx.size());
	CHECK(tx_done == 200 && tx_aborted == 0, "tx_done %u aborted %u", tx_done, tx_aborted);
	host_rx.clear();
	printf("device->host: 200 random bytes ok\n");

	/* 2. inhibit in the middle of a byte: abort, lines released, resend whole */
	for (int i = 0; i < 40; i++) {
		uint8_t v = rnd() & 0xff;
		unsigned ab0 = tx_aborted;
		feed.push_back(v);
		int k = 1 + rnd() % 10;
		CHECK(b->run_until([k] { return nb >= k; }, 2000), "byte did not start");
		b->run_us(rnd() & 1 ? rnd_range(2, 35) : rnd_range(45, 70));
		b->m_clk_low = true;
		b->run_us(100);
		CHECK(tx_aborted == ab0 + 1, "inhibit after %d clocks: no abort", k);
		CHECK(!dut->o_clk_drive_low && !dut->o_data_drive_low,
		      "lines not released while inhibited");
		CHECK(!dut->o_ready, "ready while inhibited");
		b->run_us(rnd_range(0, 200));
		b->m_clk_low = false;
		wait_drained();
		CHECK(host_rx.size() == 1 && host_rx.front() == v, "resend after abort: got %zu bytes",
		      host_rx.size());
		host_rx.clear();
	}
	/* inhibit before a byte: nothing happens until CLK is released */
	b->m_clk_low = true;
	b->run_us(20);
	feed.push_back(0xaa);
	for (int i = 0; i < 300; i++) {
		b->run_us(1);
		CHECK(!dut->o_clk_drive_low && !dut->o_data_drive_low, "drives a line while inhibited");
	}
	b->m_clk_low = false;
	wait_drained();
	CHECK(host_rx.size() == 1 && host_rx.front() == 0xaa, "byte after inhibit");
	host_rx.clear();
	printf("inhibit: 40 mid-byte aborts resent, inhibit before send ok\n");

	/* 3. host -> device commands */
	for (int i = 0; i < 100; i++) {
		uint8_t v = rnd() & 0xff;
		int n = host_cmd(v);
		CHECK(n == 11, "command took %d clocks", n);
		expect_rx("command", 0, v);
		b->run_us(rnd_range(0, 300));
	}
	printf("host->device: 100 random commands ok\n");

	/* 4. receive errors */
	host_cmd(0xed, CmdOpts{true, 0});
	expect_rx("bad parity", 1, 0xed);
	for (int m : {1, 3, 7}) {
		int n = host_cmd(0xf4, CmdOpts{false, m});
		CHECK(n == 11 + m, "framing (%d extra): %d clocks", m, n);
		expect_rx("framing", 2, -1);
	}
	CHECK(host_cmd(0xf2) == 11, "command after errors");
	expect_rx("after errors", 0, 0xf2);
	printf("host->device errors: parity, framing (keeps clocking, ACK) ok\n");

	/* 5. request-to-send in the middle of a device chunk */
	{
		unsigned ab0 = tx_aborted;
		const uint8_t chunk[3] = {0x08, 0x05, 0xfb};
		for (uint8_t v : chunk)
			feed.push_back(v);
		CHECK(b->run_until([] { return host_rx.size() == 1 && nb >= 5; }, 5000),
		      "chunk did not start");
		int n = host_cmd(0xff);
		CHECK(n == 11, "RTS during send: %d clocks", n);
		expect_rx("RTS during send", 0, 0xff);
		CHECK(tx_aborted == ab0 + 1, "RTS during send: no abort");
		wait_drained();
		CHECK(host_rx.size() == 3 && host_rx[0] == 0x08 && host_rx[1] == 0x05 &&
		      host_rx[2] == 0xfb, "chunk after RTS: %zu bytes", host_rx.size());
		host_rx.clear();
	}

	/* 6. CLK stuck low by the host for 20 ms, then released: no lockup */
	b->m_clk_low = true;
	feed.push_back(0xaa);
	b->run_us(20000);
	CHECK(host_rx.empty() && dut_rx.empty(), "traffic while CLK stuck low");
	b->m_clk_low = false;
	wait_drained();
	CHECK(host_rx.size() == 1 && host_rx.front() == 0xaa, "byte after stuck CLK");
	host_rx.clear();
	CHECK(host_cmd(0xee) == 11, "command after stuck CLK");
	expect_rx("after stuck CLK", 0, 0xee);
	CHECK(frame_errors == 0, "%u bad frames", frame_errors);
	printf("RTS during a chunk, stuck-low CLK recovery ok\n");

	dut->final();
	delete b;
	delete dut;
	printf("ps2_dev: %s (%u failures, %.1f ms simulated)\n", errors ? "FAIL" : "PASS", errors,
	       now_us() / 1000);
	return errors ? 1 : 0;
}
