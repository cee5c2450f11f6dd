/* SPDX-License-Identifier: MIT */
/* bootload.c - see bootload.h. */
#include "bootload.h"

int boot_plan(const uint8_t *slot, const struct boot_mem *m, struct fwimg_hdr *h,
	      enum boot_mode *mode)
{
	int err = fwimg_parse(slot, FWIMG_HDR_SIZE, h);
	uint32_t room;

	if (err)
		return err;
	room = m->ram_size - m->ram_reserve;
	if (h->load_addr == m->payload_addr) {
		*mode = BOOT_XIP;
		return FWIMG_OK;
	}
	/* whole words only, and the copy must stay below the boot ROM stack */
	if ((h->load_addr & 3u) || (h->length & 3u) ||
	    h->load_addr - m->ram_base >= room ||
	    h->length > room - (h->load_addr - m->ram_base))
		return FWIMG_E_LOAD;
	*mode = BOOT_COPY;
	return FWIMG_OK;
}

void boot_copy(uint32_t *dst, const uint32_t *src, uint32_t len)
{
	uint32_t n = len / 4;

	while (n--)
		*dst++ = *src++;
}
