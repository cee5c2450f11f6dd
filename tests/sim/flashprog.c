// SPDX-License-Identifier: MIT
/*
 * flashprog.c - test program for test-sim-flash-persist, booted by the real boot ROM from
 * the simulated SPI flash. It reads one byte of the flash through the read window: if it
 * is erased (0xFF) it programs PERSIST_VALUE there with the SPI manual engine (WREN, page
 * program, poll WIP) and prints "persist: programmed"; otherwise it prints
 * "persist: found XX". Then "persist: done" and it idles.
 */
#include <stdint.h>

#include "kvmosd_regs.h"

#define PERSIST_OFFSET	(KVM_FLASH_SIZE - 256)	/* last page of the flash */
#define PERSIST_VALUE	0x5A

#define SPI_CTRL_MANUAL	1u
#define SPI_CTRL_CS	2u
#define UART_TX_FULL	2u

static uint32_t stack[256] __attribute__((used));

void _start(void) __attribute__((naked, section(".text.start")));
int main(void);

void _start(void)
{
	/* no gp here: keep the linker from relaxing la into a gp-relative add */
	__asm__ volatile(".option push\n\t.option norelax\n\t"
			 "la sp, stack + 1024\n\t.option pop\n\tj main");
}

static void put_char(char c)
{
	while (KVM_REG(KVM_UART_STATUS) & UART_TX_FULL)
		;
	KVM_REG(KVM_UART_DATA) = (uint8_t)c;
}

static void put_str(const char *s)
{
	while (*s)
		put_char(*s++);
}

static void put_hex8(uint8_t v)
{
	static const char digits[] = "0123456789abcdef";

	put_char(digits[v >> 4]);
	put_char(digits[v & 15]);
}

static uint8_t spi_xfer(uint8_t b)
{
	KVM_REG(KVM_SPI_DATA) = b;		/* waits while the byte is in flight */
	return (uint8_t)KVM_REG(KVM_SPI_DATA);
}

static void spi_select(int on)
{
	KVM_REG(KVM_SPI_CTRL) = SPI_CTRL_MANUAL | (on ? SPI_CTRL_CS : 0);
}

static void flash_program_byte(uint32_t addr, uint8_t v)
{
	spi_select(1);
	spi_xfer(0x06);				/* write enable */
	spi_select(0);
	spi_select(1);
	spi_xfer(0x02);				/* page program */
	spi_xfer((uint8_t)(addr >> 16));
	spi_xfer((uint8_t)(addr >> 8));
	spi_xfer((uint8_t)addr);
	spi_xfer(v);
	spi_select(0);
	spi_select(1);
	spi_xfer(0x05);				/* read status until WIP clears */
	while (spi_xfer(0) & 1)
		;
	spi_select(0);
	KVM_REG(KVM_SPI_CTRL) = 0;		/* give the pins back to the read window */
}

int main(void)
{
	volatile const uint8_t *p = (volatile const uint8_t *)(KVM_FLASH_BASE + PERSIST_OFFSET);
	uint8_t v = *p;

	put_str("persist: read ");
	put_hex8(v);
	put_str("\r\n");
	if (v == 0xFF) {
		flash_program_byte(PERSIST_OFFSET, PERSIST_VALUE);
		put_str("persist: programmed ");
		put_hex8(*p);
		put_str("\r\n");
	} else {
		put_str("persist: found ");
		put_hex8(v);
		put_str("\r\n");
	}
	put_str("persist: done\r\n");
	for (;;)
		;
}
