/* SPDX-License-Identifier: MIT */
/*
 * main.c - kvmosd, the host command line tool for the kvmosd KVM switch.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "transport.h"

#ifndef KVMOSD_VERSION
#define KVMOSD_VERSION "0.0.0"
#endif
#ifndef KVMOSD_BUILD_ID
#define KVMOSD_BUILD_ID "unknown"
#endif

#define DEFAULT_BAUD 1000000
#define DEFAULT_TIMEOUT_MS 1000
#define DEFAULT_RETRIES 2
#define DEFAULT_PING_COUNT 4
#define DEFAULT_PING_SIZE 32

static void usage(FILE *f)
{
	fprintf(f,
"Usage: kvmosd [OPTIONS] COMMAND [ARGS]\n"
"Talks to a kvmosd board, or its simulator, over the host link (docs/protocol.md).\n"
"\n"
"Link (default: --ftdi, the first FT2232H 0403:6010, interface B):\n"
"  --sim SOCKET      the board simulator's Unix socket\n"
"  --port TTY        a serial port, e.g. /dev/ttyUSB1 (raw 8N1, no flow control)\n"
"  --ftdi [DEVICE]   libftdi1, interface B; DEVICE is i:0x0403:0x6010[:INDEX]\n"
"                    or s:0x0403:0x6010:SERIAL\n"
"  --baud N          baud rate for --port and --ftdi (default %d)\n"
"  --timeout MS      time to wait for each reply (default %d)\n"
"  --retries N       resends (same seq) after a time-out or corrupted reply (default %d)\n"
"  -v, --verbose     print frames on stderr; twice: also the raw received bytes\n"
"  -h, --help        this help\n"
"  --version         print the version of this tool\n"
"\n"
"Commands:\n"
"  info              firmware and build, hardware, uptime, reset cause\n"
"  ping [N [SIZE]]   N round trips (default %d) with SIZE payload bytes (default %d, max %d)\n"
"  stats             link counters of the board\n"
"  select P          switch keyboard, mouse and video to port P (1..N)\n"
"  ports             ports, the selected one, each port's LEDs and mouse, and the\n"
"                    console keyboard and mouse status\n"
"  video             each video input: mode, line and frame rate, sync flags\n"
"  hotkey [scroll|ctrl|alt] [window=MS] [swallow=on|off]\n"
"                    show or change the hotkey (the key tapped twice within MS ms;\n"
"                    swallow: Scroll Lock does not reach the PC). In RAM for now\n"
"  cmd CMD [HEX]     send command number CMD with payload HEX (e.g. cmd 0x01 0a0b0c);\n"
"                    print the reply status and payload\n"
"\n"
"Exit codes:\n"
"  0  success\n"
"  1  other failure (unexpected reply contents)\n"
"  2  usage error\n"
"  3  transport error: cannot open, read or write the link\n"
"  4  time-out: no reply after every attempt\n"
"  5  link error: only corrupted, mismatched or malformed replies\n"
"  6  the board answered with an error status\n"
"  7  protocol version mismatch between board and tool\n",
		DEFAULT_BAUD, DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_PING_COUNT,
		DEFAULT_PING_SIZE, PROTO_MAX_PAYLOAD);
}

static int parse_uint(const char *what, const char *s, unsigned long min, unsigned long max,
		      unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (!*s || *end || errno || s[0] == '-' || v < min || v > max) {
		fprintf(stderr, "kvmosd: %s must be a number from %lu to %lu, not '%s'\n", what,
			min, max, s);
		return -1;
	}
	*out = v;
	return 0;
}

static int is_ftdi_desc(const char *s)
{
	return s && s[0] && s[1] == ':' && strchr("isd", s[0]);
}

static void print_hw_id(uint32_t id)
{
	char s[5];
	int i, printable = 1;

	for (i = 0; i < 4; i++) {
		s[i] = (char)(id >> (24 - 8 * i));
		if (s[i] < 0x20 || s[i] > 0x7E)
			printable = 0;
	}
	s[4] = 0;
	if (printable)
		printf("%s", s);
	else
		printf("0x%08x", id);
}

static void print_reset_cause(uint32_t rc)
{
	static const char *const names[] = { "power-on", "watchdog", "software" };
	const char *sep = "";
	unsigned int i;

	if (!rc) {
		printf("none");
		return;
	}
	for (i = 0; i < 3; i++) {
		if (rc & (1u << i)) {
			printf("%s%s", sep, names[i]);
			sep = ", ";
		}
	}
	if (rc & ~7u)
		printf("%sunknown 0x%x", sep, rc & ~7u);
}

static int cmd_info(struct client *c)
{
	struct proto_info info;
	int ret = client_call(c, PROTO_CMD_INFO, NULL, 0);

	if (ret)
		return ret;
	if (proto_info_unpack(&info, c->reply.payload, c->reply.len) < 0) {
		fprintf(stderr, "kvmosd: INFO reply is %u bytes, expected at least %d\n",
			c->reply.len, PROTO_INFO_LEN);
		return KVMOSD_EXIT_FAIL;
	}
	/* a bare version number ("0.1.0") gets the product name, as in "kvmosd 0.1.0" */
	printf("firmware: %s%s\n", info.fw_version[0] >= '0' && info.fw_version[0] <= '9' ?
	       "kvmosd " : "", info.fw_version);
	printf("build: %s\n", info.build_id);
	printf("hardware: ");
	print_hw_id(info.hw_id);
	printf(" v%u.%u\n", info.hw_version >> 16, info.hw_version & 0xFFFF);
	printf("protocol: %u\n", info.proto_version);
	printf("uptime: %u.%03u s\n", info.uptime_ms / 1000, info.uptime_ms % 1000);
	printf("reset cause: ");
	print_reset_cause(info.reset_cause);
	printf("\n");
	return KVMOSD_EXIT_OK;
}

static int cmd_ping(struct client *c, unsigned long count, unsigned long size)
{
	uint8_t payload[PROTO_MAX_PAYLOAD];
	int64_t min = 0, max = 0, sum = 0;
	unsigned long i, j;

	for (i = 0; i < count; i++) {
		int ret;
		uint8_t seq = c->seq;

		/* includes zero bytes, so COBS stuffing is exercised */
		for (j = 0; j < size; j++)
			payload[j] = (uint8_t)(j * 7 + i);
		ret = client_call(c, PROTO_CMD_PING, payload, (uint16_t)size);
		if (ret)
			return ret;
		if (c->reply.len != size || memcmp(c->reply.payload, payload, size)) {
			fprintf(stderr, "kvmosd: PING reply (seq %u) does not echo the %lu payload "
					"bytes sent (got %u bytes)\n", seq, size, c->reply.len);
			return KVMOSD_EXIT_FAIL;
		}
		printf("ping %lu: seq=%u bytes=%lu time=%.3f ms\n", i + 1, seq, size,
		       c->rtt_us / 1000.0);
		fflush(stdout);
		if (!i || c->rtt_us < min)
			min = c->rtt_us;
		if (!i || c->rtt_us > max)
			max = c->rtt_us;
		sum += c->rtt_us;
	}
	if (count)
		printf("%lu sent, %lu received, rtt min/avg/max = %.3f/%.3f/%.3f ms\n", count,
		       count, min / 1000.0, sum / 1000.0 / (double)count, max / 1000.0);
	return KVMOSD_EXIT_OK;
}

static int cmd_stats(struct client *c)
{
	struct proto_stats st;
	int ret = client_call(c, PROTO_CMD_STATS, NULL, 0);

	if (ret)
		return ret;
	if (proto_stats_unpack(&st, c->reply.payload, c->reply.len) < 0) {
		fprintf(stderr, "kvmosd: STATS reply is %u bytes, expected at least %d\n",
			c->reply.len, PROTO_STATS_LEN);
		return KVMOSD_EXIT_FAIL;
	}
	printf("rx frames: %u\nrx errors: %u\n", st.rx_frames, st.rx_errors);
	printf("  bad crc: %u\n  too long: %u\n  bad cobs: %u\n  bad version: %u\n",
	       st.err_crc, st.err_too_long, st.err_cobs, st.err_version);
	printf("  truncated: %u\n  bad length: %u\n", st.err_truncated, st.err_length);
	printf("tx frames: %u\nunknown commands: %u\nignored frames: %u\n", st.tx_frames,
	       st.unknown_cmd, st.ignored);
	return KVMOSD_EXIT_OK;
}

static int cmd_select(struct client *c, unsigned long port)
{
	uint8_t p = (uint8_t)(port - 1);	/* users count from 1, the wire from 0 */
	int ret = client_call(c, PROTO_CMD_PORT_SELECT, &p, 1);

	if (ret == KVMOSD_EXIT_STATUS && c->reply.status == PROTO_ERR_BAD_ARG)
		fprintf(stderr, "kvmosd: the board has no port %lu (see kvmosd ports)\n", port);
	if (ret)
		return ret;
	printf("port %lu selected\n", port);
	return KVMOSD_EXIT_OK;
}

static void print_con_dev(const char *name, const struct proto_con_dev *d, int mouse)
{
	printf("console %s: %s", name, !(d->flags & PROTO_CON_PRESENT) ? "absent" :
	       (d->flags & PROTO_CON_READY) ? "ready" : "not initialised");
	if (d->flags & PROTO_CON_READY) {
		if (mouse)
			printf(", id %u", d->id);
		else if (d->id)
			printf(", id %04x", d->id);
	}
	printf(", %u inits, %u time-outs, %u resends, %u send errors", d->inits, d->timeouts,
	       d->resends, d->tx_errors);
	printf(", line errors parity %u framing %u timeout %u tx %u\n", d->hw_errors & 0xFF,
	       (d->hw_errors >> 8) & 0xFF, (d->hw_errors >> 16) & 0xFF, d->hw_errors >> 24);
}

static int cmd_ports(struct client *c)
{
	struct proto_port_status ps;
	unsigned int i;
	int ret = client_call(c, PROTO_CMD_PORT_STATUS, NULL, 0);

	if (ret)
		return ret;
	if (proto_port_status_unpack(&ps, c->reply.payload, c->reply.len) < 0) {
		fprintf(stderr, "kvmosd: PORT_STATUS reply of %u bytes is malformed\n",
			c->reply.len);
		return KVMOSD_EXIT_FAIL;
	}
	if (!ps.nports) {
		printf("ports: none (the board has no keyboard/mouse block)\n");
		return KVMOSD_EXIT_OK;
	}
	printf("ports: %u, selected %u%s\n", ps.nports, ps.selected + 1,
	       ps.flags & PROTO_PORT_STATUS_OSD_OPEN ? " (OSD open)" : "");
	for (i = 0; i < ps.nports; i++) {
		uint32_t w = ps.port[i];

		printf("%c %u: leds %s%s%s, scan set %u, mouse id %u%s, rate %u\n",
		       i == ps.selected ? '*' : ' ', i + 1, w & 2 ? "N" : "-", w & 4 ? "C" : "-",
		       w & 1 ? "S" : "-", (w >> 3) & 3, (w >> 12) & 7,
		       w & (1u << 15) ? " enabled" : "", (w >> 16) & 0xFF);
	}
	print_con_dev("keyboard", &ps.kbd, 0);
	print_con_dev("mouse", &ps.mouse, 1);
	return KVMOSD_EXIT_OK;
}

static void print_video_flags(uint32_t f)
{
	static const char *const names[] = { "present", "stable", "locked", "interlaced",
					     "+hsync", "+vsync", "csync" };
	unsigned int i;
	const char *sep = "";

	printf("flags ");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (f & (1u << i)) {
			printf("%s%s", sep, names[i]);
			sep = ",";
		}
	}
	if (!*sep)
		printf("none");
	printf(", %u lock losses", (f >> 8) & 0xFF);
}

static int cmd_video(struct client *c)
{
	struct proto_port_video pv;
	unsigned int i, n = 1;
	uint8_t p;
	int ret;

	for (i = 0; i < n; i++) {
		p = (uint8_t)i;
		ret = client_call(c, PROTO_CMD_PORT_VIDEO, &p, 1);
		if (ret == KVMOSD_EXIT_STATUS && !i && c->reply.status == PROTO_ERR_BAD_ARG) {
			printf("video: no inputs (the board has no video input block)\n");
			return KVMOSD_EXIT_OK;
		}
		if (ret)
			return ret;
		if (proto_port_video_unpack(&pv, c->reply.payload, c->reply.len) < 0 ||
		    pv.port != i || !pv.nports) {
			fprintf(stderr, "kvmosd: PORT_VIDEO reply of %u bytes is malformed\n",
				c->reply.len);
			return KVMOSD_EXIT_FAIL;
		}
		if (!i) {
			n = pv.nports > PROTO_PORTS_MAX ? PROTO_PORTS_MAX : pv.nports;
			if (pv.source == PROTO_VIDEO_INTERNAL)
				printf("video: %u inputs, showing the internal picture\n", n);
			else
				printf("video: %u inputs, showing port %u\n", n, pv.source + 1);
		}
		printf("%c %u: %s", pv.source == i ? '*' : ' ', i + 1, pv.mode);
		if (pv.hfreq_hz) {
			/* hundredths, rounded: 48.36 kHz 60.00 Hz */
			unsigned int kh = (pv.hfreq_hz + 5) / 10, hz = (pv.vfreq_mhz + 5) / 10;

			printf(", %u.%02u kHz %u.%02u Hz%s", kh / 100, kh % 100, hz / 100, hz % 100,
			       pv.flags & (1u << 3) ? " (fields)" : "");
		}
		if (pv.lines & 0xFFF)
			printf(", %u lines", pv.lines & 0xFFF);
		printf(", ");
		print_video_flags(pv.flags);
		printf("\n");
	}
	return KVMOSD_EXIT_OK;
}

static const char *const hotkey_modes[] = { "scroll", "ctrl", "alt" };

/* Arguments "scroll|ctrl|alt", "window=MS", "swallow=on|off": sets only those given. */
static int parse_hotkey_args(int n, char **args, int *mode, long *window, int *swallow)
{
	int i, m;

	for (i = 0; i < n; i++) {
		const char *a = args[i];
		unsigned long v;

		for (m = 0; m < 3; m++)
			if (!strcmp(a, hotkey_modes[m]))
				break;
		if (m < 3) {
			*mode = m;
		} else if (!strncmp(a, "window=", 7)) {
			if (parse_uint("window", a + 7, PROTO_HOTKEY_WINDOW_MIN,
				       PROTO_HOTKEY_WINDOW_MAX, &v) < 0)
				return -1;
			*window = (long)v;
		} else if (!strcmp(a, "swallow=on") || !strcmp(a, "swallow=off")) {
			*swallow = !strcmp(a, "swallow=on");
		} else {
			fprintf(stderr, "kvmosd: usage: hotkey [scroll|ctrl|alt] [window=MS] "
					"[swallow=on|off], not '%s'\n", a);
			return -1;
		}
	}
	return 0;
}

static int cmd_hotkey(struct client *c, int n, char **args)
{
	struct proto_hotkey hk;
	uint8_t buf[PROTO_HOTKEY_LEN];
	int mode = -1, swallow = -1;
	long window = -1;
	int ret;

	parse_hotkey_args(n, args, &mode, &window, &swallow);	/* checked before */
	ret = client_call(c, PROTO_CMD_HOTKEY_GET, NULL, 0);
	if (ret)
		return ret;
	if (proto_hotkey_unpack(&hk, c->reply.payload, c->reply.len) < 0) {
		fprintf(stderr, "kvmosd: HOTKEY reply is %u bytes, expected %d\n", c->reply.len,
			PROTO_HOTKEY_LEN);
		return KVMOSD_EXIT_FAIL;
	}
	if (n) {
		if (mode >= 0)
			hk.mode = (uint8_t)mode;
		if (window >= 0)
			hk.window_ms = (uint16_t)window;
		if (swallow >= 0)
			hk.swallow = (uint8_t)swallow;
		proto_hotkey_pack(&hk, buf);
		ret = client_call(c, PROTO_CMD_HOTKEY_SET, buf, sizeof(buf));
		if (ret)
			return ret;
		if (proto_hotkey_unpack(&hk, c->reply.payload, c->reply.len) < 0) {
			fprintf(stderr, "kvmosd: HOTKEY reply is %u bytes, expected %d\n",
				c->reply.len, PROTO_HOTKEY_LEN);
			return KVMOSD_EXIT_FAIL;
		}
	}
	printf("hotkey: %s twice within %u ms, swallow %s\n",
	       hk.mode < 3 ? hotkey_modes[hk.mode] : "?", hk.window_ms, hk.swallow ? "on" : "off");
	return KVMOSD_EXIT_OK;
}

static int parse_hex(const char *s, uint8_t *out, size_t cap, size_t *len)
{
	size_t n = 0;

	while (*s) {
		unsigned int v;

		if (n >= cap || !s[1] || sscanf(s, "%2x", &v) != 1 ||
		    !strchr("0123456789abcdefABCDEF", s[0]) ||
		    !strchr("0123456789abcdefABCDEF", s[1]))
			return -1;
		out[n++] = (uint8_t)v;
		s += 2;
	}
	*len = n;
	return 0;
}

static int cmd_raw(struct client *c, unsigned long cmd, const char *hex)
{
	uint8_t payload[PROTO_MAX_PAYLOAD];
	size_t len = 0, i;
	int ret;

	if (hex && parse_hex(hex, payload, sizeof(payload), &len) < 0) {
		fprintf(stderr, "kvmosd: payload must be pairs of hex digits, at most %d bytes\n",
			PROTO_MAX_PAYLOAD);
		return KVMOSD_EXIT_USAGE;
	}
	ret = client_request(c, (uint8_t)cmd, payload, (uint16_t)len);
	if (ret)
		return ret;
	printf("status: %u (%s)\nlength: %u\npayload:", c->reply.status,
	       proto_status_str(c->reply.status), c->reply.len);
	for (i = 0; i < c->reply.len; i++)
		printf(" %02x", c->reply.payload[i]);
	printf("\n");
	return c->reply.status == PROTO_OK ? KVMOSD_EXIT_OK : KVMOSD_EXIT_STATUS;
}

struct options {
	const char *sim, *port, *ftdi_desc;
	int ftdi;
	unsigned long baud, timeout, retries;
	int verbose;
};

/* Returns the index of the command in argv, or -1 (message printed), or 0 if done. */
static int parse_options(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL, *eq;
		char name[32];

		if (a[0] != '-')
			return i;
		if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			o->verbose++;
			continue;
		}
		if (!strcmp(a, "-vv")) {
			o->verbose += 2;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "--version")) {
			printf("kvmosd %s (build %s), host link protocol %d\n", KVMOSD_VERSION,
			       KVMOSD_BUILD_ID, PROTO_VERSION);
			return 0;
		}
		eq = strchr(a, '=');
		snprintf(name, sizeof(name), "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
		if (eq)
			val = eq + 1;
		if (!strcmp(name, "--ftdi")) {
			o->ftdi = 1;
			if (!val && is_ftdi_desc(i + 1 < argc ? argv[i + 1] : NULL))
				val = argv[++i];
			o->ftdi_desc = val;
			continue;
		}
		if (strcmp(name, "--sim") && strcmp(name, "--port") && strcmp(name, "--baud") &&
		    strcmp(name, "--timeout") && strcmp(name, "--retries")) {
			fprintf(stderr, "kvmosd: unknown option '%s' (see kvmosd --help)\n", a);
			return -1;
		}
		if (!val) {
			if (i + 1 >= argc) {
				fprintf(stderr, "kvmosd: option %s needs a value\n", name);
				return -1;
			}
			val = argv[++i];
		}
		if (!strcmp(name, "--sim"))
			o->sim = val;
		else if (!strcmp(name, "--port"))
			o->port = val;
		else if (!strcmp(name, "--baud") &&
			 parse_uint("--baud", val, 300, 12000000, &o->baud) < 0)
			return -1;
		else if (!strcmp(name, "--timeout") &&
			 parse_uint("--timeout", val, 1, 600000, &o->timeout) < 0)
			return -1;
		else if (!strcmp(name, "--retries") &&
			 parse_uint("--retries", val, 0, 100, &o->retries) < 0)
			return -1;
	}
	fprintf(stderr, "kvmosd: no command given (see kvmosd --help)\n");
	return -1;
}

int main(int argc, char **argv)
{
	struct options o = {
		.baud = DEFAULT_BAUD,
		.timeout = DEFAULT_TIMEOUT_MS,
		.retries = DEFAULT_RETRIES,
	};
	unsigned long n1 = 0, n2 = 0;
	struct transport *t;
	struct client c;
	const char *cmd;
	int ci, nargs, ret;

	ci = parse_options(argc, argv, &o);
	if (ci <= 0)
		return ci < 0 ? KVMOSD_EXIT_USAGE : KVMOSD_EXIT_OK;
	if (!!o.sim + !!o.port + o.ftdi > 1) {
		fprintf(stderr, "kvmosd: choose one of --sim, --port and --ftdi\n");
		return KVMOSD_EXIT_USAGE;
	}
	cmd = argv[ci];
	nargs = argc - ci - 1;

	/* Check the command line completely before touching the link. */
	if (!strcmp(cmd, "info") || !strcmp(cmd, "stats")) {
		if (nargs) {
			fprintf(stderr, "kvmosd: %s takes no arguments\n", cmd);
			return KVMOSD_EXIT_USAGE;
		}
	} else if (!strcmp(cmd, "ping")) {
		n1 = DEFAULT_PING_COUNT;
		n2 = DEFAULT_PING_SIZE;
		if (nargs > 2) {
			fprintf(stderr, "kvmosd: usage: ping [N [SIZE]]\n");
			return KVMOSD_EXIT_USAGE;
		}
		if (nargs >= 1 && parse_uint("ping count", argv[ci + 1], 1, 1000000, &n1) < 0)
			return KVMOSD_EXIT_USAGE;
		if (nargs == 2 && parse_uint("ping size", argv[ci + 2], 0, PROTO_MAX_PAYLOAD,
					     &n2) < 0)
			return KVMOSD_EXIT_USAGE;
	} else if (!strcmp(cmd, "ports") || !strcmp(cmd, "video")) {
		if (nargs) {
			fprintf(stderr, "kvmosd: %s takes no arguments\n", cmd);
			return KVMOSD_EXIT_USAGE;
		}
	} else if (!strcmp(cmd, "select")) {
		if (nargs != 1) {
			fprintf(stderr, "kvmosd: usage: select P (port number, from 1)\n");
			return KVMOSD_EXIT_USAGE;
		}
		if (parse_uint("port", argv[ci + 1], 1, PROTO_PORTS_MAX, &n1) < 0)
			return KVMOSD_EXIT_USAGE;
	} else if (!strcmp(cmd, "hotkey")) {
		int m = -1, sw = -1;
		long w = -1;

		if (parse_hotkey_args(nargs, argv + ci + 1, &m, &w, &sw) < 0)
			return KVMOSD_EXIT_USAGE;
	} else if (!strcmp(cmd, "cmd")) {
		if (nargs < 1 || nargs > 2) {
			fprintf(stderr, "kvmosd: usage: cmd CMD [HEX]\n");
			return KVMOSD_EXIT_USAGE;
		}
		if (parse_uint("command number", argv[ci + 1], 0, 0x7F, &n1) < 0)
			return KVMOSD_EXIT_USAGE;
	} else {
		fprintf(stderr, "kvmosd: unknown command '%s' (see kvmosd --help)\n", cmd);
		return KVMOSD_EXIT_USAGE;
	}

	if (o.sim)
		t = transport_sock_open(o.sim);
	else if (o.port)
		t = transport_tty_open(o.port, (unsigned int)o.baud);
	else
		t = transport_ftdi_open(o.ftdi_desc, (unsigned int)o.baud);
	if (!t)
		return KVMOSD_EXIT_TRANSPORT;
	client_init(&c, t, (int)o.timeout, (int)o.retries, o.verbose);

	if (!strcmp(cmd, "info"))
		ret = cmd_info(&c);
	else if (!strcmp(cmd, "stats"))
		ret = cmd_stats(&c);
	else if (!strcmp(cmd, "ping"))
		ret = cmd_ping(&c, n1, n2);
	else if (!strcmp(cmd, "select"))
		ret = cmd_select(&c, n1);
	else if (!strcmp(cmd, "ports"))
		ret = cmd_ports(&c);
	else if (!strcmp(cmd, "video"))
		ret = cmd_video(&c);
	else if (!strcmp(cmd, "hotkey"))
		ret = cmd_hotkey(&c, nargs, argv + ci + 1);
	else
		ret = cmd_raw(&c, n1, nargs == 2 ? argv[ci + 2] : NULL);
	t->ops->close(t);
	return ret;
}
