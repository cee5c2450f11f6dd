/* beq, bne, blt, bge, bltu, bgeu: taken and not taken, sign boundaries, backward */
#include "kt.h"

/* case n: branch op on (v1, v2) must be taken (tk = 1) or not (tk = 0) */
.macro KT_BR n, op, tk, v1, v2
	KT_CASE \n
	li a1, \v1
	li a2, \v2
	li a0, 7
	\op a1, a2, kt_bt\@
	li a0, 0
	j kt_bn\@
	li a0, 99		/* never executed */
kt_bt\@:
	li a0, 1
kt_bn\@:
	KT_EQ a0, \tk
.endm

KT_BEGIN
	KT_BR 1, beq, 1, 0, 0
	KT_BR 2, beq, 0, 0, 1
	KT_BR 3, beq, 1, 0x80000000, 0x80000000
	KT_BR 4, beq, 0, 0x80000000, 0x7fffffff
	KT_BR 5, beq, 0, -1, 0x7fffffff

	KT_BR 10, bne, 0, 0, 0
	KT_BR 11, bne, 1, 0, 1
	KT_BR 12, bne, 1, 0x80000000, 0
	KT_BR 13, bne, 0, -1, -1

	KT_BR 20, blt, 0, 0, 0
	KT_BR 21, blt, 1, 0, 1
	KT_BR 22, blt, 0, 1, 0
	KT_BR 23, blt, 1, -1, 0
	KT_BR 24, blt, 1, 0x80000000, 0x7fffffff
	KT_BR 25, blt, 0, 0x7fffffff, 0x80000000
	KT_BR 26, blt, 1, -2, -1
	KT_BR 27, blt, 0, -1, -1

	KT_BR 30, bge, 1, 0, 0
	KT_BR 31, bge, 0, 0, 1
	KT_BR 32, bge, 1, 1, 0
	KT_BR 33, bge, 0, -1, 0
	KT_BR 34, bge, 0, 0x80000000, 0x7fffffff
	KT_BR 35, bge, 1, 0x7fffffff, 0x80000000
	KT_BR 36, bge, 1, -1, -2
	KT_BR 37, bge, 1, 0x80000000, 0x80000000

	KT_BR 40, bltu, 0, 0, 0
	KT_BR 41, bltu, 1, 0, 1
	KT_BR 42, bltu, 0, 1, 0
	KT_BR 43, bltu, 0, -1, 0
	KT_BR 44, bltu, 1, 0, -1
	KT_BR 45, bltu, 0, 0x80000000, 0x7fffffff
	KT_BR 46, bltu, 1, 0x7fffffff, 0x80000000
	KT_BR 47, bltu, 1, 0xfffffffe, 0xffffffff

	KT_BR 50, bgeu, 1, 0, 0
	KT_BR 51, bgeu, 0, 0, 1
	KT_BR 52, bgeu, 1, 1, 0
	KT_BR 53, bgeu, 1, -1, 0
	KT_BR 54, bgeu, 0, 0, -1
	KT_BR 55, bgeu, 1, 0x80000000, 0x7fffffff
	KT_BR 56, bgeu, 0, 0x7fffffff, 0x80000000
	KT_BR 57, bgeu, 1, 0xffffffff, 0xffffffff

	/* x0 as an operand */
	KT_CASE 60
	li a0, 0
	beq x0, x0, 1f
	li a0, 5
1:	KT_EQ a0, 0
	KT_CASE 61
	li a1, -1
	li a0, 0
	blt a1, x0, 1f
	li a0, 5
1:	KT_EQ a0, 0
	KT_CASE 62
	li a1, 1
	li a0, 0
	bltu x0, a1, 1f
	li a0, 5
1:	KT_EQ a0, 0

	/* backward branches: a counted loop runs exactly 10 times */
	KT_CASE 70
	li a1, 10
	li a0, 0
1:	addi a0, a0, 3
	addi a1, a1, -1
	bnez a1, 1b
	KT_EQ a0, 30
	KT_CASE 71
	li a1, -5
	li a0, 0
1:	addi a0, a0, 1
	addi a1, a1, 1
	blt a1, x0, 1b
	KT_EQ a0, 5
	KT_CASE 72
	li a1, 0
	li a2, 4
	li a0, 0
1:	addi a0, a0, 2
	addi a1, a1, 1
	bltu a1, a2, 1b
	KT_EQ a0, 8

	/* a far forward branch (beyond 2 KiB) */
	KT_CASE 80
	li a0, 0
	beq x0, x0, 2f
	.rept 700
	li a0, 9
	.endr
2:	KT_EQ a0, 0
	/* and a far backward one */
	KT_CASE 81
	li a1, 2
	li a0, 0
3:	addi a0, a0, 1
	addi a1, a1, -1
	beqz a1, 4f
	.rept 700
	nop
	.endr
	bgeu a1, x0, 3b
4:	KT_EQ a0, 2
	KT_PASS
KT_END
