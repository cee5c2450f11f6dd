/* SPDX-License-Identifier: MIT */
/*
 * crc_ram.S - the word loop of kvm_crc32_words() for the boot loader in flash (bootflash):
 * boot.c copies this position-independent code (section .text.boot_ramcode, bounded by
 * __boot_ramcode_start/_end in boot.ld) into RAM and runs it there, so the loads of the
 * payload stream through the flash read window's sequential burst instead of being broken
 * by instruction fetches from flash after every access (~70 instead of ~2400 clk_sys
 * cycles per word). Only PC-relative branches: no calls, no global data.
 *
 * uint32_t boot_crc_loop(const uint32_t *table, const uint32_t *w, const uint32_t *end,
 *                        uint32_t c)
 *   for each word: c ^= *w++, then four steps c = (c >> 8) ^ table[c & 0xFF]; returns c.
 */
	.section .text.boot_ramcode, "ax"
	.balign	4
	.globl	boot_crc_loop
boot_crc_loop:
	beq	a1, a2, 2f
1:	lw	t0, 0(a1)
	addi	a1, a1, 4
	xor	a3, a3, t0
	.rept	4
	andi	t0, a3, 0xff
	slli	t0, t0, 2
	add	t0, a0, t0
	lw	t0, 0(t0)
	srli	a3, a3, 8
	xor	a3, a3, t0
	.endr
	bne	a1, a2, 1b
2:	mv	a0, a3
	ret
