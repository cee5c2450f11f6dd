/* SPDX-License-Identifier: MIT */
/*
 * spi_flash_model: pin-level SPI NOR flash (mode 0, single bit) over a caller-owned byte
 * array, for the kvmosd simulators. No Verilator dependency.
 *
 * Call step() once per clk_sys edge (or whenever a pin may have changed) with the current
 * CS#, SCK and MOSI levels; it returns the MISO level to present from now on. MOSI is
 * sampled on SCK rising edges, MISO changes after SCK falling edges.
 *
 * Commands: 03 read, 0B fast read, 9F JEDEC ID, 05 read status (bit0 WIP, bit1 WEL),
 * 06 WREN, 04 WRDI, 02 page program (AND into the array, address wraps inside the
 * 256-byte page), 20 sector erase 4 KiB, D8 block erase 64 KiB, B9 power-down,
 * AB release power-down (then returns the device ID byte), 66/99 reset enable / reset.
 * Program and erase start when CS# rises and keep WIP set for a configurable number of
 * step() calls; during that time only 05 is answered.
 *
 * Power loss: cut_power_after(n) makes the model lose power after n more programmed
 * bytes: the rest of that page is not written, and the model ignores the bus (MISO 0)
 * until power_on().
 */
#ifndef SPI_FLASH_MODEL_H
#define SPI_FLASH_MODEL_H

#include <cstddef>
#include <cstdint>

class SpiFlashModel {
public:
	static constexpr size_t DEFAULT_SIZE = 16u << 20;

	SpiFlashModel(uint8_t *mem, size_t size = DEFAULT_SIZE);

	/* One evaluation with the current pin levels; returns MISO. */
	bool step(bool cs_n, bool sck, bool mosi);

	/* Busy time (step() calls) of a page program and of the erases. */
	void set_delays(unsigned program, unsigned sector_erase, unsigned block_erase);
	/* Lose power after n more programmed bytes (negative: never). */
	void cut_power_after(long n) { cut_after_ = n; }
	bool powered() const { return powered_; }
	/* Restore power: like a fresh power-up (WEL, WIP and power-down cleared). */
	void power_on();

	bool busy() const { return busy_left_ != 0; }
	uint8_t status() const;

	/* Statistics for tests. */
	unsigned long commands = 0;
	unsigned long programmed_bytes = 0;
	unsigned long erases = 0;

	uint8_t jedec_id[3] = { 0xEF, 0x40, 0x18 }; /* W25Q128JV */
	uint8_t device_id = 0x17;

private:
	void cs_rise();
	void got_byte(uint8_t b);
	uint8_t next_out();
	void reset_state();

	uint8_t *mem_;
	size_t size_;
	unsigned program_delay_ = 200, sector_delay_ = 2000, block_delay_ = 8000;
	long cut_after_ = -1;
	bool powered_ = true;

	/* pins */
	bool prev_cs_n_ = true, prev_sck_ = false, miso_ = false;
	/* command decoding */
	unsigned bit_in_ = 0, nbytes_ = 0;
	uint8_t in_byte_ = 0, cmd_ = 0;
	uint32_t addr_ = 0;
	bool out_active_ = false;
	unsigned out_bit_ = 0;
	uint8_t out_byte_ = 0;
	unsigned out_index_ = 0;
	/* page program buffer */
	uint8_t page_[256];
	bool page_used_[256];
	uint32_t page_base_ = 0;
	unsigned page_off_ = 0;
	bool page_any_ = false;
	/* state */
	bool wel_ = false, deep_pd_ = false, reset_enabled_ = false;
	unsigned long busy_left_ = 0;
};

#endif /* SPI_FLASH_MODEL_H */
