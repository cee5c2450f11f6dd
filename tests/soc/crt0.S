/* crt0 for the SoC test programs (run from the boot ROM): stack at the top of RAM, zero
 * .bss, trap vector = trap_handler (C, interrupt attribute), call main. */
	.section .text.start, "ax"
	.globl _start
_start:
	la	sp, __stack_top
	la	t0, trap_handler
	csrw	mtvec, t0
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	1b
2:	call	main
3:	j	3b
