// SPDX-License-Identifier: MIT
/* t_flash: the read window returns the pattern file (tests/soc/mkpattern.py) at
 * sequential and random addresses and with byte / half-word loads; manual mode reads the
 * JEDEC ID, erases a 4 KiB sector and programs a page; the window sees the result.
 * Also prints the measured cycles of a flash-window word read. */
#include "tlib.h"

#define FLASH ((volatile uint32_t *)KVM_FLASH_BASE)

void __attribute__((interrupt("machine"))) trap_handler(void)
{
	t_end(0, __LINE__);
}

static uint32_t pattern(uint32_t a)
{
	return (a * 0x9E3779B1u) ^ 0xA5A5A5A5u;
}

static uint8_t xfer(uint8_t b)
{
	R(KVM_SPI_DATA) = b;
	return (uint8_t)R(KVM_SPI_DATA);
}

static void cs(int on)
{
	R(KVM_SPI_CTRL) = on ? 3 : 1;
}

static void cmd_addr(uint8_t cmd, uint32_t a)
{
	cs(1);
	xfer(cmd);
	xfer((uint8_t)(a >> 16));
	xfer((uint8_t)(a >> 8));
	xfer((uint8_t)a);
}

static void wren(void)
{
	cs(1);
	xfer(0x06);
	cs(0);
}

static void wait_ready(void)
{
	uint32_t t0 = t_now();
	uint8_t s;

	do {
		T_CHECK(t_now() - t0 < 1000000);
		cs(1);
		xfer(0x05);
		s = xfer(0);
		cs(0);
	} while (s & 1);
}

int main(void)
{
	uint32_t x = 1, t0, t_seq, t_rnd;

	t_puts("flash\n");
	for (uint32_t a = 0; a < 2048; a += 4)
		T_CHECK(FLASH[a / 4] == pattern(a));
	for (int i = 0; i < 200; i++) {
		x = x * 1664525u + 1013904223u;
		uint32_t a = (x >> 10) & 0xFFFC;
		T_CHECK(FLASH[a / 4] == pattern(a));
	}
	T_CHECK(((volatile uint8_t *)KVM_FLASH_BASE)[0x1235] == (uint8_t)(pattern(0x1234) >> 8));
	T_CHECK(((volatile uint16_t *)KVM_FLASH_BASE)[0x2002 / 2] == (uint16_t)(pattern(0x2000) >> 16));

	/* timing: one random word, then one sequential word right after it */
	t0 = t_now();
	(void)FLASH[0x8000 / 4];
	t_rnd = t_now() - t0;
	t0 = t_now();
	(void)FLASH[0x8004 / 4];
	t_seq = t_now() - t0;

	/* manual mode */
	cs(1);
	xfer(0x9F);
	uint32_t id = (uint32_t)xfer(0) << 16;
	id |= (uint32_t)xfer(0) << 8;
	id |= xfer(0);
	cs(0);
	T_CHECK(id == 0xEF4018);
	wren();
	cmd_addr(0x20, 0x3000);
	cs(0);
	wait_ready();
	wren();
	cmd_addr(0x02, 0x3100);
	for (int i = 0; i < 16; i++)
		xfer((uint8_t)(0xC0 + i));
	cs(0);
	wait_ready();
	R(KVM_SPI_CTRL) = 0;

	T_CHECK(FLASH[0x3000 / 4] == 0xFFFFFFFF);
	T_CHECK(FLASH[0x3FFC / 4] == 0xFFFFFFFF);
	T_CHECK(FLASH[0x3100 / 4] == 0xC3C2C1C0);
	T_CHECK(FLASH[0x310C / 4] == 0xCFCECDCC);
	T_CHECK(FLASH[0x3110 / 4] == 0xFFFFFFFF);
	T_CHECK(FLASH[0x2FFC / 4] == pattern(0x2FFC));
	T_CHECK(FLASH[0x4000 / 4] == pattern(0x4000));

	t_puts("cycles random ");
	t_putdec(t_rnd);
	t_puts(" sequential ");
	t_putdec(t_seq);
	t_putc('\n');
	t_end(1, 0);
}
