/* csrrw, csrrs, csrrc, csrrwi, csrrsi, csrrci and the machine CSRs */
#include "kt.h"

KT_BEGIN
	/* csrrw returns the old value and writes the new one */
	KT_CASE 1
	li a1, 0x12345678
	csrw mscratch, a1
	li a2, 0xcafef00d
	csrrw a0, mscratch, a2
	KT_EQ a0, 0x12345678
	csrr a0, mscratch
	KT_EQ a0, 0xcafef00d
	KT_CASE 2		/* rd = x0 still writes */
	li a1, 0x0f0f0f0f
	csrrw x0, mscratch, a1
	csrr a0, mscratch
	KT_EQ a0, 0x0f0f0f0f
	KT_CASE 3		/* rd == rs1 */
	li a1, 0x77
	csrrw a1, mscratch, a1
	KT_EQ a1, 0x0f0f0f0f
	csrr a0, mscratch
	KT_EQ a0, 0x77

	/* csrrs / csrrc */
	KT_CASE 10
	li a1, 0xf0000001
	csrrs a0, mscratch, a1
	KT_EQ a0, 0x77
	csrr a0, mscratch
	KT_EQ a0, 0xf0000077
	KT_CASE 11
	li a1, 0x10000003
	csrrc a0, mscratch, a1
	KT_EQ a0, 0xf0000077
	csrr a0, mscratch
	KT_EQ a0, 0xe0000074
	KT_CASE 12		/* rs1 = x0: pure read */
	csrrs a0, mscratch, x0
	KT_EQ a0, 0xe0000074
	csrrc a0, mscratch, x0
	KT_EQ a0, 0xe0000074

	/* immediate forms (5-bit zero-extended) */
	KT_CASE 20
	csrrwi a0, mscratch, 31
	KT_EQ a0, 0xe0000074
	csrr a0, mscratch
	KT_EQ a0, 31
	KT_CASE 21
	csrrci a0, mscratch, 0x15
	KT_EQ a0, 31
	csrr a0, mscratch
	KT_EQ a0, 0x0a
	KT_CASE 22
	csrrsi a0, mscratch, 0x11
	KT_EQ a0, 0x0a
	csrr a0, mscratch
	KT_EQ a0, 0x1b
	KT_CASE 23
	csrrsi a0, mscratch, 0
	KT_EQ a0, 0x1b
	csrrci a0, mscratch, 0
	KT_EQ a0, 0x1b
	csrrwi a0, mscratch, 0
	KT_EQ a0, 0x1b
	csrr a0, mscratch
	KT_EQ a0, 0

	/* identification registers */
	KT_CASE 30
	csrr a0, misa
	KT_EQ a0, 0x40001100
	KT_CASE 31		/* misa writes are ignored */
	li a1, 0xffffffff
	csrw misa, a1
	csrr a0, misa
	KT_EQ a0, 0x40001100
	KT_CASE 32
	li a0, 5
	csrr a0, mhartid
	KT_EQ a0, 0
	li a0, 5
	csrr a0, mvendorid
	KT_EQ a0, 0
	li a0, 5
	csrr a0, marchid
	KT_EQ a0, 0
	li a0, 5
	csrr a0, mimpid
	KT_EQ a0, 0
	KT_CASE 33		/* set/clear with x0 or uimm 0 do not write: no trap */
	li a0, 5
	csrrs a0, mhartid, x0
	KT_EQ a0, 0
	li a0, 5
	csrrci a0, mvendorid, 0
	KT_EQ a0, 0
	KT_NTRAP a0
	KT_EQ a0, 0

	/* mstatus: MIE, MPIE writable, MPP reads 3 */
	KT_CASE 40
	li a1, 0xffffffff
	csrw mstatus, a1
	csrr a0, mstatus
	KT_EQ a0, 0x1888
	csrw mstatus, x0
	csrr a0, mstatus
	KT_EQ a0, 0x1800
	csrsi mstatus, MSTATUS_MIE
	csrr a0, mstatus
	KT_EQ a0, 0x1808
	csrci mstatus, MSTATUS_MIE
	li a1, MSTATUS_MPIE
	csrs mstatus, a1
	csrr a0, mstatus
	KT_EQ a0, 0x1880
	csrw mstatus, x0

	/* mepc: bits 1:0 read zero */
	KT_CASE 50
	li a1, 0x12345677
	csrw mepc, a1
	csrr a0, mepc
	KT_EQ a0, 0x12345674
	li a1, 0x80000002
	csrw mepc, a1
	csrr a0, mepc
	KT_EQ a0, 0x80000000

	/* mcause, mtval */
	KT_CASE 51
	li a1, 0x8000000b
	csrw mcause, a1
	csrr a0, mcause
	KT_EQ a0, 0x8000000b
	csrwi mcause, 2
	csrr a0, mcause
	KT_EQ a0, 2
	KT_CASE 52
	li a1, 0xdeadbeef
	csrw mtval, a1
	csrr a0, mtval
	KT_EQ a0, 0xdeadbeef

	/* mtvec: MODE 0 and 1 read back; restore the handler */
	KT_CASE 53
	csrr a2, mtvec
	KT_EQA a2, kt_trap
	li a1, 0x80000100
	csrw mtvec, a1
	csrr a0, mtvec
	KT_EQ a0, 0x80000100
	li a1, 0x80000201
	csrw mtvec, a1
	csrr a0, mtvec
	KT_EQ a0, 0x80000201
	csrw mtvec, a2

	/* mie: MTIE and MEIE */
	KT_CASE 54
	li a1, MIP_MTIP | MIP_MEIP
	csrw mie, a1
	csrr a0, mie
	and a0, a0, a1
	KT_EQ a0, MIP_MTIP | MIP_MEIP
	csrw mie, x0
	csrr a0, mie
	KT_EQ a0, 0

	/* mip: reflects the lines (all low), writes are ignored */
	KT_CASE 55
	csrr a0, mip
	KT_EQ a0, 0
	li a1, -1
	csrw mip, a1
	csrr a0, mip
	KT_EQ a0, 0

	/* unknown CSRs read 0 and ignore writes */
	KT_CASE 60
	li a1, 0x55
	csrw 0x7c0, a1
	li a0, 5
	csrr a0, 0x7c0
	KT_EQ a0, 0
	li a0, 5
	csrr a0, 0x800
	KT_EQ a0, 0
	li a0, 5
	csrr a0, 0xfc0
	KT_EQ a0, 0
	KT_NTRAP a0
	KT_EQ a0, 0

	/* counters: count, writable, read-only mirrors */
	KT_CASE 70
	csrr a1, mcycle
	nop
	nop
	csrr a2, mcycle
	sub a0, a2, a1
	li t4, 2
	bgeu a0, t4, 1f
	j kt_fail
1:	KT_CASE 71
	csrr a1, minstret
	nop
	nop
	csrr a2, minstret
	sub a0, a2, a1
	KT_EQ a0, 3
	KT_CASE 72		/* minstret write: the next read counts on from it */
	li a1, 1000
	csrw minstret, a1
	nop
	csrr a0, minstret
	addi a0, a0, -1000
	li t4, 4
	bltu a0, t4, 1f
	j kt_fail
1:	KT_CASE 73
	csrw mcycle, x0
	csrr a0, mcycle
	li t4, 64
	bltu a0, t4, 1f
	j kt_fail
1:	KT_CASE 74		/* high halves */
	li a1, 0x1234
	csrw mcycleh, a1
	csrr a0, mcycleh
	KT_EQ a0, 0x1234
	csrr a0, cycleh
	KT_EQ a0, 0x1234
	li a1, 0x5678
	csrw minstreth, a1
	csrr a0, minstreth
	KT_EQ a0, 0x5678
	csrr a0, instreth
	KT_EQ a0, 0x5678
	KT_CASE 75		/* a low-half carry reaches the high half */
	li a1, 0xffffffff
	csrw minstreth, x0
	csrw minstret, a1
	nop
	nop
	csrr a0, minstreth
	KT_EQ a0, 1
	KT_CASE 76		/* the user mirrors follow the machine counters */
	csrw minstreth, x0
	csrw minstret, x0
	csrr a1, instret
	csrr a2, minstret
	sub a0, a2, a1
	KT_EQ a0, 1
	csrr a1, cycle
	csrr a2, mcycle
	sub a0, a2, a1
	li t4, 64
	bltu a0, t4, 1f
	j kt_fail
1:	KT_NTRAP a0
	KT_EQ a0, 0
	KT_PASS
KT_END
