/* SPDX-License-Identifier: MIT */
/*
 * fwimage.h - firmware image header in SPI flash (docs/interfaces.md, docs/flash-layout.md).
 *
 * At flash offset KVM_FLASH_FW_OFFSET: a 32-byte header, then the payload.
 * All words little-endian:
 *
 *   +0  magic        FWIMG_MAGIC (0x5746564B, bytes "KVFW")
 *   +4  version      FWIMG_VERSION (1)
 *   +8  load_addr    where the payload goes (RAM), or its own flash-window address (XIP)
 *   +12 length       payload bytes, 1 .. FWIMG_MAX_PAYLOAD
 *   +16 entry        first instruction, inside [load_addr, load_addr + length)
 *   +20 payload_crc  CRC-32 (common/crc32.h) of the payload
 *   +24 build_id     free 32-bit tag (git short hash); informational only
 *   +28 header_crc   CRC-32 of bytes +0 .. +27
 *
 * Shared by the boot ROM, tools/mkfwimg.c and the host CLI: no allocation, no stdio.
 */
#ifndef KVMOSD_FWIMAGE_H
#define KVMOSD_FWIMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "kvmosd_regs.h"

#define FWIMG_MAGIC		0x5746564Bu
#define FWIMG_VERSION		1u
#define FWIMG_HDR_SIZE		32u
#define FWIMG_HDR_CRC_SPAN	28u
/* The payload must fit in the flash slot after the header. */
#define FWIMG_MAX_PAYLOAD	(KVM_FLASH_FW_SLOT_SIZE - FWIMG_HDR_SIZE)

struct fwimg_hdr {
	uint32_t magic;
	uint32_t version;
	uint32_t load_addr;
	uint32_t length;
	uint32_t entry;
	uint32_t payload_crc;
	uint32_t build_id;
	uint32_t header_crc;
};

/* Error codes: 0 = good; every failure has its own code and string. */
enum fwimg_err {
	FWIMG_OK = 0,
	FWIMG_E_TRUNCATED,	/* buffer shorter than the header or header + length */
	FWIMG_E_MAGIC,		/* magic is not "KVFW": no image (erased flash reads 0xFF..) */
	FWIMG_E_HDR_CRC,	/* header CRC mismatch */
	FWIMG_E_VERSION,	/* header version not FWIMG_VERSION */
	FWIMG_E_LENGTH,		/* payload length 0 or above FWIMG_MAX_PAYLOAD */
	FWIMG_E_ENTRY,		/* entry outside the payload or not 4-byte aligned */
	FWIMG_E_PAYLOAD_CRC,	/* payload CRC mismatch */
	FWIMG_E_LOAD,		/* load address not usable here (checked by the boot ROM) */
	FWIMG_E_COUNT
};

/*
 * Fill a header for payload[0..len): magic, version, both CRCs. Does not range-check;
 * run fwimg_parse() on the packed bytes to validate.
 */
void fwimg_make(struct fwimg_hdr *h, uint32_t load_addr, uint32_t entry, uint32_t build_id,
		const void *payload, uint32_t len);

/* Serialise h into 32 little-endian bytes; header_crc is taken from h as is. */
void fwimg_pack(const struct fwimg_hdr *h, uint8_t out[FWIMG_HDR_SIZE]);

/* Header CRC-32 of a header as it would be packed (first 28 bytes). */
uint32_t fwimg_header_crc(const struct fwimg_hdr *h);

/*
 * Decode and validate a header from buf[0..len). Checks, in this order: truncation, magic,
 * header CRC, version, length range, entry. On success *h holds the decoded header.
 * *h is filled even on failure (when len >= FWIMG_HDR_SIZE), for diagnostics.
 */
int fwimg_parse(const void *buf, size_t len, struct fwimg_hdr *h);

/* Check a payload against a parsed header: avail = bytes available at payload. */
int fwimg_check_payload(const struct fwimg_hdr *h, const void *payload, size_t avail);

/* Whole image in memory: fwimg_parse() then fwimg_check_payload() on the bytes after it. */
int fwimg_check(const void *img, size_t len, struct fwimg_hdr *h);

/* Short lower-case reason, e.g. "bad header crc"; "unknown error" for bad codes. */
const char *fwimg_strerror(int err);

#endif /* KVMOSD_FWIMAGE_H */
