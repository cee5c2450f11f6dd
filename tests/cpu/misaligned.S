/* misaligned loads, stores, jumps and branches: mcause 0/4/6, mtval = address */
#include "kt.h"

KT_BEGIN
	/* loads: mtval is the effective address, checked separately */
	KT_CASE 1
	la a1, ma_data
	li a0, 0x5a5a
	KT_ARM
ld1:	lh a0, 1(a1)
	KT_EQ a0, 0x5a5a
	la t5, kt_ts
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 4
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, ld1
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, ma_data + 1

.macro KT_MISAL n, cause, addr, insn:vararg
	KT_CASE \n
	la a1, ma_data
	li a0, 0x5a5a
	KT_ARM
kt_ma\@:
	\insn
	KT_EQ a0, 0x5a5a
	la t5, kt_ts
	lw t4, KT_TS_ARMED(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, \cause
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, kt_ma\@
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, \addr
.endm

	KT_MISAL 2, 4, ma_data + 3, lh a0, 3(a1)
	KT_MISAL 3, 4, ma_data + 1, lhu a0, 1(a1)
	KT_MISAL 4, 4, ma_data + 5, lhu a0, 5(a1)
	KT_MISAL 5, 4, ma_data + 1, lw a0, 1(a1)
	KT_MISAL 6, 4, ma_data + 2, lw a0, 2(a1)
	KT_MISAL 7, 4, ma_data + 3, lw a0, 3(a1)
	KT_MISAL 8, 4, ma_data + 6, lw a0, 6(a1)
	KT_MISAL 9, 4, ma_data + 1, lw x0, 1(a1)

	/* stores: memory is unchanged */
	KT_MISAL 20, 6, ma_data + 1, sh a0, 1(a1)
	KT_MISAL 21, 6, ma_data + 3, sh a0, 3(a1)
	KT_MISAL 22, 6, ma_data + 1, sw a0, 1(a1)
	KT_MISAL 23, 6, ma_data + 2, sw a0, 2(a1)
	KT_MISAL 24, 6, ma_data + 3, sw a0, 3(a1)
	KT_MISAL 25, 6, ma_data + 7, sw a0, 7(a1)
	KT_CASE 26
	la a1, ma_data
	lw a0, 0(a1)
	KT_EQ a0, 0x44332211
	lw a0, 4(a1)
	KT_EQ a0, 0x88776655
	lw a0, 8(a1)
	KT_EQ a0, 0xccbbaa99

	/* aligned sub-word accesses never trap */
	KT_CASE 27
	KT_NTRAP a2
	lb a0, 1(a1)
	lbu a0, 3(a1)
	lh a0, 2(a1)
	sb a0, 13(a1)
	sh a0, 14(a1)
	KT_NTRAP a3
	KT_EQR a2, a3

	/* jumps: reported on the jump, mtval = target, link register unchanged */
	KT_CASE 30
	li ra, 0x5a5a
	KT_ARM
j30:	.word 0x006000ef		/* jal ra, . + 6 */
	KT_EQ ra, 0x5a5a
	la t5, kt_ts
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, j30
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, j30 + 6

	KT_CASE 31
	li ra, 0x5a5a
	KT_ARM
j31:	.word 0xfffff0ef		/* jal ra, . - 2 */
	KT_EQ ra, 0x5a5a
	la t5, kt_ts
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, j31 - 2

	KT_CASE 32
	la a2, tgt32 + 2
	li a0, 0x5a5a
	KT_ARM
j32:	jalr a0, 0(a2)
	KT_EQ a0, 0x5a5a
tgt32:	la t5, kt_ts
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, j32
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, tgt32 + 2

	KT_CASE 33		/* target + 3: bit 0 cleared, bit 1 still set */
	la a2, tgt33
	li a0, 0x5a5a
	KT_ARM
j33:	jalr a0, 3(a2)
tgt33:	KT_EQ a0, 0x5a5a
	la t5, kt_ts
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, tgt33 + 2

	/* branches trap only when taken */
	KT_CASE 40
	KT_ARM
b40:	.word 0x00000363		/* beq x0, x0, . + 6 */
	la t5, kt_ts
	lw t4, KT_TS_ARMED(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_CAUSE(t5)
	KT_EQ t4, 0
	lw t4, KT_TS_EPC(t5)
	KT_EQA t4, b40
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, b40 + 6
	KT_CASE 41
	KT_NTRAP a2
	.word 0x00001363		/* bne x0, x0, . + 6: not taken, no trap */
	KT_NTRAP a3
	KT_EQR a2, a3
	KT_CASE 42
	li a1, 1
	KT_ARM
b42:	.word 0xfe05cfe3		/* blt a1, x0, . - 2: not taken */
	.word 0xfe004fe3		/* blt x0, x0, . - 2: not taken */
	la t5, kt_ts
	lw t4, KT_TS_ARMED(t5)
	KT_EQ t4, 1		/* still armed: nothing trapped */
	sw zero, KT_TS_ARMED(t5)
	KT_CASE 43
	li a1, 1
	KT_ARM
b43:	.word 0xfe059fe3		/* bne a1, x0, . - 2: taken */
	la t5, kt_ts
	lw t4, KT_TS_TVAL(t5)
	KT_EQA t4, b43 - 2
	KT_PASS
KT_END

	.data
	.balign 16
ma_data:
	.word 0x44332211, 0x88776655, 0xccbbaa99, 0
