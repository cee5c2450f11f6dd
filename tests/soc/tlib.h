/* SPDX-License-Identifier: MIT */
/*
 * tlib.h: helpers for the SoC test programs (tests/soc/t_*.c). A test reports over the
 * UART: "PASS\n", or "FAIL <line>\n"; it also leaves GPIO.OUT = 0xA5 (pass) / 0xFA (fail).
 * The testbench (tb_soc.cpp) ends on either line and times out otherwise.
 */
#ifndef TLIB_H
#define TLIB_H

#include <stdint.h>
#include "kvmosd_regs.h"

#define R(addr) KVM_REG(addr)

static inline void t_putc(char c)
{
	while (R(KVM_UART_STATUS) & 2)
		;
	R(KVM_UART_DATA) = (uint8_t)c;
}

static inline void t_puts(const char *s)
{
	while (*s)
		t_putc(*s++);
}

static inline void t_puthex(uint32_t v)
{
	for (int i = 28; i >= 0; i -= 4)
		t_putc("0123456789abcdef"[(v >> i) & 15]);
}

static inline void t_putdec(uint32_t v)
{
	char buf[12];
	int n = 0;

	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		t_putc(buf[--n]);
}

static inline void t_flush(void)
{
	while (!(R(KVM_UART_STATUS) & 4))
		;
}

static inline uint32_t t_now(void)
{
	return R(KVM_TIMER_MTIME_LO);
}

static inline __attribute__((noreturn)) void t_end(int ok, unsigned line)
{
	if (ok) {
		t_puts("PASS\n");
	} else {
		t_puts("FAIL ");
		t_putdec(line);
		t_putc('\n');
	}
	t_flush();
	R(KVM_GPIO_OUT) = ok ? 0xA5 : 0xFA;
	for (;;)
		;
}

#define T_CHECK(cond)                                                                      \
	do {                                                                               \
		if (!(cond))                                                               \
			t_end(0, __LINE__);                                                \
	} while (0)

static inline uint32_t csr_mcause(void)
{
	uint32_t v;

	__asm__ volatile("csrr %0, mcause" : "=r"(v));
	return v;
}

static inline void irq_enable(uint32_t mie_bits)
{
	__asm__ volatile("csrs mie, %0" ::"r"(mie_bits));
	__asm__ volatile("csrsi mstatus, 8");
}

static inline void irq_disable_all(void)
{
	__asm__ volatile("csrci mstatus, 8");
}

#define MIE_MTIE (1u << 7)
#define MIE_MEIE (1u << 11)
#define MCAUSE_TIMER 0x80000007u
#define MCAUSE_EXT 0x8000000Bu

#endif /* TLIB_H */
