/* SPDX-License-Identifier: MIT */
/*
 * crt0.S - firmware start-up. Entered from the boot ROM at the image entry (_start):
 * stack at the top of RAM, gp/tp set, .data copied if it was linked to load elsewhere
 * (execute-in-place builds), .bss cleared, trap vector installed, then main().
 *
 * trap_entry saves all 31 registers in a struct trap_frame on the stack, calls
 * trap_handler(frame) and, if it returns, restores them and executes mret.
 */
#define FRAME_WORDS	32	/* x1..x31 at 4*n, slot 0 unused: 128 bytes, 16-aligned */

	.section .text.start, "ax"
	.globl	_start
_start:
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	la	sp, __stack_top
	la	tp, __tls_base
	la	t0, trap_entry
	csrw	mtvec, t0

	/* .data: copy only if its load address differs (XIP); UP5K images load it in place */
	la	a0, __data_start
	la	a1, __data_lma
	la	a2, __data_end
	beq	a0, a1, 2f
1:	bgeu	a0, a2, 2f
	lw	t0, 0(a1)
	sw	t0, 0(a0)
	addi	a0, a0, 4
	addi	a1, a1, 4
	j	1b
2:
	/* .tbss and .bss */
	la	a0, __bss_start
	la	a1, __bss_end
3:	bgeu	a0, a1, 4f
	sw	zero, 0(a0)
	addi	a0, a0, 4
	j	3b
4:
	call	main
	/* main() must not return: report it like a trap */
	li	a0, 0
	call	fw_panic_return
5:	j	5b

	.section .text.trap, "ax"
	.balign	4
	.globl	trap_entry
trap_entry:
	addi	sp, sp, -4 * FRAME_WORDS
	sw	x1, 4 * 1(sp)
	sw	x3, 4 * 3(sp)
	sw	x4, 4 * 4(sp)
	sw	x5, 4 * 5(sp)
	sw	x6, 4 * 6(sp)
	sw	x7, 4 * 7(sp)
	sw	x8, 4 * 8(sp)
	sw	x9, 4 * 9(sp)
	sw	x10, 4 * 10(sp)
	sw	x11, 4 * 11(sp)
	sw	x12, 4 * 12(sp)
	sw	x13, 4 * 13(sp)
	sw	x14, 4 * 14(sp)
	sw	x15, 4 * 15(sp)
	sw	x16, 4 * 16(sp)
	sw	x17, 4 * 17(sp)
	sw	x18, 4 * 18(sp)
	sw	x19, 4 * 19(sp)
	sw	x20, 4 * 20(sp)
	sw	x21, 4 * 21(sp)
	sw	x22, 4 * 22(sp)
	sw	x23, 4 * 23(sp)
	sw	x24, 4 * 24(sp)
	sw	x25, 4 * 25(sp)
	sw	x26, 4 * 26(sp)
	sw	x27, 4 * 27(sp)
	sw	x28, 4 * 28(sp)
	sw	x29, 4 * 29(sp)
	sw	x30, 4 * 30(sp)
	sw	x31, 4 * 31(sp)
	addi	t0, sp, 4 * FRAME_WORDS
	sw	t0, 4 * 2(sp)		/* sp as it was at the trap */
	mv	a0, sp
	call	trap_handler
	lw	x1, 4 * 1(sp)
	lw	x3, 4 * 3(sp)
	lw	x4, 4 * 4(sp)
	lw	x5, 4 * 5(sp)
	lw	x6, 4 * 6(sp)
	lw	x7, 4 * 7(sp)
	lw	x8, 4 * 8(sp)
	lw	x9, 4 * 9(sp)
	lw	x10, 4 * 10(sp)
	lw	x11, 4 * 11(sp)
	lw	x12, 4 * 12(sp)
	lw	x13, 4 * 13(sp)
	lw	x14, 4 * 14(sp)
	lw	x15, 4 * 15(sp)
	lw	x16, 4 * 16(sp)
	lw	x17, 4 * 17(sp)
	lw	x18, 4 * 18(sp)
	lw	x19, 4 * 19(sp)
	lw	x20, 4 * 20(sp)
	lw	x21, 4 * 21(sp)
	lw	x22, 4 * 22(sp)
	lw	x23, 4 * 23(sp)
	lw	x24, 4 * 24(sp)
	lw	x25, 4 * 25(sp)
	lw	x26, 4 * 26(sp)
	lw	x27, 4 * 27(sp)
	lw	x28, 4 * 28(sp)
	lw	x29, 4 * 29(sp)
	lw	x30, 4 * 30(sp)
	lw	x31, 4 * 31(sp)
	addi	sp, sp, 4 * FRAME_WORDS
	mret
