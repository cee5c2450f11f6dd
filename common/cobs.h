/* SPDX-License-Identifier: MIT */
/*
 * cobs.h - Consistent Overhead Byte Stuffing (Cheshire & Baker), the framing of the host link.
 *
 * An encoded block contains no 0x00 byte, so 0x00 can delimit frames on the wire. A block of
 * 254 non-zero bytes at the end of the input is encoded without a trailing 0x01 code byte; the
 * decoder accepts both forms. Freestanding: no allocation, fixed caller buffers.
 */
#ifndef KVMOSD_COBS_H
#define KVMOSD_COBS_H

#include <stddef.h>
#include <stdint.h>

/* Upper bound on the encoded size of n input bytes (delimiters not included). */
#define COBS_MAX_ENCODED(n) ((n) + (n) / 254 + 1)

/*
 * Incremental encoder writing into a caller buffer: init, put any number of times, finish.
 * On overflow the writer latches an error and cobs_writer_finish() returns 0.
 */
struct cobs_writer {
	uint8_t *dst;
	size_t cap;
	size_t pos;      /* next free byte in dst */
	size_t code_pos; /* where the current block's code byte goes */
	uint8_t code;    /* 1 + data bytes in the current block */
	uint8_t need_open; /* last block was full (0xFF): open a new one on the next byte */
	uint8_t overflow;
};

void cobs_writer_init(struct cobs_writer *w, uint8_t *dst, size_t cap);
void cobs_writer_put(struct cobs_writer *w, const void *data, size_t len);
/* Returns the encoded length, or 0 if dst was too small (an encoding is never empty). */
size_t cobs_writer_finish(struct cobs_writer *w);

/* One-shot encode; returns the encoded length or 0 if cap is too small. */
size_t cobs_encode(const void *src, size_t len, uint8_t *dst, size_t cap);

enum cobs_result {
	COBS_OK = 0,
	COBS_ERR_ZERO = -1,     /* a 0x00 byte inside the encoded data */
	COBS_ERR_SHORT = -2,    /* a code byte points past the end of the data */
	COBS_ERR_OVERFLOW = -3, /* decoded data does not fit in dst */
};

/*
 * One-shot decode of one encoded block (without delimiters). Empty input decodes to nothing.
 * May decode in place (dst == src): the output never overtakes the input.
 * On success stores the decoded length in *out_len and returns COBS_OK.
 */
int cobs_decode(const uint8_t *src, size_t len, uint8_t *dst, size_t cap, size_t *out_len);

#endif /* KVMOSD_COBS_H */
