/* SPDX-License-Identifier: MIT */
/*
 * test_vmode.c - the mode table and matcher: every entry is found from its own nominal
 * timing (so no two entries collide within the tolerance), the tolerance edges, line count
 * and interlace checks, no signal / unstable / unknown formatting, rates, OSD scale.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmode.h"

#define REF 48000000u

static struct vmode_meas nominal(const struct vmode *v, int32_t ppm, int dlines)
{
	struct vmode_meas m = { 0 };
	double x16 = 16.0 * REF * v->htotal / (v->pclk_khz * 1000.0);

	m.ref_hz = REF;
	m.line_x16 = (uint32_t)(x16 * (1.0 + ppm / 1e6) + 0.5);
	m.lines_frame = (uint16_t)(v->vtotal + dlines);
	m.interlaced = v->interlaced;
	m.present = 1;
	m.stable = 1;
	return m;
}

static void every_entry_identifies_itself(void **state)
{
	size_t i;

	(void)state;
	assert_true(vmode_table_len >= 30);
	for (i = 0; i < vmode_table_len; i++) {
		const struct vmode *v = &vmode_table[i];
		static const int32_t ppm[] = { 0, 4000, -4000 };
		size_t k;

		for (k = 0; k < 3; k++) {
			struct vmode_meas m = nominal(v, ppm[k], 0);
			struct vmode_result r = vmode_identify(&m);

			if (r.state != VMODE_KNOWN || r.mode != v)
				fail_msg("%s at %d ppm -> %s", v->name, (int)ppm[k],
					 r.mode ? r.mode->name : "none");
		}
	}
}

static void tolerance_edges(void **state)
{
	const struct vmode *v = &vmode_table[0];
	size_t i;

	(void)state;
	for (i = 0; i < vmode_table_len; i++)
		if (!strcmp(vmode_table[i].name, "1024x768@60"))
			v = &vmode_table[i];
	assert_string_equal(v->name, "1024x768@60");
	for (int d = -1; d <= 1; d++) {
		struct vmode_meas m = nominal(v, 0, d);

		assert_ptr_equal(vmode_identify(&m).mode, v);
	}
	{
		struct vmode_meas m = nominal(v, 0, 2);
		struct vmode_result r = vmode_identify(&m);

		assert_int_equal(r.state, VMODE_UNKNOWN);
	}
	{
		struct vmode_meas m = nominal(v, 7000, 0);	/* 0.7 % off */

		assert_int_equal(vmode_identify(&m).state, VMODE_UNKNOWN);
	}
	{
		struct vmode_meas m = nominal(v, 0, 0);	/* interlace flag must match */

		m.interlaced = 1;
		assert_int_equal(vmode_identify(&m).state, VMODE_UNKNOWN);
	}
}

/* Figures the RTL meter produced in tests/sync (docs/sync.md). */
static void meter_figures(void **state)
{
	struct vmode_meas m = { REF, 24405, 525, 0, 1, 1 };
	struct vmode_result r = vmode_identify(&m);
	char buf[40];

	(void)state;
	assert_int_equal(r.state, VMODE_KNOWN);
	assert_string_equal(r.mode->name, "640x480@60");
	assert_int_equal(r.hfreq_hz, 31469);
	assert_true(r.vfreq_mhz >= 59935 && r.vfreq_mhz <= 59945);
	assert_int_equal(vmode_format(&r, buf, sizeof(buf)), strlen("640x480@60"));

	m = (struct vmode_meas){ REF, 3051 * 16, 525, 1, 1, 1 };	/* NTSC */
	r = vmode_identify(&m);
	assert_string_equal(r.mode->name, "ntsc");
	assert_true(r.vfreq_mhz >= 59900 && r.vfreq_mhz <= 60000);	/* field rate */
	m.lines_frame = 262;
	m.interlaced = 0;
	assert_string_equal(vmode_identify(&m).mode->name, "240p");
	m = (struct vmode_meas){ REF, 3072 * 16, 625, 1, 1, 1 };	/* PAL */
	assert_string_equal(vmode_identify(&m).mode->name, "pal");
	m = (struct vmode_meas){ REF, 1067 * 16, 750, 0, 1, 1 };	/* 720p */
	assert_string_equal(vmode_identify(&m).mode->name, "1280x720@60");
}

static void states_and_format(void **state)
{
	struct vmode_meas m = { REF, 0, 0, 0, 0, 0 };
	struct vmode_result r = vmode_identify(&m);
	char buf[40], tiny[5];

	(void)state;
	assert_int_equal(r.state, VMODE_NO_SIGNAL);
	vmode_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "NO SIGNAL");
	m.present = 1;
	r = vmode_identify(&m);
	assert_int_equal(r.state, VMODE_UNSTABLE);
	vmode_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "unstable");
	/* 33.75 kHz, 700 lines progressive: no such mode */
	m = (struct vmode_meas){ REF, (uint32_t)(16.0 * REF / 33750.0 + 0.5), 700, 0, 1, 1 };
	r = vmode_identify(&m);
	assert_int_equal(r.state, VMODE_UNKNOWN);
	assert_true(r.hfreq_hz >= 33748 && r.hfreq_hz <= 33752);	/* x16 rounding */
	vmode_format(&r, buf, sizeof(buf));
	assert_string_equal(buf, "unknown 33.7kHz 48.2Hz");
	assert_int_equal(vmode_format(&r, tiny, sizeof(tiny)), 4);
	assert_string_equal(tiny, "unkn");
}

static void osd_scale(void **state)
{
	static const struct { const char *name; unsigned s; } want[] = {
		{ "640x480@60", 1 }, { "1024x768@60", 1 }, { "1280x720@60", 1 },
		{ "1920x1080@60", 2 }, { "1600x1200@60", 2 }, { "240p", 1 },
	};
	size_t i, k;

	(void)state;
	for (k = 0; k < sizeof(want) / sizeof(want[0]); k++)
		for (i = 0; i < vmode_table_len; i++)
			if (!strcmp(vmode_table[i].name, want[k].name)) {
				struct vmode_meas m = nominal(&vmode_table[i], 0, 0);
				struct vmode_result r = vmode_identify(&m);

				assert_int_equal(vmode_osd_scale(&r, &m), want[k].s);
			}
	{
		struct vmode_meas m = { REF, 16 * 500, 2250, 0, 1, 1 };	/* unknown, tall */
		struct vmode_result r = vmode_identify(&m);

		assert_int_equal(r.state, VMODE_UNKNOWN);
		assert_int_equal(vmode_osd_scale(&r, &m), 4);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_entry_identifies_itself),
		cmocka_unit_test(tolerance_edges),
		cmocka_unit_test(meter_figures),
		cmocka_unit_test(states_and_format),
		cmocka_unit_test(osd_scale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
