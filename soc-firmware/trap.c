/* SPDX-License-Identifier: MIT */
/*
 * trap.c - C side of the trap vector (crt0.S). No trap is expected yet (interrupts stay
 * disabled), so every trap is reported on the UART with mcause/mepc/mtval and the CPU
 * stops: LED 0 goes solid, the watchdog is no longer kicked and restarts the SoC.
 */
#include <stdint.h>
#include <stdio.h>

#include "kvmosd_regs.h"
#include "drivers/csr.h"
#include "drivers/gpio.h"
#include "drivers/uart.h"
#include "app/trapfmt.h"
#include "fw.h"

void trap_handler(struct trap_frame *f)
{
	char line[112];

	trap_format(line, sizeof(line), csr_read(mcause), csr_read(mepc), csr_read(mtval));
	uart_puts("\r\n");
	uart_puts(line);
	uart_puts("\r\n");
	snprintf(line, sizeof(line), "trap: ra=0x%08lx sp=0x%08lx\r\n",
		 (unsigned long)f->x[1], (unsigned long)f->x[2]);
	uart_puts(line);
	fw_halt();
}

void fw_panic_return(void)
{
	uart_puts("\r\nfw: main returned\r\n");
	fw_halt();
}

void fw_halt(void)
{
	uart_puts("fw: halted, waiting for the watchdog\r\n");
	uart_flush();
	csr_clear(mstatus, 1u << 3);	/* MIE off */
	gpio_leds_set(1);
	for (;;)
		;
}
