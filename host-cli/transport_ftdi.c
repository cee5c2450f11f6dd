/* SPDX-License-Identifier: MIT */
/*
 * transport_ftdi.c - FT2232H channel B through libftdi1, UART mode: 8N1, no flow control,
 * 1 ms latency timer so that short replies come back quickly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transport.h"

#ifdef KVMOSD_NO_FTDI

struct transport *transport_ftdi_open(const char *desc, unsigned int baud)
{
	(void)desc;
	(void)baud;
	fprintf(stderr, "kvmosd: this kvmosd was built without libftdi1; use --port or --sim\n");
	return NULL;
}

#else

#include <ftdi.h>

#define KVMOSD_FTDI_VID 0x0403
#define KVMOSD_FTDI_PID 0x6010

struct ftdi_transport {
	struct transport t; /* first member */
	struct ftdi_context *ctx;
};

static int ftdi_t_write(struct transport *t, const uint8_t *buf, size_t len)
{
	struct ftdi_transport *f = (struct ftdi_transport *)t;

	while (len) {
		int chunk = len > 4096 ? 4096 : (int)len;
		int n = ftdi_write_data(f->ctx, buf, chunk);

		if (n <= 0) {
			fprintf(stderr, "kvmosd: write to %s failed: %s\n", t->name,
				n < 0 ? ftdi_get_error_string(f->ctx) : "nothing written");
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int ftdi_t_read(struct transport *t, uint8_t *buf, size_t cap, int timeout_ms)
{
	struct ftdi_transport *f = (struct ftdi_transport *)t;
	int64_t deadline = transport_now_ms() + timeout_ms;
	int want = cap > 4096 ? 4096 : (int)cap;

	for (;;) {
		int n = ftdi_read_data(f->ctx, buf, want);

		if (n < 0) {
			fprintf(stderr, "kvmosd: read from %s failed: %s\n", t->name,
				ftdi_get_error_string(f->ctx));
			return -1;
		}
		if (n > 0)
			return n;
		/* n == 0: nothing within one latency period; poll until the deadline */
		if (transport_now_ms() >= deadline)
			return 0;
	}
}

static void ftdi_t_close(struct transport *t)
{
	struct ftdi_transport *f = (struct ftdi_transport *)t;

	ftdi_usb_close(f->ctx);
	ftdi_free(f->ctx);
	free(f);
}

static const struct transport_ops ftdi_ops = {
	.write = ftdi_t_write,
	.read = ftdi_t_read,
	.close = ftdi_t_close,
};

#define FTDI_TRY(call, what)                                                            \
	do {                                                                            \
		if ((call) < 0) {                                                       \
			fprintf(stderr, "kvmosd: %s: %s: %s\n", f->t.name, what,        \
				ftdi_get_error_string(ctx));                            \
			goto fail;                                                      \
		}                                                                       \
	} while (0)

struct transport *transport_ftdi_open(const char *desc, unsigned int baud)
{
	struct ftdi_transport *f;
	struct ftdi_context *ctx;
	int r;

	f = calloc(1, sizeof(*f));
	ctx = ftdi_new();
	if (!f || !ctx) {
		fprintf(stderr, "kvmosd: out of memory\n");
		free(f);
		if (ctx)
			ftdi_free(ctx);
		return NULL;
	}
	snprintf(f->t.name, sizeof(f->t.name), "FTDI %s interface B",
		 desc ? desc : "0403:6010");
	f->t.ops = &ftdi_ops;
	f->ctx = ctx;

	/* The interface must be chosen before the device is opened. */
	FTDI_TRY(ftdi_set_interface(ctx, INTERFACE_B), "cannot select interface B");
	if (desc)
		r = ftdi_usb_open_string(ctx, desc);
	else
		r = ftdi_usb_open(ctx, KVMOSD_FTDI_VID, KVMOSD_FTDI_PID);
	if (r < 0) {
		fprintf(stderr, "kvmosd: cannot open %s: %s (is the board plugged in, and do you "
				"have permission for the USB device?)\n",
			f->t.name, ftdi_get_error_string(ctx));
		ftdi_free(ctx);
		free(f);
		return NULL;
	}
	FTDI_TRY(ftdi_set_bitmode(ctx, 0, BITMODE_RESET), "cannot reset bit mode");
	FTDI_TRY(ftdi_set_baudrate(ctx, (int)baud), "cannot set baud rate");
	FTDI_TRY(ftdi_set_line_property(ctx, BITS_8, STOP_BIT_1, NONE),
		 "cannot set 8N1");
	FTDI_TRY(ftdi_setflowctrl(ctx, SIO_DISABLE_FLOW_CTRL), "cannot disable flow control");
	FTDI_TRY(ftdi_set_latency_timer(ctx, 1), "cannot set latency timer");
	FTDI_TRY(ftdi_tcioflush(ctx), "cannot flush buffers");
	/* ftdi_read_data() returns after at most this many ms when nothing arrives */
	ctx->usb_read_timeout = 50;
	return &f->t;

fail:
	ftdi_usb_close(ctx);
	ftdi_free(ctx);
	free(f);
	return NULL;
}

#endif /* KVMOSD_NO_FTDI */
