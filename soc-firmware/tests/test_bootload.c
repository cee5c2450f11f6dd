// SPDX-License-Identifier: MIT
/*
 * test_bootload.c - the boot ROM's plan/copy/check sequence against a fake flash slot and a
 * fake RAM: copy-at-boot, execute-in-place, load range checks, corrupted payloads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "bootload.h"
#include "crc32.h"

#define RAM_BASE	0x10000000u
#define RAM_SIZE	0x20000u
#define RESERVE		256u
#define PAYLOAD_ADDR	0x20100020u
#define PLEN		4096u

static uint32_t slot_w[(FWIMG_HDR_SIZE + PLEN) / 4];
static uint32_t ram_w[RAM_SIZE / 4];
#define SLOT ((uint8_t *)slot_w)

static const struct boot_mem mem = {
	.ram_base = RAM_BASE,
	.ram_size = RAM_SIZE,
	.ram_reserve = RESERVE,
	.ram = (uint8_t *)ram_w,
	.payload_addr = PAYLOAD_ADDR,
};

static void make_slot(uint32_t load, uint32_t len)
{
	struct fwimg_hdr h;
	uint32_t i;

	for (i = 0; i < PLEN; i++)
		SLOT[FWIMG_HDR_SIZE + i] = (uint8_t)(i ^ (i >> 8));
	fwimg_make(&h, load, (load + 3) & ~3u, 1, SLOT + FWIMG_HDR_SIZE, len);
	fwimg_pack(&h, SLOT);
}

/* What boot.c does: plan, copy, check the copy. */
static int boot(struct fwimg_hdr *h, enum boot_mode *mode)
{
	const uint8_t *run = SLOT + FWIMG_HDR_SIZE;
	int err = boot_plan(SLOT, &mem, h, mode);

	if (err)
		return err;
	if (*mode == BOOT_COPY) {
		run = boot_ram_ptr(&mem, h->load_addr);
		boot_copy((uint32_t *)run, (const uint32_t *)(SLOT + FWIMG_HDR_SIZE), h->length);
	}
	return fwimg_check_payload(h, run, h->length);
}

static void test_copy(void **state)
{
	struct fwimg_hdr h;
	enum boot_mode mode;

	(void)state;
	memset(ram_w, 0xA5, sizeof(ram_w));
	make_slot(RAM_BASE, PLEN);
	assert_int_equal(boot(&h, &mode), FWIMG_OK);
	assert_int_equal(mode, BOOT_COPY);
	assert_memory_equal(ram_w, SLOT + FWIMG_HDR_SIZE, PLEN);
	assert_int_equal(((uint8_t *)ram_w)[PLEN], 0xA5);	/* nothing past the payload */
}

static void test_copy_offset(void **state)
{
	struct fwimg_hdr h;
	enum boot_mode mode;

	(void)state;
	make_slot(RAM_BASE + 0x100, 64);
	assert_int_equal(boot(&h, &mode), FWIMG_OK);
	assert_memory_equal((uint8_t *)ram_w + 0x100, SLOT + FWIMG_HDR_SIZE, 64);
}

static void test_xip(void **state)
{
	struct fwimg_hdr h;
	enum boot_mode mode;

	(void)state;
	make_slot(PAYLOAD_ADDR, PLEN);
	assert_int_equal(boot(&h, &mode), FWIMG_OK);
	assert_int_equal(mode, BOOT_XIP);
}

static void test_load_range(void **state)
{
	struct fwimg_hdr h;
	enum boot_mode mode;

	(void)state;
	make_slot(RAM_BASE - 4, 64);		/* below RAM */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_E_LOAD);
	make_slot(RAM_BASE + 2, 64);		/* misaligned */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_E_LOAD);
	make_slot(RAM_BASE, 62);		/* not whole words */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_E_LOAD);
	make_slot(RAM_BASE + RAM_SIZE - RESERVE - 64, 64);	/* ends at the stack: ok */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_OK);
	make_slot(RAM_BASE + RAM_SIZE - RESERVE - 60, 64);	/* into the boot stack */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_E_LOAD);
	make_slot(0x30000000u, 64);		/* OSD memory, not RAM */
	assert_int_equal(boot_plan(SLOT, &mem, &h, &mode), FWIMG_E_LOAD);
}

static void test_bad_images(void **state)
{
	struct fwimg_hdr h;
	enum boot_mode mode;

	(void)state;
	memset(slot_w, 0xFF, sizeof(slot_w));	/* erased flash */
	assert_int_equal(boot(&h, &mode), FWIMG_E_MAGIC);
	make_slot(RAM_BASE, PLEN);
	SLOT[12] ^= 1;
	assert_int_equal(boot(&h, &mode), FWIMG_E_HDR_CRC);
	make_slot(RAM_BASE, PLEN);
	SLOT[FWIMG_HDR_SIZE + PLEN - 1] ^= 0x80;
	assert_int_equal(boot(&h, &mode), FWIMG_E_PAYLOAD_CRC);
	make_slot(PAYLOAD_ADDR, PLEN);
	SLOT[FWIMG_HDR_SIZE] ^= 1;
	assert_int_equal(boot(&h, &mode), FWIMG_E_PAYLOAD_CRC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_copy_offset),
		cmocka_unit_test(test_xip),
		cmocka_unit_test(test_load_range),
		cmocka_unit_test(test_bad_images),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
