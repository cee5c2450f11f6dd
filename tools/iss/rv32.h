/* SPDX-License-Identifier: MIT */
/*
 * rv32.h - reference model of the kvmosd RV32IM + Zicsr hart (machine mode only).
 *
 * The semantics are those of docs/verification.md ("What the core implements").
 * The model is deliberately plain: one function executes one instruction.
 */
#ifndef KVMOSD_RV32_H
#define KVMOSD_RV32_H

#include <stdint.h>

/* mcause values */
#define RV_CAUSE_MISALIGNED_FETCH 0u
#define RV_CAUSE_ILLEGAL 2u
#define RV_CAUSE_BREAKPOINT 3u
#define RV_CAUSE_MISALIGNED_LOAD 4u
#define RV_CAUSE_MISALIGNED_STORE 6u
#define RV_CAUSE_ECALL_M 11u
#define RV_CAUSE_IRQ_TIMER 0x80000007u
#define RV_CAUSE_IRQ_EXTERNAL 0x8000000bu

/* interrupt line bits, identical in mip, mie and the rvrun_irq word */
#define RV_MIP_MTIP (1u << 7)
#define RV_MIP_MEIP (1u << 11)

#define RV_MISA 0x40001100u

struct rv_hart {
	uint32_t x[32];
	uint32_t pc;
	int mstatus_mie;
	int mstatus_mpie;
	uint32_t mie;
	uint32_t mip;		/* interrupt input lines, read-only for software */
	uint32_t mtvec;
	uint32_t mscratch;
	uint32_t mepc;
	uint32_t mcause;
	uint32_t mtval;
	uint64_t mcycle;
	uint64_t minstret;
};

/* What one step did, enough to print a trace line and to watch stores. */
struct rv_step {
	int executed;		/* 0: an interrupt was taken instead (no trace line) */
	uint32_t pc;
	uint32_t insn;
	int trap;
	uint32_t cause;
	int rd;			/* 0 when no register was written */
	uint32_t rd_val;
	int store;		/* a store retired */
	uint32_t store_addr;
};

/* Memory, provided by the simulator around the model. size is 1, 2 or 4. */
uint32_t rv_mem_read(uint32_t addr, int size);
void rv_mem_write(uint32_t addr, uint32_t val, int size);

void rv_reset(struct rv_hart *h, uint32_t pc);
void rv_step(struct rv_hart *h, struct rv_step *s);

#endif
