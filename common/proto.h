/* SPDX-License-Identifier: MIT */
/*
 * proto.h - the kvmosd host link wire protocol, shared by the firmware and the host CLI.
 * Specification: docs/protocol.md.
 *
 * Frame on the wire:  0x00  COBS(packet)  0x00
 * Packet:             version seq cmd status len_lo len_hi payload[len] crc32[4]
 * All multi-byte fields are little-endian; the CRC-32 (common/crc32.h) covers every packet
 * byte before it. Replies echo seq and carry cmd | PROTO_REPLY.
 *
 * Freestanding: no allocation, only <stdint.h>, <stddef.h>, <string.h>.
 */
#ifndef KVMOSD_PROTO_H
#define KVMOSD_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "cobs.h"

#define PROTO_VERSION 1

#define PROTO_HDR_LEN 6
#define PROTO_CRC_LEN 4
#define PROTO_MAX_PAYLOAD 256
#define PROTO_MAX_PACKET (PROTO_HDR_LEN + PROTO_MAX_PAYLOAD + PROTO_CRC_LEN)
/* Largest frame proto_encode() produces, both delimiters included. */
#define PROTO_MAX_FRAME (COBS_MAX_ENCODED(PROTO_MAX_PACKET) + 2)

#define PROTO_REPLY 0x80 /* cmd bit set in replies */

/* Commands (requests). Ranges are reserved in docs/protocol.md. */
enum proto_cmd {
	PROTO_CMD_PING = 0x01, /* payload echoed back unchanged */
	PROTO_CMD_INFO = 0x02, /* no payload; reply: struct proto_info, packed */
	PROTO_CMD_STATS = 0x03, /* no payload; reply: struct proto_stats, packed */
	PROTO_CMD_PORT_SELECT = 0x10, /* 1 byte: port 0..N-1 (BAD_ARG if >= N); empty reply */
	PROTO_CMD_PORT_STATUS = 0x11, /* no payload; reply: struct proto_port_status, packed */
	PROTO_CMD_PORT_VIDEO = 0x12, /* 1 byte: video input port; reply: struct proto_port_video */
	PROTO_CMD_HOTKEY_GET = 0x30, /* no payload; reply: struct proto_hotkey, packed */
	PROTO_CMD_HOTKEY_SET = 0x31, /* struct proto_hotkey; reply: the settings now in force */
	/* 0x10-0x1F ports, 0x20-0x2F OSD / fonts, 0x30-0x3F settings, 0x40-0x4F flash */
};

/* Reply status codes (the status byte; 0 in every request). */
enum proto_status {
	PROTO_OK = 0,
	PROTO_ERR_UNKNOWN_CMD = 1,
	PROTO_ERR_BAD_LENGTH = 2,
	PROTO_ERR_BAD_ARG = 3,
	PROTO_ERR_BUSY = 4,
	PROTO_ERR_INTERNAL = 5,
	PROTO_ERR_BAD_VERSION = 6, /* request version unsupported; payload: 1 byte, our version */
};

const char *proto_status_str(uint8_t status);
const char *proto_cmd_str(uint8_t cmd);

/* A packet, decoded or to encode. payload points into the caller's (or decoder's) buffer. */
struct proto_packet {
	uint8_t version;
	uint8_t seq;
	uint8_t cmd;
	uint8_t status;
	uint16_t len;
	const uint8_t *payload;
};

/*
 * Encodes pkt (its version field is used as is) as a complete frame, 0x00 COBS 0x00, into out.
 * Returns the frame length, or 0 if pkt->len > PROTO_MAX_PAYLOAD or cap is too small
 * (PROTO_MAX_FRAME always suffices).
 */
size_t proto_encode(const struct proto_packet *pkt, uint8_t *out, size_t cap);

/* Results of proto_decoder_feed(). */
enum proto_dec_result {
	PROTO_DEC_NEED_MORE = 0,
	PROTO_DEC_FRAME = 1,          /* a valid packet: proto_decoder_packet() */
	PROTO_DEC_ERR_CRC = -1,       /* CRC-32 mismatch */
	PROTO_DEC_ERR_TOO_LONG = -2,  /* frame or length field larger than PROTO_MAX_PACKET */
	PROTO_DEC_ERR_COBS = -3,      /* frame ended inside a COBS block */
	PROTO_DEC_ERR_VERSION = -4,   /* valid CRC, unknown version: header still readable */
	PROTO_DEC_ERR_TRUNCATED = -5, /* fewer bytes than the header (or length field) needs */
	PROTO_DEC_ERR_LENGTH = -6,    /* more bytes than the length field says */
};

#define PROTO_DEC_NUM_ERRORS 6

const char *proto_dec_str(int result);

/* Largest COBS-encoded packet the decoder accepts (delimiters not included). */
#define PROTO_MAX_ENCODED COBS_MAX_ENCODED(PROTO_MAX_PACKET)

/*
 * Byte-at-a-time decoder. Every 0x00 ends a frame; empty frames (0x00 0x00) are ignored.
 * Each bad frame is reported exactly once: either when it is detected (TOO_LONG: the rest
 * of the frame is then discarded) or at its closing 0x00. Decoding restarts after every 0x00.
 *
 * The bytes of a frame are only stored as they come (an inline fast path of a few
 * instructions: at 1 Mbaud the soft CPU has ~120 clk_sys cycles per byte and the UART RX FIFO
 * is small); COBS decoding (in place) and the checks run at the closing 0x00, while the host
 * waits for the reply.
 */
struct proto_decoder {
	uint8_t buf[PROTO_MAX_ENCODED]; /* encoded frame, decoded in place at its end */
	uint16_t len;        /* bytes in buf; PROTO_MAX_ENCODED while discarding */
	uint8_t discard;     /* error already reported: skip to the next 0x00 */
	struct proto_packet pkt;
};

void proto_decoder_init(struct proto_decoder *d);
int proto_decoder_feed_slow(struct proto_decoder *d, uint8_t b);

/* Fast path alone: 1 if b was just stored (result NEED_MORE), 0 if feed_slow must see it. */
static inline int proto_decoder_put_fast(struct proto_decoder *d, uint8_t b)
{
	if (b && d->len < PROTO_MAX_ENCODED) {
		d->buf[d->len++] = b;
		return 1;
	}
	return 0;
}

/* Returns one of enum proto_dec_result. */
static inline int proto_decoder_feed(struct proto_decoder *d, uint8_t b)
{
	if (proto_decoder_put_fast(d, b))
		return PROTO_DEC_NEED_MORE;
	return proto_decoder_feed_slow(d, b);
}

/*
 * The packet after PROTO_DEC_FRAME or PROTO_DEC_ERR_VERSION; valid until the next feed.
 */
const struct proto_packet *proto_decoder_packet(const struct proto_decoder *d);

/* Little-endian helpers. */
static inline void proto_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void proto_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline uint16_t proto_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t proto_get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

/*
 * INFO reply payload, PROTO_INFO_LEN bytes, little-endian:
 *   0  u8      protocol version (PROTO_VERSION of the firmware)
 *   1  u8[3]   reserved, 0
 *   4  u32     hardware id (SYSCTL.ID, 0x4B564D4F 'KVMO')
 *   8  u32     hardware version (SYSCTL.HW_VERSION: [31:16] major, [15:0] minor)
 *  12  u32     uptime in milliseconds (wraps after 49.7 days)
 *  16  u32     reset cause (SYSCTL.RESET_CAUSE bits at boot)
 *  20  char[24] firmware version string, NUL-padded (not terminated when 24 long)
 *  44  char[24] build id string, NUL-padded
 * Later firmware may append fields; readers accept longer payloads and ignore the tail.
 */
#define PROTO_INFO_STR_LEN 24
#define PROTO_INFO_LEN (20 + 2 * PROTO_INFO_STR_LEN)

#define PROTO_RESET_POWER_ON (1u << 0)
#define PROTO_RESET_WATCHDOG (1u << 1)
#define PROTO_RESET_SOFTWARE (1u << 2)

struct proto_info {
	uint8_t proto_version;
	uint32_t hw_id;
	uint32_t hw_version;
	uint32_t uptime_ms;
	uint32_t reset_cause;
	char fw_version[PROTO_INFO_STR_LEN + 1]; /* always NUL-terminated */
	char build_id[PROTO_INFO_STR_LEN + 1];
};

/* Packs into out (at least PROTO_INFO_LEN bytes); strings longer than 24 are cut. */
size_t proto_info_pack(const struct proto_info *info, uint8_t *out);
/* Returns 0, or -1 if len < PROTO_INFO_LEN. */
int proto_info_unpack(struct proto_info *info, const uint8_t *in, size_t len);

/*
 * STATS reply payload: PROTO_STATS_WORDS u32 little-endian counters of the board's link,
 * in this order. Readers accept longer payloads and ignore the tail.
 */
struct proto_stats {
	uint32_t rx_frames;     /* valid frames received */
	uint32_t rx_errors;     /* bad frames (sum of the following six) */
	uint32_t err_crc;
	uint32_t err_too_long;
	uint32_t err_cobs;
	uint32_t err_version;
	uint32_t err_truncated;
	uint32_t err_length;
	uint32_t tx_frames;     /* replies sent */
	uint32_t unknown_cmd;   /* requests answered with UNKNOWN_CMD */
	uint32_t ignored;       /* valid frames not answered (replies sent to us) */
};

#define PROTO_STATS_WORDS 11
#define PROTO_STATS_LEN (4 * PROTO_STATS_WORDS)

size_t proto_stats_pack(const struct proto_stats *st, uint8_t *out);
int proto_stats_unpack(struct proto_stats *st, const uint8_t *in, size_t len);

/*
 * PORT_STATUS reply: PROTO_PORT_STATUS_HDR_LEN + 4 * nports bytes, little-endian:
 *   0  u8      nports (0: the board has no KVM block)
 *   1  u8      selected port (0-based)
 *   2  u8      flags: bit 0 OSD open
 *   3  u8      reserved, 0
 *   4  24      console keyboard (layout below)
 *  28  24      console mouse
 *  52  u32[n]  KVM.PORT[i] word of each port (LEDs, scan set, typematic, mouse ID, ...)
 * Console device, 24 bytes:
 *   0  u8      flags: bit 0 present, bit 1 initialised
 *   1  u8      reserved, 0
 *   2  u16     id: keyboard AB83 (0 if F2 got FA only), mouse 0, 3 or 4
 *   4  u32     initialisations completed
 *   8  u32     reply time-outs
 *  12  u32     FE (resend) replies
 *  16  u32     send errors and inits given up
 *  20  u32     hardware error counters (KVM.ERR_KBD / ERR_MS)
 */
#define PROTO_PORTS_MAX 8
#define PROTO_CON_DEV_LEN 24
#define PROTO_PORT_STATUS_HDR_LEN (4 + 2 * PROTO_CON_DEV_LEN)
#define PROTO_PORT_STATUS_OSD_OPEN (1u << 0)
#define PROTO_CON_PRESENT (1u << 0)
#define PROTO_CON_READY (1u << 1)

struct proto_con_dev {
	uint8_t flags;
	uint16_t id;
	uint32_t inits;
	uint32_t timeouts;
	uint32_t resends;
	uint32_t tx_errors;
	uint32_t hw_errors;
};

struct proto_port_status {
	uint8_t nports;
	uint8_t selected;
	uint8_t flags;
	struct proto_con_dev kbd;
	struct proto_con_dev mouse;
	uint32_t port[PROTO_PORTS_MAX];
};

/* Packs (nports capped at PROTO_PORTS_MAX) into out (at least PROTO_PORT_STATUS_HDR_LEN +
 * 4 * PROTO_PORTS_MAX bytes); returns the length. */
size_t proto_port_status_pack(const struct proto_port_status *ps, uint8_t *out);
/* Returns 0, or -1 if len is too short for the header and its nports words, or
 * nports > PROTO_PORTS_MAX. */
int proto_port_status_unpack(struct proto_port_status *ps, const uint8_t *in, size_t len);

/*
 * HOTKEY_GET reply, HOTKEY_SET request and reply: PROTO_HOTKEY_LEN bytes:
 *   0  u8   mode: 0 Scroll Lock, 1 Ctrl, 2 Alt (tapped twice)
 *   1  u8   flags: bit 0 swallow (Scroll Lock mode: the key does not reach the PC)
 *   2  u16  window in ms (PROTO_HOTKEY_WINDOW_MIN .. MAX)
 */
#define PROTO_HOTKEY_LEN 4
#define PROTO_HOTKEY_SCROLL 0
#define PROTO_HOTKEY_CTRL 1
#define PROTO_HOTKEY_ALT 2
#define PROTO_HOTKEY_SWALLOW (1u << 0)
#define PROTO_HOTKEY_WINDOW_MIN 100
#define PROTO_HOTKEY_WINDOW_MAX 2000

struct proto_hotkey {
	uint8_t mode;
	uint8_t swallow;	/* 0 or 1 */
	uint16_t window_ms;
};

size_t proto_hotkey_pack(const struct proto_hotkey *hk, uint8_t *out);
/* Returns 0, or -1 if len < PROTO_HOTKEY_LEN. Does not check ranges (proto_hotkey_valid). */
int proto_hotkey_unpack(struct proto_hotkey *hk, const uint8_t *in, size_t len);
/* 1 if mode, flags and window are in range. */
int proto_hotkey_valid(const struct proto_hotkey *hk);

/*
 * PORT_VIDEO request: 1 byte, the video input port (BAD_ARG if >= the number of inputs).
 * Reply, PROTO_PORT_VIDEO_LEN bytes: what the firmware reads from that port's meter
 * (VIDIN block, docs/registers.md) and the mode name it gives it (app/vmode):
 *   0  u8   port
 *   1  u8   number of video input ports
 *   2  u8   source shown now (0..n-1, PROTO_VIDEO_INTERNAL for the internal picture)
 *   3  u8   reserved (0)
 *   4  u32  PORT_FLAGS register (bit0 present, bit1 stable, bit3 interlaced, bit4 hpol,
 *           bit5 vpol, bit6 composite sync, [15:8] lock losses)
 *   8  u32  line period x16 in reference ticks (PORT_LINE)
 *  12  u32  PORT_LINES ([11:0] lines per frame, [27:16] lines in the last field)
 *  16  u32  line rate in Hz (0 without lock)
 *  20  u32  frame rate (progressive) or field rate (interlaced) in mHz
 *  24  char mode[PROTO_MODE_NAME_LEN], NUL-padded: "1024x768@60", "ntsc", "NO SIGNAL",
 *           "unstable", "unknown 33.7kHz 60.0Hz"
 */
#define PROTO_MODE_NAME_LEN 24
#define PROTO_PORT_VIDEO_LEN (24 + PROTO_MODE_NAME_LEN)
#define PROTO_VIDEO_INTERNAL 0xFF

struct proto_port_video {
	uint8_t port;
	uint8_t nports;
	uint8_t source;
	uint32_t flags;
	uint32_t line_x16;
	uint32_t lines;
	uint32_t hfreq_hz;
	uint32_t vfreq_mhz;
	char mode[PROTO_MODE_NAME_LEN];	/* always NUL-terminated after unpack */
};

size_t proto_port_video_pack(const struct proto_port_video *pv, uint8_t *out);
/* Returns 0, or -1 if len < PROTO_PORT_VIDEO_LEN. */
int proto_port_video_unpack(struct proto_port_video *pv, const uint8_t *in, size_t len);

#endif /* KVMOSD_PROTO_H */
