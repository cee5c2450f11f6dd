/* SPDX-License-Identifier: MIT */
/*
 * cobs.c - COBS encoder (incremental, back-patching code bytes in the output buffer) and a
 * one-shot decoder. The streaming decoder of the host link lives in proto.c.
 */
#include "cobs.h"

static void cobs_open_block(struct cobs_writer *w)
{
	if (w->pos >= w->cap) {
		w->overflow = 1;
		return;
	}
	w->code_pos = w->pos++;
	w->code = 1;
}

static void cobs_close_block(struct cobs_writer *w)
{
	w->dst[w->code_pos] = w->code;
}

void cobs_writer_init(struct cobs_writer *w, uint8_t *dst, size_t cap)
{
	w->dst = dst;
	w->cap = cap;
	w->pos = 0;
	w->code_pos = 0;
	w->code = 1;
	w->need_open = 0;
	w->overflow = 0;
	cobs_open_block(w);
}

void cobs_writer_put(struct cobs_writer *w, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len-- && !w->overflow) {
		uint8_t b = *p++;

		if (w->need_open) {
			w->need_open = 0;
			cobs_open_block(w);
			if (w->overflow)
				return;
		}
		if (b == 0) {
			cobs_close_block(w);
			cobs_open_block(w);
			continue;
		}
		if (w->pos >= w->cap) {
			w->overflow = 1;
			return;
		}
		w->dst[w->pos++] = b;
		if (++w->code == 0xFF) {
			cobs_close_block(w);
			w->need_open = 1;
		}
	}
}

size_t cobs_writer_finish(struct cobs_writer *w)
{
	if (w->overflow)
		return 0;
	if (!w->need_open)
		cobs_close_block(w);
	return w->pos;
}

size_t cobs_encode(const void *src, size_t len, uint8_t *dst, size_t cap)
{
	struct cobs_writer w;

	cobs_writer_init(&w, dst, cap);
	cobs_writer_put(&w, src, len);
	return cobs_writer_finish(&w);
}

int cobs_decode(const uint8_t *src, size_t len, uint8_t *dst, size_t cap, size_t *out_len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		uint8_t code = src[i++];
		uint8_t k;

		if (code == 0)
			return COBS_ERR_ZERO;
		if ((size_t)(code - 1) > len - i)
			return COBS_ERR_SHORT;
		for (k = 1; k < code; k++) {
			uint8_t b = src[i++];

			if (b == 0)
				return COBS_ERR_ZERO;
			if (n >= cap)
				return COBS_ERR_OVERFLOW;
			dst[n++] = b;
		}
		/* Implicit zero after a short block, except at the very end. */
		if (code != 0xFF && i < len) {
			if (n >= cap)
				return COBS_ERR_OVERFLOW;
			dst[n++] = 0;
		}
	}
	*out_len = n;
	return COBS_OK;
}
