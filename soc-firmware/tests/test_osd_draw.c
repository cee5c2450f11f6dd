// SPDX-License-Identifier: MIT
/*
 * test_osd_draw.c - osd_draw into a fake 64 x 32 text RAM: text placement, clipping at every
 * edge, boxes, panels, the boot screen, trap report formatting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "osd_draw.h"
#include "trapfmt.h"
#include "ui_boot.h"

#define EMPTY 0xEEEE

static uint16_t ram[OSD_MAX_ROWS * OSD_STRIDE];
static int puts_seen;

static void fake_put(void *ctx, int col, int row, uint16_t cell)
{
	uint16_t *buf = ctx;

	assert_true(col >= 0 && col < OSD_MAX_COLS && row >= 0 && row < OSD_MAX_ROWS);
	buf[row * OSD_STRIDE + col] = cell;
	puts_seen++;
}

static struct osd_surface surf(int cols, int rows)
{
	struct osd_surface s = { cols, rows, fake_put, ram };
	int i;

	for (i = 0; i < OSD_MAX_ROWS * OSD_STRIDE; i++)
		ram[i] = EMPTY;
	puts_seen = 0;
	return s;
}

static uint16_t at(int col, int row)
{
	return ram[row * OSD_STRIDE + col];
}

static uint8_t glyph(int col, int row)
{
	return (uint8_t)at(col, row);
}

/* The glyphs of row r from column c, as a string. */
static void row_text(int c, int r, int n, char *out)
{
	int i;

	for (i = 0; i < n; i++)
		out[i] = (char)glyph(c + i, r);
	out[n] = 0;
}

static void test_cell_attr(void **state)
{
	(void)state;
	assert_int_equal(osd_attr(15, 1), 0x1F);
	assert_int_equal(osd_attr(0x1F, 0x12), 0x2F);	/* masked to nibbles */
	assert_int_equal(osd_cell('A', 0x1F), 0x1F41);
}

static void test_text_placement(void **state)
{
	struct osd_surface s = surf(64, 32);
	char got[8];

	(void)state;
	assert_int_equal(osd_draw_text(&s, 3, 2, "hello", 0x1F), 5);
	row_text(3, 2, 5, got);
	assert_string_equal(got, "hello");
	assert_int_equal(at(3, 2), 0x1F68);
	assert_int_equal(at(2, 2), EMPTY);
	assert_int_equal(at(8, 2), EMPTY);
	assert_int_equal(at(3, 1), EMPTY);
	assert_int_equal(puts_seen, 5);
	/* CP437 bytes above 0x7F pass through unchanged */
	assert_int_equal(osd_draw_text(&s, 0, 0, "\xC9\xCD", 0x07), 2);
	assert_int_equal(glyph(0, 0), 0xC9);
}

static void test_text_clipping(void **state)
{
	struct osd_surface s = surf(10, 4);
	char got[8];

	(void)state;
	/* right edge */
	assert_int_equal(osd_draw_text(&s, 7, 0, "abcdef", 0x07), 3);
	row_text(7, 0, 3, got);
	assert_string_equal(got, "abc");
	assert_int_equal(at(10, 0), EMPTY);
	/* left edge */
	assert_int_equal(osd_draw_text(&s, -2, 1, "abcdef", 0x07), 4);
	row_text(0, 1, 4, got);
	assert_string_equal(got, "cdef");
	/* rows outside */
	assert_int_equal(osd_draw_text(&s, 0, -1, "x", 0x07), 0);
	assert_int_equal(osd_draw_text(&s, 0, 4, "x", 0x07), 0);
	assert_int_equal(at(0, 4), EMPTY);
	/* textn stops at maxlen */
	assert_int_equal(osd_draw_textn(&s, 0, 3, "abcdef", 2, 0x07), 2);
	assert_int_equal(at(2, 3), EMPTY);
	assert_int_equal(puts_seen, 3 + 4 + 2);
}

static void test_centered(void **state)
{
	struct osd_surface s = surf(64, 32);
	char got[8];

	(void)state;
	assert_int_equal(osd_draw_text_centered(&s, 10, 0, 10, "abcd", 0x07), 13);
	row_text(13, 0, 4, got);
	assert_string_equal(got, "abcd");
	/* too long: cut to the span */
	assert_int_equal(osd_draw_text_centered(&s, 0, 1, 3, "abcdef", 0x07), 0);
	assert_int_equal(at(3, 1), EMPTY);
}

static void test_box(void **state)
{
	struct osd_surface s = surf(64, 32);
	int i;

	(void)state;
	osd_draw_box(&s, 2, 1, 6, 4, &osd_box_double, 0x1F);
	assert_int_equal(at(2, 1), 0x1FC9);
	assert_int_equal(glyph(7, 1), 0xBB);
	assert_int_equal(glyph(2, 4), 0xC8);
	assert_int_equal(glyph(7, 4), 0xBC);
	for (i = 3; i <= 6; i++) {
		assert_int_equal(glyph(i, 1), 0xCD);
		assert_int_equal(glyph(i, 4), 0xCD);
	}
	for (i = 2; i <= 3; i++) {
		assert_int_equal(glyph(2, i), 0xBA);
		assert_int_equal(glyph(7, i), 0xBA);
		assert_int_equal(at(3, i), EMPTY);	/* interior untouched */
	}
	assert_int_equal(puts_seen, 2 * 6 + 2 * 2);
	/* degenerate sizes draw nothing */
	s = surf(64, 32);
	osd_draw_box(&s, 0, 0, 1, 5, &osd_box_single, 0x07);
	osd_draw_box(&s, 0, 0, 5, 1, &osd_box_single, 0x07);
	assert_int_equal(puts_seen, 0);
}

static void test_box_clipped(void **state)
{
	struct osd_surface s = surf(8, 4);

	(void)state;
	osd_draw_box(&s, 5, 2, 6, 6, &osd_box_single, 0x07);
	assert_int_equal(glyph(5, 2), 0xDA);
	assert_int_equal(glyph(6, 2), 0xC4);
	assert_int_equal(glyph(7, 2), 0xC4);
	assert_int_equal(glyph(5, 3), 0xB3);
	assert_int_equal(puts_seen, 4);
	s = surf(8, 4);
	osd_draw_box(&s, -3, -3, 5, 5, &osd_box_double, 0x07);
	assert_int_equal(glyph(1, 1), 0xBC);
	assert_int_equal(glyph(0, 1), 0xCD);
	assert_int_equal(glyph(1, 0), 0xBA);
	assert_int_equal(puts_seen, 3);
}

static void test_panel(void **state)
{
	struct osd_surface s = surf(64, 32);
	const char *lines[] = { "one", "two", "dropped" };
	char got[8];

	(void)state;
	osd_draw_panel(&s, 0, 0, 9, 4, &osd_box_double, 0x1F, lines, 3);
	row_text(3, 1, 3, got);
	assert_string_equal(got, "one");
	row_text(3, 2, 3, got);
	assert_string_equal(got, "two");
	assert_int_equal(at(1, 1), 0x1F20);	/* cleared interior */
	assert_int_equal(glyph(0, 3), 0xC8);	/* third line did not overwrite the frame */
	assert_int_equal(at(0, 4), EMPTY);
}

static void test_boot_screen(void **state)
{
	struct osd_surface s = surf(64, 32);
	char row[UI_BOOT_COLS + 1];
	int c;

	(void)state;
	ui_draw_boot(&s, "0.1.0", "OSD ready");
	assert_int_equal(glyph(0, 0), 0xC9);
	assert_int_equal(glyph(UI_BOOT_COLS - 1, 0), 0xBB);
	assert_int_equal(glyph(0, UI_BOOT_ROWS - 1), 0xC8);
	assert_int_equal(glyph(UI_BOOT_COLS - 1, UI_BOOT_ROWS - 1), 0xBC);
	assert_int_equal(glyph(0, 1), 0xBA);
	assert_int_equal(glyph(UI_BOOT_COLS - 1, 2), 0xBA);
	row_text(1, 1, UI_BOOT_COLS - 2, row);
	assert_non_null(strstr(row, "kvmosd 0.1.0"));
	row_text(1, 2, UI_BOOT_COLS - 2, row);
	assert_non_null(strstr(row, "OSD ready"));
	for (c = 0; c < UI_BOOT_COLS; c++)
		assert_int_equal(at(c, 0) >> 8, osd_attr(UI_FG, UI_BG));
	assert_int_equal(at(UI_BOOT_COLS, 0), EMPTY);
	assert_int_equal(at(0, UI_BOOT_ROWS), EMPTY);
	/* distinct fg and bg so the text is visible */
	assert_int_not_equal(ui_palette[UI_FG], ui_palette[UI_BG]);
}

static void test_trapfmt(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(trap_cause_name(2), "illegal instruction");
	assert_string_equal(trap_cause_name(0x80000007u), "timer interrupt");
	assert_string_equal(trap_cause_name(9), "unknown cause");
	assert_string_equal(trap_cause_name(0x80000001u), "unknown cause");
	trap_format(buf, sizeof(buf), 4, 0x10000123, 0x20000001);
	assert_string_equal(buf, "trap: load address misaligned mcause=0x00000004 "
			    "mepc=0x10000123 mtval=0x20000001");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_attr),
		cmocka_unit_test(test_text_placement),
		cmocka_unit_test(test_text_clipping),
		cmocka_unit_test(test_centered),
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_box_clipped),
		cmocka_unit_test(test_panel),
		cmocka_unit_test(test_boot_screen),
		cmocka_unit_test(test_trapfmt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
