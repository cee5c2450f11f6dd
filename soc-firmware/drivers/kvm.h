/* SPDX-License-Identifier: MIT */
/*
 * kvm.h - KVM register block (KVM_KVM_*): console PS/2 hosts, router control, snoop FIFO,
 * inject, hotkey filter, per-port state. Register pokes only; the logic is in app/ps2con.c,
 * app/hotkey.c and app/kvm_ui.c. Fields: docs/registers.md.
 */
#ifndef KVMOSD_FW_KVM_H
#define KVMOSD_FW_KVM_H

#include <stddef.h>
#include <stdint.h>
#include "kvmosd_regs.h"

/* CTRL */
#define KVM_CTRL_BLOCK		(1u << 0)
#define KVM_CTRL_SNOOP_MOUSE	(1u << 1)
#define KVM_CTRL_KBD_RAW	(1u << 2)
#define KVM_CTRL_MS_RAW		(1u << 3)
/* STATUS */
#define KVM_STATUS_SNOOP	(1u << 0)
#define KVM_STATUS_OVERFLOW	(1u << 1)
#define KVM_STATUS_LED_REQ	(1u << 2)
#define KVM_STATUS_INJ_READY	(1u << 3)
#define KVM_STATUS_LED(st)	(((st) >> 8) & 0xFFu)
#define KVM_STATUS_N(st)	((st) >> 24)
/* CLEAR */
#define KVM_CLEAR_OVERFLOW	(1u << 0)
#define KVM_CLEAR_LED_ACK	(1u << 1)
#define KVM_CLEAR_ERRORS	(1u << 2)
/* SNOOP entry */
#define KVM_SNOOP_VALID		(1u << 31)
#define KVM_SNOOP_MOUSE		(1u << 23)
#define KVM_SNOOP_TS(e)		((uint16_t)(((e) >> 8) & 0x7FFFu))
#define KVM_SNOOP_BYTE(e)	((uint8_t)(e))
/* INJECT */
#define KVM_INJECT_LAST		(1u << 8)

/* Number of PC ports, 0 if the SoC has no KVM block (every register then reads 0). */
static inline unsigned int kvm_nports(void)
{
	return KVM_STATUS_N(KVM_REG(KVM_KVM_STATUS));
}

static inline uint32_t kvm_status(void)
{
	return KVM_REG(KVM_KVM_STATUS);
}

/* Pops one snoop entry; 0 (no KVM_SNOOP_VALID) when empty. */
static inline uint32_t kvm_snoop_pop(void)
{
	return KVM_REG(KVM_KVM_SNOOP);
}

static inline void kvm_clear(uint32_t bits)
{
	KVM_REG(KVM_KVM_CLEAR) = bits;
}

static inline void kvm_select(unsigned int port)
{
	KVM_REG(KVM_KVM_SELECT) = port;
}

static inline unsigned int kvm_selected(void)
{
	return KVM_REG(KVM_KVM_SELECT) & 0xFu;
}

static inline void kvm_set_ms_id(uint8_t id)
{
	KVM_REG(KVM_KVM_MS_ID) = id & 7u;
}

static inline void kvm_set_filter(uint32_t filter)
{
	KVM_REG(KVM_KVM_FILTER) = filter;
}

static inline uint32_t kvm_port_word(unsigned int i)
{
	return KVM_REG(KVM_KVM_PORT + KVM_KVM_PORT_STRIDE * i);
}

/* dev 0 keyboard, 1 mouse: the device's byte of CON_STATUS / its ERR_* word. */
static inline unsigned int kvm_con_status(int dev)
{
	return (KVM_REG(KVM_KVM_CON_STATUS) >> (dev ? 8 : 0)) & 0xFFu;
}

static inline uint32_t kvm_con_errors(int dev)
{
	return KVM_REG(dev ? KVM_KVM_ERR_MS : KVM_KVM_ERR_KBD);
}

/* Set (on) or clear the given CTRL bits. */
void kvm_ctrl(uint32_t bits, int on);
/* Start sending b to the console device; -1 if it is not ready (nothing sent). */
int kvm_con_tx(int dev, uint8_t b);
/* Push one keyboard chunk to a port; waits (bounded) for inject ready. -1 on time-out. */
int kvm_inject(unsigned int port, const uint8_t *chunk, size_t n);

#endif /* KVMOSD_FW_KVM_H */
