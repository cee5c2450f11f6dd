/* SPDX-License-Identifier: MIT */
/* test_hostlink.c - firmware-side dispatch (soc-firmware/app/hostlink.c) with fake ops. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "crc32.h"
#include "hostlink.h"
#include "proto.h"

struct fake {
	uint8_t tx[8192];
	size_t tx_len;
	int tx_calls;
	int info_calls;
};

static struct fake fake;
static struct hostlink hl;

static void fake_tx(void *ctx, const uint8_t *buf, size_t len)
{
	struct fake *f = ctx;

	assert_ptr_equal(f, &fake);
	assert_true(f->tx_len + len <= sizeof(f->tx));
	memcpy(f->tx + f->tx_len, buf, len);
	f->tx_len += len;
	f->tx_calls++;
}

static void fake_info(void *ctx, struct proto_info *out)
{
	struct fake *f = ctx;

	f->info_calls++;
	out->proto_version = 99; /* hostlink overrides it */
	out->hw_id = 0x4B564D4F;
	out->hw_version = 0x00010000;
	out->uptime_ms = 4242;
	out->reset_cause = PROTO_RESET_SOFTWARE;
	strcpy(out->fw_version, "kvmosd 0.1.0");
	strcpy(out->build_id, "cafe1234");
}

static int setup(void **state)
{
	struct hostlink_ops ops = { .tx = fake_tx, .info = fake_info, .ctx = &fake };

	(void)state;
	memset(&fake, 0, sizeof(fake));
	hostlink_init(&hl, &ops); /* ops is copied: it may live on the stack */
	return 0;
}

static void rx(const uint8_t *buf, size_t len)
{
	while (len--)
		hostlink_rx_byte(&hl, *buf++);
}

static void send_req(uint8_t version, uint8_t seq, uint8_t cmd, const void *payload, uint16_t len)
{
	struct proto_packet p = {
		.version = version, .seq = seq, .cmd = cmd, .len = len, .payload = payload,
	};
	uint8_t frame[PROTO_MAX_FRAME];
	size_t n = proto_encode(&p, frame, sizeof(frame));

	assert_true(n > 0);
	rx(frame, n);
}

/* Decodes the n-th reply frame in fake.tx (0-based) into *out (payload copied to buf). */
static void get_reply(int nth, struct proto_packet *out, uint8_t *buf)
{
	struct proto_decoder d;
	size_t i;
	int seen = 0;

	proto_decoder_init(&d);
	for (i = 0; i < fake.tx_len; i++) {
		int r = proto_decoder_feed(&d, fake.tx[i]);

		assert_true(r == PROTO_DEC_NEED_MORE || r == PROTO_DEC_FRAME);
		if (r == PROTO_DEC_FRAME && seen++ == nth) {
			*out = *proto_decoder_packet(&d);
			memcpy(buf, out->payload, out->len);
			out->payload = buf;
			return;
		}
	}
	fail_msg("reply %d not found", nth);
}

static void test_ping_echo(void **state)
{
	uint8_t payload[PROTO_MAX_PAYLOAD], buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;
	static const uint16_t sizes[] = { 0, 1, 2, 253, 254, 255, 256 };
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		for (j = 0; j < sizes[i]; j++)
			payload[j] = (uint8_t)(j % 3 ? j : 0);
		send_req(PROTO_VERSION, (uint8_t)(200 + i), PROTO_CMD_PING, payload, sizes[i]);
		assert_int_equal(fake.tx_calls, (int)i + 1);
		get_reply((int)i, &rep, buf);
		assert_int_equal(rep.version, PROTO_VERSION);
		assert_int_equal(rep.seq, 200 + i);
		assert_int_equal(rep.cmd, PROTO_CMD_PING | PROTO_REPLY);
		assert_int_equal(rep.status, PROTO_OK);
		assert_int_equal(rep.len, sizes[i]);
		assert_memory_equal(rep.payload, payload, sizes[i]);
	}
	assert_int_equal(hostlink_stats(&hl)->rx_frames, 7);
	assert_int_equal(hostlink_stats(&hl)->tx_frames, 7);
	assert_int_equal(hostlink_stats(&hl)->rx_errors, 0);
}

static void test_info(void **state)
{
	uint8_t buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;
	struct proto_info info;

	(void)state;
	send_req(PROTO_VERSION, 5, PROTO_CMD_INFO, NULL, 0);
	assert_int_equal(fake.info_calls, 1);
	get_reply(0, &rep, buf);
	assert_int_equal(rep.seq, 5);
	assert_int_equal(rep.cmd, PROTO_CMD_INFO | PROTO_REPLY);
	assert_int_equal(rep.status, PROTO_OK);
	assert_int_equal(rep.len, PROTO_INFO_LEN);
	assert_memory_equal(&buf[4], "OMVK", 4); /* 'KVMO' little-endian */
	assert_int_equal(proto_info_unpack(&info, buf, rep.len), 0);
	assert_int_equal(info.proto_version, PROTO_VERSION);
	assert_int_equal(info.hw_id, 0x4B564D4F);
	assert_int_equal(info.hw_version, 0x00010000);
	assert_int_equal(info.uptime_ms, 4242);
	assert_int_equal(info.reset_cause, PROTO_RESET_SOFTWARE);
	assert_string_equal(info.fw_version, "kvmosd 0.1.0");
	assert_string_equal(info.build_id, "cafe1234");
}

static void test_info_bad_length(void **state)
{
	uint8_t buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;

	(void)state;
	send_req(PROTO_VERSION, 6, PROTO_CMD_INFO, "x", 1);
	get_reply(0, &rep, buf);
	assert_int_equal(rep.status, PROTO_ERR_BAD_LENGTH);
	assert_int_equal(rep.cmd, PROTO_CMD_INFO | PROTO_REPLY);
	assert_int_equal(rep.len, 0);
	assert_int_equal(fake.info_calls, 0);
}

static void test_unknown_cmd(void **state)
{
	uint8_t buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;

	(void)state;
	send_req(PROTO_VERSION, 77, 0x55, "abc", 3);
	get_reply(0, &rep, buf);
	assert_int_equal(rep.seq, 77);
	assert_int_equal(rep.cmd, 0x55 | PROTO_REPLY);
	assert_int_equal(rep.status, PROTO_ERR_UNKNOWN_CMD);
	assert_int_equal(rep.len, 0);
	send_req(PROTO_VERSION, 78, 0x00, NULL, 0);
	assert_int_equal(hostlink_stats(&hl)->unknown_cmd, 2);
	assert_int_equal(fake.tx_calls, 2);
}

static void test_corrupt_no_reply(void **state)
{
	struct proto_packet p = { .version = PROTO_VERSION, .seq = 1, .cmd = PROTO_CMD_PING };
	uint8_t frame[PROTO_MAX_FRAME], buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;
	size_t n = proto_encode(&p, frame, sizeof(frame));

	(void)state;
	frame[3] ^= 0x04; /* inside the header */
	rx(frame, n);
	assert_int_equal(fake.tx_calls, 0);
	assert_int_equal(hostlink_stats(&hl)->rx_errors, 1);
	assert_int_equal(hostlink_stats(&hl)->err_crc, 1);
	/* the next good frame is answered */
	send_req(PROTO_VERSION, 2, PROTO_CMD_PING, "z", 1);
	get_reply(0, &rep, buf);
	assert_int_equal(rep.seq, 2);
}

static void test_garbage_between_frames(void **state)
{
	static const char text[] = "hello from the boot rom\r\n";
	static const uint8_t bad_cobs[] = { 0x00, 0x40, 0x01, 0x00 };
	uint8_t junk[600], buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;
	const struct proto_stats *st = hostlink_stats(&hl);
	int i;

	(void)state;
	rx((const uint8_t *)text, sizeof(text) - 1); /* ended by the next frame's leading 0 */
	send_req(PROTO_VERSION, 10, PROTO_CMD_PING, "a", 1);
	rx(bad_cobs, sizeof(bad_cobs));
	send_req(PROTO_VERSION, 11, PROTO_CMD_PING, "b", 1);
	memset(junk, 0x7A, sizeof(junk));
	rx(junk, sizeof(junk));
	send_req(PROTO_VERSION, 12, PROTO_CMD_PING, "c", 1);
	for (i = 0; i < 50; i++)
		hostlink_rx_byte(&hl, 0); /* idle zeros are harmless */
	send_req(PROTO_VERSION, 13, PROTO_CMD_PING, "d", 1);

	assert_int_equal(fake.tx_calls, 4);
	for (i = 0; i < 4; i++) {
		get_reply(i, &rep, buf);
		assert_int_equal(rep.seq, 10 + i);
		assert_int_equal(buf[0], 'a' + i);
	}
	assert_int_equal(st->rx_frames, 4);
	assert_int_equal(st->rx_errors, 3);
	assert_true(st->err_cobs >= 1); /* the bad_cobs frame; the text is one too */
	assert_int_equal(st->err_too_long, 1);
	assert_int_equal(st->err_truncated + st->err_crc + st->err_length + st->err_cobs, 2);
}

static void test_reply_frames_ignored(void **state)
{
	(void)state;
	send_req(PROTO_VERSION, 3, PROTO_CMD_PING | PROTO_REPLY, "q", 1);
	assert_int_equal(fake.tx_calls, 0);
	assert_int_equal(hostlink_stats(&hl)->ignored, 1);
	assert_int_equal(hostlink_stats(&hl)->rx_frames, 1);
}

static void test_bad_version_answered(void **state)
{
	uint8_t buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;

	(void)state;
	send_req(PROTO_VERSION + 1, 33, PROTO_CMD_INFO, NULL, 0);
	get_reply(0, &rep, buf);
	assert_int_equal(rep.version, PROTO_VERSION);
	assert_int_equal(rep.seq, 33);
	assert_int_equal(rep.cmd, PROTO_CMD_INFO | PROTO_REPLY);
	assert_int_equal(rep.status, PROTO_ERR_BAD_VERSION);
	assert_int_equal(rep.len, 1);
	assert_int_equal(buf[0], PROTO_VERSION);
	assert_int_equal(hostlink_stats(&hl)->err_version, 1);
	assert_int_equal(fake.info_calls, 0);
}

static void test_stats_cmd(void **state)
{
	uint8_t buf[PROTO_MAX_PAYLOAD];
	struct proto_packet rep;
	struct proto_stats st;

	(void)state;
	send_req(PROTO_VERSION, 1, PROTO_CMD_PING, NULL, 0);
	rx((const uint8_t *)"\x05\x01\x00", 3);
	send_req(PROTO_VERSION, 2, 0x70, NULL, 0);
	send_req(PROTO_VERSION, 3, PROTO_CMD_STATS, NULL, 0);
	get_reply(2, &rep, buf);
	assert_int_equal(rep.status, PROTO_OK);
	assert_int_equal(proto_stats_unpack(&st, buf, rep.len), 0);
	assert_int_equal(st.rx_frames, 3);
	assert_int_equal(st.rx_errors, 1);
	assert_int_equal(st.err_cobs, 1);
	assert_int_equal(st.unknown_cmd, 1);
	assert_int_equal(st.tx_frames, 3); /* includes this reply */
	assert_int_equal(hostlink_stats(&hl)->tx_frames, 3);
}

static void test_null_ops(void **state)
{
	struct hostlink_ops ops = { 0 };

	(void)state;
	hostlink_init(&hl, &ops);
	send_req(PROTO_VERSION, 1, PROTO_CMD_INFO, NULL, 0);
	send_req(PROTO_VERSION, 2, PROTO_CMD_PING, "x", 1);
	assert_int_equal(hostlink_stats(&hl)->tx_frames, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ping_echo, setup),
		cmocka_unit_test_setup(test_info, setup),
		cmocka_unit_test_setup(test_info_bad_length, setup),
		cmocka_unit_test_setup(test_unknown_cmd, setup),
		cmocka_unit_test_setup(test_corrupt_no_reply, setup),
		cmocka_unit_test_setup(test_garbage_between_frames, setup),
		cmocka_unit_test_setup(test_reply_frames_ignored, setup),
		cmocka_unit_test_setup(test_bad_version_answered, setup),
		cmocka_unit_test_setup(test_stats_cmd, setup),
		cmocka_unit_test_setup(test_null_ops, setup),
	};

	return cmocka_run_group_tests_name("hostlink", tests, NULL, NULL) ? 1 : 0;
}
