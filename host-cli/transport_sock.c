/* SPDX-License-Identifier: MIT */
/*
 * transport_sock.c - Unix stream socket to the board simulator; the bytes are the raw UART
 * stream in both directions. Also holds the shared clock and fd helpers.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "transport.h"
#include "transport_fd.h"

int64_t transport_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t transport_now_ms(void)
{
	return transport_now_us() / 1000;
}

int fd_transport_write(struct transport *t, const uint8_t *buf, size_t len)
{
	struct fd_transport *ft = (struct fd_transport *)t;

	while (len) {
		ssize_t n = ft->is_socket ? send(ft->fd, buf, len, MSG_NOSIGNAL) :
					    write(ft->fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = ft->fd, .events = POLLOUT };

			poll(&p, 1, 100);
			continue;
		}
		if (n <= 0) {
			fprintf(stderr, "kvmosd: write to %s failed: %s\n", t->name,
				n < 0 ? strerror(errno) : "nothing written");
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int fd_transport_read(struct transport *t, uint8_t *buf, size_t cap, int timeout_ms)
{
	struct fd_transport *ft = (struct fd_transport *)t;
	int64_t deadline = transport_now_ms() + timeout_ms;

	for (;;) {
		struct pollfd p = { .fd = ft->fd, .events = POLLIN };
		int left = (int)(deadline - transport_now_ms());
		ssize_t n;
		int r;

		if (left < 0)
			left = 0;
		r = poll(&p, 1, left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fprintf(stderr, "kvmosd: poll on %s failed: %s\n", t->name, strerror(errno));
			return -1;
		}
		if (r == 0)
			return 0;
		n = read(ft->fd, buf, cap);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0) {
			fprintf(stderr, "kvmosd: read from %s failed: %s\n", t->name,
				strerror(errno));
			return -1;
		}
		if (n == 0) {
			fprintf(stderr, "kvmosd: %s closed the connection\n", t->name);
			return -1;
		}
		return (int)n;
	}
}

void fd_transport_close(struct transport *t)
{
	struct fd_transport *ft = (struct fd_transport *)t;

	close(ft->fd);
	free(ft);
}

static const struct transport_ops sock_ops = {
	.write = fd_transport_write,
	.read = fd_transport_read,
	.close = fd_transport_close,
};

struct transport *transport_sock_open(const char *path)
{
	struct sockaddr_un sa;
	struct fd_transport *ft;
	int fd;

	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "kvmosd: socket path too long (max %zu bytes): %s\n",
			sizeof(sa.sun_path) - 1, path);
		return NULL;
	}
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fprintf(stderr, "kvmosd: socket: %s\n", strerror(errno));
		return NULL;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "kvmosd: cannot connect to simulator socket %s: %s\n", path,
			strerror(errno));
		close(fd);
		return NULL;
	}
	ft = calloc(1, sizeof(*ft));
	if (!ft) {
		close(fd);
		return NULL;
	}
	ft->t.ops = &sock_ops;
	snprintf(ft->t.name, sizeof(ft->t.name), "simulator socket %s", path);
	ft->fd = fd;
	ft->is_socket = 1;
	return &ft->t;
}
