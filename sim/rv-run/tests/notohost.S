/* A valid RV32 ELF without a tohost symbol: rv-run must refuse it (exit 3). */
	.section .text.init
	.globl _start
_start:
	j _start
