/* SPDX-License-Identifier: MIT */
/*
 * start.S - boot ROM entry at the reset vector (address 0). Stack at the top of RAM; the
 * boot ROM has no .data or .bss (checked by boot.ld). Any trap goes to boot_trap().
 */
#include "kvmosd_regs.h"

	.section .text.start, "ax"
	.globl	_start
_start:
	li	sp, KVM_RAM_BASE + KVM_RAM_SIZE
	la	t0, trap_entry
	csrw	mtvec, t0
	call	boot_main
	/* boot_main never returns; fall into the trap path if it does */
trap_entry:
	li	sp, KVM_RAM_BASE + KVM_RAM_SIZE
	csrr	a0, mcause
	csrr	a1, mepc
	j	boot_trap
