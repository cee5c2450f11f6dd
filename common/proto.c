/* SPDX-License-Identifier: MIT */
/*
 * proto.c - host link framing: packet encoder, streaming COBS + packet decoder, and the
 * pack/unpack helpers for fixed reply layouts. See docs/protocol.md.
 */
#include <string.h>

#include "crc32.h"
#include "proto.h"

const char *proto_status_str(uint8_t status)
{
	switch (status) {
	case PROTO_OK:
		return "ok";
	case PROTO_ERR_UNKNOWN_CMD:
		return "unknown command";
	case PROTO_ERR_BAD_LENGTH:
		return "bad payload length";
	case PROTO_ERR_BAD_ARG:
		return "bad argument";
	case PROTO_ERR_BUSY:
		return "busy";
	case PROTO_ERR_INTERNAL:
		return "internal error";
	case PROTO_ERR_BAD_VERSION:
		return "unsupported protocol version";
	default:
		return "unknown status";
	}
}

const char *proto_cmd_str(uint8_t cmd)
{
	switch (cmd & (uint8_t)~PROTO_REPLY) {
	case PROTO_CMD_PING:
		return "PING";
	case PROTO_CMD_INFO:
		return "INFO";
	case PROTO_CMD_STATS:
		return "STATS";
	case PROTO_CMD_PORT_SELECT:
		return "PORT_SELECT";
	case PROTO_CMD_PORT_STATUS:
		return "PORT_STATUS";
	case PROTO_CMD_PORT_VIDEO:
		return "PORT_VIDEO";
	case PROTO_CMD_HOTKEY_GET:
		return "HOTKEY_GET";
	case PROTO_CMD_HOTKEY_SET:
		return "HOTKEY_SET";
	default:
		return "?";
	}
}

const char *proto_dec_str(int result)
{
	switch (result) {
	case PROTO_DEC_NEED_MORE:
		return "need more";
	case PROTO_DEC_FRAME:
		return "frame";
	case PROTO_DEC_ERR_CRC:
		return "bad CRC";
	case PROTO_DEC_ERR_TOO_LONG:
		return "frame too long";
	case PROTO_DEC_ERR_COBS:
		return "bad COBS encoding";
	case PROTO_DEC_ERR_VERSION:
		return "unsupported protocol version";
	case PROTO_DEC_ERR_TRUNCATED:
		return "truncated frame";
	case PROTO_DEC_ERR_LENGTH:
		return "length field does not match frame size";
	default:
		return "unknown decoder result";
	}
}

size_t proto_encode(const struct proto_packet *pkt, uint8_t *out, size_t cap)
{
	struct cobs_writer w;
	uint8_t hdr[PROTO_HDR_LEN], tail[PROTO_CRC_LEN];
	uint32_t crc;
	size_t n;

	if (pkt->len > PROTO_MAX_PAYLOAD || cap < 3)
		return 0;
	if (pkt->len && !pkt->payload)
		return 0;
	hdr[0] = pkt->version;
	hdr[1] = pkt->seq;
	hdr[2] = pkt->cmd;
	hdr[3] = pkt->status;
	proto_put_le16(&hdr[4], pkt->len);
	crc = kvm_crc32_update(0, hdr, sizeof(hdr));
	if (pkt->len)
		crc = kvm_crc32_update(crc, pkt->payload, pkt->len);
	proto_put_le32(tail, crc);

	out[0] = 0;
	cobs_writer_init(&w, out + 1, cap - 2);
	cobs_writer_put(&w, hdr, sizeof(hdr));
	if (pkt->len)
		cobs_writer_put(&w, pkt->payload, pkt->len);
	cobs_writer_put(&w, tail, sizeof(tail));
	n = cobs_writer_finish(&w);
	if (!n)
		return 0;
	out[1 + n] = 0;
	return n + 2;
}

static void proto_decoder_restart(struct proto_decoder *d)
{
	d->len = 0;
	d->discard = 0;
}

void proto_decoder_init(struct proto_decoder *d)
{
	memset(d, 0, sizeof(*d));
	proto_decoder_restart(d);
}

const struct proto_packet *proto_decoder_packet(const struct proto_decoder *d)
{
	return &d->pkt;
}

static void proto_fill_header(struct proto_decoder *d)
{
	d->pkt.version = d->buf[0];
	d->pkt.seq = d->buf[1];
	d->pkt.cmd = d->buf[2];
	d->pkt.status = d->buf[3];
	d->pkt.len = 0;
	d->pkt.payload = &d->buf[PROTO_HDR_LEN];
}

/* Decodes the complete frame in d->buf in place and validates it. */
static int proto_decoder_check(struct proto_decoder *d)
{
	size_t n, body, plen;
	uint32_t crc;

	if (cobs_decode(d->buf, d->len, d->buf, sizeof(d->buf), &n) != COBS_OK)
		return PROTO_DEC_ERR_COBS;
	if (n > PROTO_MAX_PACKET)
		return PROTO_DEC_ERR_TOO_LONG;
	if (n < PROTO_HDR_LEN + PROTO_CRC_LEN)
		return PROTO_DEC_ERR_TRUNCATED;
	body = n - PROTO_CRC_LEN;
	crc = proto_get_le32(&d->buf[body]);

	/*
	 * Another version may lay out its header differently; only byte 0 (version), byte 1
	 * (seq) and the trailing CRC are fixed forever. Check those first so that a newer host
	 * gets a BAD_VERSION answer rather than silence.
	 */
	if (d->buf[0] != PROTO_VERSION) {
		if (kvm_crc32(d->buf, body) != crc)
			return PROTO_DEC_ERR_CRC;
		proto_fill_header(d);
		return PROTO_DEC_ERR_VERSION;
	}

	plen = proto_get_le16(&d->buf[4]);
	if (plen > PROTO_MAX_PAYLOAD)
		return PROTO_DEC_ERR_TOO_LONG;
	if (n < PROTO_HDR_LEN + plen + PROTO_CRC_LEN)
		return PROTO_DEC_ERR_TRUNCATED;
	if (n > PROTO_HDR_LEN + plen + PROTO_CRC_LEN)
		return PROTO_DEC_ERR_LENGTH;
	if (kvm_crc32(d->buf, body) != crc)
		return PROTO_DEC_ERR_CRC;
	proto_fill_header(d);
	d->pkt.len = (uint16_t)plen;
	return PROTO_DEC_FRAME;
}

/* Called by proto_decoder_feed() for 0x00 and for bytes that do not fit. */
int proto_decoder_feed_slow(struct proto_decoder *d, uint8_t b)
{
	int ret;

	if (b == 0) {
		if (d->discard || d->len == 0)
			ret = PROTO_DEC_NEED_MORE; /* already reported, or an empty frame */
		else
			ret = proto_decoder_check(d);
		proto_decoder_restart(d);
		return ret;
	}
	if (d->discard)
		return PROTO_DEC_NEED_MORE;
	/* buffer full: no valid frame is this long */
	d->discard = 1;
	d->len = PROTO_MAX_ENCODED; /* keeps the inline fast path out */
	return PROTO_DEC_ERR_TOO_LONG;
}

static void proto_put_str(uint8_t *out, const char *s)
{
	size_t i;

	for (i = 0; i < PROTO_INFO_STR_LEN && s[i]; i++)
		out[i] = (uint8_t)s[i];
	for (; i < PROTO_INFO_STR_LEN; i++)
		out[i] = 0;
}

static void proto_get_str(char *s, const uint8_t *in)
{
	size_t i;

	for (i = 0; i < PROTO_INFO_STR_LEN && in[i]; i++)
		s[i] = (char)in[i];
	for (; i <= PROTO_INFO_STR_LEN; i++)
		s[i] = 0;
}

size_t proto_info_pack(const struct proto_info *info, uint8_t *out)
{
	out[0] = info->proto_version;
	out[1] = 0;
	out[2] = 0;
	out[3] = 0;
	proto_put_le32(&out[4], info->hw_id);
	proto_put_le32(&out[8], info->hw_version);
	proto_put_le32(&out[12], info->uptime_ms);
	proto_put_le32(&out[16], info->reset_cause);
	proto_put_str(&out[20], info->fw_version);
	proto_put_str(&out[20 + PROTO_INFO_STR_LEN], info->build_id);
	return PROTO_INFO_LEN;
}

int proto_info_unpack(struct proto_info *info, const uint8_t *in, size_t len)
{
	if (len < PROTO_INFO_LEN)
		return -1;
	info->proto_version = in[0];
	info->hw_id = proto_get_le32(&in[4]);
	info->hw_version = proto_get_le32(&in[8]);
	info->uptime_ms = proto_get_le32(&in[12]);
	info->reset_cause = proto_get_le32(&in[16]);
	proto_get_str(info->fw_version, &in[20]);
	proto_get_str(info->build_id, &in[20 + PROTO_INFO_STR_LEN]);
	return 0;
}

_Static_assert(sizeof(struct proto_stats) == PROTO_STATS_LEN, "proto_stats: u32 fields only");

/* Field order of struct proto_stats on the wire. */
#define PROTO_STATS_FIELDS(X) \
	X(rx_frames) X(rx_errors) X(err_crc) X(err_too_long) X(err_cobs) X(err_version) \
	X(err_truncated) X(err_length) X(tx_frames) X(unknown_cmd) X(ignored)

size_t proto_stats_pack(const struct proto_stats *st, uint8_t *out)
{
	size_t i = 0;

#define X(f) proto_put_le32(&out[4 * i++], st->f);
	PROTO_STATS_FIELDS(X)
#undef X
	return PROTO_STATS_LEN;
}

int proto_stats_unpack(struct proto_stats *st, const uint8_t *in, size_t len)
{
	size_t i = 0;

	if (len < PROTO_STATS_LEN)
		return -1;
#define X(f) st->f = proto_get_le32(&in[4 * i++]);
	PROTO_STATS_FIELDS(X)
#undef X
	return 0;
}

static void con_dev_pack(const struct proto_con_dev *d, uint8_t *out)
{
	out[0] = d->flags;
	out[1] = 0;
	proto_put_le16(out + 2, d->id);
	proto_put_le32(out + 4, d->inits);
	proto_put_le32(out + 8, d->timeouts);
	proto_put_le32(out + 12, d->resends);
	proto_put_le32(out + 16, d->tx_errors);
	proto_put_le32(out + 20, d->hw_errors);
}

static void con_dev_unpack(struct proto_con_dev *d, const uint8_t *in)
{
	d->flags = in[0];
	d->id = proto_get_le16(in + 2);
	d->inits = proto_get_le32(in + 4);
	d->timeouts = proto_get_le32(in + 8);
	d->resends = proto_get_le32(in + 12);
	d->tx_errors = proto_get_le32(in + 16);
	d->hw_errors = proto_get_le32(in + 20);
}

size_t proto_port_status_pack(const struct proto_port_status *ps, uint8_t *out)
{
	unsigned int i, n = ps->nports > PROTO_PORTS_MAX ? PROTO_PORTS_MAX : ps->nports;

	out[0] = (uint8_t)n;
	out[1] = ps->selected;
	out[2] = ps->flags;
	out[3] = 0;
	con_dev_pack(&ps->kbd, out + 4);
	con_dev_pack(&ps->mouse, out + 4 + PROTO_CON_DEV_LEN);
	for (i = 0; i < n; i++)
		proto_put_le32(out + PROTO_PORT_STATUS_HDR_LEN + 4 * i, ps->port[i]);
	return PROTO_PORT_STATUS_HDR_LEN + 4 * n;
}

int proto_port_status_unpack(struct proto_port_status *ps, const uint8_t *in, size_t len)
{
	unsigned int i;

	memset(ps, 0, sizeof(*ps));
	if (len < PROTO_PORT_STATUS_HDR_LEN || in[0] > PROTO_PORTS_MAX ||
	    len < PROTO_PORT_STATUS_HDR_LEN + 4u * in[0])
		return -1;
	ps->nports = in[0];
	ps->selected = in[1];
	ps->flags = in[2];
	con_dev_unpack(&ps->kbd, in + 4);
	con_dev_unpack(&ps->mouse, in + 4 + PROTO_CON_DEV_LEN);
	for (i = 0; i < ps->nports; i++)
		ps->port[i] = proto_get_le32(in + PROTO_PORT_STATUS_HDR_LEN + 4 * i);
	return 0;
}

size_t proto_hotkey_pack(const struct proto_hotkey *hk, uint8_t *out)
{
	out[0] = hk->mode;
	out[1] = hk->swallow ? PROTO_HOTKEY_SWALLOW : 0;
	proto_put_le16(out + 2, hk->window_ms);
	return PROTO_HOTKEY_LEN;
}

int proto_hotkey_unpack(struct proto_hotkey *hk, const uint8_t *in, size_t len)
{
	memset(hk, 0, sizeof(*hk));
	if (len < PROTO_HOTKEY_LEN)
		return -1;
	hk->mode = in[0];
	hk->swallow = in[1];
	hk->window_ms = proto_get_le16(in + 2);
	return 0;
}

int proto_hotkey_valid(const struct proto_hotkey *hk)
{
	return hk->mode <= PROTO_HOTKEY_ALT && hk->swallow <= PROTO_HOTKEY_SWALLOW &&
	       hk->window_ms >= PROTO_HOTKEY_WINDOW_MIN && hk->window_ms <= PROTO_HOTKEY_WINDOW_MAX;
}

size_t proto_port_video_pack(const struct proto_port_video *pv, uint8_t *out)
{
	size_t i;

	out[0] = pv->port;
	out[1] = pv->nports;
	out[2] = pv->source;
	out[3] = 0;
	proto_put_le32(out + 4, pv->flags);
	proto_put_le32(out + 8, pv->line_x16);
	proto_put_le32(out + 12, pv->lines);
	proto_put_le32(out + 16, pv->hfreq_hz);
	proto_put_le32(out + 20, pv->vfreq_mhz);
	for (i = 0; i < PROTO_MODE_NAME_LEN; i++)
		out[24 + i] = (uint8_t)pv->mode[i];
	out[24 + PROTO_MODE_NAME_LEN - 1] = 0;
	return PROTO_PORT_VIDEO_LEN;
}

int proto_port_video_unpack(struct proto_port_video *pv, const uint8_t *in, size_t len)
{
	size_t i;

	memset(pv, 0, sizeof(*pv));
	if (len < PROTO_PORT_VIDEO_LEN)
		return -1;
	pv->port = in[0];
	pv->nports = in[1];
	pv->source = in[2];
	pv->flags = proto_get_le32(in + 4);
	pv->line_x16 = proto_get_le32(in + 8);
	pv->lines = proto_get_le32(in + 12);
	pv->hfreq_hz = proto_get_le32(in + 16);
	pv->vfreq_mhz = proto_get_le32(in + 20);
	for (i = 0; i < PROTO_MODE_NAME_LEN; i++)
		pv->mode[i] = (char)in[24 + i];
	pv->mode[PROTO_MODE_NAME_LEN - 1] = 0;
	return 0;
}
