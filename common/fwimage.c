/* SPDX-License-Identifier: MIT */
/*
 * fwimage.c - pack, parse and check firmware image headers (see fwimage.h).
 * Byte-wise little-endian access so it runs unchanged on the host and on RV32, and can read
 * straight from the unaligned-safe flash window.
 */
#include "fwimage.h"
#include "crc32.h"

static const char *const fwimg_msgs[FWIMG_E_COUNT] = {
	[FWIMG_OK]		= "ok",
	[FWIMG_E_TRUNCATED]	= "truncated image",
	[FWIMG_E_MAGIC]		= "bad magic",
	[FWIMG_E_HDR_CRC]	= "bad header crc",
	[FWIMG_E_VERSION]	= "bad header version",
	[FWIMG_E_LENGTH]	= "length out of range",
	[FWIMG_E_ENTRY]		= "entry outside payload",
	[FWIMG_E_PAYLOAD_CRC]	= "bad payload crc",
	[FWIMG_E_LOAD]		= "bad load address",
};

static __attribute__((noinline)) uint32_t get_le32(const uint8_t *p)
{
	uint32_t v = 0;
	int i;

	for (i = 3; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

void fwimg_pack(const struct fwimg_hdr *h, uint8_t out[FWIMG_HDR_SIZE])
{
	put_le32(out + 0, h->magic);
	put_le32(out + 4, h->version);
	put_le32(out + 8, h->load_addr);
	put_le32(out + 12, h->length);
	put_le32(out + 16, h->entry);
	put_le32(out + 20, h->payload_crc);
	put_le32(out + 24, h->build_id);
	put_le32(out + 28, h->header_crc);
}

uint32_t fwimg_header_crc(const struct fwimg_hdr *h)
{
	uint8_t raw[FWIMG_HDR_SIZE];

	fwimg_pack(h, raw);
	return kvm_crc32(raw, FWIMG_HDR_CRC_SPAN);
}

void fwimg_make(struct fwimg_hdr *h, uint32_t load_addr, uint32_t entry, uint32_t build_id,
		const void *payload, uint32_t len)
{
	h->magic = FWIMG_MAGIC;
	h->version = FWIMG_VERSION;
	h->load_addr = load_addr;
	h->length = len;
	h->entry = entry;
	h->payload_crc = kvm_crc32(payload, len);
	h->build_id = build_id;
	h->header_crc = fwimg_header_crc(h);
}

int fwimg_parse(const void *buf, size_t len, struct fwimg_hdr *h)
{
	const uint8_t *p = buf;

	if (len < FWIMG_HDR_SIZE)
		return FWIMG_E_TRUNCATED;
	h->magic = get_le32(p + 0);
	h->version = get_le32(p + 4);
	h->load_addr = get_le32(p + 8);
	h->length = get_le32(p + 12);
	h->entry = get_le32(p + 16);
	h->payload_crc = get_le32(p + 20);
	h->build_id = get_le32(p + 24);
	h->header_crc = get_le32(p + 28);

	if (h->magic != FWIMG_MAGIC)
		return FWIMG_E_MAGIC;
	if (kvm_crc32(p, FWIMG_HDR_CRC_SPAN) != h->header_crc)
		return FWIMG_E_HDR_CRC;
	if (h->version != FWIMG_VERSION)
		return FWIMG_E_VERSION;
	if (h->length == 0 || h->length > FWIMG_MAX_PAYLOAD)
		return FWIMG_E_LENGTH;
	if ((h->entry & 3u) || h->entry - h->load_addr >= h->length)
		return FWIMG_E_ENTRY;
	return FWIMG_OK;
}

int fwimg_check_payload(const struct fwimg_hdr *h, const void *payload, size_t avail)
{
	if (avail < h->length)
		return FWIMG_E_TRUNCATED;
	if (kvm_crc32(payload, h->length) != h->payload_crc)
		return FWIMG_E_PAYLOAD_CRC;
	return FWIMG_OK;
}

int fwimg_check(const void *img, size_t len, struct fwimg_hdr *h)
{
	int err = fwimg_parse(img, len, h);

	if (err)
		return err;
	return fwimg_check_payload(h, (const uint8_t *)img + FWIMG_HDR_SIZE,
				   len - FWIMG_HDR_SIZE);
}

const char *fwimg_strerror(int err)
{
	if (err < 0 || err >= FWIMG_E_COUNT)
		return "unknown error";
	return fwimg_msgs[err];
}
