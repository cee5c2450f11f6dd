// SPDX-License-Identifier: MIT
/*
 * test_fwimage.c - common/fwimage: pack/parse round trip, every corruption detected with
 * its own error code, truncation, strings; kvm_crc32_words() against kvm_crc32().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "crc32.h"
#include "fwimage.h"

#define LOAD	0x10000000u
#define PLEN	1000u

static uint8_t img[FWIMG_HDR_SIZE + PLEN];

static void make_image(void)
{
	struct fwimg_hdr h;
	unsigned int i;

	for (i = 0; i < PLEN; i++)
		img[FWIMG_HDR_SIZE + i] = (uint8_t)(i * 7 + 3);
	fwimg_make(&h, LOAD, LOAD + 8, 0xa16b0886, img + FWIMG_HDR_SIZE, PLEN);
	fwimg_pack(&h, img);
}

/* Rewrite word n of the header and, unless keep_crc, fix up the header CRC. */
static void set_word(unsigned int n, uint32_t v, int fix_crc)
{
	uint32_t crc;

	img[4 * n] = (uint8_t)v;
	img[4 * n + 1] = (uint8_t)(v >> 8);
	img[4 * n + 2] = (uint8_t)(v >> 16);
	img[4 * n + 3] = (uint8_t)(v >> 24);
	if (fix_crc) {
		crc = kvm_crc32(img, FWIMG_HDR_CRC_SPAN);
		img[28] = (uint8_t)crc;
		img[29] = (uint8_t)(crc >> 8);
		img[30] = (uint8_t)(crc >> 16);
		img[31] = (uint8_t)(crc >> 24);
	}
}

static int setup(void **state)
{
	(void)state;
	make_image();
	return 0;
}

static void test_round_trip(void **state)
{
	struct fwimg_hdr h;
	uint8_t again[FWIMG_HDR_SIZE];

	(void)state;
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_OK);
	assert_int_equal(h.magic, FWIMG_MAGIC);
	assert_int_equal(h.version, 1);
	assert_int_equal(h.load_addr, LOAD);
	assert_int_equal(h.length, PLEN);
	assert_int_equal(h.entry, LOAD + 8);
	assert_int_equal(h.build_id, 0xa16b0886);
	assert_int_equal(h.payload_crc, kvm_crc32(img + FWIMG_HDR_SIZE, PLEN));
	assert_int_equal(h.header_crc, fwimg_header_crc(&h));
	fwimg_pack(&h, again);
	assert_memory_equal(again, img, FWIMG_HDR_SIZE);
	/* little-endian on the wire: "KVFW" */
	assert_memory_equal(img, "KVFW", 4);
}

/* Flip every bit of the header in turn: each flip must be caught, by the right check. */
static void test_header_bit_flips(void **state)
{
	struct fwimg_hdr h;
	unsigned int bit;

	(void)state;
	for (bit = 0; bit < FWIMG_HDR_SIZE * 8; bit++) {
		int want = bit < 32 ? FWIMG_E_MAGIC : FWIMG_E_HDR_CRC;

		img[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		assert_int_equal(fwimg_check(img, sizeof(img), &h), want);
		img[bit / 8] ^= (uint8_t)(1u << (bit % 8));
	}
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_OK);
}

/* Field changes that keep a valid header CRC hit the field's own check. */
static void test_field_checks(void **state)
{
	struct fwimg_hdr h;

	(void)state;
	set_word(1, 2, 1);
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_VERSION);
	make_image();
	set_word(3, 0, 1);
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_LENGTH);
	make_image();
	set_word(3, FWIMG_MAX_PAYLOAD + 1, 1);
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_LENGTH);
	make_image();
	set_word(4, LOAD - 4, 1);	/* before the payload */
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_ENTRY);
	make_image();
	set_word(4, LOAD + PLEN, 1);	/* just past it */
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_ENTRY);
	make_image();
	set_word(4, LOAD + 2, 1);	/* misaligned */
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_ENTRY);
	make_image();
	set_word(5, 0x12345678, 1);
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_PAYLOAD_CRC);
	make_image();
	set_word(6, 0xdeadbeef, 1);	/* build id is informational only */
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_OK);
	make_image();
	set_word(0, 0xFFFFFFFF, 0);	/* erased flash */
	assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_MAGIC);
}

static void test_payload_bit_flips(void **state)
{
	struct fwimg_hdr h;
	unsigned int i;

	(void)state;
	for (i = FWIMG_HDR_SIZE; i < sizeof(img); i += 37) {
		img[i] ^= 0x10;
		assert_int_equal(fwimg_check(img, sizeof(img), &h), FWIMG_E_PAYLOAD_CRC);
		img[i] ^= 0x10;
	}
}

static void test_truncated(void **state)
{
	struct fwimg_hdr h;

	(void)state;
	assert_int_equal(fwimg_parse(img, 0, &h), FWIMG_E_TRUNCATED);
	assert_int_equal(fwimg_parse(img, FWIMG_HDR_SIZE - 1, &h), FWIMG_E_TRUNCATED);
	assert_int_equal(fwimg_parse(img, FWIMG_HDR_SIZE, &h), FWIMG_OK);
	assert_int_equal(fwimg_check(img, FWIMG_HDR_SIZE, &h), FWIMG_E_TRUNCATED);
	assert_int_equal(fwimg_check(img, sizeof(img) - 1, &h), FWIMG_E_TRUNCATED);
	/* extra bytes after the payload (the rest of the slot) are fine */
	assert_int_equal(fwimg_check_payload(&h, img + FWIMG_HDR_SIZE, PLEN + 100), FWIMG_OK);
}

/* Table-driven word form: same result as the nibble form, every length 0..4096 at random data. */
static void test_crc32_words(void **state)
{
	static uint32_t words[1024];
	uint32_t table[KVM_CRC32_TABLE_LEN];
	uint32_t x = 0x12345678u;
	size_t i;

	(void)state;
	for (i = 0; i < 1024; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		words[i] = x;
	}
	for (i = 0; i <= sizeof(words); i++)
		assert_int_equal(kvm_crc32_words(table, words, i), kvm_crc32(words, i));
	/* table[1] and table[128]: zlib's first entries and the polynomial */
	assert_int_equal(table[1], 0x77073096u);
	assert_int_equal(table[128], 0xEDB88320u);
	/* standard check value */
	memcpy(words, "123456789", 9);
	assert_int_equal(kvm_crc32_words(table, words, 9), 0xCBF43926u);
}

static void test_strings(void **state)
{
	int i, j;

	(void)state;
	assert_string_equal(fwimg_strerror(FWIMG_OK), "ok");
	assert_string_equal(fwimg_strerror(FWIMG_E_MAGIC), "bad magic");
	assert_string_equal(fwimg_strerror(FWIMG_E_HDR_CRC), "bad header crc");
	assert_string_equal(fwimg_strerror(FWIMG_E_VERSION), "bad header version");
	assert_string_equal(fwimg_strerror(FWIMG_E_LENGTH), "length out of range");
	assert_string_equal(fwimg_strerror(FWIMG_E_PAYLOAD_CRC), "bad payload crc");
	assert_string_equal(fwimg_strerror(-1), "unknown error");
	assert_string_equal(fwimg_strerror(FWIMG_E_COUNT), "unknown error");
	for (i = 0; i < FWIMG_E_COUNT; i++) {
		assert_non_null(fwimg_strerror(i));
		for (j = 0; j < i; j++)
			assert_string_not_equal(fwimg_strerror(i), fwimg_strerror(j));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_round_trip, setup),
		cmocka_unit_test_setup(test_header_bit_flips, setup),
		cmocka_unit_test_setup(test_field_checks, setup),
		cmocka_unit_test_setup(test_payload_bit_flips, setup),
		cmocka_unit_test_setup(test_truncated, setup),
		cmocka_unit_test_setup(test_strings, setup),
		cmocka_unit_test(test_crc32_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
