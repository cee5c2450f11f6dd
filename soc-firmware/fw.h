/* SPDX-License-Identifier: MIT */
/* fw.h - firmware-wide declarations shared by crt0.S, trap.c and main.c. */
#ifndef KVMOSD_FW_H
#define KVMOSD_FW_H

#include <stdint.h>

/* Saved registers, as laid out by trap_entry in crt0.S: x[n] = xn (x[0] unused). */
struct trap_frame {
	uint32_t x[32];
};

void trap_handler(struct trap_frame *f);
void fw_panic_return(void);
void fw_halt(void) __attribute__((noreturn));

#endif /* KVMOSD_FW_H */
