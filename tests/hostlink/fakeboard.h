/* SPDX-License-Identifier: MIT */
/*
 * fakeboard.h - an in-test board: a thread that runs the real firmware hostlink code behind
 * a Unix socket (like the simulator) or a pseudo-terminal (like /dev/ttyUSB1), with faults
 * injected into its replies.
 */
#ifndef KVMOSD_FAKEBOARD_H
#define KVMOSD_FAKEBOARD_H

#include <stdint.h>

#include "proto.h"

enum fakeboard_mode {
	FB_NORMAL,
	FB_DROP_FIRST,      /* the first reply is never sent */
	FB_CORRUPT_FIRST,   /* one byte of the first reply is flipped */
	FB_CORRUPT_ALL,     /* every reply is corrupted */
	FB_SILENT,          /* never answers */
	FB_GARBAGE_BEFORE,  /* boot-log text before every reply */
	FB_STALE_FIRST,     /* a valid reply with another seq before the first real one */
	FB_NEWER_VERSION,   /* answers in protocol version PROTO_VERSION + 1 */
};

#define FAKEBOARD_MAX_SEQS 64

struct fakeboard_result {
	struct proto_stats stats;  /* hostlink counters */
	int nreq;                  /* requests seen (frames decoded) */
	uint8_t seqs[FAKEBOARD_MAX_SEQS]; /* their seq numbers, in order */
	int replies_sent;
};

struct fakeboard;

/* Serves the Unix socket at path. */
struct fakeboard *fakeboard_start_socket(const char *path, enum fakeboard_mode mode);
/* Serves a new pseudo-terminal; its slave device name is copied to slave (size cap). */
struct fakeboard *fakeboard_start_pty(char *slave, size_t cap, enum fakeboard_mode mode);
/* Stops the thread, frees everything, fills *res if not NULL. */
void fakeboard_stop(struct fakeboard *fb, struct fakeboard_result *res);

#endif /* KVMOSD_FAKEBOARD_H */
