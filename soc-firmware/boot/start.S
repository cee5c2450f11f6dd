/* SPDX-License-Identifier: MIT */
/*
 * start.S - boot code entry at the reset vector: address 0 (boot ROM), or
 * KVM_FLASH_BASE + KVM_FLASH_BOOT_OFFSET for the copy linked into flash (bootflash.bin,
 * BOOT_XIP SoCs). Stack at the top of RAM (BOOT_RAM_SIZE: firmware.mk sets it to
 * KVM_RAM_SIZE_XIP for the flash build); no .data or .bss (checked by boot.ld).
 * Any trap goes to boot_trap().
 */
#include "kvmosd_regs.h"

#ifndef BOOT_RAM_SIZE
#define BOOT_RAM_SIZE	KVM_RAM_SIZE
#endif

	.section .text.start, "ax"
	.globl	_start
_start:
	li	sp, KVM_RAM_BASE + BOOT_RAM_SIZE
	la	t0, trap_entry
	csrw	mtvec, t0
	call	boot_main
	/* boot_main never returns; fall into the trap path if it does */
trap_entry:
	li	sp, KVM_RAM_BASE + BOOT_RAM_SIZE
	csrr	a0, mcause
	csrr	a1, mepc
	j	boot_trap
