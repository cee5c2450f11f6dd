/* SPDX-License-Identifier: MIT */
/*
 * ps2_link.h - pin-level PS/2 line engines for the kvmosd simulators (no Verilator
 * dependency). Both are stepped once per clk_sys cycle with the resolved line levels
 * (wired AND: line = !(other side pulls low) && !(this side pulls low)) and say through
 * clk_low()/dat_low() whether they pull a line low. Times are real PS/2 times
 * (reference/hardware.md section 2.1) converted from the clk_sys cycle count.
 *
 * Ps2DevLink: the device end (keyboard or mouse): generates the clock (40 us halves,
 * 12.5 kHz), sends queued bytes (DATA set 20 us after the rise, 20 us before the fall),
 * aborts on host inhibit (CLK seen low while released) and sends again, receives host
 * commands after a request-to-send (samples DATA at each rising edge, ACK), and checks
 * the host's side of the protocol (RTS CLK low >= 100 us, DATA changes only while CLK low).
 *
 * Ps2HostLink: the host end (a PC's 8042): decodes device frames at the CLK falling
 * edges and checks the device timing (CLK low/high 30-50 us, period 60-100 us, DATA only
 * changes while CLK is high, >= 5 us after the rise and >= 5 us before the fall, good
 * start/parity/stop); sends a byte with RTS (CLK low 110 us, DATA low, CLK released),
 * puts each bit on DATA after the device's falling edge and checks the ACK; can inhibit.
 */
#ifndef PS2_LINK_H
#define PS2_LINK_H

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ps2 {

constexpr uint64_t CYC_PER_US = 12;		/* clk_sys 12 MHz */
inline uint64_t us(double u) { return (uint64_t)(u * CYC_PER_US + 0.5); }
inline double cyc_to_us(uint64_t c) { return (double)c / CYC_PER_US; }
inline int odd_parity(uint8_t b) { return !__builtin_parity(b); }
std::string hex_bytes(const std::vector<uint8_t> &v);

struct TimedByte {
	uint8_t v;
	uint64_t t;		/* cycle: see each user */
};

class Ps2DevLink {
public:
	/* Queue bytes. Replies go before data. A data chunk (scan code, mouse packet) cut by
	 * an inhibit is sent again whole when chunk_resend is set, otherwise only the
	 * interrupted byte is sent again; an interrupted reply byte is always sent again. */
	void reply(const std::vector<uint8_t> &b);
	void data(const std::vector<uint8_t> &b);
	void clear_data();
	void clear_all();		/* also stops a byte in progress (device reset/unplug) */
	bool idle() const;		/* nothing queued, nothing on the wire */
	bool data_pending() const { return !data_q_.empty(); }

	void step(uint64_t cyc, bool clk, bool dat);
	bool clk_low() const { return clk_low_; }
	bool dat_low() const { return dat_low_; }

	bool chunk_resend = false;
	bool hold_data = false;		/* upper layer: no data bytes now (replies still go) */
	bool enabled = true;		/* false: unplugged, lines released, everything ignored */

	struct Rx {
		uint8_t v;
		bool err;		/* parity or framing error */
	};
	std::deque<Rx> rx;		/* received host bytes, for the upper layer */
	/* every completed byte, t = its 11th CLK falling edge (where the host samples the
	 * stop bit: the last edge the host needs; the last rise is 40 us later) */
	std::vector<TimedByte> sent;
	std::vector<bool> sent_is_data;
	std::vector<uint64_t> chunks_done;	/* 11th fall of the last byte of each data chunk */
	uint8_t last_sent = 0;
	unsigned aborts = 0;		/* sends cut by host inhibit */
	unsigned host_errors = 0;	/* host protocol violations seen */
	std::string last_host_error;

private:
	enum State { IDLE, TX_SETUP, TX_LOW, TX_HIGH, RX_GAP, RX_LOW, RX_HIGH, RX_ACK, RX_ACKLOW,
		     RX_ACKEND };
	void host_err(const char *what);
	void start_tx(uint64_t cyc);
	void abort_tx();

	State st_ = IDLE;
	bool clk_low_ = false, dat_low_ = false;
	uint64_t t_next_ = 0, t_rel_ = 0, t_fall_ = 0;
	uint64_t t_high_since_ = 0;	/* both lines high since (IDLE) */
	uint64_t t_clk_fell_ = 0;	/* host pulled CLK low at */
	bool clk_prev_ = true, dat_prev_ = true, host_clk_low_seen_ = false, rts_unsure_ = false;
	std::deque<uint8_t> reply_q_;
	std::deque<std::vector<uint8_t>> data_q_;
	size_t data_pos_ = 0;		/* next byte of data_q_.front() */
	bool cur_is_data_ = false;
	uint8_t cur_ = 0;
	int bits_[11] = {};
	int bit_ = 0;
	/* receive */
	unsigned rx_val_ = 0;
	int rx_k_ = 0, rx_par_ = 0, extra_ = 0;
	bool rx_framing_ = false;
};

class Ps2HostLink {
public:
	void step(uint64_t cyc, bool clk, bool dat);
	bool clk_low() const { return clk_low_ || inhibit; }
	bool dat_low() const { return dat_low_; }

	/* Start sending b; false if a send is in progress. The result comes in send_result:
	 * 1 ACKed, -1 failed (no clock / no ACK / timeout), 0 while busy. */
	bool send(uint8_t b);
	bool sending() const { return st_ != MON; }
	int send_result = 0;
	bool frame_in_progress() const { return nb_ > 0; }
	/* both lines high for at least q us (nothing on the wire) */
	bool quiet(uint64_t cyc, double q) const { return cyc - t_quiet_ >= us(q); }

	bool inhibit = false;		/* hold CLK low (a busy or never-reading host) */
	std::deque<TimedByte> rx;	/* device bytes, t = cycle of the frame's first CLK fall */
	unsigned timing_errors = 0;	/* device clock/data timing and frame errors */
	std::string last_error;
	uint64_t t_send_end = 0;	/* cycle the last send finished */

private:
	enum State { MON, RTS, RTS2, BITS, WAIT_REL };
	void terr(uint64_t cyc, const char *fmt, double v);
	void end_send(uint64_t cyc, int result);

	State st_ = MON;
	bool clk_low_ = false, dat_low_ = false;
	bool clk_prev_ = true, dat_prev_ = true;
	bool low_by_dev_ = false;
	uint64_t t_fall_ = 0, t_rise_ = 0, t_dchange_ = 0, t_start_ = 0, t_next_ = 0;
	uint64_t t_first_fall_ = 0, t_last_fall_ = 0, t_quiet_ = 0;
	int nb_ = 0, bits_[11] = {};
	uint8_t tx_ = 0;
	int falls_ = 0;
	bool put_pending_ = false;
	uint64_t t_put_ = 0;
};

} // namespace ps2

#endif /* PS2_LINK_H */
