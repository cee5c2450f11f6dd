/* SPDX-License-Identifier: MIT */
/*
 * ui_boot.h - the start-up OSD screen: a double-line frame holding "kvmosd <version>" and a
 * status line, and the palette it uses. Pure logic over an osd_surface.
 */
#ifndef KVMOSD_UI_BOOT_H
#define KVMOSD_UI_BOOT_H

#include <stdint.h>
#include "osd_draw.h"

#define UI_BOOT_COLS	24	/* OSD window size for the boot screen */
#define UI_BOOT_ROWS	4
#define UI_BOOT_X	64	/* window position in pixels / lines */
#define UI_BOOT_Y	48

#define UI_FG		15	/* white */
#define UI_BG		1	/* blue */

/* 16-entry RGB444 palette (CGA order), index = attr nibble. */
extern const uint16_t ui_palette[16];

/* Draw the boot screen into the top-left UI_BOOT_COLS x UI_BOOT_ROWS cells. */
void ui_draw_boot(const struct osd_surface *s, const char *version, const char *status);

#endif /* KVMOSD_UI_BOOT_H */
