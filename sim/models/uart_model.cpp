// SPDX-License-Identifier: MIT
/* uart_model: see uart_model.h. */
#include "uart_model.h"

void UartModel::send(uint8_t byte, bool bad_stop)
{
	/* bit 0 first: start (0), 8 data bits LSB first, stop (1, or 0 if bad_stop) */
	uint16_t frame = (uint16_t)((byte << 1) | (bad_stop ? 0 : 0x200));

	tx_frames_.push_back(frame);
}

void UartModel::send(const std::string &s)
{
	for (unsigned char c : s)
		send(c);
}

uint8_t UartModel::rx_pop()
{
	uint8_t b = rx_.front();

	rx_.pop_front();
	return b;
}

bool UartModel::step(bool dut_tx)
{
	/* receive */
	switch (rx_state_) {
	case 0:
		if (!dut_tx) {
			rx_state_ = 1;
			rx_cnt_ = cpb_ / 2;
		}
		break;
	default:
		if (rx_cnt_ > 1) {
			rx_cnt_--;
			break;
		}
		rx_cnt_ = cpb_;
		if (rx_state_ == 1) {
			rx_state_ = dut_tx ? 0 : 2; /* false start if high at mid-bit */
		} else if (rx_state_ <= 9) {
			rx_shift_ = (uint8_t)((rx_shift_ >> 1) | (dut_tx ? 0x80 : 0));
			rx_state_++;
		} else {
			if (dut_tx) {
				rx_.push_back(rx_shift_);
				rx_text.push_back((char)rx_shift_);
			} else {
				framing_errors++;
			}
			rx_state_ = 0;
		}
		break;
	}

	/* transmit */
	if (tx_bits_left_ == 0 && !tx_frames_.empty()) {
		tx_frame_ = tx_frames_.front();
		tx_frames_.pop_front();
		tx_bits_left_ = 10;
		tx_cnt_ = 0;
	}
	if (tx_bits_left_) {
		tx_level_ = tx_frame_ & 1;
		if (++tx_cnt_ == cpb_) {
			tx_cnt_ = 0;
			tx_frame_ >>= 1;
			tx_bits_left_--;
		}
	} else {
		tx_level_ = true;
	}
	return tx_level_;
}
