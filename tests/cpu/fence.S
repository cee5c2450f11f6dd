/* fence, fence.i (with self-modifying code) and wfi as no-ops */
#include "kt.h"

KT_BEGIN
	KT_CASE 1
	li a0, 1
	fence
	fence rw, rw
	fence iorw, iorw
	fence w, r
	addi a0, a0, 1
	KT_EQ a0, 2

	KT_CASE 2
	li a0, 1
	fence.i
	addi a0, a0, 1
	KT_EQ a0, 2

	/* a store to fence is seen by a later load */
	KT_CASE 3
	la a1, fn_word
	li a2, 0x600df00d
	sw a2, 0(a1)
	fence
	lw a0, 0(a1)
	KT_EQ a0, 0x600df00d

	/* patch an instruction, fence.i, execute the new one */
	KT_CASE 4
	la a1, patch
	li a2, 0x02a00513	/* addi a0, x0, 42 */
	sw a2, 0(a1)
	fence.i
	li a0, 0
patch:	addi a0, x0, 7
	KT_EQ a0, 42
	KT_CASE 5		/* and patch it back */
	li a2, 0x00700513	/* addi a0, x0, 7 */
	sw a2, 0(a1)
	fence.i
	call patched_sub
	KT_EQ a0, 99

	KT_CASE 6
	li a0, 3
	wfi
	addi a0, a0, 1
	KT_EQ a0, 4
	KT_NTRAP a0
	KT_EQ a0, 0
	KT_PASS

patched_sub:
	la t4, psub
	li t5, 0x06300513	/* addi a0, x0, 99 */
	sw t5, 0(t4)
	fence.i
psub:	addi a0, x0, 1
	ret
KT_END

	.data
	.balign 4
fn_word:
	.word 0
