/* SPDX-License-Identifier: MIT */
/* uart_stdio.c - picolibc tinystdio hook: stdout/stderr go to the UART ("\n" -> "\r\n"). */
#include <stdio.h>

#include "uart.h"

static int uart_stdio_put(char c, FILE *f)
{
	(void)f;
	if (c == '\n')
		uart_putc('\r');
	uart_putc(c);
	return (unsigned char)c;
}

static int uart_stdio_get(FILE *f)
{
	int c;

	(void)f;
	while ((c = uart_getc()) < 0)
		;
	return c;
}

static FILE uart_stdio = FDEV_SETUP_STREAM(uart_stdio_put, uart_stdio_get, NULL,
					   _FDEV_SETUP_RW);

FILE *const stdin = &uart_stdio;
FILE *const stdout = &uart_stdio;
FILE *const stderr = &uart_stdio;
