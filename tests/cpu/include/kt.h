/* SPDX-License-Identifier: MIT */
/*
 * kt.h - tiny self-checking test kit for the kvmosd CPU tests (tests/cpu/*.S).
 *
 * Register conventions inside a test:
 *   gp (x3)        number of the running case; a failure reports it as "FAIL test N"
 *   s10, s11       owned by the trap handler, never use them in a test
 *   t4, t5, t6     scratch of the checking macros
 *   a0             result of the instruction under test, a1/a2 its operands
 *
 * A test file looks like:
 *   #include "kt.h"
 *   KT_BEGIN
 *   KT_RR 1, add, 3, 1, 2
 *   ...
 *   KT_PASS
 *   KT_END
 *
 * Traps: the handler at kt_trap records mcause/mepc/mtval in kt_ts, skips the trapping
 * instruction (mepc + 4) and returns. A trap while none is armed (KT_ARM) fails the test
 * with number 0x400 + mcause. Interrupts are logged (cause and mepc) and their line is
 * cleared in rvrun_irq; execution resumes at mepc.
 */
#ifndef KVMOSD_KT_H
#define KVMOSD_KT_H

/* offsets in kt_ts */
#define KT_TS_ARMED 0
#define KT_TS_CAUSE 4
#define KT_TS_EPC 8
#define KT_TS_TVAL 12
#define KT_TS_NTRAP 16
#define KT_TS_NIRQ 20
#define KT_TS_IRQ_EPC 24
#define KT_TS_VECTOR 28
#define KT_TS_SAVE 32
#define KT_TS_LOG 48
#define KT_TS_SIZE 80

#define KT_UNEXPECTED_BASE 0x400

#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MIP_MTIP 0x80
#define MIP_MEIP 0x800

/* ---- program skeleton ---- */

.macro KT_BEGIN
	.section .text.init, "ax"
	.globl _start
_start:
	la t0, kt_trap
	csrw mtvec, t0
	li gp, 0
	j kt_body

	/* trap handler; aligned so it can also serve as a vectored table base */
	.balign 256
	.globl kt_trap
kt_trap:
	la s10, kt_ts
	sw t0, KT_TS_SAVE(s10)
	sw t1, KT_TS_SAVE+4(s10)
	csrr s11, mcause
	bltz s11, kt_irq
	sw s11, KT_TS_CAUSE(s10)
	csrr t0, mepc
	sw t0, KT_TS_EPC(s10)
	csrr t0, mtval
	sw t0, KT_TS_TVAL(s10)
	lw t0, KT_TS_NTRAP(s10)
	addi t0, t0, 1
	sw t0, KT_TS_NTRAP(s10)
	lw t0, KT_TS_ARMED(s10)
	beqz t0, kt_unexpected
	sw zero, KT_TS_ARMED(s10)
	csrr t0, mepc
	addi t0, t0, 4
	csrw mepc, t0
	j kt_trap_ret
kt_irq:
	lw t0, KT_TS_NIRQ(s10)
	addi t1, t0, 1
	sw t1, KT_TS_NIRQ(s10)
	andi t0, t0, 7
	slli t0, t0, 2
	add t0, t0, s10
	sw s11, KT_TS_LOG(t0)
	csrr t0, mepc
	sw t0, KT_TS_IRQ_EPC(s10)
	/* lower the line that was taken: rvrun_irq &= ~(1 << cause) */
	andi s11, s11, 31
	li t0, 1
	sll t0, t0, s11
	not t0, t0
	la t1, rvrun_irq
	lw s11, 0(t1)
	and s11, s11, t0
	sw s11, 0(t1)
kt_trap_ret:
	lw t0, KT_TS_SAVE(s10)
	lw t1, KT_TS_SAVE+4(s10)
	mret
kt_unexpected:
	csrr s11, mcause
	addi s11, s11, KT_UNEXPECTED_BASE
	slli s11, s11, 1
	ori s11, s11, 1
	la s10, tohost
	sw s11, 0(s10)
1:	j 1b

	.globl kt_fail
kt_fail:
	slli gp, gp, 1
	ori gp, gp, 1
	la t0, tohost
	sw gp, 0(t0)
1:	j 1b

	.text
kt_body:
.endm

.macro KT_PASS
	li t0, 1
	la t1, tohost
	sw t0, 0(t1)
1:	j 1b
.endm

.macro KT_END
	.section .tohost, "aw", @progbits
	.balign 64
	.globl tohost
tohost:	.word 0
	.balign 64
	.globl rvrun_irq
rvrun_irq: .word 0
	.balign 64
	.data
	.balign 16
	.globl kt_ts
kt_ts:	.fill KT_TS_SIZE / 4, 4, 0
.endm

/* ---- checks ---- */

.macro KT_CASE n
	li gp, \n
.endm

/* fail unless register r equals the constant v (r must not be t6) */
.macro KT_EQ r, v
	li t6, \v
	beq \r, t6, 1f
	j kt_fail
1:
.endm

/* fail unless register r equals the address of symbol s */
.macro KT_EQA r, s
	la t6, \s
	beq \r, t6, 1f
	j kt_fail
1:
.endm

/* fail unless registers r1 and r2 are equal */
.macro KT_EQR r1, r2
	beq \r1, \r2, 1f
	j kt_fail
1:
.endm

/* rd = op(v1, v2) through a0 <- a1, a2; also checks the sources are unchanged */
.macro KT_RR n, op, exp, v1, v2
	KT_CASE \n
	li a1, \v1
	li a2, \v2
	\op a0, a1, a2
	KT_EQ a0, \exp
	KT_EQ a1, \v1
	KT_EQ a2, \v2
.endm

/* destination is the first source */
.macro KT_RR_D1 n, op, exp, v1, v2
	KT_CASE \n
	li a1, \v1
	li a2, \v2
	\op a1, a1, a2
	KT_EQ a1, \exp
.endm

/* destination is the second source */
.macro KT_RR_D2 n, op, exp, v1, v2
	KT_CASE \n
	li a1, \v1
	li a2, \v2
	\op a2, a1, a2
	KT_EQ a2, \exp
.endm

/* both sources are the same register */
.macro KT_RR_SAME n, op, exp, v
	KT_CASE \n
	li a1, \v
	\op a0, a1, a1
	KT_EQ a0, \exp
.endm

/* writing x0 has no effect */
.macro KT_RR_X0 n, op, v1, v2
	KT_CASE \n
	li a1, \v1
	li a2, \v2
	\op x0, a1, a2
	mv a0, x0
	KT_EQ a0, 0
.endm

/* rd = op(v1, imm) */
.macro KT_RI n, op, exp, v1, imm
	KT_CASE \n
	li a1, \v1
	\op a0, a1, \imm
	KT_EQ a0, \exp
	KT_EQ a1, \v1
.endm

.macro KT_RI_D1 n, op, exp, v1, imm
	KT_CASE \n
	li a1, \v1
	\op a1, a1, \imm
	KT_EQ a1, \exp
.endm

.macro KT_RI_X0 n, op, v1, imm
	KT_CASE \n
	li a1, \v1
	\op x0, a1, \imm
	mv a0, x0
	KT_EQ a0, 0
.endm

/* ---- traps ---- */

/* the next trap is expected: the handler records it and skips the instruction */
.macro KT_ARM
	la t5, kt_ts
	li t6, 1
	sw t6, KT_TS_ARMED(t5)
.endm

/* after the trapping instruction at label at: check it trapped with cause and tval */
.macro KT_TRAPPED cause, at, tval
	la t5, kt_ts
	lw t4, KT_TS_ARMED(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, \cause
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, \at
	lw t4, KT_TS_TVAL(t5)
	KT_EQ t4, \tval
.endm

/* case n: instruction insn traps with cause and mtval tval; execution continues after it */
.macro KT_TRAP n, cause, tval, insn:vararg
	KT_CASE \n
	KT_ARM
kt_at\@:
	\insn
	KT_TRAPPED \cause, kt_at\@, \tval
.endm

/* same, but mtval must be the address of the instruction (ebreak) */
.macro KT_TRAP_TVAL_PC n, cause, insn:vararg
	KT_CASE \n
	KT_ARM
kt_at\@:
	\insn
	la t5, kt_ts
	lw t4, KT_TS_ARMED(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, \cause
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, kt_at\@
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, kt_at\@
.endm

/* number of synchronous traps taken so far, into register r */
.macro KT_NTRAP r
	la t5, kt_ts
	lw \r, KT_TS_NTRAP(t5)
.endm

/* ---- interrupt lines (rv-run / iss `rvrun_irq`) ---- */

.macro KT_IRQ_SET v
	la t5, rvrun_irq
	li t6, \v
	sw t6, 0(t5)
.endm

#endif
