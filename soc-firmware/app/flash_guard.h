/* SPDX-License-Identifier: MIT */
/*
 * flash_guard.h - which SPI flash writes the firmware allows: never below the firmware slot
 * (the bitstream lives there), never past the end of the flash, erases aligned to their
 * size. Pure logic, used by drivers/spiflash before it touches the chip and unit-tested on
 * the host (soc-firmware/tests/test_flash_guard.c).
 */
#ifndef KVMOSD_FLASH_GUARD_H
#define KVMOSD_FLASH_GUARD_H

#include <stdint.h>

enum spiflash_err {
	SPIFLASH_OK = 0,
	SPIFLASH_E_ALIGN = -1,	/* erase offset not aligned to the erase size */
	SPIFLASH_E_RANGE = -2,	/* outside the flash */
	SPIFLASH_E_PROTECT = -3, /* would touch the bitstream area (offset < protect_end) */
};

struct flash_guard {
	uint32_t protect_end;	/* first writable offset (KVM_FLASH_FW_OFFSET) */
	uint32_t size;		/* flash size (KVM_FLASH_SIZE) */
};

/*
 * Checks a write (program: align = 1) or an erase (align = its size, a power of two) of
 * len bytes at off. Returns SPIFLASH_OK or the first reason it is refused.
 */
int flash_guard_check(const struct flash_guard *g, uint32_t off, uint32_t len, uint32_t align);

#endif /* KVMOSD_FLASH_GUARD_H */
