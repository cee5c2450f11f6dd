/* SPDX-License-Identifier: MIT */
/*
 * main.c - kvmosd firmware entry: banner, OSD start-up screen, then the main loop
 * (host link bytes in, KVM snoop bytes to ps2con / hotkey / kvm_ui, video meters and
 * screens (vstatus), watchdog kick, LED 0 heartbeat at 1 Hz).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "kvmosd_regs.h"
#include "fw_version.h"
#include "fw.h"
#include "drivers/csr.h"
#include "drivers/gpio.h"
#include "drivers/kvm.h"
#include "drivers/osd.h"
#include "drivers/spiflash.h"
#include "drivers/timer.h"
#include "drivers/uart.h"
#include "drivers/vidin.h"
#include "drivers/wdt.h"
#include "app/hostlink.h"
#include "app/kvm_ui.h"
#include "app/osd_draw.h"
#include "app/ps2con.h"
#include "app/ui_boot.h"
#include "app/vstatus.h"

#define WDT_TIMEOUT_S	2	/* > the slowest flash erase between kicks */
#define HEARTBEAT_HZ	1
#define KVM_SNOOP_BURST	64	/* snoop entries per loop iteration, so the link keeps up */

static struct hostlink link;
static uint32_t reset_cause;
static uint32_t clk_hz;
static struct ps2con con;
static struct kvm_ui kui;
static struct vstatus vs;
static unsigned int kvm_n;	/* PC ports; 0 = no KVM block */

static uint32_t now_ms(void)
{
	return (uint32_t)(timer_now() / (clk_hz / 1000));
}

static void log_line(void *ctx, const char *msg)
{
	(void)ctx;
	printf("%s\n", msg);
}

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

static uint8_t link_cmd(void *ctx, uint8_t cmd, const uint8_t *in, uint16_t len, uint8_t *out,
		       uint16_t *out_len)
{
	(void)ctx;
	return kvm_ui_host_cmd(&kui, cmd, in, len, out, out_len);
}

static const struct hostlink_ops link_ops = {
	.tx = link_tx,
	.info = link_info,
	.cmd = link_cmd,
	.ctx = NULL,
};

/* ---- KVM: console devices (ps2con) and the hotkey / OSD (kvm_ui) ---- */

static int con_tx(void *ctx, int dev, uint8_t b)
{
	(void)ctx;
	return kvm_con_tx(dev, b);
}

static unsigned int con_tx_status(void *ctx, int dev)
{
	(void)ctx;
	return kvm_con_status(dev);
}

static void con_set_raw(void *ctx, int dev, int on)
{
	(void)ctx;
	kvm_ctrl(dev == PS2CON_MOUSE ? KVM_CTRL_MS_RAW : KVM_CTRL_KBD_RAW, on);
}

static void con_set_ms_id(void *ctx, uint8_t id)
{
	(void)ctx;
	kvm_set_ms_id(id);
}

static const struct ps2con_ops con_ops = {
	.tx = con_tx,
	.tx_status = con_tx_status,
	.set_raw = con_set_raw,
	.set_ms_id = con_set_ms_id,
	.log = log_line,
};

static void ui_select(void *ctx, unsigned int port)
{
	(void)ctx;
	kvm_select(port);
}

static void ui_block(void *ctx, int on)
{
	(void)ctx;
	kvm_ctrl(KVM_CTRL_BLOCK, on);
}

static void ui_inject(void *ctx, unsigned int port, const uint8_t *chunk, size_t n)
{
	(void)ctx;
	if (kvm_inject(port, chunk, n) < 0)
		printf("kvm: inject timed out\n");
}

static void ui_set_filter(void *ctx, uint32_t filter)
{
	(void)ctx;
	kvm_set_filter(filter);
}

static uint32_t ui_port_word(void *ctx, unsigned int port)
{
	(void)ctx;
	return kvm_port_word(port);
}

static uint32_t ui_con_errors(void *ctx, int dev)
{
	(void)ctx;
	return kvm_con_errors(dev);
}

/* ---- video: input meters, source, OSD screens (vstatus) ---- */

static uint32_t vs_snaps(void *ctx)
{
	(void)ctx;
	return vidin_snaps();
}

static void vs_read_port(void *ctx, unsigned int port, struct vidin_regs *r)
{
	(void)ctx;
	vidin_read_regs(port, r);
}

static void vs_set_source(void *ctx, unsigned int port)
{
	(void)ctx;
	video_set_source(port);
}

static uint32_t vs_matrix(void *ctx)
{
	(void)ctx;
	return video_matrix();
}

static void vs_set_pattern(void *ctx, uint32_t pattern)
{
	(void)ctx;
	video_set_pattern(pattern);
}

static void vs_window(void *ctx, unsigned int scale, int x, int y, int cols, int rows)
{
	(void)ctx;
	if (!cols || !rows) {
		osd_enable(0);
		return;
	}
	osd_set_scale(scale);
	osd_set_window((unsigned int)x, (unsigned int)y, (unsigned int)cols, (unsigned int)rows);
	osd_enable(1);
}

static void vs_popup(void *ctx, unsigned int frames)
{
	(void)ctx;
	osd_popup(frames);
}

static unsigned int vs_popup_left(void *ctx)
{
	(void)ctx;
	return osd_popup_left();
}

static void video_start(void)
{
	struct vstatus_ops ops = {
		.snaps = vs_snaps,
		.read_port = vs_read_port,
		.set_source = vs_set_source,
		.matrix = vs_matrix,
		.set_pattern = vs_set_pattern,
		.window = vs_window,
		.popup = vs_popup,
		.popup_left = vs_popup_left,
		.port_word = kvm_n ? ui_port_word : NULL,
		.log = log_line,
	};
	unsigned int n = vidin_nports();

	osd_hw_surface(&ops.surf);
	vstatus_init(&vs, &ops, n, n ? vidin_ref_hz() : 0, kvm_n, kvm_n ? kvm_selected() : 0,
		     KVM_FW_VERSION);
}

static void kvm_start(void)
{
	struct kvm_ui_ops ops = {
		.select = ui_select,
		.block = ui_block,
		.inject = ui_inject,
		.set_filter = ui_set_filter,
		.port_word = ui_port_word,
		.con_errors = ui_con_errors,
		.log = log_line,
	};
	struct hotkey_cfg cfg;

	hotkey_default_cfg(&cfg);
	ps2con_init(&con, &con_ops);
	kvm_ui_init(&kui, &ops, &con, &vs, kvm_n, kvm_n ? kvm_selected() : 0, &cfg);
	if (!kvm_n) {
		printf("kvm: no KVM block\n");
		return;
	}
	/* mouse bytes too: init replies, and AA 00 from a newly plugged mouse */
	kvm_ctrl(KVM_CTRL_SNOOP_MOUSE, 1);
	kvm_clear(KVM_CLEAR_OVERFLOW);
	printf("kvm: %u ports, port %u selected\n", kvm_n, kui.selected + 1);
}

static void kvm_poll(void)
{
	uint32_t now = now_ms(), e, st;
	int n = KVM_SNOOP_BURST;

	while (n-- && ((e = kvm_snoop_pop()) & KVM_SNOOP_VALID)) {
		uint8_t b = KVM_SNOOP_BYTE(e);

		if (e & KVM_SNOOP_MOUSE)
			ps2con_rx(&con, PS2CON_MOUSE, b, now);
		else if (!ps2con_rx(&con, PS2CON_KBD, b, now))
			kvm_ui_key(&kui, b, KVM_SNOOP_TS(e), now);
	}
	st = kvm_status();
	if (st & KVM_STATUS_LED_REQ) {
		/* ack first: a newer request raised meanwhile is then not lost */
		kvm_clear(KVM_CLEAR_LED_ACK);
		ps2con_set_leds(&con, (uint8_t)KVM_STATUS_LED(st));
	}
	if (st & KVM_STATUS_OVERFLOW) {
		kvm_clear(KVM_CLEAR_OVERFLOW);
		printf("kvm: snoop overflow\n");
	}
	ps2con_step(&con, now);
	kvm_ui_step(&kui, now);
}

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

/*
 * The flash driver's wait hook runs while the SPI engine holds the flash pins, when the
 * read window (and so execute-in-place code) stalls: it must live in RAM (FW_RAMFUNC),
 * not be the out-of-line copy of wdt_kick() that the compiler puts in .text.
 */
static FW_RAMFUNC void flash_wait_kick(void)
{
	wdt_kick();
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

	kvm_n = kvm_nports();
	video_start();
	kvm_start();
	hostlink_init(&link, &link_ops);
	spiflash_set_wait_hook(flash_wait_kick);
	wdt_start(clk_hz * WDT_TIMEOUT_S);

	half_period = clk_hz / (2 * HEARTBEAT_HZ);
	next_blink = timer_now() + half_period;
	for (;;) {
		int c;

		while ((c = uart_getc()) >= 0)
			hostlink_rx_byte(&link, (uint8_t)c);
		if (kvm_n)
			kvm_poll();
		vstatus_step(&vs, now_ms());
		wdt_kick();
		if (timer_now() >= next_blink) {
			next_blink += half_period;
			gpio_led_toggle(0);
		}
	}
}
