/* SPDX-License-Identifier: MIT */
/*
 * uart_model: pin-level 8N1 UART for the kvmosd simulators (no Verilator dependency).
 * Call step() once per clk_sys cycle with the DUT's TX pin; it returns the level to drive
 * on the DUT's RX pin. clocks_per_bit = clk_sys / baud (12 for 1 Mbaud at 12 MHz).
 * Received bytes (from the DUT) collect in a queue; bytes to send are queued with send().
 * The receiver samples in the middle of each bit and counts framing errors.
 */
#ifndef UART_MODEL_H
#define UART_MODEL_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

class UartModel {
public:
	explicit UartModel(unsigned clocks_per_bit = 12) : cpb_(clocks_per_bit) {}

	bool step(bool dut_tx);

	void set_clocks_per_bit(unsigned cpb) { cpb_ = cpb; }
	/* Queue bytes for the DUT. bad_stop sends a 0 stop bit (framing error). */
	void send(uint8_t byte, bool bad_stop = false);
	void send(const std::string &s);
	bool tx_idle() const { return tx_frames_.empty() && tx_bits_left_ == 0; }

	bool rx_available() const { return !rx_.empty(); }
	uint8_t rx_pop();
	std::string rx_text;           /* every byte received, appended (for tests) */
	unsigned long framing_errors = 0;

private:
	unsigned cpb_;
	/* receiver (DUT TX -> model) */
	std::deque<uint8_t> rx_;
	int rx_state_ = 0; /* 0 idle, 1 start, 2..9 data, 10 stop */
	unsigned rx_cnt_ = 0;
	uint8_t rx_shift_ = 0;
	/* transmitter (model -> DUT RX) */
	std::deque<uint16_t> tx_frames_;
	uint16_t tx_frame_ = 0;
	unsigned tx_bits_left_ = 0, tx_cnt_ = 0;
	bool tx_level_ = true;
};

#endif /* UART_MODEL_H */
