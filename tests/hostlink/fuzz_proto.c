/* SPDX-License-Identifier: MIT */
/*
 * fuzz_proto.c - random and mutated input for the decoder and hostlink (built with ASan and
 * UBSan). Checks: no crash or overflow, every reply hostlink sends is a valid frame, and a
 * valid frame after any garbage always decodes (resynchronisation on 0x00).
 * Usage: fuzz_proto [ITERATIONS [SEED]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cobs.h"
#include "hostlink.h"
#include "proto.h"

static uint64_t rs;

static uint32_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (uint32_t)(rs >> 16);
}

static struct proto_decoder reply_dec;
static unsigned long replies, results[16];

static void die(const char *what, unsigned long it)
{
	fprintf(stderr, "fuzz_proto: FAILED at iteration %lu: %s\n", it, what);
	exit(1);
}

static void fz_tx(void *ctx, const uint8_t *buf, size_t len)
{
	size_t i;
	int frames = 0;

	(void)ctx;
	for (i = 0; i < len; i++) {
		int r = proto_decoder_feed(&reply_dec, buf[i]);

		if (r < 0)
			die("hostlink sent a bad frame", 0);
		frames += r == PROTO_DEC_FRAME;
	}
	if (frames != 1)
		die("hostlink reply is not exactly one frame", 0);
	replies++;
}

static void fz_info(void *ctx, struct proto_info *out)
{
	(void)ctx;
	memset(out->fw_version, 'v', sizeof(out->fw_version)); /* unterminated on purpose */
	memset(out->build_id, 'b', sizeof(out->build_id));
}

static size_t random_frame(uint8_t *frame, uint8_t *seq, uint16_t *len)
{
	uint8_t payload[PROTO_MAX_PAYLOAD];
	struct proto_packet p;
	unsigned int i;

	p.version = PROTO_VERSION;
	p.seq = (uint8_t)rnd();
	p.cmd = (uint8_t)(rnd() % 5);
	p.status = 0;
	p.len = (uint16_t)(rnd() % (PROTO_MAX_PAYLOAD + 1));
	for (i = 0; i < p.len; i++)
		payload[i] = rnd() % 4 ? (uint8_t)rnd() : 0;
	p.payload = payload;
	*seq = p.seq;
	*len = p.len;
	return proto_encode(&p, frame, PROTO_MAX_FRAME);
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000;
	unsigned long it, good = 0;
	struct hostlink_ops ops = { .tx = fz_tx, .info = fz_info };
	static struct hostlink hl;
	struct proto_decoder d;
	uint8_t buf[2 * PROTO_MAX_FRAME], frame[PROTO_MAX_FRAME];

	rs = argc > 2 ? strtoull(argv[2], NULL, 0) * 2654435761u + 1 : 1;
	proto_decoder_init(&d);
	proto_decoder_init(&reply_dec);
	hostlink_init(&hl, &ops);

	for (it = 0; it < n; it++) {
		size_t len, i;
		uint8_t seq;
		uint16_t plen;

		switch (rnd() % 3) {
		case 0: /* random bytes, random zero density */
			len = rnd() % sizeof(buf);
			for (i = 0; i < len; i++)
				buf[i] = rnd() % (1 + rnd() % 64) ? (uint8_t)rnd() : 0;
			break;
		case 1: /* a valid frame with a few mutated, inserted or deleted bytes */
			len = random_frame(buf, &seq, &plen);
			for (i = 1 + rnd() % 3; i; i--) {
				size_t pos = rnd() % len;

				switch (rnd() % 3) {
				case 0:
					buf[pos] ^= (uint8_t)(1 + rnd() % 255);
					break;
				case 1:
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = (uint8_t)rnd();
					len++;
					break;
				default:
					memmove(buf + pos, buf + pos + 1, len - pos - 1);
					len--;
					break;
				}
			}
			break;
		default: /* a truncated valid frame */
			len = random_frame(buf, &seq, &plen);
			len = rnd() % len;
			break;
		}
		for (i = 0; i < len; i++) {
			int r = proto_decoder_feed(&d, buf[i]);

			results[(r + 8) & 15]++;
			hostlink_rx_byte(&hl, buf[i]);
		}
		/* resynchronisation: a valid frame now always decodes, in both decoders */
		len = random_frame(frame, &seq, &plen);
		proto_decoder_feed(&d, frame[0]);
		for (i = 1; i < len; i++) {
			int r = proto_decoder_feed(&d, frame[i]);

			if (i + 1 < len && r != PROTO_DEC_NEED_MORE)
				die("early result inside a valid frame", it);
			if (i + 1 == len && (r != PROTO_DEC_FRAME || proto_decoder_packet(&d)->seq != seq ||
					     proto_decoder_packet(&d)->len != plen))
				die("valid frame after garbage not decoded", it);
		}
		good++;
		{
			unsigned long before = replies;

			for (i = 0; i < len; i++)
				hostlink_rx_byte(&hl, frame[i]);
			/* +2 when the leading 0x00 completed a valid frame left by the garbage */
			if (replies < before + 1 || proto_decoder_packet(&reply_dec)->seq != seq)
				die("hostlink did not answer a valid request", it);
		}
	}
	printf("fuzz_proto: %lu iterations, %lu replies, decoder results on random input:\n", n,
	       replies);
	for (it = 0; it < 16; it++)
		if (results[it])
			printf("  %-40s %lu\n", proto_dec_str((int)it - 8), results[it]);
	printf("hostlink: %u frames, %u errors (crc %u, too long %u, cobs %u, version %u, "
	       "truncated %u, length %u)\n", hl.stats.rx_frames, hl.stats.rx_errors,
	       hl.stats.err_crc, hl.stats.err_too_long, hl.stats.err_cobs, hl.stats.err_version,
	       hl.stats.err_truncated, hl.stats.err_length);
	printf("fuzz_proto: OK (%lu recoveries)\n", good);
	return 0;
}
