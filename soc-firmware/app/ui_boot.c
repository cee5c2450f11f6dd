/* SPDX-License-Identifier: MIT */
/* ui_boot.c - see ui_boot.h. */
#include <stdio.h>

#include "ui_boot.h"

const uint16_t ui_palette[16] = {
	0x000, 0x00A, 0x0A0, 0x0AA, 0xA00, 0xA0A, 0xA50, 0xAAA,
	0x555, 0x55F, 0x5F5, 0x5FF, 0xF55, 0xF5F, 0xFF5, 0xFFF,
};

void ui_draw_boot(const struct osd_surface *s, const char *version, const char *status)
{
	char title[UI_BOOT_COLS + 1];
	const char *lines[2] = { title, status };

	snprintf(title, sizeof(title), "kvmosd %s", version);
	osd_draw_panel(s, 0, 0, UI_BOOT_COLS, UI_BOOT_ROWS, &osd_box_double,
		       osd_attr(UI_FG, UI_BG), lines, 2);
}
