/* SPDX-License-Identifier: MIT */
/* flash_guard.c - see flash_guard.h. */
#include "flash_guard.h"

int flash_guard_check(const struct flash_guard *g, uint32_t off, uint32_t len, uint32_t align)
{
	if (off < g->protect_end)
		return SPIFLASH_E_PROTECT;
	if (off >= g->size || len > g->size - off)
		return SPIFLASH_E_RANGE;
	if (align > 1 && (off & (align - 1)))
		return SPIFLASH_E_ALIGN;
	return SPIFLASH_OK;
}
