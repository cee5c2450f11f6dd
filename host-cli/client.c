/* SPDX-License-Identifier: MIT */
/*
 * client.c - request/reply with retries. Every attempt resends the identical frame (same
 * seq), so the board may recognise a retry; replies with another seq are stale and skipped.
 * A corrupted frame shortens the wait: the board has answered, so resend soon.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"

/*
 * After a corrupted frame, wait at most max(20 ms, timeout / 4) for a good one before
 * resending: log text from the board ahead of a reply counts as one bad frame, and a slow
 * simulator needs a while to send the reply that follows it.
 */
#define CLIENT_CORRUPT_GRACE_MS 20

void client_init(struct client *c, struct transport *t, int timeout_ms, int retries,
		 int verbose)
{
	memset(c, 0, sizeof(*c));
	c->t = t;
	c->timeout_ms = timeout_ms;
	c->retries = retries;
	c->verbose = verbose;
	c->seq = (uint8_t)(transport_now_us() ^ (transport_now_us() >> 8));
	proto_decoder_init(&c->dec);
}

static void client_dump(const char *dir, const uint8_t *buf, size_t len)
{
	size_t i;

	fprintf(stderr, "kvmosd: %s %zu bytes:", dir, len);
	for (i = 0; i < len; i++)
		fprintf(stderr, " %02x", buf[i]);
	fputc('\n', stderr);
}

struct attempt_stats {
	unsigned int corrupt, wrong_seq, stray;
	int last_error;
};

/* Handles one decoder result; returns 1 when *ret is final, 0 to keep reading. */
static int client_on_frame(struct client *c, int res, uint8_t seq, uint8_t cmd,
			   struct attempt_stats *st, int *ret)
{
	const struct proto_packet *p = proto_decoder_packet(&c->dec);

	if (res == PROTO_DEC_ERR_VERSION) {
		if (p->seq != seq) {
			st->wrong_seq++;
			return 0;
		}
		fprintf(stderr, "kvmosd: the board speaks protocol version %u, this kvmosd "
				"speaks version %u: update one of them\n",
			p->version, PROTO_VERSION);
		*ret = KVMOSD_EXIT_VERSION;
		return 1;
	}
	if (res != PROTO_DEC_FRAME) {
		/*
		 * Only reported if no valid reply follows: log text from the board before a
		 * reply also shows up here as one bad frame.
		 */
		st->corrupt++;
		st->last_error = res;
		if (c->verbose)
			fprintf(stderr, "kvmosd: corrupted frame from the board (%s)\n",
				proto_dec_str(res));
		return 0;
	}
	if (!(p->cmd & PROTO_REPLY)) {
		st->stray++;
		if (c->verbose)
			fprintf(stderr, "kvmosd: ignoring a request frame (cmd 0x%02x): is the "
					"link looped back?\n", p->cmd);
		return 0;
	}
	if (p->seq != seq) {
		st->wrong_seq++;
		fprintf(stderr, "kvmosd: ignoring a reply with seq %u (expected %u): stale "
				"reply to an earlier request\n", p->seq, seq);
		return 0;
	}
	if (p->cmd != (uint8_t)(cmd | PROTO_REPLY)) {
		fprintf(stderr, "kvmosd: reply to %s (seq %u) carries command 0x%02x, expected "
				"0x%02x\n", proto_cmd_str(cmd), seq, p->cmd, cmd | PROTO_REPLY);
		*ret = KVMOSD_EXIT_LINK;
		return 1;
	}
	c->reply = *p;
	memcpy(c->reply_buf, p->payload, p->len);
	c->reply.payload = c->reply_buf;
	*ret = KVMOSD_EXIT_OK;
	return 1;
}

int client_request(struct client *c, uint8_t cmd, const uint8_t *payload, uint16_t len)
{
	uint8_t frame[PROTO_MAX_FRAME], rx[512];
	struct proto_packet req = {
		.version = PROTO_VERSION,
		.seq = c->seq++,
		.cmd = cmd,
		.status = 0,
		.len = len,
		.payload = payload,
	};
	struct attempt_stats st = { 0, 0, 0, 0 };
	size_t flen = proto_encode(&req, frame, sizeof(frame));
	int attempts = c->retries + 1, a;

	if (!flen) {
		fprintf(stderr, "kvmosd: request payload of %u bytes is too long (max %d)\n", len,
			PROTO_MAX_PAYLOAD);
		return KVMOSD_EXIT_USAGE;
	}
	for (a = 1; a <= attempts; a++) {
		int64_t sent = transport_now_us();
		int64_t deadline = sent / 1000 + c->timeout_ms;
		unsigned int corrupt_before = st.corrupt;

		if (c->verbose)
			client_dump(a == 1 ? "send" : "resend", frame, flen);
		if (c->t->ops->write(c->t, frame, flen) < 0)
			return KVMOSD_EXIT_TRANSPORT;
		for (;;) {
			int64_t left = deadline - transport_now_ms();
			int n, i, ret;

			if (left <= 0)
				break;
			n = c->t->ops->read(c->t, rx, sizeof(rx), (int)left);
			if (n < 0)
				return KVMOSD_EXIT_TRANSPORT;
			if (n == 0)
				break;
			if (c->verbose > 1)
				client_dump("recv", rx, (size_t)n);
			for (i = 0; i < n; i++) {
				int res = proto_decoder_feed(&c->dec, rx[i]);

				if (res == PROTO_DEC_NEED_MORE)
					continue;
				if (client_on_frame(c, res, req.seq, cmd, &st, &ret)) {
					c->rtt_us = transport_now_us() - sent;
					return ret;
				}
			}
			if (st.corrupt != corrupt_before) {
				int64_t grace = c->timeout_ms / 4;

				if (grace < CLIENT_CORRUPT_GRACE_MS)
					grace = CLIENT_CORRUPT_GRACE_MS;
				grace += transport_now_ms();

				if (grace < deadline)
					deadline = grace;
			}
		}
		if (a == attempts)
			break;
		if (st.corrupt != corrupt_before)
			fprintf(stderr, "kvmosd: corrupted reply to %s (seq %u): %s; retrying "
					"(attempt %d of %d)\n",
				proto_cmd_str(cmd), req.seq, proto_dec_str(st.last_error), a + 1,
				attempts);
		else
			fprintf(stderr, "kvmosd: no reply to %s (seq %u) within %d ms, retrying "
					"(attempt %d of %d)\n",
				proto_cmd_str(cmd), req.seq, c->timeout_ms, a + 1, attempts);
	}
	if (st.corrupt || st.wrong_seq) {
		fprintf(stderr, "kvmosd: no valid reply to %s (seq %u) from %s after %d attempt%s: "
				"%u corrupted frame%s (last: %s), %u repl%s with the wrong seq\n",
			proto_cmd_str(cmd), req.seq, c->t->name, attempts, attempts == 1 ? "" : "s",
			st.corrupt, st.corrupt == 1 ? "" : "s",
			st.corrupt ? proto_dec_str(st.last_error) : "none", st.wrong_seq,
			st.wrong_seq == 1 ? "y" : "ies");
		return KVMOSD_EXIT_LINK;
	}
	fprintf(stderr, "kvmosd: timed out: no reply to %s (seq %u) from %s after %d attempt%s "
			"of %d ms (is the board running, and is the baud rate right?)\n",
		proto_cmd_str(cmd), req.seq, c->t->name, attempts, attempts == 1 ? "" : "s",
		c->timeout_ms);
	return KVMOSD_EXIT_TIMEOUT;
}

int client_call(struct client *c, uint8_t cmd, const uint8_t *payload, uint16_t len)
{
	int ret = client_request(c, cmd, payload, len);

	if (ret != KVMOSD_EXIT_OK)
		return ret;
	if (c->reply.status == PROTO_OK)
		return KVMOSD_EXIT_OK;
	if (c->reply.status == PROTO_ERR_BAD_VERSION) {
		fprintf(stderr, "kvmosd: the board does not support protocol version %u\n",
			PROTO_VERSION);
		if (c->reply.len >= 1)
			fprintf(stderr, "kvmosd: the board speaks protocol version %u\n",
				c->reply.payload[0]);
		return KVMOSD_EXIT_VERSION;
	}
	fprintf(stderr, "kvmosd: the board rejected %s: %s (status %u)\n", proto_cmd_str(cmd),
		proto_status_str(c->reply.status), c->reply.status);
	return KVMOSD_EXIT_STATUS;
}
