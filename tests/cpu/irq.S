/* timer and external interrupts through rvrun_irq: masking, priority, vectoring, wfi */
#include "kt.h"

/* fail unless the handler has taken exactly n interrupts so far */
.macro KT_NIRQ n
	la t5, kt_ts
	lw t4, KT_TS_NIRQ(t5)
	KT_EQ t4, \n
.endm

/* fail unless interrupt number i in the log has cause c */
.macro KT_LOG i, c
	la t5, kt_ts
	lw t4, KT_TS_LOG + 4 * \i(t5)
	KT_EQ t4, \c
.endm

/* fail unless the last interrupt returned to symbol s */
.macro KT_IRQ_AT s
	la t5, kt_ts
	lw t4, KT_TS_IRQ_EPC(t5)
	KT_EQA t4, \s
.endm

KT_BEGIN
	/* masked by mstatus.MIE: a pending, enabled line is not taken */
	KT_CASE 1
	csrw mstatus, x0
	li a1, MIP_MTIP | MIP_MEIP
	csrw mie, a1
	KT_IRQ_SET MIP_MTIP
	nop
	nop
	nop
	KT_NIRQ 0
	KT_CASE 2		/* mip shows the line */
	csrr a0, mip
	KT_EQ a0, MIP_MTIP
	KT_CASE 3		/* wfi with MIE = 0 and a pending line does not hang */
	wfi
	KT_NIRQ 0

	/* enabling MIE takes it before the next instruction, which then runs once */
	KT_CASE 4
	li a0, 0
	csrsi mstatus, MSTATUS_MIE
irq4:	addi a0, a0, 1
	KT_NIRQ 1
	KT_LOG 0, 0x80000007
	KT_IRQ_AT irq4
	KT_EQ a0, 1
	KT_CASE 5		/* the handler lowered the line; mret restored MIE */
	csrr a0, mip
	KT_EQ a0, 0
	csrr a0, mstatus
	KT_EQ a0, 0x1888

	/* masked by mie */
	KT_CASE 10
	csrw mie, x0
	KT_IRQ_SET MIP_MTIP
	nop
	nop
	KT_NIRQ 1
	KT_CASE 11		/* mie.MEIE does not enable the timer */
	li a1, MIP_MEIP
	csrw mie, a1
	nop
	nop
	KT_NIRQ 1
	KT_CASE 12		/* enabling mie.MTIE takes it immediately */
	li a0, 0
	li a1, MIP_MTIP
	csrs mie, a1
irq12:	addi a0, a0, 1
	KT_NIRQ 2
	KT_LOG 1, 0x80000007
	KT_IRQ_AT irq12
	KT_EQ a0, 1

	/* external interrupt */
	KT_CASE 20
	csrw mstatus, x0
	KT_IRQ_SET MIP_MEIP
	csrr a0, mip
	KT_EQ a0, MIP_MEIP
	li a0, 0
	csrsi mstatus, MSTATUS_MIE
irq20:	addi a0, a0, 1
	KT_NIRQ 3
	KT_LOG 2, 0x8000000b
	KT_IRQ_AT irq20
	KT_EQ a0, 1

	/* both pending: external first, then timer at the same place */
	KT_CASE 30
	csrw mstatus, x0
	KT_IRQ_SET MIP_MTIP | MIP_MEIP
	li a0, 0
	csrsi mstatus, MSTATUS_MIE
irq30:	addi a0, a0, 1
	KT_NIRQ 5
	KT_LOG 3, 0x8000000b
	KT_LOG 4, 0x80000007
	KT_IRQ_AT irq30
	KT_EQ a0, 1

	/* raised by a store while enabled: taken within a few instructions, once */
	KT_CASE 40
	li a0, 0
	KT_IRQ_SET MIP_MEIP
irq40a:	addi a0, a0, 1
	addi a0, a0, 1
	addi a0, a0, 1
	addi a0, a0, 1
irq40b:	KT_NIRQ 6
	KT_LOG 5, 0x8000000b
	KT_EQ a0, 4
	/* the return address lies in the window after the store */
	la t5, kt_ts
	lw t4, KT_TS_IRQ_EPC(t5)
	la t6, irq40a
	bltu t4, t6, kt_fail40
	la t6, irq40b
	bgtu t4, t6, kt_fail40
	j irq40c
kt_fail40:
	j kt_fail
irq40c:
	/* wfi while enabled: the interrupt is taken around it and execution continues */
	KT_CASE 50
	li a0, 0
	KT_IRQ_SET MIP_MTIP
	wfi
	addi a0, a0, 1
	nop
	KT_NIRQ 7
	KT_LOG 6, 0x80000007
	KT_EQ a0, 1

	/* vectored mode: interrupts go to base + 4 * cause, exceptions to base */
	KT_CASE 60
	csrw mstatus, x0
	la a1, vtable + 1
	csrw mtvec, a1
	KT_IRQ_SET MIP_MTIP
	csrsi mstatus, MSTATUS_MIE
	nop
	KT_NIRQ 8
	la t5, kt_ts
	lw t4, KT_TS_VECTOR(t5)
	KT_EQ t4, 7
	KT_CASE 61
	csrw mstatus, x0
	KT_IRQ_SET MIP_MEIP
	csrsi mstatus, MSTATUS_MIE
	nop
	KT_NIRQ 9
	la t5, kt_ts
	lw t4, KT_TS_VECTOR(t5)
	KT_EQ t4, 11
	KT_CASE 62
	KT_TRAP 63, 11, 0, ecall
	la t5, kt_ts
	lw t4, KT_TS_VECTOR(t5)
	KT_EQ t4, 0x100

	/* back to direct mode: everything at base */
	KT_CASE 70
	csrw mstatus, x0
	la t5, kt_ts
	sw zero, KT_TS_VECTOR(t5)
	la a1, kt_trap
	csrw mtvec, a1
	KT_IRQ_SET MIP_MEIP
	csrsi mstatus, MSTATUS_MIE
	nop
	KT_NIRQ 10
	la t5, kt_ts
	lw t4, KT_TS_VECTOR(t5)
	KT_EQ t4, 0

	/* an interrupt between dependent instructions keeps the result intact */
	KT_CASE 80
	csrw mstatus, x0
	li a1, 3
	KT_IRQ_SET MIP_MTIP
	li a2, 5
	csrsi mstatus, MSTATUS_MIE
	mul a0, a1, a2
	add a0, a0, a1
	slli a0, a0, 2
	KT_EQ a0, 72
	KT_NIRQ 11
	csrw mstatus, x0
	csrw mie, x0
	KT_PASS

	/* vector table: entry 0 exceptions, 7 timer, 11 external */
	.balign 256
vtable:
	j vec_exc
	.rept 6
	j kt_fail
	.endr
	j vec_timer		/* base + 28 */
	.rept 3
	j kt_fail
	.endr
	j vec_ext		/* base + 44 */
vec_exc:
	la s10, kt_ts
	li s11, 0x100
	sw s11, KT_TS_VECTOR(s10)
	j kt_trap
vec_timer:
	la s10, kt_ts
	li s11, 7
	sw s11, KT_TS_VECTOR(s10)
	j kt_trap
vec_ext:
	la s10, kt_ts
	li s11, 11
	sw s11, KT_TS_VECTOR(s10)
	j kt_trap
KT_END
