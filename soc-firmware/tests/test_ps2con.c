// SPDX-License-Identifier: MIT
/*
 * test_ps2con.c - console keyboard and mouse bring-up against fake devices that answer
 * like real ones (with reply delays), a missing device, FE resend, a mute device, hot-plug
 * (keyboard AA, mouse AA 00), a mouse without wheel, and the LED request service.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ps2con.h"

#define QLEN 64

struct fake_dev {
	/* behaviour */
	int present;		/* clocks at all */
	int mute;		/* ACKs bytes on the wire but never replies */
	int fa_only_id;		/* keyboard: F2 -> FA only */
	int wheel, explorer;	/* mouse knocks */
	uint8_t fe_byte;	/* reply FE to the first send of this byte */
	int fe_armed;
	int bat_ms;		/* FF -> FA, AA this much later */
	/* state */
	uint8_t sent[256];
	int nsent;
	int want_param;
	uint8_t last_cmd;
	uint8_t rates[3];
	uint8_t id;
	struct { uint32_t due; uint8_t b; } q[QLEN];
	int nq;
	unsigned int status;
	int raw, raw_on_count;
};

static struct fake_dev fdev[PS2CON_NDEV];
static uint32_t now;
static int ms_id_set = -1;
static char logbuf[4096];

static void push(int dev, uint32_t delay, uint8_t b)
{
	struct fake_dev *f = &fdev[dev];

	assert_true(f->nq < QLEN);
	f->q[f->nq].due = now + delay;
	f->q[f->nq].b = b;
	f->nq++;
}

static void fake_reply(int dev, uint8_t b)
{
	struct fake_dev *f = &fdev[dev];

	if (f->mute)
		return;
	if (f->fe_armed && b == f->fe_byte) {
		f->fe_armed = 0;
		push(dev, 2, 0xFE);
		return;
	}
	if (f->want_param) {
		f->want_param = 0;
		if (dev == PS2CON_MOUSE && f->last_cmd == 0xF3) {
			f->rates[0] = f->rates[1];
			f->rates[1] = f->rates[2];
			f->rates[2] = b;
		}
		push(dev, 2, 0xFA);
		return;
	}
	f->last_cmd = b;
	switch (b) {
	case 0xFF:
		push(dev, 2, 0xFA);
		push(dev, (uint32_t)f->bat_ms, 0xAA);
		if (dev == PS2CON_MOUSE) {
			push(dev, (uint32_t)f->bat_ms, 0x00);
			f->id = 0;
		}
		break;
	case 0xF2:
		push(dev, 2, 0xFA);
		if (dev == PS2CON_KBD && !f->fa_only_id) {
			push(dev, 3, 0xAB);
			push(dev, 4, 0x83);
		} else if (dev == PS2CON_MOUSE) {
			if (f->wheel && f->rates[0] == 200 && f->rates[1] == 100 && f->rates[2] == 80)
				f->id = 3;
			if (f->explorer && f->id == 3 && f->rates[0] == 200 && f->rates[1] == 200 &&
			    f->rates[2] == 80)
				f->id = 4;
			push(dev, 3, f->id);
		}
		break;
	case 0xED:
	case 0xF3:
	case 0xE8:
		f->want_param = 1;
		push(dev, 2, 0xFA);
		break;
	default:
		push(dev, 2, 0xFA);
		break;
	}
}

static int f_tx(void *ctx, int dev, uint8_t b)
{
	struct fake_dev *f = &fdev[dev];

	(void)ctx;
	assert_true(f->nsent < 256);
	f->sent[f->nsent++] = b;
	if (!f->present) {
		f->status = PS2CON_TX_READY | PS2CON_TX_ERROR | (PS2CON_TX_NOCLOCK << 4);
		return 0;
	}
	f->status = PS2CON_TX_READY | PS2CON_TX_DONE;
	fake_reply(dev, b);
	return 0;
}

static unsigned int f_tx_status(void *ctx, int dev)
{
	(void)ctx;
	return fdev[dev].status;
}

static void f_set_raw(void *ctx, int dev, int on)
{
	(void)ctx;
	fdev[dev].raw = on;
	if (on)
		fdev[dev].raw_on_count++;
}

static void f_set_ms_id(void *ctx, uint8_t id)
{
	(void)ctx;
	ms_id_set = id;
}

static void f_log(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(logbuf, msg, sizeof(logbuf) - strlen(logbuf) - 2);
	strcat(logbuf, "\n");
}

static const struct ps2con_ops ops = {
	.tx = f_tx, .tx_status = f_tx_status, .set_raw = f_set_raw,
	.set_ms_id = f_set_ms_id, .log = f_log,
};

static struct ps2con con;

static void reset_world(void)
{
	int i;

	memset(fdev, 0, sizeof(fdev));
	for (i = 0; i < PS2CON_NDEV; i++) {
		fdev[i].present = 1;
		fdev[i].bat_ms = 400;
	}
	now = 5;
	ms_id_set = -1;
	logbuf[0] = 0;
	ps2con_init(&con, &ops);
}

/* Deliver due replies and step, one millisecond at a time, for ms milliseconds. */
static int typing_seen;

static void run(uint32_t ms)
{
	uint32_t end = now + ms;
	int dev, i;

	for (; now != end; now++) {
		for (dev = 0; dev < PS2CON_NDEV; dev++) {
			struct fake_dev *f = &fdev[dev];

			while (f->nq && (int32_t)(now - f->q[0].due) >= 0) {
				uint8_t b = f->q[0].b;

				f->nq--;
				for (i = 0; i < f->nq; i++)
					f->q[i] = f->q[i + 1];
				if (!ps2con_rx(&con, dev, b, now))
					typing_seen++;
			}
		}
		ps2con_step(&con, now);
	}
}

static int count(const char *s)
{
	int n = 0;
	const char *p = logbuf;

	while ((p = strstr(p, s))) {
		n++;
		p += strlen(s);
	}
	return n;
}

static void expect_sent(int dev, const uint8_t *seq, int n)
{
	assert_int_equal(fdev[dev].nsent, n);
	assert_memory_equal(fdev[dev].sent, seq, (size_t)n);
}

static const uint8_t kbd_seq[] = { 0xFF, 0xF2, 0xED, 0x00, 0xF3, 0x20, 0xF4 };
static const uint8_t ms_seq_wheel[] = {
	0xFF, 0xF3, 200, 0xF3, 100, 0xF3, 80, 0xF2,
	0xF3, 200, 0xF3, 200, 0xF3, 80, 0xF2,
	0xE8, 0x03, 0xF3, 100, 0xF4,
};
static const uint8_t ms_seq_plain[] = {
	0xFF, 0xF3, 200, 0xF3, 100, 0xF3, 80, 0xF2,
	0xE8, 0x03, 0xF3, 100, 0xF4,
};

static void test_init_both(void **state)
{
	const struct ps2con_info *k, *m;

	(void)state;
	reset_world();
	fdev[PS2CON_MOUSE].wheel = 1;
	fdev[PS2CON_MOUSE].explorer = 1;
	run(1);
	assert_int_equal(fdev[PS2CON_KBD].raw, 1);	/* KBD_RAW / MS_RAW during init */
	assert_int_equal(fdev[PS2CON_MOUSE].raw, 1);
	run(1000);
	k = ps2con_info(&con, PS2CON_KBD);
	m = ps2con_info(&con, PS2CON_MOUSE);
	expect_sent(PS2CON_KBD, kbd_seq, sizeof(kbd_seq));
	expect_sent(PS2CON_MOUSE, ms_seq_wheel, sizeof(ms_seq_wheel));
	assert_true(k->present && k->ready);
	assert_int_equal(k->id, 0xAB83);
	assert_int_equal(k->inits, 1);
	assert_int_equal(m->id, 4);
	assert_int_equal(ms_id_set, 4);
	assert_int_equal(fdev[PS2CON_KBD].raw, 0);
	assert_int_equal(fdev[PS2CON_MOUSE].raw, 0);
	assert_int_equal(k->timeouts + k->resends + k->tx_errors, 0);
	assert_int_equal(count("kvm: console keyboard ready\n"), 1);
	assert_int_equal(count("kvm: console mouse ready, id 4\n"), 1);
	/* nothing more is sent once both are up */
	run(5000);
	assert_int_equal(fdev[PS2CON_KBD].nsent, sizeof(kbd_seq));
	assert_int_equal(fdev[PS2CON_MOUSE].nsent, sizeof(ms_seq_wheel));
}

static void test_mouse_no_wheel_and_wheel_only(void **state)
{
	(void)state;
	reset_world();
	run(1000);
	expect_sent(PS2CON_MOUSE, ms_seq_plain, sizeof(ms_seq_plain));
	assert_int_equal(ps2con_info(&con, PS2CON_MOUSE)->id, 0);
	assert_int_equal(ms_id_set, 0);
	assert_true(ps2con_info(&con, PS2CON_MOUSE)->ready);

	reset_world();
	fdev[PS2CON_MOUSE].wheel = 1;	/* IntelliMouse, not Explorer: stays 3 */
	run(1000);
	expect_sent(PS2CON_MOUSE, ms_seq_wheel, sizeof(ms_seq_wheel));
	assert_int_equal(ms_id_set, 3);
}

static void test_kbd_id_fa_only_and_slow_bat(void **state)
{
	(void)state;
	reset_world();
	fdev[PS2CON_KBD].fa_only_id = 1;
	fdev[PS2CON_KBD].bat_ms = 900;	/* slow self test, still inside 1 s */
	run(2000);
	expect_sent(PS2CON_KBD, kbd_seq, sizeof(kbd_seq));
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
	assert_int_equal(ps2con_info(&con, PS2CON_KBD)->id, 0);
	assert_int_equal(ps2con_info(&con, PS2CON_KBD)->timeouts, 0);
}

static void test_missing_device(void **state)
{
	int i;

	(void)state;
	reset_world();
	fdev[PS2CON_KBD].present = 0;
	run(3500);
	/* one FF per second, nothing else, logged once */
	assert_int_equal(fdev[PS2CON_KBD].nsent, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(fdev[PS2CON_KBD].sent[i], 0xFF);
	assert_int_equal(count("kvm: console keyboard absent\n"), 1);
	assert_false(ps2con_info(&con, PS2CON_KBD)->present);
	assert_false(ps2con_info(&con, PS2CON_KBD)->ready);
	assert_int_equal(fdev[PS2CON_KBD].raw, 0);	/* not held raw while absent */
	/* the mouse came up regardless */
	assert_true(ps2con_info(&con, PS2CON_MOUSE)->ready);
	/* plug it in: the next retry initialises it */
	fdev[PS2CON_KBD].present = 1;
	fdev[PS2CON_KBD].nsent = 0;
	run(2000);
	expect_sent(PS2CON_KBD, kbd_seq, sizeof(kbd_seq));
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
	assert_int_equal(count("kvm: console keyboard ready\n"), 1);
}

static void test_fe_resend(void **state)
{
	static const uint8_t seq[] = { 0xFF, 0xF2, 0xED, 0xED, 0x00, 0xF3, 0x20, 0xF4 };

	(void)state;
	reset_world();
	fdev[PS2CON_KBD].fe_byte = 0xED;
	fdev[PS2CON_KBD].fe_armed = 1;
	run(1500);
	expect_sent(PS2CON_KBD, seq, sizeof(seq));
	assert_int_equal(ps2con_info(&con, PS2CON_KBD)->resends, 1);
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
}

static void test_mute_device_gives_up(void **state)
{
	const struct ps2con_info *k;

	(void)state;
	reset_world();
	fdev[PS2CON_KBD].mute = 1;
	run(100);
	/* FF three times, 20 ms apart (plus a tick), then the init is given up */
	assert_int_equal(fdev[PS2CON_KBD].nsent, 3);
	k = ps2con_info(&con, PS2CON_KBD);
	assert_int_equal(k->timeouts, 3);
	assert_int_equal(k->tx_errors, 1);
	assert_true(k->present);
	assert_false(k->ready);
	assert_int_equal(fdev[PS2CON_KBD].raw, 0);
	assert_int_equal(count("kvm: console keyboard init failed\n"), 1);
	/* retried after 1 s, a few times, then left alone */
	run(10000);
	assert_int_equal(fdev[PS2CON_KBD].nsent, 3 * (1 + PS2CON_FAIL_RETRIES));
	assert_int_equal(count("giving up"), 1);
	/* ...until it announces itself */
	fdev[PS2CON_KBD].mute = 0;
	fdev[PS2CON_KBD].nsent = 0;
	push(PS2CON_KBD, 0, 0xAA);
	run(1500);
	expect_sent(PS2CON_KBD, kbd_seq, sizeof(kbd_seq));
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
}

static void test_kbd_hotplug_and_leds(void **state)
{
	static const uint8_t seq[] = { 0xFF, 0xF2, 0xED, 0x05, 0xF3, 0x20, 0xF4 };

	(void)state;
	reset_world();
	run(1000);
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
	/* LED request: ED + byte, keyboard stays ready */
	fdev[PS2CON_KBD].nsent = 0;
	ps2con_set_leds(&con, 0x05);
	run(50);
	assert_int_equal(fdev[PS2CON_KBD].nsent, 2);
	assert_int_equal(fdev[PS2CON_KBD].sent[0], 0xED);
	assert_int_equal(fdev[PS2CON_KBD].sent[1], 0x05);
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
	assert_int_equal(fdev[PS2CON_KBD].raw_on_count, 1);	/* LEDs need no raw mode */
	/* typing is not taken as replies */
	typing_seen = 0;
	push(PS2CON_KBD, 0, 0x1C);
	push(PS2CON_KBD, 0, 0xF0);
	push(PS2CON_KBD, 0, 0x1C);
	run(5);
	assert_int_equal(typing_seen, 3);
	/* a new keyboard: unsolicited AA -> full init with the LEDs re-applied */
	fdev[PS2CON_KBD].nsent = 0;
	push(PS2CON_KBD, 0, 0xAA);
	run(1500);
	expect_sent(PS2CON_KBD, seq, sizeof(seq));
	assert_int_equal(ps2con_info(&con, PS2CON_KBD)->inits, 2);
	assert_int_equal(count("kvm: console keyboard plugged in\n"), 1);
	assert_int_equal(count("kvm: console keyboard ready\n"), 2);
}

static void test_leds_before_ready(void **state)
{
	static const uint8_t seq[] = { 0xFF, 0xF2, 0xED, 0x03, 0xF3, 0x20, 0xF4 };

	(void)state;
	reset_world();
	ps2con_set_leds(&con, 0x02);	/* requests while the keyboard is still in reset: */
	run(100);
	ps2con_set_leds(&con, 0x03);	/* the init applies the latest one, once */
	while (fdev[PS2CON_KBD].nsent < 4)
		run(1);
	ps2con_set_leds(&con, 0x04);	/* after the init's ED: sent again afterwards */
	run(1500);
	assert_int_equal(fdev[PS2CON_KBD].nsent, sizeof(seq) + 2);
	assert_memory_equal(fdev[PS2CON_KBD].sent, seq, sizeof(seq));
	assert_int_equal(fdev[PS2CON_KBD].sent[sizeof(seq)], 0xED);
	assert_int_equal(fdev[PS2CON_KBD].sent[sizeof(seq) + 1], 0x04);
	assert_true(ps2con_info(&con, PS2CON_KBD)->ready);
}

static void test_mouse_hotplug(void **state)
{
	(void)state;
	reset_world();
	fdev[PS2CON_MOUSE].wheel = 1;
	run(1000);
	assert_int_equal(ms_id_set, 3);
	fdev[PS2CON_MOUSE].nsent = 0;
	/* movement packets (4 bytes, ID 3) containing AA 00 not at a packet start */
	push(PS2CON_MOUSE, 0, 0x08);
	push(PS2CON_MOUSE, 1, 0xAA);
	push(PS2CON_MOUSE, 2, 0x00);
	push(PS2CON_MOUSE, 3, 0x00);
	run(30);
	/* a packet that starts AA 00 but goes on */
	push(PS2CON_MOUSE, 0, 0xAA);
	push(PS2CON_MOUSE, 1, 0x00);
	push(PS2CON_MOUSE, 2, 0x05);
	push(PS2CON_MOUSE, 3, 0x00);
	run(30);
	assert_int_equal(fdev[PS2CON_MOUSE].nsent, 0);
	/* a new mouse: AA 00, then silence */
	push(PS2CON_MOUSE, 0, 0xAA);
	push(PS2CON_MOUSE, 1, 0x00);
	run(1000);
	expect_sent(PS2CON_MOUSE, ms_seq_wheel, sizeof(ms_seq_wheel));
	assert_int_equal(ps2con_info(&con, PS2CON_MOUSE)->inits, 2);
	assert_int_equal(count("kvm: console mouse plugged in\n"), 1);
}

static void test_bat_failure(void **state)
{
	(void)state;
	reset_world();
	fdev[PS2CON_KBD].mute = 1;
	run(1);
	/* the keyboard answers FF with FA FC (self test failed) */
	push(PS2CON_KBD, 1, 0xFA);
	push(PS2CON_KBD, 50, 0xFC);
	run(60);
	assert_false(ps2con_info(&con, PS2CON_KBD)->ready);
	assert_int_equal(count("kvm: console keyboard init failed\n"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_both),
		cmocka_unit_test(test_mouse_no_wheel_and_wheel_only),
		cmocka_unit_test(test_kbd_id_fa_only_and_slow_bat),
		cmocka_unit_test(test_missing_device),
		cmocka_unit_test(test_fe_resend),
		cmocka_unit_test(test_mute_device_gives_up),
		cmocka_unit_test(test_kbd_hotplug_and_leds),
		cmocka_unit_test(test_leds_before_ready),
		cmocka_unit_test(test_mouse_hotplug),
		cmocka_unit_test(test_bat_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
