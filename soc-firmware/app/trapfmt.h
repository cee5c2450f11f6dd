/* SPDX-License-Identifier: MIT */
/* trapfmt.h - names and report text for RISC-V machine traps (host-testable). */
#ifndef KVMOSD_TRAPFMT_H
#define KVMOSD_TRAPFMT_H

#include <stddef.h>
#include <stdint.h>

/* Short name of an mcause value, e.g. "illegal instruction", "timer interrupt". */
const char *trap_cause_name(uint32_t mcause);

/*
 * One-line report: "trap: <name> mcause=0x... mepc=0x... mtval=0x..." (no newline).
 * Returns the snprintf() length.
 */
int trap_format(char *buf, size_t size, uint32_t mcause, uint32_t mepc, uint32_t mtval);

#endif /* KVMOSD_TRAPFMT_H */
