/* SPDX-License-Identifier: MIT */
/*
 * bootload.h - the boot ROM's decisions, free of hardware access so they run natively in
 * unit tests: validate the header in the flash slot, choose copy-to-RAM or execute-in-place,
 * copy the payload.
 */
#ifndef KVMOSD_BOOTLOAD_H
#define KVMOSD_BOOTLOAD_H

#include <stdint.h>
#include "fwimage.h"

/* Where things are, as CPU addresses, plus the host pointer that stands for ram_base. */
struct boot_mem {
	uint32_t ram_base;
	uint32_t ram_size;
	uint32_t ram_reserve;	/* bytes at the top of RAM kept for the boot ROM's stack */
	uint8_t *ram;		/* ram_base as seen by this code */
	uint32_t payload_addr;	/* CPU address of the payload in the flash window */
};

enum boot_mode {
	BOOT_COPY = 0,		/* load_addr inside RAM: copy, check the copy, jump */
	BOOT_XIP = 1,		/* load_addr == payload_addr: check in place, jump */
};

/*
 * Validate the 32-byte header at slot and where it wants to go. Returns FWIMG_OK and sets
 * *mode, or an fwimg error (FWIMG_E_LOAD if the payload does not fit in RAM).
 */
int boot_plan(const uint8_t *slot, const struct boot_mem *m, struct fwimg_hdr *h,
	      enum boot_mode *mode);

/* Host pointer for a CPU address inside RAM (after boot_plan() accepted it). */
static inline uint8_t *boot_ram_ptr(const struct boot_mem *m, uint32_t addr)
{
	return m->ram + (addr - m->ram_base);
}

/* Copy len bytes (a multiple of 4) word by word: the flash window is word-addressed. */
void boot_copy(uint32_t *dst, const uint32_t *src, uint32_t len);

#endif /* KVMOSD_BOOTLOAD_H */
