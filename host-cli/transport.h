/* SPDX-License-Identifier: MIT */
/*
 * transport.h - byte pipes to the board: the simulator's Unix socket, a tty, or an FTDI
 * channel through libftdi1. Open functions print the reason on stderr and return NULL.
 */
#ifndef KVMOSD_TRANSPORT_H
#define KVMOSD_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

struct transport;

struct transport_ops {
	/* Writes all of buf; 0 or -1 (message printed). */
	int (*write)(struct transport *t, const uint8_t *buf, size_t len);
	/* Waits up to timeout_ms for data; bytes read, 0 on time-out, -1 on error (printed). */
	int (*read)(struct transport *t, uint8_t *buf, size_t cap, int timeout_ms);
	void (*close)(struct transport *t);
};

struct transport {
	const struct transport_ops *ops;
	char name[128]; /* for messages, e.g. "simulator socket /tmp/x" */
};

struct transport *transport_sock_open(const char *path);
struct transport *transport_tty_open(const char *path, unsigned int baud);
/* desc: NULL for the first 0403:6010, or a libftdi string "i:VID:PID[:IDX]", "s:VID:PID:SERIAL" */
struct transport *transport_ftdi_open(const char *desc, unsigned int baud);

/* Milliseconds on a monotonic clock. */
int64_t transport_now_ms(void);
/* Microseconds on a monotonic clock. */
int64_t transport_now_us(void);

#endif /* KVMOSD_TRANSPORT_H */
