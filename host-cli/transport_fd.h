/* SPDX-License-Identifier: MIT */
/* transport_fd.h - shared parts of the file-descriptor transports (socket, tty). */
#ifndef KVMOSD_TRANSPORT_FD_H
#define KVMOSD_TRANSPORT_FD_H

#include "transport.h"

struct fd_transport {
	struct transport t; /* first member */
	int fd;
	int is_socket;
};

int fd_transport_write(struct transport *t, const uint8_t *buf, size_t len);
int fd_transport_read(struct transport *t, uint8_t *buf, size_t cap, int timeout_ms);
void fd_transport_close(struct transport *t);

/* termios2 custom baud rate (tty_baud.c, kept apart: <asm/termbits.h> clashes with <termios.h>) */
int tty_set_custom_baud(int fd, unsigned int baud);

#endif /* KVMOSD_TRANSPORT_FD_H */
