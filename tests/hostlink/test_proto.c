/* SPDX-License-Identifier: MIT */
/* test_proto.c - COBS and the host link packet encoder/decoder (common/cobs, common/proto). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cobs.h"
#include "crc32.h"
#include "proto.h"

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static void fill_random(uint8_t *buf, size_t len, unsigned int zero_one_in)
{
	size_t i;

	for (i = 0; i < len; i++) {
		buf[i] = (uint8_t)rng();
		if (zero_one_in && rng() % zero_one_in == 0)
			buf[i] = 0;
	}
}

static void cobs_roundtrip(const uint8_t *in, size_t len, size_t expect_enc_len)
{
	uint8_t enc[1200], dec[1200];
	size_t n, m, i;

	n = cobs_encode(in, len, enc, sizeof(enc));
	assert_true(n > 0);
	assert_true(n <= COBS_MAX_ENCODED(len));
	if (expect_enc_len)
		assert_int_equal(n, expect_enc_len);
	for (i = 0; i < n; i++)
		assert_int_not_equal(enc[i], 0);
	assert_int_equal(cobs_decode(enc, n, dec, sizeof(dec), &m), COBS_OK);
	assert_int_equal(m, len);
	assert_memory_equal(dec, in, len);
	/* exactly n bytes are needed */
	assert_int_equal(cobs_encode(in, len, enc, n - 1), 0);
	assert_int_equal(cobs_encode(in, len, enc, n), n);
}

static void test_cobs_empty(void **state)
{
	uint8_t enc[4];
	size_t m = 99;

	(void)state;
	assert_int_equal(cobs_encode(NULL, 0, enc, sizeof(enc)), 1);
	assert_int_equal(enc[0], 0x01);
	cobs_roundtrip(enc, 0, 1);
	assert_int_equal(cobs_decode(enc, 0, enc, sizeof(enc), &m), COBS_OK);
	assert_int_equal(m, 0);
	assert_int_equal(cobs_encode(NULL, 0, enc, 0), 0);
}

static void test_cobs_zero_free_runs(void **state)
{
	uint8_t in[600], enc[700];
	size_t n;

	(void)state;
	memset(in, 0x11, sizeof(in));
	cobs_roundtrip(in, 253, 254);
	cobs_roundtrip(in, 254, 255); /* no trailing 0x01 after a full block */
	cobs_roundtrip(in, 255, 257);
	cobs_roundtrip(in, 508, 510);
	cobs_roundtrip(in, 509, 512);

	n = cobs_encode(in, 254, enc, sizeof(enc));
	assert_int_equal(enc[0], 0xFF);
	n = cobs_encode(in, 255, enc, sizeof(enc));
	assert_int_equal(n, 257);
	assert_int_equal(enc[0], 0xFF);
	assert_int_equal(enc[255], 0x02);
	/* 253 bytes then a zero: one block of code 254 and a final empty block */
	in[253] = 0;
	n = cobs_encode(in, 254, enc, sizeof(enc));
	assert_int_equal(n, 255);
	assert_int_equal(enc[0], 0xFE);
	assert_int_equal(enc[254], 0x01);
	cobs_roundtrip(in, 254, 255);
	/* a full block followed by a zero */
	in[253] = 0x11;
	in[254] = 0;
	cobs_roundtrip(in, 255, 257);
}

static void test_cobs_full_block_trailing_code(void **state)
{
	uint8_t enc[260], dec[260];
	size_t m;

	(void)state;
	/* The non-canonical "FF <254 bytes> 01" form decodes to the same 254 bytes. */
	enc[0] = 0xFF;
	memset(enc + 1, 0x22, 254);
	enc[255] = 0x01;
	assert_int_equal(cobs_decode(enc, 256, dec, sizeof(dec), &m), COBS_OK);
	assert_int_equal(m, 254);
	assert_int_equal(dec[253], 0x22);
}

static void test_cobs_all_zeros(void **state)
{
	uint8_t in[600];
	uint8_t enc[700];
	size_t len, i;

	(void)state;
	memset(in, 0, sizeof(in));
	for (len = 1; len <= sizeof(in); len += 37) {
		cobs_roundtrip(in, len, len + 1);
		cobs_encode(in, len, enc, sizeof(enc));
		for (i = 0; i <= len; i++)
			assert_int_equal(enc[i], 0x01);
	}
}

static void test_cobs_random(void **state)
{
	uint8_t in[1000];
	size_t len;
	unsigned int density;

	(void)state;
	for (density = 0; density < 5; density++) {
		for (len = 0; len < sizeof(in); len += 1 + len / 8) {
			fill_random(in, len, density == 0 ? 0 : 1u << (2 * density));
			cobs_roundtrip(in, len, 0);
		}
	}
}

static void test_cobs_decode_errors(void **state)
{
	static const uint8_t zero_inside[] = { 0x03, 0x11, 0x00 };
	static const uint8_t zero_code[] = { 0x02, 0x11, 0x00, 0x01 };
	static const uint8_t short_block[] = { 0x05, 0x11, 0x22 };
	static const uint8_t two_blocks[] = { 0x02, 0x11, 0x02, 0x22 };
	uint8_t out[8];
	size_t m;

	(void)state;
	assert_int_equal(cobs_decode(zero_inside, 3, out, 8, &m), COBS_ERR_ZERO);
	assert_int_equal(cobs_decode(zero_code, 4, out, 8, &m), COBS_ERR_ZERO);
	assert_int_equal(cobs_decode(short_block, 3, out, 8, &m), COBS_ERR_SHORT);
	assert_int_equal(cobs_decode(two_blocks, 4, out, 2, &m), COBS_ERR_OVERFLOW);
	assert_int_equal(cobs_decode(two_blocks, 4, out, 3, &m), COBS_OK);
	assert_int_equal(m, 3);
	assert_int_equal(out[1], 0);
}

/* ---- packets ---- */

/* Feeds buf; returns the result of the last byte and checks every earlier one is NEED_MORE. */
static int feed_all(struct proto_decoder *d, const uint8_t *buf, size_t len)
{
	size_t i;
	int r = PROTO_DEC_NEED_MORE;

	for (i = 0; i < len; i++) {
		r = proto_decoder_feed(d, buf[i]);
		if (i + 1 < len)
			assert_int_equal(r, PROTO_DEC_NEED_MORE);
	}
	return r;
}

static size_t make_frame(uint8_t *frame, uint8_t seq, uint8_t cmd, const uint8_t *payload,
			 uint16_t len)
{
	struct proto_packet p = {
		.version = PROTO_VERSION, .seq = seq, .cmd = cmd, .len = len, .payload = payload,
	};
	size_t n = proto_encode(&p, frame, PROTO_MAX_FRAME);

	assert_true(n > 0);
	return n;
}

/* Encodes raw packet bytes (header, payload, CRC as given) as a frame. */
static size_t frame_raw(uint8_t *frame, const uint8_t *raw, size_t len)
{
	size_t n;

	frame[0] = 0;
	n = cobs_encode(raw, len, frame + 1, 2 * PROTO_MAX_FRAME);
	assert_true(n > 0);
	frame[n + 1] = 0;
	return n + 2;
}

/* Builds a raw packet with a correct CRC; returns its length. */
static size_t raw_packet(uint8_t *raw, uint8_t version, uint16_t len_field, const uint8_t *payload,
			 size_t plen)
{
	raw[0] = version;
	raw[1] = 0x42;
	raw[2] = PROTO_CMD_PING;
	raw[3] = 0;
	proto_put_le16(&raw[4], len_field);
	memcpy(&raw[6], payload, plen);
	proto_put_le32(&raw[6 + plen], kvm_crc32(raw, 6 + plen));
	return 6 + plen + 4;
}

static void expect_recovery(struct proto_decoder *d)
{
	uint8_t frame[PROTO_MAX_FRAME];
	static const uint8_t pl[] = { 1, 0, 2 };
	size_t n = make_frame(frame, 7, PROTO_CMD_PING, pl, sizeof(pl));

	/* the leading delimiter ends whatever came before, maybe reporting an error */
	assert_int_not_equal(proto_decoder_feed(d, frame[0]), PROTO_DEC_FRAME);
	assert_int_equal(feed_all(d, frame + 1, n - 1), PROTO_DEC_FRAME);
	assert_int_equal(proto_decoder_packet(d)->seq, 7);
	assert_int_equal(proto_decoder_packet(d)->len, 3);
}

/* Published check values: the frame CRC must be zlib's CRC-32, not just self-consistent. */
static void test_crc32_check_values(void **state)
{
	static const uint8_t quick[] = "The quick brown fox jumps over the lazy dog";

	(void)state;
	assert_int_equal(kvm_crc32("", 0), 0x00000000u);
	assert_int_equal(kvm_crc32("123456789", 9), 0xcbf43926u);
	assert_int_equal(kvm_crc32(quick, sizeof(quick) - 1), 0x414fa339u);
	assert_int_equal(kvm_crc32_update(kvm_crc32_update(0, "12345", 5), "6789", 4),
			 0xcbf43926u);
}

static void test_proto_roundtrip(void **state)
{
	uint8_t payload[PROTO_MAX_PAYLOAD], frame[PROTO_MAX_FRAME];
	struct proto_decoder d;
	unsigned int len, density;

	(void)state;
	proto_decoder_init(&d);
	for (density = 0; density < 3; density++) {
		for (len = 0; len <= PROTO_MAX_PAYLOAD; len++) {
			const struct proto_packet *p;
			size_t n, i;

			fill_random(payload, len, density ? 4 * density : 0);
			n = make_frame(frame, (uint8_t)len, (uint8_t)(len & 0x7F), payload,
				       (uint16_t)len);
			assert_true(n <= PROTO_MAX_FRAME);
			assert_int_equal(frame[0], 0);
			assert_int_equal(frame[n - 1], 0);
			for (i = 1; i + 1 < n; i++)
				assert_int_not_equal(frame[i], 0);
			assert_int_equal(feed_all(&d, frame, n), PROTO_DEC_FRAME);
			p = proto_decoder_packet(&d);
			assert_int_equal(p->version, PROTO_VERSION);
			assert_int_equal(p->seq, (uint8_t)len);
			assert_int_equal(p->cmd, len & 0x7F);
			assert_int_equal(p->status, 0);
			assert_int_equal(p->len, len);
			assert_memory_equal(p->payload, payload, len);
		}
	}
}

static void test_proto_back_to_back(void **state)
{
	uint8_t stream[4 * PROTO_MAX_FRAME];
	struct proto_decoder d;
	size_t n = 0, i;
	int frames = 0;

	(void)state;
	proto_decoder_init(&d);
	/* frames may share delimiters or not: both decode */
	n += make_frame(stream + n, 1, 1, NULL, 0);
	n += make_frame(stream + n, 2, 1, (const uint8_t *)"ab", 2) ;
	n--; /* drop the trailing delimiter: the next frame's leading 0 ends it */
	n += make_frame(stream + n, 3, 1, (const uint8_t *)"\0\0", 2);
	for (i = 0; i < n; i++) {
		int r = proto_decoder_feed(&d, stream[i]);

		assert_true(r == PROTO_DEC_NEED_MORE || r == PROTO_DEC_FRAME);
		if (r == PROTO_DEC_FRAME)
			assert_int_equal(proto_decoder_packet(&d)->seq, ++frames);
	}
	assert_int_equal(frames, 3);
}

static void test_proto_encode_limits(void **state)
{
	uint8_t payload[PROTO_MAX_PAYLOAD + 1] = { 0 }, frame[PROTO_MAX_FRAME + 8];
	struct proto_packet p = { .version = 1, .len = PROTO_MAX_PAYLOAD + 1, .payload = payload };
	size_t n;

	(void)state;
	assert_int_equal(proto_encode(&p, frame, sizeof(frame)), 0);
	p.len = PROTO_MAX_PAYLOAD;
	memset(payload, 0xAA, sizeof(payload)); /* no zeros: worst case */
	n = proto_encode(&p, frame, sizeof(frame));
	assert_true(n > 0 && n <= PROTO_MAX_FRAME);
	assert_int_equal(proto_encode(&p, frame, n - 1), 0);
	assert_int_equal(proto_encode(&p, frame, n), n);
	p.payload = NULL;
	assert_int_equal(proto_encode(&p, frame, sizeof(frame)), 0);
}

static void test_dec_empty_frames_ignored(void **state)
{
	struct proto_decoder d;
	int i;

	(void)state;
	proto_decoder_init(&d);
	for (i = 0; i < 10; i++)
		assert_int_equal(proto_decoder_feed(&d, 0), PROTO_DEC_NEED_MORE);
	expect_recovery(&d);
}

static void test_dec_crc_each_position(void **state)
{
	uint8_t payload[40], raw[PROTO_MAX_PACKET], bad[PROTO_MAX_PACKET];
	uint8_t frame[2 * PROTO_MAX_FRAME];
	struct proto_decoder d;
	size_t rlen, pos;
	unsigned int bit;

	(void)state;
	proto_decoder_init(&d);
	fill_random(payload, sizeof(payload), 5);
	rlen = raw_packet(raw, PROTO_VERSION, sizeof(payload), payload, sizeof(payload));
	for (pos = 0; pos < rlen; pos++) {
		for (bit = 0; bit < 8; bit++) {
			size_t n;
			int r;

			memcpy(bad, raw, rlen);
			bad[pos] ^= (uint8_t)(1u << bit);
			n = frame_raw(frame, bad, rlen);
			r = feed_all(&d, frame, n);
			if (pos == 4 || pos == 5) /* the length field: caught by size checks */
				assert_true(r == PROTO_DEC_ERR_TRUNCATED ||
					    r == PROTO_DEC_ERR_LENGTH || r == PROTO_DEC_ERR_TOO_LONG);
			else
				assert_int_equal(r, PROTO_DEC_ERR_CRC);
			expect_recovery(&d);
		}
	}
}

static void test_dec_encoded_corruption(void **state)
{
	uint8_t payload[30], frame[PROTO_MAX_FRAME], bad[PROTO_MAX_FRAME];
	struct proto_decoder d;
	size_t n, pos, i;

	(void)state;
	proto_decoder_init(&d);
	fill_random(payload, sizeof(payload), 6);
	n = make_frame(frame, 9, PROTO_CMD_PING, payload, sizeof(payload));
	for (pos = 1; pos + 1 < n; pos++) {
		unsigned int v;

		for (v = 1; v < 256; v += 17) {
			int errs = 0, r;

			memcpy(bad, frame, n);
			bad[pos] = (uint8_t)(bad[pos] ^ v) ? (uint8_t)(bad[pos] ^ v) : 0x80;
			for (i = 0; i < n; i++) {
				r = proto_decoder_feed(&d, bad[i]);
				assert_int_not_equal(r, PROTO_DEC_FRAME);
				errs += r < 0;
			}
			assert_int_equal(errs, 1); /* reported exactly once */
			expect_recovery(&d);
		}
		/* a byte lost on the wire */
		memcpy(bad, frame, pos);
		memcpy(bad + pos, frame + pos + 1, n - pos - 1);
		assert_true(feed_all(&d, bad, n - 1) < 0);
		expect_recovery(&d);
	}
}

static void test_dec_too_long(void **state)
{
	uint8_t junk[400];
	struct proto_decoder d;
	size_t i;
	int errs = 0;

	(void)state;
	proto_decoder_init(&d);
	memset(junk, 0x33, sizeof(junk));
	for (i = 0; i < sizeof(junk); i++) {
		int r = proto_decoder_feed(&d, junk[i]);

		if (r == PROTO_DEC_ERR_TOO_LONG)
			errs++;
		else
			assert_int_equal(r, PROTO_DEC_NEED_MORE);
	}
	assert_int_equal(errs, 1);
	/* the delimiter ending the bad frame reports nothing more */
	assert_int_equal(proto_decoder_feed(&d, 0), PROTO_DEC_NEED_MORE);
	expect_recovery(&d);

	/* many implicit zeros: "01 01 01 ..." */
	for (i = 0; i < 300; i++)
		errs += proto_decoder_feed(&d, 0x01) == PROTO_DEC_ERR_TOO_LONG;
	assert_int_equal(errs, 2);
	expect_recovery(&d);
}

static void test_dec_length_field_too_long(void **state)
{
	uint8_t raw[PROTO_MAX_PACKET], frame[PROTO_MAX_FRAME], payload[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct proto_decoder d;
	size_t rlen, n;

	(void)state;
	proto_decoder_init(&d);
	rlen = raw_packet(raw, PROTO_VERSION, PROTO_MAX_PAYLOAD + 1, payload, sizeof(payload));
	n = frame_raw(frame, raw, rlen);
	assert_int_equal(feed_all(&d, frame, n), PROTO_DEC_ERR_TOO_LONG);
	expect_recovery(&d);
}

static void test_dec_bad_cobs(void **state)
{
	static const uint8_t frame[] = { 0x00, 0x09, 0x01, 0x02, 0x03, 0x00 };
	struct proto_decoder d;

	(void)state;
	proto_decoder_init(&d);
	assert_int_equal(feed_all(&d, frame, sizeof(frame)), PROTO_DEC_ERR_COBS);
	expect_recovery(&d);
}

static void test_dec_bad_version(void **state)
{
	uint8_t raw[PROTO_MAX_PACKET], frame[PROTO_MAX_FRAME];
	struct proto_decoder d;
	size_t rlen, n;
	const struct proto_packet *p;

	(void)state;
	proto_decoder_init(&d);
	rlen = raw_packet(raw, PROTO_VERSION + 1, 2, (const uint8_t *)"hi", 2);
	n = frame_raw(frame, raw, rlen);
	assert_int_equal(feed_all(&d, frame, n), PROTO_DEC_ERR_VERSION);
	p = proto_decoder_packet(&d);
	assert_int_equal(p->version, PROTO_VERSION + 1);
	assert_int_equal(p->seq, 0x42);
	assert_int_equal(p->cmd, PROTO_CMD_PING);
	expect_recovery(&d);
	/* version 0 too; and a frame of another version with a bad CRC is a CRC error */
	rlen = raw_packet(raw, 0, 0, NULL, 0);
	assert_int_equal(feed_all(&d, frame, frame_raw(frame, raw, rlen)), PROTO_DEC_ERR_VERSION);
	raw[rlen - 1] ^= 0x10;
	assert_int_equal(feed_all(&d, frame, frame_raw(frame, raw, rlen)), PROTO_DEC_ERR_CRC);
	expect_recovery(&d);
}

static void test_dec_truncated(void **state)
{
	uint8_t raw[PROTO_MAX_PACKET], frame[PROTO_MAX_FRAME];
	static const uint8_t just_code[] = { 0x01, 0x00 };
	struct proto_decoder d;
	size_t rlen, len;

	(void)state;
	proto_decoder_init(&d);
	assert_int_equal(feed_all(&d, just_code, sizeof(just_code)), PROTO_DEC_ERR_TRUNCATED);
	expect_recovery(&d);
	/* every packet shorter than header + CRC */
	rlen = raw_packet(raw, PROTO_VERSION, 0, NULL, 0);
	for (len = 1; len < rlen; len++) {
		assert_int_equal(feed_all(&d, frame, frame_raw(frame, raw, len)),
				 PROTO_DEC_ERR_TRUNCATED);
		expect_recovery(&d);
	}
	/* length field says 10, only 5 payload bytes present (CRC over what is there) */
	rlen = raw_packet(raw, PROTO_VERSION, 10, (const uint8_t *)"abcde", 5);
	assert_int_equal(feed_all(&d, frame, frame_raw(frame, raw, rlen)), PROTO_DEC_ERR_TRUNCATED);
	expect_recovery(&d);
}

static void test_dec_length_mismatch(void **state)
{
	uint8_t raw[PROTO_MAX_PACKET], frame[PROTO_MAX_FRAME];
	struct proto_decoder d;
	size_t rlen;

	(void)state;
	proto_decoder_init(&d);
	rlen = raw_packet(raw, PROTO_VERSION, 2, (const uint8_t *)"abcde", 5);
	assert_int_equal(feed_all(&d, frame, frame_raw(frame, raw, rlen)), PROTO_DEC_ERR_LENGTH);
	expect_recovery(&d);
}

static void test_dec_garbage_then_frame(void **state)
{
	uint8_t junk[100];
	struct proto_decoder d;
	size_t i;
	int round;

	(void)state;
	proto_decoder_init(&d);
	for (round = 0; round < 200; round++) {
		size_t len = rng() % sizeof(junk);

		fill_random(junk, len, 0);
		for (i = 0; i < len; i++)
			assert_int_not_equal(proto_decoder_feed(&d, junk[i]), PROTO_DEC_FRAME);
		expect_recovery(&d);
	}
}

static void test_info_layout(void **state)
{
	struct proto_info in = {
		.proto_version = 1,
		.hw_id = 0x4B564D4F,
		.hw_version = 0x00010002,
		.uptime_ms = 0xA1B2C3D4,
		.reset_cause = PROTO_RESET_WATCHDOG,
	}, out;
	uint8_t buf[PROTO_INFO_LEN + 4];

	(void)state;
	strcpy(in.fw_version, "kvmosd 0.1.0");
	strcpy(in.build_id, "0123456789abcdef01234567"); /* exactly 24: no NUL on the wire */
	memset(buf, 0xEE, sizeof(buf));
	assert_int_equal(proto_info_pack(&in, buf), PROTO_INFO_LEN);
	assert_int_equal(PROTO_INFO_LEN, 68);
	assert_int_equal(buf[0], 1);
	assert_int_equal(buf[1] | buf[2] | buf[3], 0);
	assert_memory_equal(&buf[4], "\x4F\x4D\x56\x4B", 4);
	assert_memory_equal(&buf[8], "\x02\x00\x01\x00", 4);
	assert_memory_equal(&buf[12], "\xD4\xC3\xB2\xA1", 4);
	assert_memory_equal(&buf[16], "\x02\x00\x00\x00", 4);
	assert_memory_equal(&buf[20], "kvmosd 0.1.0\0\0\0\0\0\0\0\0\0\0\0", 24);
	assert_memory_equal(&buf[44], "0123456789abcdef01234567", 24);
	assert_int_equal(buf[PROTO_INFO_LEN], 0xEE);

	memset(&out, 0x55, sizeof(out));
	assert_int_equal(proto_info_unpack(&out, buf, PROTO_INFO_LEN + 4), 0); /* longer: ok */
	assert_int_equal(out.proto_version, 1);
	assert_int_equal(out.hw_id, in.hw_id);
	assert_int_equal(out.hw_version, in.hw_version);
	assert_int_equal(out.uptime_ms, in.uptime_ms);
	assert_int_equal(out.reset_cause, in.reset_cause);
	assert_string_equal(out.fw_version, "kvmosd 0.1.0");
	assert_string_equal(out.build_id, "0123456789abcdef01234567");
	assert_int_equal(proto_info_unpack(&out, buf, PROTO_INFO_LEN - 1), -1);
}

static void test_stats_layout(void **state)
{
	struct proto_stats in, out;
	uint8_t buf[PROTO_STATS_LEN];
	uint32_t *w = (uint32_t *)&in;
	int i;

	(void)state;
	for (i = 0; i < PROTO_STATS_WORDS; i++)
		w[i] = 0x01010101u * (uint32_t)(i + 1);
	assert_int_equal(proto_stats_pack(&in, buf), PROTO_STATS_LEN);
	assert_int_equal(proto_get_le32(&buf[0]), in.rx_frames);
	assert_int_equal(proto_get_le32(&buf[8]), in.err_crc);
	assert_int_equal(proto_get_le32(&buf[40]), in.ignored);
	assert_int_equal(proto_stats_unpack(&out, buf, sizeof(buf)), 0);
	assert_memory_equal(&in, &out, sizeof(in));
	assert_int_equal(proto_stats_unpack(&out, buf, sizeof(buf) - 1), -1);
}

static void test_strings(void **state)
{
	int r;

	(void)state;
	for (r = PROTO_DEC_ERR_LENGTH; r <= PROTO_DEC_FRAME; r++)
		assert_string_not_equal(proto_dec_str(r), "unknown decoder result");
	for (r = PROTO_OK; r <= PROTO_ERR_BAD_VERSION; r++)
		assert_string_not_equal(proto_status_str((uint8_t)r), "unknown status");
	assert_string_equal(proto_cmd_str(PROTO_CMD_INFO | PROTO_REPLY), "INFO");
}

static void test_port_status_layout(void **state)
{
	struct proto_port_status ps, back;
	uint8_t buf[PROTO_PORT_STATUS_HDR_LEN + 4 * PROTO_PORTS_MAX + 8];
	size_t n;

	(void)state;
	memset(&ps, 0, sizeof(ps));
	ps.nports = 3;
	ps.selected = 2;
	ps.flags = PROTO_PORT_STATUS_OSD_OPEN;
	ps.kbd.flags = PROTO_CON_PRESENT | PROTO_CON_READY;
	ps.kbd.id = 0xAB83;
	ps.kbd.inits = 0x11223344;
	ps.kbd.timeouts = 5;
	ps.kbd.resends = 6;
	ps.kbd.tx_errors = 7;
	ps.kbd.hw_errors = 0x04030201;
	ps.mouse.flags = PROTO_CON_PRESENT;
	ps.mouse.id = 4;
	ps.port[0] = 0xA1B2C3D4;
	ps.port[2] = 0x00003006;
	ps.port[3] = 0xFFFFFFFF;	/* beyond nports: not sent */
	n = proto_port_status_pack(&ps, buf);
	assert_int_equal(n, 52 + 12);
	assert_int_equal(buf[0], 3);
	assert_int_equal(buf[1], 2);
	assert_int_equal(buf[2], 1);
	assert_int_equal(buf[3], 0);
	assert_int_equal(buf[4], 3);	/* keyboard at 4: flags, 0, id le16, inits le32 ... */
	assert_int_equal(buf[6], 0x83);
	assert_int_equal(buf[7], 0xAB);
	assert_int_equal(buf[8], 0x44);
	assert_int_equal(buf[11], 0x11);
	assert_int_equal(buf[24], 0x01);	/* hw_errors at 4 + 20 */
	assert_int_equal(buf[28], 1);	/* mouse at 28 */
	assert_int_equal(buf[30], 4);
	assert_int_equal(buf[52], 0xD4);	/* port words at 52 */
	assert_int_equal(buf[55], 0xA1);
	assert_int_equal(buf[60], 0x06);
	assert_int_equal(proto_port_status_unpack(&back, buf, n), 0);
	assert_int_equal(back.nports, 3);
	assert_int_equal(back.selected, 2);
	assert_int_equal(back.flags, 1);
	assert_memory_equal(&back.kbd, &ps.kbd, sizeof(ps.kbd));
	assert_memory_equal(&back.mouse, &ps.mouse, sizeof(ps.mouse));
	assert_int_equal(back.port[0], 0xA1B2C3D4);
	assert_int_equal(back.port[2], 0x3006);
	assert_int_equal(back.port[3], 0);
	/* short, or longer than nports needs (fine: later fields), too many ports */
	assert_int_equal(proto_port_status_unpack(&back, buf, n - 1), -1);
	assert_int_equal(proto_port_status_unpack(&back, buf, 51), -1);
	assert_int_equal(proto_port_status_unpack(&back, buf, n + 8), 0);
	buf[0] = PROTO_PORTS_MAX + 1;
	assert_int_equal(proto_port_status_unpack(&back, buf, sizeof(buf)), -1);
	/* no KVM block: header only */
	memset(&ps, 0, sizeof(ps));
	assert_int_equal(proto_port_status_pack(&ps, buf), PROTO_PORT_STATUS_HDR_LEN);
	assert_int_equal(proto_port_status_unpack(&back, buf, PROTO_PORT_STATUS_HDR_LEN), 0);
	assert_int_equal(back.nports, 0);
}

static void test_hotkey_layout(void **state)
{
	struct proto_hotkey hk = { PROTO_HOTKEY_ALT, 1, 0x0302 }, back;
	uint8_t buf[PROTO_HOTKEY_LEN];

	(void)state;
	assert_int_equal(proto_hotkey_pack(&hk, buf), PROTO_HOTKEY_LEN);
	assert_int_equal(buf[0], 2);
	assert_int_equal(buf[1], PROTO_HOTKEY_SWALLOW);
	assert_int_equal(buf[2], 0x02);
	assert_int_equal(buf[3], 0x03);
	assert_int_equal(proto_hotkey_unpack(&back, buf, sizeof(buf)), 0);
	assert_memory_equal(&back, &hk, sizeof(hk));
	assert_true(proto_hotkey_valid(&back));
	assert_int_equal(proto_hotkey_unpack(&back, buf, 3), -1);
	back = hk;
	back.mode = 3;
	assert_false(proto_hotkey_valid(&back));
	back = hk;
	back.swallow = 2;
	assert_false(proto_hotkey_valid(&back));
	back = hk;
	back.window_ms = PROTO_HOTKEY_WINDOW_MIN - 1;
	assert_false(proto_hotkey_valid(&back));
	back.window_ms = PROTO_HOTKEY_WINDOW_MAX + 1;
	assert_false(proto_hotkey_valid(&back));
	back.window_ms = PROTO_HOTKEY_WINDOW_MAX;
	assert_true(proto_hotkey_valid(&back));
	assert_string_equal(proto_cmd_str(PROTO_CMD_PORT_SELECT), "PORT_SELECT");
	assert_string_equal(proto_cmd_str(PROTO_CMD_HOTKEY_SET | PROTO_REPLY), "HOTKEY_SET");
}

static void test_port_video_layout(void **state)
{
	struct proto_port_video pv = { 2, 4, PROTO_VIDEO_INTERNAL, 0x0107, 24405, 0x020B020D,
				       31469, 59940, "640x480@60" }, back;
	uint8_t buf[PROTO_PORT_VIDEO_LEN];

	(void)state;
	assert_int_equal(proto_port_video_pack(&pv, buf), PROTO_PORT_VIDEO_LEN);
	assert_int_equal(buf[0], 2);
	assert_int_equal(buf[1], 4);
	assert_int_equal(buf[2], 0xFF);
	assert_int_equal(buf[4], 0x07);
	assert_int_equal(buf[5], 0x01);
	assert_int_equal(proto_get_le32(buf + 8), 24405);
	assert_int_equal(proto_get_le32(buf + 12), 0x020B020D);
	assert_int_equal(proto_get_le32(buf + 20), 59940);
	assert_memory_equal(buf + 24, "640x480@60", 11);
	assert_int_equal(proto_port_video_unpack(&back, buf, sizeof(buf)), 0);
	assert_memory_equal(&back, &pv, sizeof(pv));
	assert_int_equal(proto_port_video_unpack(&back, buf, PROTO_PORT_VIDEO_LEN - 1), -1);
	/* an unterminated name comes back terminated */
	memset(buf + 24, 'x', PROTO_MODE_NAME_LEN);
	assert_int_equal(proto_port_video_unpack(&back, buf, sizeof(buf)), 0);
	assert_int_equal(strlen(back.mode), PROTO_MODE_NAME_LEN - 1);
	assert_string_equal(proto_cmd_str(PROTO_CMD_PORT_VIDEO), "PORT_VIDEO");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cobs_empty),
		cmocka_unit_test(test_cobs_zero_free_runs),
		cmocka_unit_test(test_cobs_full_block_trailing_code),
		cmocka_unit_test(test_cobs_all_zeros),
		cmocka_unit_test(test_cobs_random),
		cmocka_unit_test(test_cobs_decode_errors),
		cmocka_unit_test(test_crc32_check_values),
		cmocka_unit_test(test_proto_roundtrip),
		cmocka_unit_test(test_proto_back_to_back),
		cmocka_unit_test(test_proto_encode_limits),
		cmocka_unit_test(test_dec_empty_frames_ignored),
		cmocka_unit_test(test_dec_crc_each_position),
		cmocka_unit_test(test_dec_encoded_corruption),
		cmocka_unit_test(test_dec_too_long),
		cmocka_unit_test(test_dec_length_field_too_long),
		cmocka_unit_test(test_dec_bad_cobs),
		cmocka_unit_test(test_dec_bad_version),
		cmocka_unit_test(test_dec_truncated),
		cmocka_unit_test(test_dec_length_mismatch),
		cmocka_unit_test(test_dec_garbage_then_frame),
		cmocka_unit_test(test_info_layout),
		cmocka_unit_test(test_stats_layout),
		cmocka_unit_test(test_port_status_layout),
		cmocka_unit_test(test_hotkey_layout),
		cmocka_unit_test(test_port_video_layout),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests_name("proto", tests, NULL, NULL) ? 1 : 0;
}
