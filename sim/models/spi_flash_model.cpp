// SPDX-License-Identifier: MIT
/* spi_flash_model: see spi_flash_model.h. */
#include "spi_flash_model.h"

#include <cstring>

enum {
	CMD_WRSR_UNUSED = 0x01,
	CMD_PP = 0x02,
	CMD_READ = 0x03,
	CMD_WRDI = 0x04,
	CMD_RDSR = 0x05,
	CMD_WREN = 0x06,
	CMD_FAST_READ = 0x0B,
	CMD_SE = 0x20,
	CMD_RSTEN = 0x66,
	CMD_RST = 0x99,
	CMD_JEDEC = 0x9F,
	CMD_RDP = 0xAB,
	CMD_PD = 0xB9,
	CMD_BE = 0xD8,
};

SpiFlashModel::SpiFlashModel(uint8_t *mem, size_t size) : mem_(mem), size_(size)
{
	reset_state();
}

void SpiFlashModel::set_delays(unsigned program, unsigned sector_erase, unsigned block_erase)
{
	program_delay_ = program;
	sector_delay_ = sector_erase;
	block_delay_ = block_erase;
}

void SpiFlashModel::reset_state()
{
	bit_in_ = 0;
	nbytes_ = 0;
	in_byte_ = 0;
	cmd_ = 0;
	addr_ = 0;
	out_active_ = false;
	out_bit_ = 0;
	out_index_ = 0;
	page_any_ = false;
	miso_ = false;
}

void SpiFlashModel::power_on()
{
	powered_ = true;
	wel_ = false;
	deep_pd_ = false;
	reset_enabled_ = false;
	busy_left_ = 0;
	prev_cs_n_ = true;
	prev_sck_ = false;
	reset_state();
}

uint8_t SpiFlashModel::status() const
{
	return (busy_left_ ? 0x01 : 0x00) | (wel_ ? 0x02 : 0x00);
}

bool SpiFlashModel::step(bool cs_n, bool sck, bool mosi)
{
	if (!powered_)
		return false;
	if (busy_left_ && --busy_left_ == 0)
		wel_ = false;

	if (cs_n) {
		if (!prev_cs_n_)
			cs_rise();
		prev_cs_n_ = true;
		prev_sck_ = sck;
		return false;
	}
	if (prev_cs_n_) { /* CS fell: new command */
		reset_state();
		prev_cs_n_ = false;
	}
	if (sck && !prev_sck_) { /* rising edge: sample MOSI */
		in_byte_ = (uint8_t)((in_byte_ << 1) | (mosi ? 1 : 0));
		if (++bit_in_ == 8) {
			bit_in_ = 0;
			got_byte(in_byte_);
		}
	} else if (!sck && prev_sck_ && out_active_) { /* falling edge: drive MISO */
		if (out_bit_ == 0)
			out_byte_ = next_out();
		miso_ = (out_byte_ >> (7 - out_bit_)) & 1;
		out_bit_ = (out_bit_ + 1) & 7;
	}
	prev_sck_ = sck;
	return miso_;
}

uint8_t SpiFlashModel::next_out()
{
	switch (cmd_) {
	case CMD_READ:
	case CMD_FAST_READ: {
		uint8_t b = mem_[addr_ % size_];
		addr_ = (uint32_t)((addr_ + 1) % size_);
		return b;
	}
	case CMD_RDSR:
		return status();
	case CMD_JEDEC:
		return out_index_ < 3 ? jedec_id[out_index_++] : 0x00;
	case CMD_RDP:
		return device_id;
	default:
		return 0xFF;
	}
}

void SpiFlashModel::got_byte(uint8_t b)
{
	unsigned n = nbytes_++;

	if (n == 0) {
		cmd_ = b;
		commands++;
		if (deep_pd_ && b != CMD_RDP) {
			cmd_ = 0;
			return;
		}
		if (busy_left_ && b != CMD_RDSR) {
			cmd_ = 0; /* busy: everything but status is ignored */
			return;
		}
		switch (b) {
		case CMD_RDSR:
		case CMD_JEDEC:
			out_active_ = true;
			break;
		case CMD_RDP:
			deep_pd_ = false;
			break;
		case CMD_RSTEN:
			reset_enabled_ = true;
			return;
		case CMD_RST:
			if (reset_enabled_) {
				wel_ = false;
				deep_pd_ = false;
			}
			break;
		default:
			break;
		}
		reset_enabled_ = false;
		return;
	}

	switch (cmd_) {
	case CMD_READ:
	case CMD_FAST_READ:
	case CMD_PP:
	case CMD_SE:
	case CMD_BE:
	case CMD_RDP:
		if (n <= 3) {
			addr_ = (addr_ << 8) | b;
			if (n == 3) {
				addr_ %= (uint32_t)size_;
				if (cmd_ == CMD_READ || cmd_ == CMD_RDP)
					out_active_ = true;
				if (cmd_ == CMD_PP) {
					page_base_ = addr_ & ~0xFFu;
					page_off_ = addr_ & 0xFF;
					memset(page_used_, 0, sizeof(page_used_));
				}
			}
			return;
		}
		if (cmd_ == CMD_FAST_READ && n == 4)
			out_active_ = true; /* after the dummy byte */
		if (cmd_ == CMD_PP) {
			page_[page_off_] = b;
			page_used_[page_off_] = true;
			page_off_ = (page_off_ + 1) & 0xFF;
			page_any_ = true;
		}
		return;
	default:
		return;
	}
}

void SpiFlashModel::cs_rise()
{
	/* Commands that take effect when CS# rises after a complete last byte. */
	bool whole = bit_in_ == 0;

	out_active_ = false;
	miso_ = false;
	if (!whole || nbytes_ == 0)
		return;
	switch (cmd_) {
	case CMD_WREN:
		if (nbytes_ == 1)
			wel_ = true;
		break;
	case CMD_WRDI:
		if (nbytes_ == 1)
			wel_ = false;
		break;
	case CMD_PD:
		if (nbytes_ == 1)
			deep_pd_ = true;
		break;
	case CMD_PP:
		if (!wel_ || !page_any_) {
			break;
		}
		for (unsigned i = 0; i < 256; i++) {
			if (!page_used_[i])
				continue;
			if (cut_after_ == 0) {
				powered_ = false;
				return;
			}
			mem_[(page_base_ + i) % size_] &= page_[i];
			programmed_bytes++;
			if (cut_after_ > 0)
				cut_after_--;
		}
		busy_left_ = program_delay_ ? program_delay_ : 1;
		break;
	case CMD_SE:
	case CMD_BE:
		if (!wel_ || nbytes_ != 4)
			break;
		{
			uint32_t len = cmd_ == CMD_SE ? 0x1000u : 0x10000u;
			uint32_t base = addr_ & ~(len - 1);

			memset(mem_ + base, 0xFF, len);
			erases++;
			busy_left_ = cmd_ == CMD_SE ? sector_delay_ : block_delay_;
			if (!busy_left_)
				busy_left_ = 1;
		}
		break;
	default:
		break;
	}
}
