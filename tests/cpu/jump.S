/* jal and jalr: link values, targets, x0 destination, rd == rs1, bit 0 of jalr target */
#include "kt.h"

KT_BEGIN
	KT_CASE 1
	li a0, 0
	jal ra, 1f
ret1:	li a0, 9
1:	KT_EQA ra, ret1
	KT_EQ a0, 0

	KT_CASE 2
	li a0, 0
	jal x0, 1f
	li a0, 9
1:	KT_EQ a0, 0

	KT_CASE 3		/* backward jal */
	li a0, 0
	j 2f
1:	addi a0, a0, 1
	j 3f
2:	jal t0, 1b
3:	KT_EQ a0, 1

	KT_CASE 4		/* a far jal (> 1 KiB forward) */
	li a0, 0
	jal a3, 1f
ret4:	.rept 400
	li a0, 9
	.endr
1:	KT_EQ a0, 0
	KT_EQA a3, ret4

	KT_CASE 10
	la t0, 1f
	li a0, 0
	jalr ra, 0(t0)
ret10:	li a0, 9
1:	KT_EQ a0, 0
	KT_EQA ra, ret10

	KT_CASE 11		/* positive and negative offsets */
	la t0, 1f - 8
	li a0, 0
	jalr ra, 8(t0)
	li a0, 9
1:	KT_EQ a0, 0
	KT_CASE 12
	la t0, 1f + 12
	li a0, 0
	jalr ra, -12(t0)
	li a0, 9
1:	KT_EQ a0, 0

	KT_CASE 13		/* bit 0 of the target is cleared */
	la t0, 1f + 1
	li a0, 0
	jalr ra, 0(t0)
	li a0, 9
1:	KT_EQ a0, 0
	KT_CASE 14
	la t0, 1f
	li a0, 0
	jalr ra, 1(t0)
	li a0, 9
1:	KT_EQ a0, 0

	KT_CASE 15		/* rd == rs1: the target uses the old value */
	la t0, 1f
	li a0, 0
	jalr t0, 0(t0)
ret15:	li a0, 9
1:	KT_EQ a0, 0
	KT_EQA t0, ret15

	KT_CASE 16		/* rd = x0 */
	la t0, 1f
	li a0, 0
	jalr x0, 0(t0)
	li a0, 9
1:	KT_EQ a0, 0
	mv a1, x0
	KT_EQ a1, 0

	KT_CASE 17		/* call and return through a subroutine */
	li a0, 5
	call sub_double
	call sub_double
	KT_EQ a0, 20
	KT_PASS

sub_double:
	add a0, a0, a0
	ret
KT_END
