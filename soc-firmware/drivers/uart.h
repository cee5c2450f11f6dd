/* SPDX-License-Identifier: MIT */
/*
 * uart.h - UART driver (8N1, 512-byte RX and 16-byte TX FIFOs, 1 Mbaud after reset).
 * Polled; header-only so the boot ROM can use it without pulling in stdio. uart_stdio.c hooks it to picolibc stdout.
 */
#ifndef KVMOSD_FW_UART_H
#define KVMOSD_FW_UART_H

#include <stdint.h>
#include "kvmosd_regs.h"

#define UART_STATUS_RX_AVAIL	(1u << 0)
#define UART_STATUS_TX_FULL	(1u << 1)
#define UART_STATUS_TX_IDLE	(1u << 2)
#define UART_STATUS_OVERRUN	(1u << 3)
#define UART_STATUS_FRAMING	(1u << 4)
#define UART_DATA_VALID		(1u << 8)

static inline void uart_putc(char c)
{
	while (KVM_REG(KVM_UART_STATUS) & UART_STATUS_TX_FULL)
		;
	KVM_REG(KVM_UART_DATA) = (uint8_t)c;
}

static inline void uart_puts(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

/* Next received byte, or -1 if the RX FIFO is empty. */
static inline int uart_getc(void)
{
	uint32_t d = KVM_REG(KVM_UART_DATA);

	return (d & UART_DATA_VALID) ? (int)(d & 0xFF) : -1;
}

/* Wait until every queued byte has left the shifter. */
static inline void uart_flush(void)
{
	while (!(KVM_REG(KVM_UART_STATUS) & UART_STATUS_TX_IDLE))
		;
}

/* Set the baud rate from the clk_sys frequency (divider >= 4). */
static inline void uart_set_baud(uint32_t clk_hz, uint32_t baud)
{
	uint32_t div = (clk_hz + baud / 2) / baud;

	KVM_REG(KVM_UART_DIV) = div < 4 ? 4 : div;
}

/* Clear sticky overrun / framing flags; returns the flags that were set. */
static inline uint32_t uart_clear_errors(void)
{
	uint32_t st = KVM_REG(KVM_UART_STATUS) & (UART_STATUS_OVERRUN | UART_STATUS_FRAMING);

	if (st)
		KVM_REG(KVM_UART_ERRCLR) = st;
	return st;
}

#endif /* KVMOSD_FW_UART_H */
