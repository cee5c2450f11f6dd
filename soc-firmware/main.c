/* SPDX-License-Identifier: MIT */
/*
 * main.c - kvmosd firmware entry: banner, OSD start-up screen, then the main loop
 * (host link bytes in, watchdog kick, LED 0 heartbeat at 1 Hz).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "kvmosd_regs.h"
#include "fw_version.h"
#include "fw.h"
#include "drivers/csr.h"
#include "drivers/gpio.h"
#include "drivers/osd.h"
#include "drivers/spiflash.h"
#include "drivers/timer.h"
#include "drivers/uart.h"
#include "drivers/wdt.h"
#include "app/hostlink.h"
#include "app/osd_draw.h"
#include "app/ui_boot.h"

#define WDT_TIMEOUT_S	2	/* > the slowest flash erase between kicks */
#define HEARTBEAT_HZ	1

static struct hostlink link;
static uint32_t reset_cause;
static uint32_t clk_hz;

static void link_tx(void *ctx, const uint8_t *buf, size_t len)
{
	(void)ctx;
	while (len--)
		uart_putc((char)*buf++);
}

static void link_info(void *ctx, struct proto_info *out)
{
	(void)ctx;
	out->hw_id = KVM_REG(KVM_SYSCTL_ID);
	out->hw_version = KVM_REG(KVM_SYSCTL_HW_VERSION);
	out->uptime_ms = (uint32_t)(timer_now() / (clk_hz / 1000));
	out->reset_cause = reset_cause;
	strncpy(out->fw_version, KVM_FW_VERSION, sizeof(out->fw_version) - 1);
	strncpy(out->build_id, KVM_FW_BUILD_ID, sizeof(out->build_id) - 1);
}

static const struct hostlink_ops link_ops = {
	.tx = link_tx,
	.info = link_info,
	.ctx = NULL,
};

static void osd_start(void)
{
	struct osd_surface s;

	osd_enable(0);
	osd_load_font(kvmosd_default_font, 0, KVM_OSD_GLYPHS);
	osd_set_palette(ui_palette, 16);
	osd_clear(osd_cell(' ', osd_attr(UI_FG, UI_BG)));
	osd_hw_surface(&s);
	ui_draw_boot(&s, KVM_FW_VERSION, "OSD ready");
	osd_set_window(UI_BOOT_X, UI_BOOT_Y, UI_BOOT_COLS, UI_BOOT_ROWS);
	osd_enable(1);
}

int main(void)
{
	uint64_t next_blink, half_period;

	clk_hz = timer_clk_hz();
	reset_cause = KVM_REG(KVM_SYSCTL_RESET_CAUSE);
	KVM_REG(KVM_SYSCTL_RESET_CAUSE) = reset_cause;	/* w1c */

	printf("kvmosd %s build %s\n", KVM_FW_VERSION, KVM_FW_BUILD_ID);
	printf("fw: clk %" PRIu32 " Hz, reset cause 0x%" PRIx32 "\n", clk_hz, reset_cause);

	osd_start();
	printf("osd: ready at cycle %" PRIu32 "\n", rdcycle32());

	hostlink_init(&link, &link_ops);
	spiflash_set_wait_hook(wdt_kick);
	wdt_start(clk_hz * WDT_TIMEOUT_S);

	half_period = clk_hz / (2 * HEARTBEAT_HZ);
	next_blink = timer_now() + half_period;
	for (;;) {
		int c;

		while ((c = uart_getc()) >= 0)
			hostlink_rx_byte(&link, (uint8_t)c);
		wdt_kick();
		if (timer_now() >= next_blink) {
			next_blink += half_period;
			gpio_led_toggle(0);
		}
	}
}
