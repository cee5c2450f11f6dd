/* SPDX-License-Identifier: MIT */
/*
 * bench_hostlink.c - host link numbers: framing overhead, encoder/decoder speed on the host,
 * and the PING round trip through the real hostlink code behind a Unix socket.
 * Prints bench TSV lines (key, value, unit, description) on stdout.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "fakeboard.h"
#include "proto.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(void)
{
	uint8_t payload[PROTO_MAX_PAYLOAD], frame[PROTO_MAX_FRAME];
	struct proto_packet p = { .version = PROTO_VERSION, .cmd = PROTO_CMD_PING };
	struct proto_decoder d;
	volatile size_t sink = 0;
	size_t n, i;
	double t0, t;
	long iters = 20000, k;

	memset(payload, 0xA5, sizeof(payload)); /* no zeros: worst-case COBS overhead */
	p.payload = payload;
	p.len = PROTO_MAX_PAYLOAD;
	n = proto_encode(&p, frame, sizeof(frame));
	printf("frame_bytes_max\t%zu\tbytes\tlargest frame on the wire (256-byte payload, delimiters included)\n", n);
	printf("frame_overhead_max\t%zu\tbytes\tframing bytes added to a 256-byte payload\n",
	       n - PROTO_MAX_PAYLOAD);
	printf("ping256_wire_ms_1mbaud\t%.3f\tms\twire time of a 256-byte PING request plus reply at 1 Mbaud 8N1\n",
	       2.0 * (double)n * 10 / 1e6 * 1e3);
	p.len = 0;
	printf("frame_bytes_min\t%zu\tbytes\tframe with an empty payload\n",
	       proto_encode(&p, frame, sizeof(frame)));

	p.len = PROTO_MAX_PAYLOAD;
	t0 = now_s();
	for (k = 0; k < iters; k++) {
		payload[0] = (uint8_t)k;
		sink += proto_encode(&p, frame, sizeof(frame));
	}
	t = now_s() - t0;
	printf("host_encode_mbps\t%.1f\tMB/s\tproto_encode payload throughput on the build host\n",
	       (double)iters * PROTO_MAX_PAYLOAD / t / 1e6);

	n = proto_encode(&p, frame, sizeof(frame));
	proto_decoder_init(&d);
	t0 = now_s();
	for (k = 0; k < iters; k++)
		for (i = 0; i < n; i++)
			sink += (size_t)proto_decoder_feed(&d, frame[i]);
	t = now_s() - t0;
	printf("host_decode_mbps\t%.1f\tMB/s\tproto_decoder_feed wire-byte throughput on the build host\n",
	       (double)iters * (double)n / t / 1e6);

	/* PING round trips through the fake board (real hostlink code) over a Unix socket */
	{
		char path[] = "/tmp/kvmosd-bench-XXXXXX";
		char sock[64];
		struct sockaddr_un sa = { .sun_family = AF_UNIX };
		struct fakeboard *fb;
		double rtt[500];
		int fd, j;

		if (!mkdtemp(path))
			return 1;
		snprintf(sock, sizeof(sock), "%s/b.sock", path);
		fb = fakeboard_start_socket(sock, FB_NORMAL);
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", sock);
		if (!fb || fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
			fprintf(stderr, "bench_hostlink: cannot start the fake board\n");
			return 1;
		}
		p.len = 32;
		for (j = 0; j < 500; j++) {
			uint8_t rx[PROTO_MAX_FRAME];
			int done = 0;

			p.seq = (uint8_t)j;
			n = proto_encode(&p, frame, sizeof(frame));
			t0 = now_s();
			if (write(fd, frame, n) != (ssize_t)n)
				return 1;
			while (!done) {
				struct pollfd pf = { .fd = fd, .events = POLLIN };
				ssize_t r;

				if (poll(&pf, 1, 1000) <= 0)
					return 1;
				r = read(fd, rx, sizeof(rx));
				if (r <= 0)
					return 1;
				for (i = 0; i < (size_t)r; i++)
					done |= proto_decoder_feed(&d, rx[i]) == PROTO_DEC_FRAME;
			}
			rtt[j] = (now_s() - t0) * 1e6;
		}
		qsort(rtt, 500, sizeof(rtt[0]), cmp_double);
		printf("sock_ping_rtt_median_us\t%.1f\tus\tPING (32 bytes) round trip to the real hostlink over a Unix socket, median of 500\n",
		       rtt[250]);
		close(fd);
		fakeboard_stop(fb, NULL);
		rmdir(path);
	}
	return sink == 42 ? 2 : 0;
}
