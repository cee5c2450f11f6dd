/* SPDX-License-Identifier: MIT */
/* smoke_img.S - firmware.img as bytes, placed at the flash slot by smoke.ld.in. */
	.section .flashimg, "a"
	.incbin	"firmware.img"

	.section .uartstatus, "a"
	.word	4		/* UART.STATUS bit2: tx idle */
