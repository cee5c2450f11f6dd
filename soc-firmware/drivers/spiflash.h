/* SPDX-License-Identifier: MIT */
/*
 * spiflash.h - SPI NOR flash through the SPI controller's manual (byte engine) mode:
 * read, 4 KiB sector / 64 KiB block erase, page program, JEDEC id. While manual mode is on
 * the flash read window stalls, so these functions live in RAM (FW_RAMFUNC) for builds that
 * execute in place. Offsets are flash byte offsets (not CPU addresses).
 */
#ifndef KVMOSD_FW_SPIFLASH_H
#define KVMOSD_FW_SPIFLASH_H

#include <stdint.h>

#include "flash_guard.h"	/* enum spiflash_err, the write policy */

#define SPIFLASH_PAGE		256u
#define SPIFLASH_SECTOR		4096u
#define SPIFLASH_BLOCK		65536u

#define FW_RAMFUNC __attribute__((section(".ramtext"), noinline))

/*
 * Called while waiting for an erase or program to finish (e.g. kick the watchdog: a 64 KiB
 * erase can take a second or more). NULL = none.
 */
void spiflash_set_wait_hook(void (*hook)(void));

uint32_t spiflash_jedec_id(void);
void spiflash_read(uint32_t off, void *buf, uint32_t len);
int spiflash_erase_sector(uint32_t off);	/* 4 KiB */
int spiflash_erase_block(uint32_t off);		/* 64 KiB */
int spiflash_program(uint32_t off, const void *buf, uint32_t len);

#endif /* KVMOSD_FW_SPIFLASH_H */
