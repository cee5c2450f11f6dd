/*
 * Writes a known signature: rv-run --signature must print the words from begin_signature
 * up to end_signature, one lowercase 8-digit hex word per line. Expected: sig.expected.
 */
#include "test.h"
	.section .text.init
	.globl _start
_start:
	la a0, begin_signature
	li a1, 0x12345678
	sw a1, 0(a0)            /* 12345678 */
	addi a2, a1, 0x100
	sw a2, 4(a0)            /* 12345778 */
	li a3, -1
	sw a3, 8(a0)            /* ffffffff */
	li a4, 0xab
	sb a4, 13(a0)           /* word 3 = 0000ab00 */
	li a5, 0xcafe
	sh a5, 18(a0)           /* word 4 = cafe0000 */
	/* word 5 left as initialised: deadbeef; word 6 left zero */
	PASS
	TOHOST

	.data
	.align 4
	.globl begin_signature
begin_signature:
	.word 0, 0, 0, 0, 0, 0xdeadbeef, 0
	.globl end_signature
end_signature:
	.word 0x55555555        /* after the end: not in the signature */
