/* lb, lh, lw, lbu, lhu at every byte offset, sign extension, offsets, x0 destination */
#include "kt.h"

/* case n: load op at ld_data + off must give exp */
.macro KT_LD n, op, exp, off
	KT_CASE \n
	la a1, ld_data
	\op a0, \off(a1)
	KT_EQ a0, \exp
.endm

KT_BEGIN
	KT_LD 1, lb, 0x00000001, 0
	KT_LD 2, lb, 0x0000007f, 1
	KT_LD 3, lb, 0xffffff81, 2
	KT_LD 4, lb, 0xffffffff, 3
	KT_LD 5, lb, 0x00000000, 4
	KT_LD 6, lb, 0xffffff80, 5
	KT_LD 7, lb, 0x00000034, 6
	KT_LD 8, lb, 0x00000012, 7

	KT_LD 10, lbu, 0x01, 0
	KT_LD 11, lbu, 0x7f, 1
	KT_LD 12, lbu, 0x81, 2
	KT_LD 13, lbu, 0xff, 3
	KT_LD 14, lbu, 0x00, 4
	KT_LD 15, lbu, 0x80, 5
	KT_LD 16, lbu, 0x34, 6
	KT_LD 17, lbu, 0x12, 7

	KT_LD 20, lh, 0x00007f01, 0
	KT_LD 21, lh, 0xffffff81, 2
	KT_LD 22, lh, 0xffff8000, 4
	KT_LD 23, lh, 0x00001234, 6

	KT_LD 30, lhu, 0x7f01, 0
	KT_LD 31, lhu, 0xff81, 2
	KT_LD 32, lhu, 0x8000, 4
	KT_LD 33, lhu, 0x1234, 6

	KT_LD 40, lw, 0xff817f01, 0
	KT_LD 41, lw, 0x12348000, 4
	KT_LD 42, lw, 0x7fffffff, 8
	KT_LD 43, lw, 0x80000000, 12

	/* negative offsets */
	KT_CASE 50
	la a1, ld_data + 8
	lw a0, -8(a1)
	KT_EQ a0, 0xff817f01
	KT_CASE 51
	la a1, ld_data + 8
	lb a0, -6(a1)
	KT_EQ a0, 0xffffff81
	KT_CASE 52
	la a1, ld_data + 8
	lhu a0, -2(a1)
	KT_EQ a0, 0x1234

	/* the extreme 12-bit offsets */
	KT_CASE 53
	la a1, ld_data - 2047
	lbu a0, 2047(a1)
	KT_EQ a0, 0x01
	KT_CASE 54
	la a1, ld_data + 2048
	lw a0, -2048(a1)
	KT_EQ a0, 0xff817f01

	/* destination equal to the base register */
	KT_CASE 55
	la a1, ld_data
	lw a1, 4(a1)
	KT_EQ a1, 0x12348000

	/* x0 destination: the load happens, x0 stays zero */
	KT_CASE 56
	la a1, ld_data
	lw x0, 0(a1)
	lb x0, 3(a1)
	mv a0, x0
	KT_EQ a0, 0

	/* a load right after a store to the same place sees the new value */
	KT_CASE 57
	la a1, ld_scratch
	li a2, 0x5a5aa5a5
	sw a2, 0(a1)
	lw a0, 0(a1)
	KT_EQ a0, 0x5a5aa5a5
	KT_CASE 58
	lbu a0, 0(a1)
	lh a3, 2(a1)
	add a0, a0, a3
	KT_EQ a0, 0x5a5a + 0xa5
	KT_PASS
KT_END

	.data
	.balign 16
ld_data:
	.byte 0x01, 0x7f, 0x81, 0xff, 0x00, 0x80, 0x34, 0x12
	.word 0x7fffffff, 0x80000000
ld_scratch:
	.word 0, 0
