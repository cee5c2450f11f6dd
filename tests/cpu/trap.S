/* ecall, ebreak, mret and the trap CSRs (mepc, mcause, mtval, mstatus stacking) */
#include "kt.h"

KT_BEGIN
	KT_TRAP 1, 11, 0, ecall
	KT_TRAP_TVAL_PC 2, 3, ebreak

	/* the handler counted both */
	KT_CASE 3
	KT_NTRAP a0
	KT_EQ a0, 2

	/* mret: pc <- mepc, MIE <- MPIE, MPIE <- 1 */
	KT_CASE 10
	la a1, 1f
	csrw mepc, a1
	li a1, MSTATUS_MPIE
	csrw mstatus, a1
	li a0, 0
	mret
	li a0, 9
1:	KT_EQ a0, 0
	csrr a0, mstatus
	KT_EQ a0, 0x1888
	KT_CASE 11
	la a1, 1f
	csrw mepc, a1
	li a1, MSTATUS_MIE
	csrw mstatus, a1
	mret
	li a0, 9
1:	csrr a0, mstatus
	KT_EQ a0, 0x1880
	csrw mstatus, x0

	/* trap entry stacks MIE into MPIE and clears MIE; the handler sees it */
	KT_CASE 20
	la a1, own_handler
	csrw mtvec, a1
	csrsi mstatus, MSTATUS_MIE
	li a0, 0
trap20:	ecall
	/* own_handler returned to trap20 + 4 with its observations in a3..a6 */
	KT_EQ a3, 0x1880	/* mstatus inside the handler */
	KT_EQ a4, 11		/* mcause */
	KT_EQA a5, trap20	/* mepc */
	KT_EQ a6, 0		/* mtval */
	csrr a0, mstatus
	KT_EQ a0, 0x1888	/* mret restored MIE */
	KT_CASE 21
	csrw mstatus, x0
trap21:	ebreak
	KT_EQ a3, 0x1800
	KT_EQ a4, 3
	KT_EQA a5, trap21
	KT_EQA a6, trap21
	csrr a0, mstatus
	KT_EQ a0, 0x1880
	KT_CASE 22		/* the handler may change mepc to resume elsewhere */
	la a1, resume22
	csrw mscratch, a1
	ecall
	li a0, 9
	j 1f
resume22:
	li a0, 0
1:	KT_EQ a0, 0
	csrw mscratch, x0
	la a1, kt_trap
	csrw mtvec, a1
	csrw mstatus, x0

	/* an ecall inside a handled region counts once per trap */
	KT_CASE 30
	KT_NTRAP a1
	KT_TRAP 31, 11, 0, ecall
	KT_TRAP 32, 11, 0, ecall
	KT_NTRAP a2
	sub a0, a2, a1
	KT_EQ a0, 2
	KT_PASS

	/* records mstatus, mcause, mepc, mtval in a3..a6; returns to mscratch if set,
	 * else to mepc + 4 */
	.balign 4
own_handler:
	csrr a3, mstatus
	csrr a4, mcause
	csrr a5, mepc
	csrr a6, mtval
	csrr a7, mscratch
	bnez a7, 1f
	addi a7, a5, 4
1:	csrw mepc, a7
	mret
KT_END
