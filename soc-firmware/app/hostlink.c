/* SPDX-License-Identifier: MIT */
/*
 * hostlink.c - request dispatch for the host link. A corrupted frame gets no reply (the
 * host retries after its time-out) but is counted; every valid request gets exactly one
 * reply, errors included. Replies sent to us (cmd bit 7 set) are counted and ignored so
 * that two boards wired back to back cannot ping-pong.
 */
#include <string.h>

#include "hostlink.h"

struct hostlink_req {
	const struct proto_packet *pkt;
	uint8_t *out;   /* reply payload buffer, PROTO_MAX_PAYLOAD bytes */
	uint16_t out_len;
};

/* Returns a status code; fills req->out / req->out_len on success. */
typedef uint8_t (*hostlink_handler)(struct hostlink *hl, struct hostlink_req *req);

struct hostlink_cmd {
	uint8_t cmd;
	hostlink_handler fn;
};

static uint8_t hostlink_ping(struct hostlink *hl, struct hostlink_req *req)
{
	(void)hl;
	memcpy(req->out, req->pkt->payload, req->pkt->len);
	req->out_len = req->pkt->len;
	return PROTO_OK;
}

static uint8_t hostlink_info(struct hostlink *hl, struct hostlink_req *req)
{
	struct proto_info info;

	if (req->pkt->len)
		return PROTO_ERR_BAD_LENGTH;
	memset(&info, 0, sizeof(info));
	if (hl->ops.info)
		hl->ops.info(hl->ops.ctx, &info);
	info.proto_version = PROTO_VERSION;
	info.fw_version[PROTO_INFO_STR_LEN] = 0;
	info.build_id[PROTO_INFO_STR_LEN] = 0;
	req->out_len = (uint16_t)proto_info_pack(&info, req->out);
	return PROTO_OK;
}

static uint8_t hostlink_stats_cmd(struct hostlink *hl, struct hostlink_req *req)
{
	if (req->pkt->len)
		return PROTO_ERR_BAD_LENGTH;
	/* Count this reply too, so the numbers match what the host will have seen. */
	hl->stats.tx_frames++;
	req->out_len = (uint16_t)proto_stats_pack(&hl->stats, req->out);
	hl->stats.tx_frames--;
	return PROTO_OK;
}

static const struct hostlink_cmd hostlink_cmds[] = {
	{ PROTO_CMD_PING, hostlink_ping },
	{ PROTO_CMD_INFO, hostlink_info },
	{ PROTO_CMD_STATS, hostlink_stats_cmd },
};

void hostlink_init(struct hostlink *hl, const struct hostlink_ops *ops)
{
	memset(hl, 0, sizeof(*hl));
	hl->ops = *ops;
	proto_decoder_init(&hl->dec);
}

const struct proto_stats *hostlink_stats(const struct hostlink *hl)
{
	return &hl->stats;
}

static void hostlink_reply(struct hostlink *hl, const struct proto_packet *req, uint8_t status,
			   const uint8_t *payload, uint16_t len)
{
	struct proto_packet rep = {
		.version = PROTO_VERSION,
		.seq = req->seq,
		.cmd = (uint8_t)(req->cmd | PROTO_REPLY),
		.status = status,
		.len = len,
		.payload = payload,
	};
	size_t n = proto_encode(&rep, hl->frame, sizeof(hl->frame));

	if (!n)
		return; /* cannot happen: len <= PROTO_MAX_PAYLOAD and frame is big enough */
	hl->stats.tx_frames++;
	if (hl->ops.tx)
		hl->ops.tx(hl->ops.ctx, hl->frame, n);
}

static void hostlink_dispatch(struct hostlink *hl, const struct proto_packet *pkt)
{
	struct hostlink_req req = { .pkt = pkt, .out = hl->reply, .out_len = 0 };
	uint8_t status = PROTO_ERR_UNKNOWN_CMD;
	size_t i;

	if (pkt->cmd & PROTO_REPLY) {
		hl->stats.ignored++;
		return;
	}
	for (i = 0; i < sizeof(hostlink_cmds) / sizeof(hostlink_cmds[0]); i++) {
		if (hostlink_cmds[i].cmd == pkt->cmd) {
			status = hostlink_cmds[i].fn(hl, &req);
			break;
		}
	}
	if (i == sizeof(hostlink_cmds) / sizeof(hostlink_cmds[0]) && hl->ops.cmd)
		status = hl->ops.cmd(hl->ops.ctx, pkt->cmd, pkt->payload, pkt->len, req.out,
				     &req.out_len);
	if (status == PROTO_ERR_UNKNOWN_CMD)
		hl->stats.unknown_cmd++;
	if (status != PROTO_OK)
		req.out_len = 0;
	hostlink_reply(hl, pkt, status, hl->reply, req.out_len);
}

static void hostlink_count_error(struct hostlink *hl, int res)
{
	hl->stats.rx_errors++;
	switch (res) {
	case PROTO_DEC_ERR_CRC:
		hl->stats.err_crc++;
		break;
	case PROTO_DEC_ERR_TOO_LONG:
		hl->stats.err_too_long++;
		break;
	case PROTO_DEC_ERR_COBS:
		hl->stats.err_cobs++;
		break;
	case PROTO_DEC_ERR_VERSION:
		hl->stats.err_version++;
		break;
	case PROTO_DEC_ERR_TRUNCATED:
		hl->stats.err_truncated++;
		break;
	default:
		hl->stats.err_length++;
		break;
	}
}

/* Out of line, so that the per-byte path of hostlink_rx_byte() needs no stack frame. */
static void __attribute__((noinline)) hostlink_rx_slow(struct hostlink *hl, uint8_t b)
{
	int res = proto_decoder_feed_slow(&hl->dec, b);
	const struct proto_packet *pkt;
	uint8_t ver;

	if (res == PROTO_DEC_NEED_MORE)
		return;
	if (res == PROTO_DEC_FRAME) {
		hl->stats.rx_frames++;
		hostlink_dispatch(hl, proto_decoder_packet(&hl->dec));
		return;
	}
	hostlink_count_error(hl, res);
	if (res != PROTO_DEC_ERR_VERSION)
		return;
	/* Intact frame from another protocol version: tell the host which one we speak. */
	pkt = proto_decoder_packet(&hl->dec);
	if (pkt->cmd & PROTO_REPLY)
		return;
	ver = PROTO_VERSION;
	hostlink_reply(hl, pkt, PROTO_ERR_BAD_VERSION, &ver, 1);
}

void hostlink_rx_byte(struct hostlink *hl, uint8_t b)
{
	/* ~8 instructions for most bytes: at 1 Mbaud a byte arrives every 120 clk_sys cycles */
	if (!proto_decoder_put_fast(&hl->dec, b))
		hostlink_rx_slow(hl, b);
}
