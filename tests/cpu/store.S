/* sb, sh, sw at every byte offset: only the addressed bytes change */
#include "kt.h"

/* fill the 12-byte buffer st_buf with 0xaaaaaaaa words, leave its address in a1 */
.macro KT_FILL
	la a1, st_buf
	li t4, 0xaaaaaaaa
	sw t4, 0(a1)
	sw t4, 4(a1)
	sw t4, 8(a1)
	addi a1, a1, 4
.endm

/* case n: store op of 0x12345678 at st_buf + 4 + off; the middle word must read exp */
.macro KT_ST n, op, exp, off
	KT_CASE \n
	KT_FILL
	li a2, 0x12345678
	\op a2, \off(a1)
	lw a0, 0(a1)
	KT_EQ a0, \exp
	lw a0, -4(a1)
	KT_EQ a0, 0xaaaaaaaa
	lw a0, 4(a1)
	KT_EQ a0, 0xaaaaaaaa
	KT_EQ a2, 0x12345678
.endm

KT_BEGIN
	KT_ST 1, sb, 0xaaaaaa78, 0
	KT_ST 2, sb, 0xaaaa78aa, 1
	KT_ST 3, sb, 0xaa78aaaa, 2
	KT_ST 4, sb, 0x78aaaaaa, 3
	KT_ST 10, sh, 0xaaaa5678, 0
	KT_ST 11, sh, 0x5678aaaa, 2
	KT_ST 20, sw, 0x12345678, 0

	/* negative and large offsets */
	KT_CASE 30
	KT_FILL
	li a2, 0x0000beef
	addi a3, a1, 8
	sh a2, -6(a3)
	lw a0, 0(a1)
	KT_EQ a0, 0xbeefaaaa
	KT_CASE 31
	KT_FILL
	li a2, 0xcafef00d
	addi a3, a1, 2047
	sw a2, -2047(a3)
	lw a0, 0(a1)
	KT_EQ a0, 0xcafef00d
	KT_CASE 32
	KT_FILL
	li a2, 0x11
	addi a3, a1, -2045
	sb a2, 2047(a3)
	lw a0, 0(a1)
	KT_EQ a0, 0xaa11aaaa

	/* read back sub-words: sign extension of what was stored */
	KT_CASE 40
	KT_FILL
	li a2, 0x80
	sb a2, 1(a1)
	lb a0, 1(a1)
	KT_EQ a0, 0xffffff80
	KT_CASE 41
	li a2, 0xffff8001
	sh a2, 2(a1)
	lh a0, 2(a1)
	KT_EQ a0, 0xffff8001
	lhu a0, 2(a1)
	KT_EQ a0, 0x8001
	lw a0, 0(a1)
	KT_EQ a0, 0x800180aa

	/* storing x0 */
	KT_CASE 50
	KT_FILL
	sw x0, 0(a1)
	sb x0, 4(a1)
	lw a0, 0(a1)
	KT_EQ a0, 0
	lw a0, 4(a1)
	KT_EQ a0, 0xaaaaaa00

	/* byte-by-byte assembly of a word */
	KT_CASE 60
	KT_FILL
	li a2, 0x44
	sb a2, 3(a1)
	li a2, 0x33
	sb a2, 2(a1)
	li a2, 0x22
	sb a2, 1(a1)
	li a2, 0x11
	sb a2, 0(a1)
	lw a0, 0(a1)
	KT_EQ a0, 0x44332211
	KT_PASS
KT_END

	.data
	.balign 16
st_buf:
	.word 0, 0, 0, 0
