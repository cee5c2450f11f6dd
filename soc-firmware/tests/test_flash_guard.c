/* SPDX-License-Identifier: MIT */
/*
 * test_flash_guard.c - the flash write policy with the real layout (KVM_FLASH_FW_OFFSET,
 * KVM_FLASH_SIZE): the bitstream area is refused, the edges of the flash, erase alignment,
 * and the order of the reasons.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kvmosd_regs.h"
#include "flash_guard.h"

static const struct flash_guard g = { KVM_FLASH_FW_OFFSET, KVM_FLASH_SIZE };

static void bitstream_area_refused(void **state)
{
	(void)state;
	assert_int_equal(flash_guard_check(&g, 0, 1, 1), SPIFLASH_E_PROTECT);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET - 1, 1, 1), SPIFLASH_E_PROTECT);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET - 4096, 4096, 4096),
			 SPIFLASH_E_PROTECT);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET, 1, 1), SPIFLASH_OK);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_SETTINGS_OFFSET, 4096, 4096), SPIFLASH_OK);
}

static void flash_end(void **state)
{
	(void)state;
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_SIZE - 256, 256, 1), SPIFLASH_OK);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_SIZE - 256, 257, 1), SPIFLASH_E_RANGE);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_SIZE, 0, 1), SPIFLASH_E_RANGE);
	/* no wrap-around: a huge length is not taken modulo 2^32 */
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET, 0xFFFFFFFFu, 1),
			 SPIFLASH_E_RANGE);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_SIZE - 65536, 65536, 65536), SPIFLASH_OK);
}

static void erase_alignment(void **state)
{
	(void)state;
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET + 512, 4096, 4096),
			 SPIFLASH_E_ALIGN);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET + 4096, 65536, 65536),
			 SPIFLASH_E_ALIGN);
	assert_int_equal(flash_guard_check(&g, KVM_FLASH_FW_OFFSET + 3, 5, 1), SPIFLASH_OK);
	/* protection is reported before alignment */
	assert_int_equal(flash_guard_check(&g, 3, 4096, 4096), SPIFLASH_E_PROTECT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bitstream_area_refused),
		cmocka_unit_test(flash_end),
		cmocka_unit_test(erase_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
