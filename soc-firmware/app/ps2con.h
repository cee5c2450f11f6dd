/* SPDX-License-Identifier: MIT */
/*
 * ps2con.h - console PS/2 keyboard and mouse bring-up and upkeep (we are the host).
 *
 * Host-testable state machine: the main loop feeds it every snooped console byte
 * (ps2con_rx) and steps it with a millisecond clock (ps2con_step); it talks to the
 * hardware only through struct ps2con_ops. Per device it runs a const command script
 * (keyboard: FF, F2, ED leds, F3 typematic, F4; mouse: FF, the IntelliMouse and Explorer
 * knocks with F2, E8 03, F3 100, F4), one byte at a time: wait for the ACK (FA) and the
 * reply bytes, resend on FE or a time-out (PS2CON_TRIES tries per byte), then give up and
 * start over after PS2CON_RETRY_MS. A device that does not clock (absent) is retried
 * every PS2CON_RETRY_MS for ever. An unsolicited AA (keyboard) or AA 00 at a packet start
 * followed by silence (mouse) means a newly plugged device: initialise it again.
 * The LED byte (ED format) is applied by every keyboard init and on ps2con_set_leds().
 */
#ifndef KVMOSD_PS2CON_H
#define KVMOSD_PS2CON_H

#include <stdint.h>

enum { PS2CON_KBD = 0, PS2CON_MOUSE = 1, PS2CON_NDEV = 2 };

/* Device status byte, as in KVM.CON_STATUS (one byte per device). */
#define PS2CON_TX_READY		(1u << 0)
#define PS2CON_TX_DONE		(1u << 1)
#define PS2CON_TX_ERROR		(1u << 2)
#define PS2CON_TX_CODE(st)	(((st) >> 4) & 3u)
#define PS2CON_TX_NOCLOCK	2u	/* error code: the device never clocked (absent) */

#define PS2CON_REPLY_MS		20	/* a device answers within 20 ms */
#define PS2CON_BAT_MS		1000	/* AA after FF (self test) */
#define PS2CON_TX_MS		50	/* the host reports done or an error well within this */
#define PS2CON_RETRY_MS		1000	/* absent or failed device: try again after this */
#define PS2CON_TRIES		3	/* sends of one byte before giving up */
#define PS2CON_FAIL_RETRIES	3	/* whole-init retries of a present but failing device */
#define PS2CON_HOTPLUG_MS	5	/* mouse: silence after AA 00 that means a new device */
#define PS2CON_TYPEMATIC_DEFAULT 0x20	/* 500 ms delay, 30 cps */

struct ps2con_ops {
	/* Start sending b to device dev; 0 if started, -1 if the device is busy. */
	int (*tx)(void *ctx, int dev, uint8_t b);
	/* The device's status byte (PS2CON_TX_*), as in KVM.CON_STATUS. */
	unsigned int (*tx_status)(void *ctx, int dev);
	/* Keep the device's bytes away from the router (KBD_RAW / MS_RAW) while on. */
	void (*set_raw)(void *ctx, int dev, int on);
	/* Console mouse ID for the router's packet parser (KVM.MS_ID). */
	void (*set_ms_id)(void *ctx, uint8_t id);
	/* One log line, without "\n" (may be NULL). */
	void (*log)(void *ctx, const char *msg);
	void *ctx;
};

/* What the host link reports per device. */
struct ps2con_info {
	uint8_t present;	/* the device clocks (answered at least once since plugged) */
	uint8_t ready;		/* initialised */
	uint16_t id;		/* keyboard: AB83 (0 if it answered F2 with FA only); mouse: 0/3/4 */
	uint32_t inits;		/* completed initialisations */
	uint32_t timeouts;	/* replies that did not come in time */
	uint32_t resends;	/* FE received */
	uint32_t tx_errors;	/* send errors other than "no clock" and inits given up */
};

struct ps2con_step;

struct ps2con_dev {
	const struct ps2con_step *script;
	uint8_t state;		/* enum in ps2con.c */
	uint8_t phase;
	uint8_t pc;		/* step in script */
	uint8_t tries;
	uint8_t byte;		/* byte being sent */
	uint8_t tx_pending;	/* sent, done/error not seen yet */
	uint8_t need, got;	/* reply bytes after the ACK */
	uint8_t reply[2];
	uint8_t fails;		/* consecutive failed inits of a present device */
	uint8_t absent_logged;
	uint8_t hp;		/* mouse hot-plug detector: 1 AA seen, 2 AA 00 seen */
	uint8_t pkt_idx;	/* mouse: byte position in the packet */
	uint32_t deadline;
	uint32_t retry_at;
	uint32_t last_rx;
	struct ps2con_info info;
};

struct ps2con {
	struct ps2con_ops ops;
	struct ps2con_dev dev[PS2CON_NDEV];
	uint8_t leds;		/* console keyboard LEDs, ED format */
	uint8_t leds_pending;	/* send ED leds once the keyboard is idle */
	uint8_t typematic;
};

/* Starts both devices' init at the first ps2con_step(). ops copied. */
void ps2con_init(struct ps2con *c, const struct ps2con_ops *ops);
/* Feed one snooped console byte of dev. Returns 1 if it was a reply taken by ps2con
 * (not typing), 0 otherwise. */
int ps2con_rx(struct ps2con *c, int dev, uint8_t b, uint32_t now_ms);
/* Advance time-outs and sends; call every main loop iteration. */
void ps2con_step(struct ps2con *c, uint32_t now_ms);
/* New LED byte for the console keyboard (from the router's LED request). */
void ps2con_set_leds(struct ps2con *c, uint8_t leds);
/* Typematic byte for the next keyboard init. */
void ps2con_set_typematic(struct ps2con *c, uint8_t typematic);
const struct ps2con_info *ps2con_info(const struct ps2con *c, int dev);

#endif /* KVMOSD_PS2CON_H */
