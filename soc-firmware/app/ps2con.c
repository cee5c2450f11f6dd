/* SPDX-License-Identifier: MIT */
/* ps2con.c - see ps2con.h. */
#include <stdio.h>
#include <string.h>

#include "ps2con.h"

#define ACK		0xFA
#define RESEND		0xFE
#define BAT_OK		0xAA

enum { ST_START, ST_RUN, ST_READY, ST_IDLE };	/* device state */
enum { PH_SEND, PH_ACK, PH_EXTRA };		/* phase of the current step */

/* Script steps: one byte to send (with its ACK and reply bytes) or a control op. */
enum {
	OP_CMD,		/* send arg, expect FA */
	OP_LEDS,	/* send the LED byte */
	OP_TYPEMATIC,	/* send the typematic byte */
	OP_RESET,	/* FF: FA, then AA (keyboard) or AA 00 (mouse) */
	OP_ID,		/* F2: FA, then AB 83 (keyboard, optional) or the mouse ID */
	OP_IF_ID3,	/* skip the next arg steps unless the mouse ID is 3 */
	OP_DONE,
};

struct ps2con_step {
	uint8_t op;
	uint8_t arg;
};

static const struct ps2con_step kbd_init[] = {
	{ OP_RESET, 0xFF }, { OP_ID, 0xF2 },
	{ OP_CMD, 0xED }, { OP_LEDS, 0 },
	{ OP_CMD, 0xF3 }, { OP_TYPEMATIC, 0 },
	{ OP_CMD, 0xF4 }, { OP_DONE, 0 },
};

static const struct ps2con_step kbd_leds[] = {
	{ OP_CMD, 0xED }, { OP_LEDS, 0 }, { OP_DONE, 0 },
};

static const struct ps2con_step ms_init[] = {
	{ OP_RESET, 0xFF },
	/* IntelliMouse knock: rates 200, 100, 80 -> ID 3 */
	{ OP_CMD, 0xF3 }, { OP_CMD, 200 }, { OP_CMD, 0xF3 }, { OP_CMD, 100 },
	{ OP_CMD, 0xF3 }, { OP_CMD, 80 }, { OP_ID, 0xF2 },
	/* Explorer knock, only after ID 3: 200, 200, 80 -> ID 4 */
	{ OP_IF_ID3, 7 },
	{ OP_CMD, 0xF3 }, { OP_CMD, 200 }, { OP_CMD, 0xF3 }, { OP_CMD, 200 },
	{ OP_CMD, 0xF3 }, { OP_CMD, 80 }, { OP_ID, 0xF2 },
	/* 8 counts/mm, 100 samples/s, enable */
	{ OP_CMD, 0xE8 }, { OP_CMD, 3 }, { OP_CMD, 0xF3 }, { OP_CMD, 100 },
	{ OP_CMD, 0xF4 }, { OP_DONE, 0 },
};

static const char *const dev_name[PS2CON_NDEV] = { "keyboard", "mouse" };

static int after(uint32_t now, uint32_t t)
{
	return (int32_t)(now - t) >= 0;
}

static void logf_dev(struct ps2con *c, int dev, const char *what)
{
	char line[64];

	if (!c->ops.log)
		return;
	snprintf(line, sizeof(line), "kvm: console %s %s", dev_name[dev], what);
	c->ops.log(c->ops.ctx, line);
}

static const struct ps2con_step *init_script(int dev)
{
	return dev == PS2CON_MOUSE ? ms_init : kbd_init;
}

static void start(struct ps2con *c, int dev, const struct ps2con_step *script)
{
	struct ps2con_dev *d = &c->dev[dev];

	d->script = script;
	d->pc = 0;
	d->tries = 0;
	d->tx_pending = 0;
	d->state = ST_RUN;
	d->phase = PH_SEND;
	d->hp = 0;
	if (script != kbd_leds) {
		d->info.ready = 0;
		d->info.id = 0;
		c->ops.set_raw(c->ops.ctx, dev, 1);
	}
}

static void finish(struct ps2con *c, int dev)
{
	struct ps2con_dev *d = &c->dev[dev];
	char what[24];

	d->state = ST_READY;
	d->pkt_idx = 0;
	d->hp = 0;
	if (d->script == kbd_leds)
		return;
	d->info.ready = 1;
	d->info.inits++;
	d->fails = 0;
	if (dev == PS2CON_MOUSE) {
		c->ops.set_ms_id(c->ops.ctx, (uint8_t)d->info.id);
		c->ops.set_raw(c->ops.ctx, dev, 0);
		snprintf(what, sizeof(what), "ready, id %u", d->info.id);
		logf_dev(c, dev, what);
	} else {
		c->ops.set_raw(c->ops.ctx, dev, 0);
		logf_dev(c, dev, "ready");
	}
}

/* Next step; runs the control ops. */
static void advance(struct ps2con *c, int dev)
{
	struct ps2con_dev *d = &c->dev[dev];

	d->pc++;
	d->tries = 0;
	d->phase = PH_SEND;
	for (;;) {
		const struct ps2con_step *s = &d->script[d->pc];

		if (s->op == OP_IF_ID3) {
			d->pc = (uint8_t)(d->pc + 1 + (d->info.id == 3 ? 0 : s->arg));
			continue;
		}
		if (s->op == OP_DONE)
			finish(c, dev);
		return;
	}
}

static void fail(struct ps2con *c, int dev, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];

	d->info.tx_errors++;
	d->info.ready = 0;
	d->tx_pending = 0;
	c->ops.set_raw(c->ops.ctx, dev, 0);
	if (++d->fails > PS2CON_FAIL_RETRIES) {
		d->state = ST_IDLE;	/* until the device announces itself with AA */
		logf_dev(c, dev, "init failed, giving up");
		return;
	}
	d->state = ST_START;
	d->retry_at = now + PS2CON_RETRY_MS;
	logf_dev(c, dev, "init failed");
}

static void absent(struct ps2con *c, int dev, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];

	d->info.present = 0;
	d->info.ready = 0;
	d->tx_pending = 0;
	d->fails = 0;
	c->ops.set_raw(c->ops.ctx, dev, 0);
	d->state = ST_START;
	d->retry_at = now + PS2CON_RETRY_MS;
	if (!d->absent_logged)
		logf_dev(c, dev, "absent");
	d->absent_logged = 1;
}

/* Send the current byte again, or give up after PS2CON_TRIES sends. */
static void retry(struct ps2con *c, int dev, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];

	d->tx_pending = 0;
	if (++d->tries >= PS2CON_TRIES) {
		fail(c, dev, now);
		return;
	}
	d->phase = PH_SEND;
}

static void plugged(struct ps2con *c, int dev)
{
	c->dev[dev].fails = 0;
	logf_dev(c, dev, "plugged in");
	start(c, dev, init_script(dev));
}

void ps2con_init(struct ps2con *c, const struct ps2con_ops *ops)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->ops = *ops;
	c->typematic = PS2CON_TYPEMATIC_DEFAULT;
	for (i = 0; i < PS2CON_NDEV; i++)
		c->dev[i].state = ST_START;
}

void ps2con_set_leds(struct ps2con *c, uint8_t leds)
{
	c->leds = leds & 7u;
	c->leds_pending = 1;
}

void ps2con_set_typematic(struct ps2con *c, uint8_t typematic)
{
	c->typematic = typematic & 0x7Fu;
}

const struct ps2con_info *ps2con_info(const struct ps2con *c, int dev)
{
	return &c->dev[dev].info;
}

/* Mouse after init: AA 00 at the start of a packet, then silence = a new mouse. */
static void mouse_watch(struct ps2con_dev *d, uint8_t b, uint32_t now)
{
	if (now - d->last_rx >= 3)
		d->pkt_idx = 0;	/* bytes of a packet come about 1 ms apart */
	if (d->pkt_idx == 0 && b == BAT_OK)
		d->hp = 1;
	else if (d->hp == 1 && d->pkt_idx == 1 && b == 0x00)
		d->hp = 2;
	else
		d->hp = 0;
	d->pkt_idx = (uint8_t)((d->pkt_idx + 1) % (d->info.id ? 4 : 3));
	d->last_rx = now;
}

static int rx_extra(struct ps2con *c, int dev, uint8_t b, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];
	const struct ps2con_step *s = &d->script[d->pc];

	d->reply[d->got++] = b;
	if (s->op == OP_RESET && d->got == 1 && b != BAT_OK) {
		fail(c, dev, now);	/* FC / FD: self test failed */
		return 1;
	}
	if (d->got < d->need) {
		d->deadline = now + PS2CON_REPLY_MS + 1;
		return 1;
	}
	if (s->op == OP_ID) {
		if (dev == PS2CON_KBD)
			d->info.id = (uint16_t)(d->reply[0] << 8 | d->reply[1]);
		else
			d->info.id = (d->reply[0] == 3 || d->reply[0] == 4) ? d->reply[0] : 0;
	}
	advance(c, dev);
	return 1;
}

int ps2con_rx(struct ps2con *c, int dev, uint8_t b, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];
	const struct ps2con_step *s;
	int raw;

	d->info.present = 1;
	d->absent_logged = 0;
	switch (d->state) {
	case ST_READY:
		if (dev == PS2CON_MOUSE) {
			mouse_watch(d, b, now);
			return 0;
		}
		if (b == BAT_OK) {
			plugged(c, dev);
			return 1;
		}
		return 0;
	case ST_START:
	case ST_IDLE:
		if (b != BAT_OK)
			return 0;
		plugged(c, dev);
		return 1;
	default:
		break;
	}
	s = &d->script[d->pc];
	raw = d->script != kbd_leds;
	if (d->phase == PH_EXTRA)
		return rx_extra(c, dev, b, now);
	if (d->phase != PH_ACK)
		return raw;
	if (b == ACK) {
		d->tx_pending = 0;
		d->need = 0;
		if (s->op == OP_RESET)
			d->need = dev == PS2CON_MOUSE ? 2 : 1;
		else if (s->op == OP_ID)
			d->need = dev == PS2CON_MOUSE ? 1 : 2;
		if (!d->need) {
			advance(c, dev);
			return 1;
		}
		d->got = 0;
		d->phase = PH_EXTRA;
		d->deadline = now + (s->op == OP_RESET ? PS2CON_BAT_MS : PS2CON_REPLY_MS) + 1;
		return 1;
	}
	if (b == RESEND) {
		d->info.resends++;
		retry(c, dev, now);
		return 1;
	}
	if (b == BAT_OK) {
		plugged(c, dev);	/* a new device in the middle of a command */
		return 1;
	}
	return raw;
}

static void step_dev(struct ps2con *c, int dev, uint32_t now)
{
	struct ps2con_dev *d = &c->dev[dev];
	const struct ps2con_step *s;
	unsigned int st;
	uint8_t b;

	switch (d->state) {
	case ST_START:
		if (!after(now, d->retry_at))
			return;
		start(c, dev, init_script(dev));
		break;
	case ST_READY:
		if (dev == PS2CON_KBD && c->leds_pending) {
			start(c, dev, kbd_leds);
			break;
		}
		if (dev == PS2CON_MOUSE && d->hp == 2 && now - d->last_rx >= PS2CON_HOTPLUG_MS)
			plugged(c, dev);
		return;
	case ST_IDLE:
		return;
	default:
		break;
	}

	s = &d->script[d->pc];
	if (d->phase == PH_SEND) {
		switch (s->op) {
		case OP_LEDS:
			b = c->leds;
			break;
		case OP_TYPEMATIC:
			b = c->typematic;
			break;
		default:
			b = s->arg;
			break;
		}
		if (c->ops.tx(c->ops.ctx, dev, b) < 0)
			return;	/* receiving: try again next time */
		if (s->op == OP_LEDS)
			c->leds_pending = 0;
		d->byte = b;
		d->tx_pending = 1;
		d->phase = PH_ACK;
		d->deadline = now + PS2CON_TX_MS;
		return;
	}
	if (d->tx_pending) {
		st = c->ops.tx_status(c->ops.ctx, dev);
		if (st & PS2CON_TX_ERROR) {
			if (PS2CON_TX_CODE(st) == PS2CON_TX_NOCLOCK) {
				absent(c, dev, now);
				return;
			}
			d->info.tx_errors++;
			retry(c, dev, now);
			return;
		}
		if (st & PS2CON_TX_DONE) {
			d->tx_pending = 0;
			d->info.present = 1;
			d->absent_logged = 0;
			if (d->phase == PH_ACK)
				d->deadline = now + PS2CON_REPLY_MS + 1;
		}
	}
	if (!after(now, d->deadline) || now == d->deadline)
		return;
	if (d->tx_pending) {
		d->info.tx_errors++;
		retry(c, dev, now);
		return;
	}
	if (d->phase == PH_EXTRA && s->op == OP_ID && dev == PS2CON_KBD) {
		advance(c, dev);	/* some keyboards answer F2 with FA only */
		return;
	}
	d->info.timeouts++;
	retry(c, dev, now);
}

void ps2con_step(struct ps2con *c, uint32_t now)
{
	int dev;

	for (dev = 0; dev < PS2CON_NDEV; dev++)
		step_dev(c, dev, now);
}
