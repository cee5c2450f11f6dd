// SPDX-License-Identifier: MIT
/*
 * ps2_link.cpp - PS/2 device-end and host-end line engines (see ps2_link.h).
 */
#include "models/ps2_link.h"

#include <cstdio>

namespace ps2 {

std::string hex_bytes(const std::vector<uint8_t> &v)
{
	std::string s;
	char t[4];

	for (size_t i = 0; i < v.size(); i++) {
		snprintf(t, sizeof(t), "%02X", v[i]);
		if (i)
			s += ' ';
		s += t;
	}
	return s;
}

/* ---------------------------------------------------------------- device end */

void Ps2DevLink::reply(const std::vector<uint8_t> &b)
{
	for (uint8_t x : b)
		reply_q_.push_back(x);
}

void Ps2DevLink::data(const std::vector<uint8_t> &b)
{
	if (!b.empty())
		data_q_.push_back(b);
}

void Ps2DevLink::clear_data()
{
	bool busy = st_ == TX_SETUP || st_ == TX_LOW || st_ == TX_HIGH;

	if (busy && cur_is_data_) {
		/* the byte on the wire finishes; the rest of its chunk and the queue go */
		std::vector<uint8_t> cur = { cur_ };
		data_q_.clear();
		data_q_.push_back(cur);
		data_pos_ = 0;
		return;
	}
	data_q_.clear();
	data_pos_ = 0;
}

void Ps2DevLink::clear_all()
{
	reply_q_.clear();
	data_q_.clear();
	data_pos_ = 0;
	rx.clear();
	clk_low_ = dat_low_ = false;
	st_ = IDLE;
}

bool Ps2DevLink::idle() const
{
	return st_ == IDLE && reply_q_.empty() && data_q_.empty();
}

void Ps2DevLink::host_err(const char *what)
{
	host_errors++;
	last_host_error = what;
}

void Ps2DevLink::start_tx(uint64_t cyc)
{
	if (!reply_q_.empty()) {
		cur_ = reply_q_.front();
		cur_is_data_ = false;
	} else {
		cur_ = data_q_.front()[data_pos_];
		cur_is_data_ = true;
	}
	bits_[0] = 0;
	for (int i = 0; i < 8; i++)
		bits_[1 + i] = (cur_ >> i) & 1;
	bits_[9] = odd_parity(cur_);
	bits_[10] = 1;
	bit_ = 0;
	dat_low_ = true;		/* start bit, CLK high */
	st_ = TX_SETUP;
	t_next_ = cyc + us(20);
}

void Ps2DevLink::abort_tx()
{
	clk_low_ = dat_low_ = false;
	aborts++;
	if (cur_is_data_ && chunk_resend)
		data_pos_ = 0;
	st_ = IDLE;
}

void Ps2DevLink::step(uint64_t cyc, bool clk, bool dat)
{
	if (!enabled) {
		clk_low_ = dat_low_ = false;
		st_ = IDLE;
		host_clk_low_seen_ = false;
		clk_prev_ = clk;
		dat_prev_ = dat;
		return;
	}
	switch (st_) {
	case IDLE:
		if (!clk || !dat)
			t_high_since_ = cyc;
		if (!clk) {
			if (!host_clk_low_seen_) {
				host_clk_low_seen_ = true;
				t_clk_fell_ = cyc;
			}
			break;
		}
		if (!dat) {
			/* request to send: CLK was held low, DATA low, CLK released */
			if (!host_clk_low_seen_)
				host_err("DATA pulled low without CLK low first");
			else if (!rts_unsure_ && cyc - t_clk_fell_ < us(100))
				host_err("request-to-send: CLK low < 100 us");
			host_clk_low_seen_ = false;
			rts_unsure_ = false;
			st_ = RX_GAP;
			t_next_ = cyc + us(50);
			break;
		}
		host_clk_low_seen_ = false;
		rts_unsure_ = false;
		if (cyc - t_high_since_ >= us(50) &&
		    (!reply_q_.empty() || (!data_q_.empty() && !hold_data)))
			start_tx(cyc);
		break;
	case TX_SETUP:
		if (!clk) {
			abort_tx();
			host_clk_low_seen_ = true;
			t_clk_fell_ = cyc;
			t_high_since_ = cyc;
			break;
		}
		if (cyc >= t_next_) {
			clk_low_ = true;
			t_fall_ = cyc;
			st_ = TX_LOW;
			t_next_ = cyc + us(40);
		}
		break;
	case TX_LOW:
		if (cyc >= t_next_) {
			clk_low_ = false;
			t_rel_ = cyc;
			bit_++;
			st_ = TX_HIGH;
			t_next_ = cyc + us(20);
		}
		break;
	case TX_HIGH:
		/* inhibit before the 11th clock aborts; checked from 5 us after the rise */
		if (bit_ < 11 && !clk && cyc >= t_rel_ + us(5)) {
			bool unsure = cyc <= t_rel_ + us(5);

			abort_tx();
			host_clk_low_seen_ = true;
			rts_unsure_ = unsure;
			t_clk_fell_ = cyc;
			t_high_since_ = cyc;
			break;
		}
		if (cyc < t_next_)
			break;
		if (bit_ == 11) {
			sent.push_back({ cur_, t_fall_ });
			sent_is_data.push_back(cur_is_data_);
			last_sent = cur_;
			if (!cur_is_data_) {
				reply_q_.pop_front();
			} else if (++data_pos_ >= data_q_.front().size()) {
				data_q_.pop_front();
				data_pos_ = 0;
				chunks_done.push_back(t_fall_);
			}
			dat_low_ = false;
			st_ = IDLE;
			t_high_since_ = cyc;
			break;
		}
		dat_low_ = !bits_[bit_];
		st_ = TX_SETUP;
		t_next_ = cyc + us(20);
		break;
	case RX_GAP:
		if (!clk) {		/* host gave up */
			st_ = IDLE;
			break;
		}
		if (cyc >= t_next_) {
			if (dat) {
				host_err("request-to-send: DATA released before the first clock");
				st_ = IDLE;
				break;
			}
			rx_k_ = 0;
			rx_val_ = 0;
			extra_ = 0;
			rx_framing_ = false;
			clk_low_ = true;
			st_ = RX_LOW;
			t_next_ = cyc + us(40);
		}
		break;
	case RX_LOW:
		if (cyc < t_next_)
			break;
		/* the device samples DATA as it releases CLK (rising edge) */
		clk_low_ = false;
		t_rel_ = cyc;
		rx_k_++;
		if (rx_k_ <= 8)
			rx_val_ |= (unsigned)dat << (rx_k_ - 1);
		else if (rx_k_ == 9)
			rx_par_ = dat;
		st_ = RX_HIGH;
		t_next_ = cyc + us(40);
		if (rx_k_ >= 10) {
			if (dat) {		/* stop bit 1: ACK 20 us into this high phase */
				st_ = RX_ACK;
				t_next_ = cyc + us(20);
			} else {
				rx_framing_ = true;
				if (++extra_ > 31) {
					host_err("stop bit never released");
					st_ = IDLE;
				}
			}
		}
		break;
	case RX_HIGH:
		if (!clk && cyc >= t_rel_ + us(5)) {	/* host aborted the transfer */
			clk_low_ = dat_low_ = false;
			st_ = IDLE;
			host_clk_low_seen_ = true;
			rts_unsure_ = true;
			t_clk_fell_ = cyc;
			break;
		}
		if (dat != dat_prev_)
			host_err("host changed DATA while CLK high");
		if (cyc >= t_next_) {
			clk_low_ = true;
			st_ = RX_LOW;
			t_next_ = cyc + us(40);
		}
		break;
	case RX_ACK:
		if (cyc < t_next_) {
			if (!dat_low_ && dat != dat_prev_)
				host_err("host changed DATA while CLK high");
			break;
		}
		if (!dat_low_) {
			dat_low_ = true;	/* ACK bit, CLK high */
			t_next_ = cyc + us(20);
			break;
		}
		clk_low_ = true;
		st_ = RX_ACKLOW;
		t_next_ = cyc + us(40);
		break;
	case RX_ACKLOW:
		if (cyc >= t_next_) {
			clk_low_ = false;
			st_ = RX_ACKEND;
			t_next_ = cyc + us(20);
		}
		break;
	case RX_ACKEND:
		if (cyc >= t_next_) {
			dat_low_ = false;
			rx.push_back({ (uint8_t)rx_val_,
				       rx_framing_ || rx_par_ != odd_parity((uint8_t)rx_val_) });
			/* a data chunk cut by the command goes again, whole, after the reply */
			data_pos_ = 0;
			st_ = IDLE;
			t_high_since_ = cyc;
		}
		break;
	}
	clk_prev_ = clk;
	dat_prev_ = dat;
}

/* ---------------------------------------------------------------- host end */

void Ps2HostLink::terr(uint64_t cyc, const char *fmt, double v)
{
	char buf[160];

	timing_errors++;
	snprintf(buf, sizeof(buf), "t=%.1f us: ", cyc_to_us(cyc));
	last_error = buf;
	snprintf(buf, sizeof(buf), fmt, v);
	last_error += buf;
}

bool Ps2HostLink::send(uint8_t b)
{
	if (st_ != MON)
		return false;
	tx_ = b;
	st_ = RTS;
	t_next_ = 0;		/* set at the next step */
	send_result = 0;
	clk_low_ = true;
	nb_ = 0;
	return true;
}

void Ps2HostLink::end_send(uint64_t cyc, int result)
{
	clk_low_ = dat_low_ = false;
	put_pending_ = false;
	st_ = MON;
	send_result = result;
	t_send_end = cyc;
	nb_ = 0;
}

void Ps2HostLink::step(uint64_t cyc, bool clk, bool dat)
{
	bool dev_drives_clk = !clk_low();

	/* monitor: device frames and device clock timing */
	if (clk != clk_prev_) {
		if (!clk) {
			low_by_dev_ = dev_drives_clk;
			if (low_by_dev_) {
				bool sending = st_ == BITS || st_ == WAIT_REL;
				bool in_frame = sending ? falls_ > 0 : nb_ > 0;

				if (in_frame) {
					double per = cyc_to_us(cyc - t_fall_), hi = cyc_to_us(cyc - t_rise_);

					if (per < 60 || per > 100)
						terr(cyc, "CLK period %.1f us", per);
					if (hi < 30 || hi > 50)
						terr(cyc, "CLK high %.1f us", hi);
				}
				if (st_ == MON) {
					if (nb_ == 0)
						t_start_ = cyc;
					else if (cyc - t_dchange_ < us(5))
						terr(cyc, "DATA changed %.1f us before CLK fall",
						     cyc_to_us(cyc - t_dchange_));
					bits_[nb_++] = dat;
					if (nb_ == 11) {
						unsigned v = 0;

						for (int i = 0; i < 8; i++)
							v |= (unsigned)bits_[1 + i] << i;
						if (bits_[0] != 0 || bits_[10] != 1 ||
						    bits_[9] != odd_parity((uint8_t)v))
							terr(cyc, "bad frame (byte %.0f)", v);
						else
							rx.push_back({ (uint8_t)v, t_start_ });
						nb_ = 0;
					}
				} else if (st_ == BITS) {
					falls_++;
					if (falls_ == 1)
						t_first_fall_ = cyc;
					if (falls_ <= 10) {
						put_pending_ = true;
						t_put_ = cyc + us(3);
					} else {
						if (dat)
							terr(cyc, "no ACK to byte %.0f", tx_);
						st_ = WAIT_REL;
						t_next_ = cyc + us(1000);
						if (dat) {
							end_send(cyc, -1);
						}
					}
				}
				t_last_fall_ = cyc;
			}
			t_fall_ = cyc;
		} else {
			if (low_by_dev_ && dev_drives_clk) {
				double lo = cyc_to_us(cyc - t_fall_);

				if (lo < 30 || lo > 50)
					terr(cyc, "CLK low %.1f us", lo);
			}
			low_by_dev_ = false;
			t_rise_ = cyc;
		}
	}
	if (dat != dat_prev_) {
		if (st_ == MON && !dat_low_ && nb_ > 0) {
			if (!clk)
				terr(cyc, "DATA changed while CLK low (bit %.0f)", nb_);
			else if (cyc - t_rise_ < us(5))
				terr(cyc, "DATA changed %.1f us after CLK rise", cyc_to_us(cyc - t_rise_));
		}
		t_dchange_ = cyc;
	}
	if (clk_low()) {
		nb_ = 0;	/* inhibit or request-to-send: a partial frame is void */
		low_by_dev_ = false;
	}
	if (clk != clk_prev_ || dat != dat_prev_ || !clk || !dat)
		t_quiet_ = cyc;
	if (st_ == MON && nb_ > 0 && cyc - t_last_fall_ > us(2000)) {
		terr(cyc, "frame stopped after %.0f bits", nb_);
		nb_ = 0;
	}

	/* sender */
	switch (st_) {
	case MON:
		break;
	case RTS:
		if (!t_next_)
			t_next_ = cyc + us(110);
		if (cyc >= t_next_) {
			dat_low_ = true;	/* start bit */
			st_ = RTS2;
			t_next_ = cyc + us(10);
		}
		break;
	case RTS2:
		if (cyc >= t_next_) {
			clk_low_ = false;
			st_ = BITS;
			falls_ = 0;
			t_next_ = cyc + us(15000);
		}
		break;
	case BITS:
		if (put_pending_ && cyc >= t_put_) {
			int bit = falls_ <= 8 ? (tx_ >> (falls_ - 1)) & 1
				: falls_ == 9 ? odd_parity(tx_) : 1;

			dat_low_ = !bit;
			put_pending_ = false;
		}
		if (falls_ == 0 && cyc >= t_next_) {
			last_error = "device did not clock within 15 ms";
			end_send(cyc, -1);
		} else if (falls_ > 0 && cyc - t_first_fall_ > us(2000)) {
			last_error = "byte not done within 2 ms";
			end_send(cyc, -1);
		}
		break;
	case WAIT_REL:
		if (clk && dat)
			end_send(cyc, 1);
		else if (cyc >= t_next_) {
			last_error = "lines not released after ACK";
			end_send(cyc, -1);
		}
		break;
	}
	clk_prev_ = clk;
	dat_prev_ = dat;
}

} // namespace ps2
