/* SPDX-License-Identifier: MIT */
/*
 * boot.c - boot ROM (or, on BOOT_XIP SoCs, the same code executed in place from flash at
 * KVM_FLASH_BOOT_OFFSET): find the firmware image in the flash slot, check it, copy it to RAM
 * (UP5K) or run it in place (HX8K, image linked at its flash-window address), jump.
 * On any failure: print "boot: <reason>" and blink LED 0 forever (never jump).
 */
#include <stdint.h>

#include "kvmosd_regs.h"
#include "crc32.h"
#include "fwimage.h"
#include "bootload.h"
#include "../drivers/csr.h"
#include "../drivers/gpio.h"
#include "../drivers/timer.h"
#include "../drivers/uart.h"

/*
 * RAM at the top that an image must not overwrite while it is copied and checked: the boot
 * ROM's stack, including boot_main()'s 1 KiB CRC table.
 */
#define BOOT_STACK_RESERVE	2048u

/* RAM the boot code sees: KVM_RAM_SIZE, or KVM_RAM_SIZE_XIP in the flash build (firmware.mk) */
#ifndef BOOT_RAM_SIZE
#define BOOT_RAM_SIZE		KVM_RAM_SIZE
#endif

#ifdef BOOT_CRC_IN_RAM
/*
 * Boot loader in flash (bootflash): the CRC's word loop (crc_ram.S) runs from a copy on the
 * stack, so that its instruction fetches do not interrupt the stream of payload words from
 * the flash read window. Same result as kvm_crc32_words().
 */
#define BOOT_RAMCODE_WORDS	64u	/* boot.ld asserts the code fits */

extern const uint32_t __boot_ramcode_start[], __boot_ramcode_end[];
uint32_t boot_crc_loop(const uint32_t *table, const uint32_t *w, const uint32_t *end,
		       uint32_t c);

static uint32_t payload_crc(uint32_t *table, const uint32_t *p, uint32_t len)
{
	uint32_t code[BOOT_RAMCODE_WORDS];
	uint32_t (*loop)(const uint32_t *, const uint32_t *, const uint32_t *, uint32_t);
	const uint32_t *end = p + len / 4;
	uint32_t c;

	boot_copy(code, __boot_ramcode_start,
		  (uint32_t)((const uint8_t *)__boot_ramcode_end -
			     (const uint8_t *)__boot_ramcode_start));
	/* fence.i (encoded: -march has no Zifencei): fetch the code just stored */
	__asm__ volatile(".word 0x0000100f" ::: "memory");
	loop = (uint32_t (*)(const uint32_t *, const uint32_t *, const uint32_t *,
			     uint32_t))(uintptr_t)code;
	kvm_crc32_words(table, p, 0);		/* fills the table only */
	c = loop(table, p, end, 0xFFFFFFFFu);
	return kvm_crc32_update(~c, end, len & 3);	/* the last 0-3 bytes */
}
#else
static uint32_t payload_crc(uint32_t *table, const uint32_t *p, uint32_t len)
{
	return kvm_crc32_words(table, p, len);
}
#endif

void boot_main(void) __attribute__((noreturn));
void boot_trap(uint32_t mcause, uint32_t mepc) __attribute__((noreturn));

/* Unsigned number in base 10 or 16 (lower case, no prefix or padding); recursion depth <= 10. */
static void put_num(uint32_t v, uint32_t base)
{
	if (v >= base)
		put_num(v / base, base);
	uart_putc("0123456789abcdef"[v % base]);
}

static void __attribute__((noreturn)) blink_forever(void)
{
	uint32_t half = timer_clk_hz() / 4;	/* 2 Hz: visibly different from the 1 Hz app */

	for (;;) {
		uint32_t t0 = rdcycle32();

		gpio_led_toggle(0);
		while (rdcycle32() - t0 < half)
			;
	}
}

static void __attribute__((noreturn)) fail(const char *why)
{
	uart_puts("boot: ");
	uart_puts(why);
	uart_puts("\r\n");
	blink_forever();
}

void boot_trap(uint32_t mcause, uint32_t mepc)
{
	uart_puts("boot: trap mcause ");
	put_num(mcause, 16);
	uart_puts(" mepc ");
	put_num(mepc, 16);
	fail("halted");
}

static const struct boot_mem boot_mem = {
	.ram_base = KVM_RAM_BASE,
	.ram_size = BOOT_RAM_SIZE,
	.ram_reserve = BOOT_STACK_RESERVE,
	.ram = (uint8_t *)KVM_RAM_BASE,
	.payload_addr = KVM_FLASH_BASE + KVM_FLASH_FW_OFFSET + FWIMG_HDR_SIZE,
};

void boot_main(void)
{
	const uint8_t *slot = (const uint8_t *)(KVM_FLASH_BASE + KVM_FLASH_FW_OFFSET);
	const struct boot_mem *m = &boot_mem;
	struct fwimg_hdr h;
	enum boot_mode mode;
	const uint8_t *run;
	uint32_t crc_table[KVM_CRC32_TABLE_LEN];
	uint32_t t0, t1, t2;
	int err;

	uart_puts("\r\nkvmosd boot\r\n");
	err = boot_plan(slot, m, &h, &mode);
	if (err)
		fail(fwimg_strerror(err));

	uart_puts("boot: image ");
	put_num(h.build_id, 16);
	uart_puts(", ");
	put_num(h.length, 10);
	uart_puts(" bytes at ");
	put_num(h.load_addr, 16);
	uart_puts(mode == BOOT_XIP ? " (in place)\r\n" : "\r\n");

	t0 = rdcycle32();
	run = slot + FWIMG_HDR_SIZE;
	if (mode == BOOT_COPY) {
		run = boot_ram_ptr(m, h.load_addr);
		boot_copy((uint32_t *)run, (const uint32_t *)(slot + FWIMG_HDR_SIZE), h.length);
	}
	t1 = rdcycle32();
	/* same check as fwimg_check_payload(), on the copy, the lookup table on the stack */
	err = payload_crc(crc_table, (const uint32_t *)run, h.length) != h.payload_crc;
	t2 = rdcycle32();
	if (err)
		fail(fwimg_strerror(FWIMG_E_PAYLOAD_CRC));

	uart_puts("boot: copy ");
	put_num(t1 - t0, 10);
	uart_puts(" cycles, crc ");
	put_num(t2 - t1, 10);
	uart_puts(" cycles, jump ");
	put_num(h.entry, 16);
	uart_puts("\r\n");
	uart_flush();

	((void (*)(void))(uintptr_t)h.entry)();
	fail("firmware returned");
}
