/* SPDX-License-Identifier: MIT */
/* trapfmt.c - see trapfmt.h. */
#include <stdio.h>

#include "trapfmt.h"

#define MCAUSE_INTERRUPT	0x80000000u

static const char *const exc_names[] = {
	[0] = "instruction address misaligned",
	[1] = "instruction access fault",
	[2] = "illegal instruction",
	[3] = "breakpoint",
	[4] = "load address misaligned",
	[5] = "load access fault",
	[6] = "store address misaligned",
	[7] = "store access fault",
	[11] = "ecall from m-mode",
};

static const char *const irq_names[] = {
	[3] = "software interrupt",
	[7] = "timer interrupt",
	[11] = "external interrupt",
};

const char *trap_cause_name(uint32_t mcause)
{
	uint32_t code = mcause & ~MCAUSE_INTERRUPT;
	const char *name = NULL;

	if (mcause & MCAUSE_INTERRUPT) {
		if (code < sizeof(irq_names) / sizeof(irq_names[0]))
			name = irq_names[code];
	} else if (code < sizeof(exc_names) / sizeof(exc_names[0])) {
		name = exc_names[code];
	}
	return name ? name : "unknown cause";
}

int trap_format(char *buf, size_t size, uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
	return snprintf(buf, size, "trap: %s mcause=0x%08lx mepc=0x%08lx mtval=0x%08lx",
			trap_cause_name(mcause), (unsigned long)mcause, (unsigned long)mepc,
			(unsigned long)mtval);
}
