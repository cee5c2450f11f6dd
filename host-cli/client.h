/* SPDX-License-Identifier: MIT */
/*
 * client.h - host side of the request/reply exchange: one request at a time, per-attempt
 * time-out, retries with the same seq, reply validation.
 */
#ifndef KVMOSD_CLIENT_H
#define KVMOSD_CLIENT_H

#include <stdint.h>

#include "proto.h"
#include "transport.h"

/* Exit codes of kvmosd (documented in --help and docs/protocol.md). */
enum kvmosd_exit {
	KVMOSD_EXIT_OK = 0,
	KVMOSD_EXIT_FAIL = 1,      /* other failure (e.g. unexpected reply contents) */
	KVMOSD_EXIT_USAGE = 2,     /* bad command line */
	KVMOSD_EXIT_TRANSPORT = 3, /* cannot open, read or write the link */
	KVMOSD_EXIT_TIMEOUT = 4,   /* no reply at all after every attempt */
	KVMOSD_EXIT_LINK = 5,      /* only corrupted / mismatched / malformed replies */
	KVMOSD_EXIT_STATUS = 6,    /* the board answered with an error status */
	KVMOSD_EXIT_VERSION = 7,   /* the board speaks another protocol version */
};

struct client {
	struct transport *t;
	int timeout_ms; /* per attempt */
	int retries;    /* extra attempts after the first */
	int verbose;
	uint8_t seq;
	struct proto_decoder dec;
	/* the last reply; payload points into reply_buf */
	struct proto_packet reply;
	uint8_t reply_buf[PROTO_MAX_PAYLOAD];
	int64_t rtt_us; /* of the last successful request, from its last send */
};

void client_init(struct client *c, struct transport *t, int timeout_ms, int retries,
		 int verbose);

/*
 * Sends one request and waits for its reply. Returns KVMOSD_EXIT_OK with c->reply filled
 * (whatever its status), or another exit code after printing why on stderr.
 */
int client_request(struct client *c, uint8_t cmd, const uint8_t *payload, uint16_t len);

/* client_request, then maps a non-OK reply status to KVMOSD_EXIT_STATUS / _VERSION. */
int client_call(struct client *c, uint8_t cmd, const uint8_t *payload, uint16_t len);

#endif /* KVMOSD_CLIENT_H */
