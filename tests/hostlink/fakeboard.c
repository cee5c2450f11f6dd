/* SPDX-License-Identifier: MIT */
/* fakeboard.c - see fakeboard.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "fakeboard.h"
#include "hostlink.h"

struct fakeboard {
	pthread_t thread;
	volatile int stop;
	enum fakeboard_mode mode;
	int listen_fd; /* socket mode, else -1 */
	int conn_fd;   /* connected client or pty master */
	int slave_fd;  /* pty mode: kept open so the master never sees a hang-up */
	char path[108];
	struct hostlink hl;
	struct fakeboard_result res;
};

static void fb_write(struct fakeboard *fb, const uint8_t *buf, size_t len)
{
	while (len && fb->conn_fd >= 0) {
		ssize_t n = write(fb->conn_fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

/* Re-encodes the reply in frame with a changed seq or version. */
static void fb_send_modified(struct fakeboard *fb, const uint8_t *frame, size_t len,
			     uint8_t seq_xor, uint8_t version)
{
	uint8_t raw[PROTO_MAX_PACKET], out[PROTO_MAX_FRAME];
	struct proto_packet p;
	size_t n, m;

	if (len < 3 || cobs_decode(frame + 1, len - 2, raw, sizeof(raw), &n) != COBS_OK)
		return;
	p.version = version;
	p.seq = raw[1] ^ seq_xor;
	p.cmd = raw[2];
	p.status = raw[3];
	p.len = proto_get_le16(&raw[4]);
	p.payload = &raw[PROTO_HDR_LEN];
	m = proto_encode(&p, out, sizeof(out));
	fb_write(fb, out, m);
}

static void fb_tx(void *ctx, const uint8_t *buf, size_t len)
{
	struct fakeboard *fb = ctx;
	int first = fb->res.replies_sent++ == 0;
	static const char boot_text[] = "kvmosd boot rom: CRC ok, jumping to firmware\r\n";
	uint8_t copy[PROTO_MAX_FRAME];

	switch (fb->mode) {
	case FB_DROP_FIRST:
		if (first)
			return;
		break;
	case FB_CORRUPT_FIRST:
	case FB_CORRUPT_ALL:
		if (first || fb->mode == FB_CORRUPT_ALL) {
			memcpy(copy, buf, len);
			/* flip a bit in the middle; never create a 0x00 delimiter */
			copy[len / 2] ^= copy[len / 2] == 0x01 ? 0x02 : 0x01;
			fb_write(fb, copy, len);
			return;
		}
		break;
	case FB_SILENT:
		return;
	case FB_GARBAGE_BEFORE:
		fb_write(fb, (const uint8_t *)boot_text, sizeof(boot_text) - 1);
		break;
	case FB_STALE_FIRST:
		if (first)
			fb_send_modified(fb, buf, len, 0x5A, PROTO_VERSION);
		break;
	case FB_NEWER_VERSION:
		fb_send_modified(fb, buf, len, 0, PROTO_VERSION + 1);
		return;
	default:
		break;
	}
	fb_write(fb, buf, len);
}

static void fb_info(void *ctx, struct proto_info *out)
{
	(void)ctx;
	out->hw_id = 0x4B564D4F;
	out->hw_version = 0x00010000;
	out->uptime_ms = 12345;
	out->reset_cause = PROTO_RESET_POWER_ON;
	strcpy(out->fw_version, "0.1.0"); /* like the firmware: the CLI adds "kvmosd " */
	strcpy(out->build_id, "deadbeef");
}

static void fb_feed(struct fakeboard *fb, const uint8_t *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t before = fb->hl.stats.rx_frames + fb->hl.stats.err_version;

		hostlink_rx_byte(&fb->hl, buf[i]);
		if (fb->hl.stats.rx_frames + fb->hl.stats.err_version != before) {
			if (fb->res.nreq < FAKEBOARD_MAX_SEQS)
				fb->res.seqs[fb->res.nreq] = proto_decoder_packet(&fb->hl.dec)->seq;
			fb->res.nreq++;
		}
	}
}

static void *fb_thread(void *arg)
{
	struct fakeboard *fb = arg;
	uint8_t buf[1024];

	while (!fb->stop) {
		struct pollfd p;
		int r;

		if (fb->conn_fd < 0) {
			p.fd = fb->listen_fd;
			p.events = POLLIN;
			if (poll(&p, 1, 10) > 0)
				fb->conn_fd = accept(fb->listen_fd, NULL, NULL);
			continue;
		}
		p.fd = fb->conn_fd;
		p.events = POLLIN;
		r = poll(&p, 1, 10);
		if (r <= 0)
			continue;
		if (!(p.revents & POLLIN)) {
			usleep(1000);
			continue;
		}
		r = (int)read(fb->conn_fd, buf, sizeof(buf));
		if (r <= 0) {
			if (fb->listen_fd >= 0) { /* client went away: wait for the next one */
				close(fb->conn_fd);
				fb->conn_fd = -1;
			} else {
				usleep(1000);
			}
			continue;
		}
		fb_feed(fb, buf, (size_t)r);
	}
	return NULL;
}

static struct fakeboard *fb_new(enum fakeboard_mode mode)
{
	struct fakeboard *fb = calloc(1, sizeof(*fb));
	struct hostlink_ops ops = { .tx = fb_tx, .info = fb_info };

	if (!fb)
		return NULL;
	fb->mode = mode;
	fb->listen_fd = -1;
	fb->conn_fd = -1;
	fb->slave_fd = -1;
	ops.ctx = fb;
	hostlink_init(&fb->hl, &ops);
	return fb;
}

static struct fakeboard *fb_run(struct fakeboard *fb)
{
	if (pthread_create(&fb->thread, NULL, fb_thread, fb)) {
		fakeboard_stop(fb, NULL);
		return NULL;
	}
	return fb;
}

struct fakeboard *fakeboard_start_socket(const char *path, enum fakeboard_mode mode)
{
	struct fakeboard *fb = fb_new(mode);
	struct sockaddr_un sa;

	if (!fb)
		return NULL;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	snprintf(fb->path, sizeof(fb->path), "%s", path);
	unlink(path);
	fb->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fb->listen_fd < 0 || bind(fb->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(fb->listen_fd, 4) < 0) {
		perror("fakeboard socket");
		fakeboard_stop(fb, NULL);
		return NULL;
	}
	return fb_run(fb);
}

struct fakeboard *fakeboard_start_pty(char *slave, size_t cap, enum fakeboard_mode mode)
{
	struct fakeboard *fb = fb_new(mode);
	struct termios tio;
	const char *name;

	if (!fb)
		return NULL;
	fb->conn_fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fb->conn_fd < 0 || grantpt(fb->conn_fd) || unlockpt(fb->conn_fd) ||
	    !(name = ptsname(fb->conn_fd))) {
		perror("fakeboard pty");
		fakeboard_stop(fb, NULL);
		return NULL;
	}
	snprintf(slave, cap, "%s", name);
	fb->slave_fd = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fb->slave_fd >= 0 && tcgetattr(fb->slave_fd, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(fb->slave_fd, TCSANOW, &tio);
	}
	return fb_run(fb);
}

void fakeboard_stop(struct fakeboard *fb, struct fakeboard_result *res)
{
	if (!fb)
		return;
	if (fb->thread) {
		fb->stop = 1;
		pthread_join(fb->thread, NULL);
	}
	fb->res.stats = fb->hl.stats;
	if (res)
		*res = fb->res;
	if (fb->conn_fd >= 0)
		close(fb->conn_fd);
	if (fb->slave_fd >= 0)
		close(fb->slave_fd);
	if (fb->listen_fd >= 0) {
		close(fb->listen_fd);
		unlink(fb->path);
	}
	free(fb);
}
