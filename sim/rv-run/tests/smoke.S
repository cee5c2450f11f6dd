/*
 * smoke.S: self-checking tour of kvm_cpu for rv-run. Each CHECK compares a register with
 * the value worked out by hand from the ISA manual; the first mismatch reports its number
 * through tohost ("FAIL test N"). Covers every RV32IM instruction class, the CSRs, every
 * exception kind, and timer / external interrupts in direct and vectored mode.
 * Registers: t3/t4 belong to CHECK, s2..s7 to the trap handler.
 */
#include "test.h"

#define CHECK(n, r, v) \
	li t3, n; \
	li t4, v; \
	bne r, t4, fail

	.section .text.init
	.globl _start
_start:
	la t0, trap_handler
	csrw mtvec, t0

	/* ---- 1..9: integer ALU ---- */
	li a0, 5
	addi a1, a0, -7
	CHECK(1, a1, -2)
	li a2, 0x7fffffff
	add a3, a2, a0
	CHECK(2, a3, 0x80000004)
	sub a4, a0, a2
	CHECK(3, a4, 0x80000006)
	slt a5, a1, a0
	CHECK(4, a5, 1)
	sltu a5, a1, a0            /* 0xfffffffe < 5 unsigned? no */
	CHECK(5, a5, 0)
	slti a5, a1, -1
	CHECK(6, a5, 1)
	sltiu a5, a0, -1           /* 5 < 0xffffffff */
	CHECK(7, a5, 1)
	li a0, 0x0f0f00ff
	li a1, 0x00ff0f0f
	xor a2, a0, a1
	CHECK(8, a2, 0x0ff00ff0)
	or a2, a0, a1
	CHECK(9, a2, 0x0fff0fff)
	and a2, a0, a1
	CHECK(10, a2, 0x000f000f)
	xori a2, a0, -1
	CHECK(11, a2, 0xf0f0ff00)
	ori a2, a0, 0x700
	CHECK(12, a2, 0x0f0f07ff)
	andi a2, a0, 0x0f0
	CHECK(13, a2, 0x000000f0)

	/* ---- shifts ---- */
	li a0, 0x80000001
	slli a1, a0, 0
	CHECK(20, a1, 0x80000001)
	slli a1, a0, 1
	CHECK(21, a1, 0x00000002)
	srli a1, a0, 4
	CHECK(22, a1, 0x08000000)
	srai a1, a0, 31
	CHECK(23, a1, 0xffffffff)
	li a2, 13
	sra a1, a0, a2
	CHECK(24, a1, 0xfffc0000)
	srl a1, a0, a2
	CHECK(25, a1, 0x00040000)
	li a2, 0x23                /* only the low 5 bits count: 3 */
	sll a1, a0, a2
	CHECK(26, a1, 0x00000008)
	li a2, 31
	srl a1, a0, a2
	CHECK(27, a1, 1)

	/* ---- lui / auipc ---- */
	lui a0, 0xfffff
	CHECK(30, a0, 0xfffff000)
aui:	auipc a1, 1
	la a2, aui
	li a3, 0x1000
	add a2, a2, a3
	li t3, 31
	bne a1, a2, fail
	/* ---- loads and stores ---- */
	la a0, buf
	lw a1, 0(a0)
	CHECK(40, a1, 0x8899aabb)
	lb a1, 0(a0)
	CHECK(41, a1, 0xffffffbb)
	lbu a1, 3(a0)
	CHECK(42, a1, 0x88)
	lh a1, 2(a0)
	CHECK(43, a1, 0xffff8899)
	lhu a1, 0(a0)
	CHECK(44, a1, 0xaabb)
	lb a1, 5(a0)
	CHECK(45, a1, 0x33)
	li a2, 0x5a
	sb a2, 6(a0)
	lw a1, 4(a0)
	CHECK(46, a1, 0x115a3344)
	li a2, 0xbeef
	sh a2, 2(a0)
	lw a1, 0(a0)
	CHECK(47, a1, 0xbeefaabb)
	li a2, -1
	sw a2, 8(a0)
	lw a1, 8(a0)
	CHECK(48, a1, -1)
	addi a3, a0, 12
	sw a0, -4(a3)              /* negative offset */
	lw a1, 8(a0)
	li t3, 49
	bne a1, a0, fail
	/* ---- branches: taken ones jump over a FAIL ---- */
	li t3, 50
	li a0, -1
	li a1, 1
	beq a0, a0, 4f
	j fail
4:	bne a0, a1, 4f
	j fail
4:	blt a0, a1, 4f
	j fail
4:	bge a1, a0, 4f
	j fail
4:	bltu a1, a0, 4f
	j fail
4:	bgeu a0, a1, 4f
	j fail
4:	li t3, 51                  /* not taken ones fall through */
	beq a0, a1, fail
	bne a0, a0, fail
	blt a1, a0, fail
	bge a0, a1, fail
	bltu a0, a1, fail
	bgeu a1, a0, fail

	/* ---- jal / jalr ---- */
	jal ra, 5f
jal_ret:
	j 6f
5:	la a0, jal_ret
	li t3, 55
	bne ra, a0, fail
	j jal_ret
6:
	la a0, 7f
	jalr a1, 1(a0)             /* bit 0 of the target is cleared */
jalr_ret:
	j fail
7:	la a2, jalr_ret
	li t3, 56
	bne a1, a2, fail

	/* ---- M extension ---- */
	li a0, -7
	li a1, 3
	mul a2, a0, a1
	CHECK(60, a2, -21)
	mulh a2, a0, a1
	CHECK(61, a2, -1)
	mulhu a2, a0, a1           /* 0xfffffff9 * 3 = 0x2_ffffffeb */
	CHECK(62, a2, 2)
	mulhsu a2, a0, a1
	CHECK(63, a2, -1)
	li a3, 0x80000000
	mulh a2, a3, a3            /* 2^62 */
	CHECK(64, a2, 0x40000000)
	li a4, 0x12345678
	li a5, 0x9abcdef0
	mulhu a2, a4, a5
	CHECK(65, a2, 0x0b00ea4e)
	mul a2, a4, a5
	CHECK(66, a2, 0x242d2080)
	mulhsu a2, a5, a4          /* signed 0x9abcdef0 * unsigned 0x12345678 */
	CHECK(67, a2, 0xf8cc93d6)
	mulh a2, a5, a5
	CHECK(68, a2, 0x280e09b0)
	div a2, a0, a1
	CHECK(70, a2, -2)
	rem a2, a0, a1
	CHECK(71, a2, -1)
	divu a2, a0, a1
	CHECK(72, a2, 0x55555553)
	remu a2, a0, a1
	CHECK(73, a2, 0)
	div a2, a0, zero
	CHECK(74, a2, -1)
	rem a2, a0, zero
	CHECK(75, a2, -7)
	divu a2, a0, zero
	CHECK(76, a2, -1)
	remu a2, a0, zero
	CHECK(77, a2, -7)
	li a4, -1
	div a2, a3, a4             /* overflow */
	CHECK(78, a2, 0x80000000)
	rem a2, a3, a4
	CHECK(79, a2, 0)
	li a4, 7
	div a2, a4, a0             /* 7 / -7 */
	CHECK(80, a2, -1)
	rem a2, a0, a0
	CHECK(81, a2, 0)

	/* ---- CSRs ---- */
	li a0, 0x1234
	csrw mscratch, a0
	li a2, 0xf0
	csrrs a1, mscratch, a2
	CHECK(90, a1, 0x1234)
	csrrc a1, mscratch, a2
	CHECK(91, a1, 0x12f4)
	csrrwi a1, mscratch, 0x1f
	CHECK(92, a1, 0x1204)
	csrrsi a1, mscratch, 0x0   /* no write */
	CHECK(93, a1, 0x1f)
	csrrci a1, mscratch, 0x3
	CHECK(94, a1, 0x1f)
	csrr a1, mscratch
	CHECK(95, a1, 0x1c)
	csrr a1, misa
	CHECK(96, a1, 0x40001100)
	csrr a1, mhartid
	CHECK(97, a1, 0)
	csrr a1, 0x7c0             /* unknown: reads 0, write ignored */
	csrw 0x7c0, a0
	csrr a1, 0x7c0
	CHECK(98, a1, 0)
	csrr a1, mstatus
	CHECK(99, a1, 0x1800)      /* MPP = 11 */
	csrr a1, mepc
	li a2, 0x80000003
	csrw mepc, a2
	csrr a1, mepc
	CHECK(100, a1, 0x80000000)
	csrr a1, minstret
	csrr a2, minstret
	sub a1, a2, a1
	CHECK(101, a1, 1)
	csrr a1, instret
	csrr a2, instret
	sub a1, a2, a1
	CHECK(102, a1, 1)
	li a0, 100
	csrw minstret, a0
	csrr a1, minstret          /* the write wins over its own increment */
	CHECK(103, a1, 100)
	csrr a1, mcycle
	csrr a2, mcycle
	sub a1, a2, a1
	li t3, 104
	beqz a1, fail
	fence
	.word 0x0000100f          /* fence.i */
	wfi

	/* ---- exceptions: the handler leaves mcause in s2, mtval in s3, mepc in s4 ---- */
ecall_pc:
	ecall
	CHECK(110, s2, 11)
	CHECK(111, s3, 0)
	la a0, ecall_pc
	li t3, 112
	bne s4, a0, fail
ebreak_pc:
	ebreak
	CHECK(113, s2, 3)
	la a0, ebreak_pc
	li t3, 114
	bne s3, a0, fail
	bne s4, a0, fail
	.word 0
	CHECK(115, s2, 2)
	CHECK(116, s3, 0)
	.word 0xffffffff
	CHECK(117, s3, 0xffffffff)
	li a1, 42
csr_ro:	csrw mhartid, a1           /* write to a read-only CSR */
	CHECK(118, s2, 2)
	CHECK(119, s3, 0xf1459073)
	csrr a1, mhartid           /* reading one is fine */
	CHECK(120, a1, 0)
	la a0, buf
	li a1, 99
	lw a1, 2(a0)
	CHECK(121, s2, 4)
	addi a2, a0, 2
	li t3, 122
	bne s3, a2, fail
	CHECK(123, a1, 99)         /* not written */
	sh a1, 1(a0)
	CHECK(124, s2, 6)
	addi a2, a0, 1
	li t3, 125
	bne s3, a2, fail
	lh a1, 1(a0)
	CHECK(126, s2, 4)
	lbu a1, 1(a0)              /* bytes never misalign */
	CHECK(127, a1, 0xaa)
	li a5, 77
	la t0, fail
	addi t0, t0, 2
mis_jump:
	jalr a5, 0(t0)
	CHECK(128, s2, 0)
	li t3, 129
	bne s3, t0, fail
	la a0, mis_jump
	bne s4, a0, fail
	CHECK(130, a5, 77)
	.word 0x00000363           /* beq x0, x0, .+6: taken, misaligned */
	CHECK(131, s2, 0)
	li s2, 55
	.word 0x00001363           /* bne x0, x0, .+6: not taken, no trap */
	CHECK(132, s2, 55)
	.word 0x00002063           /* branch funct3 2: illegal */
	CHECK(133, s2, 2)
	.word 0x0000700f           /* MISC-MEM funct3 7: illegal */
	CHECK(134, s2, 2)
	.word 0x40001033           /* funct7 0100000 with sll: illegal */
	CHECK(135, s2, 2)
	csrr a1, mstatus           /* MIE 0; MRET left MPIE = 1 */
	CHECK(136, a1, 0x1880)

	/* ---- interrupts ---- */
	la a0, rvrun_irq
	li s6, 0
	li a1, 0x880
	csrw mie, a1               /* MTIE + MEIE */
	li a1, 0x80
	sw a1, 0(a0)               /* timer line high, but mstatus.MIE = 0 */
	nop
	CHECK(140, s6, 0)
	csrr a1, mip
	CHECK(141, a1, 0x80)
irq_on:	csrsi mstatus, 8           /* taken right after this instruction */
irq_ret:
	CHECK(142, s6, 1)
	CHECK(143, s2, 0x80000007)
	la a1, irq_ret
	li t3, 144
	bne s4, a1, fail
	csrr a1, mstatus           /* back with MIE = 1, MPIE = 1 */
	CHECK(145, a1, 0x1888)
	li a1, 0x880               /* both lines: external first */
irq_st:	sw a1, 0(a0)
irq_ret2:
	CHECK(146, s6, 2)
	CHECK(147, s2, 0x8000000b)
	la a1, irq_ret2
	li t3, 148
	bne s4, a1, fail
	/* vectored mode */
	la a1, vectors
	ori a1, a1, 1
	csrw mtvec, a1
	csrr a2, mtvec
	li t3, 149
	bne a1, a2, fail
	li s7, 0
	li a1, 0x80
	sw a1, 0(a0)
	CHECK(150, s7, 7)
	CHECK(151, s6, 3)
	li a1, 0x800
	sw a1, 0(a0)
	CHECK(152, s7, 11)
	CHECK(153, s6, 4)
	li s7, 0
	ecall                      /* exceptions go to the base */
	CHECK(154, s2, 11)
	CHECK(155, s7, 0)
	csrci mstatus, 8
	li a1, 0x800
	sw a1, 0(a0)
	nop
	CHECK(156, s6, 4)          /* masked */
	sw zero, 0(a0)

	PASS

fail:
	slli t3, t3, 1
	ori t3, t3, 1
	la t5, tohost
	sw t3, 0(t5)
1:	j 1b

	.align 6
vectors:
	j trap_handler             /* 0: exceptions */
	.rept 6
	j fail
	.endr
	j vec_timer                /* 7 */
	.rept 3
	j fail
	.endr
	j vec_ext                  /* 11 */
	.rept 4
	j fail
	.endr
vec_timer:
	li s7, 7
	j trap_handler
vec_ext:
	li s7, 11
	j trap_handler

	.align 2
trap_handler:
	csrr s2, mcause
	csrr s3, mtval
	csrr s4, mepc
	bltz s2, 1f
	addi s5, s4, 4             /* exception: skip the instruction */
	csrw mepc, s5
	mret
1:	la s5, rvrun_irq           /* interrupt: drop the lines, count it */
	sw zero, 0(s5)
	addi s6, s6, 1
	mret

	TOHOST

	.data
	.align 4
buf:	.word 0x8899aabb, 0x11223344, 0, 0
	.globl rvrun_irq
rvrun_irq:
	.word 0
