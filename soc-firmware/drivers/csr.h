/* SPDX-License-Identifier: MIT */
/* csr.h - machine-mode CSR access (RV32 Zicsr). */
#ifndef KVMOSD_FW_CSR_H
#define KVMOSD_FW_CSR_H

#include <stdint.h>

#define csr_read(name) ({ uint32_t __v; \
	__asm__ volatile ("csrr %0, " #name : "=r"(__v)); __v; })
#define csr_write(name, val) \
	__asm__ volatile ("csrw " #name ", %0" :: "rK"((uint32_t)(val)))
#define csr_set(name, bits) \
	__asm__ volatile ("csrs " #name ", %0" :: "rK"((uint32_t)(bits)))
#define csr_clear(name, bits) \
	__asm__ volatile ("csrc " #name ", %0" :: "rK"((uint32_t)(bits)))

/* Low 32 bits of the cycle counter: enough for intervals up to ~350 s at 12 MHz. */
static inline uint32_t rdcycle32(void)
{
	return csr_read(mcycle);
}

#endif /* KVMOSD_FW_CSR_H */
