/* SPDX-License-Identifier: MIT */
/* kvm_ui.c - see kvm_ui.h. */
#include <stdio.h>
#include <string.h>

#include "kvm_ui.h"
#include "proto.h"
#include "ps2_keys.h"

_Static_assert(PROTO_HOTKEY_SCROLL == HOTKEY_SCROLL && PROTO_HOTKEY_CTRL == HOTKEY_CTRL &&
	       PROTO_HOTKEY_ALT == HOTKEY_ALT, "hotkey modes differ from the protocol's");
_Static_assert(PROTO_HOTKEY_WINDOW_MIN == HOTKEY_WINDOW_MIN &&
	       PROTO_HOTKEY_WINDOW_MAX == HOTKEY_WINDOW_MAX, "hotkey window range differs");

static void ui_log(struct kvm_ui *ui, const char *msg)
{
	if (ui->ops.log)
		ui->ops.log(ui->ops.ctx, msg);
}

static void osd_open(struct kvm_ui *ui)
{
	ui->open = 1;
	ui->ops.block(ui->ops.ctx, 1);
	hotkey_set_osd_open(&ui->hk, 1);
	vstatus_page(ui->vs, 1);
}

static void osd_close(struct kvm_ui *ui)
{
	ui->open = 0;
	ui->ops.block(ui->ops.ctx, 0);
	hotkey_set_osd_open(&ui->hk, 0);
	vstatus_page(ui->vs, 0);	/* the banner of a switch made meanwhile, or idle */
	ui_log(ui, "kvm: osd closed");
}

int kvm_ui_select(struct kvm_ui *ui, unsigned int port)
{
	char msg[32];

	if (port >= ui->nports)
		return -1;
	if (port < ui->nkvm)
		ui->ops.select(ui->ops.ctx, port);
	ui->selected = port;
	snprintf(msg, sizeof(msg), "kvm: port %u selected", port + 1);
	ui_log(ui, msg);
	vstatus_select(ui->vs, port);	/* VIDEO.SOURCE, banner (after the page closes) */
	return 0;
}

static void inject_literal(struct kvm_ui *ui)
{
	static const uint8_t make[] = { PS2_SC_SCROLL };
	static const uint8_t brk[] = { PS2_SC_BREAK, PS2_SC_SCROLL };

	ui->ops.inject(ui->ops.ctx, ui->selected, make, sizeof(make));
	ui->ops.inject(ui->ops.ctx, ui->selected, brk, sizeof(brk));
}

static void on_hotkey(void *ctx, int type, int value)
{
	struct kvm_ui *ui = ctx;

	switch (type) {
	case HOTKEY_EV_HOTKEY:
		ui_log(ui, "kvm: hotkey");
		if (ui->open)
			osd_close(ui);
		else
			osd_open(ui);
		break;
	case HOTKEY_EV_DIGIT:
		/* users count ports from 1; 0 and digits above N are ignored */
		if (value < 1 || kvm_ui_select(ui, (unsigned int)value - 1) < 0)
			break;
		if (ui->open)
			osd_close(ui);
		break;
	case HOTKEY_EV_ESC:
		if (ui->open)
			osd_close(ui);
		break;
	case HOTKEY_EV_LITERAL:
		if (!ui->open)
			inject_literal(ui);	/* the OSD has the keyboard: drop it then */
		break;
	default:
		break;
	}
}

void kvm_ui_init(struct kvm_ui *ui, const struct kvm_ui_ops *ops, const struct ps2con *con,
		 struct vstatus *vs, unsigned int nkvm, unsigned int selected,
		 const struct hotkey_cfg *cfg)
{
	const struct hotkey_ops hops = { .event = on_hotkey, .ctx = ui };

	memset(ui, 0, sizeof(*ui));
	ui->ops = *ops;
	ui->con = con;
	ui->vs = vs;
	ui->nkvm = nkvm > PROTO_PORTS_MAX ? PROTO_PORTS_MAX : nkvm;
	ui->nports = vs->nports > ui->nkvm ? vs->nports : ui->nkvm;
	ui->selected = selected < ui->nports ? selected : 0;
	hotkey_init(&ui->hk, cfg, &hops);
	if (ui->nkvm)
		ui->ops.set_filter(ui->ops.ctx, hotkey_filter(cfg));
}

void kvm_ui_key(struct kvm_ui *ui, uint8_t b, uint16_t ts, uint32_t now)
{
	ui->now = now;
	if (ui->nkvm)
		hotkey_feed(&ui->hk, b, ts, now);
}

void kvm_ui_step(struct kvm_ui *ui, uint32_t now)
{
	ui->now = now;
	if (ui->nkvm)
		hotkey_step(&ui->hk, now);
}

static void con_dev(struct kvm_ui *ui, int dev, struct proto_con_dev *out)
{
	const struct ps2con_info *in;

	memset(out, 0, sizeof(*out));
	if (ui->con) {
		in = ps2con_info(ui->con, dev);
		out->flags = (uint8_t)((in->present ? PROTO_CON_PRESENT : 0) |
				       (in->ready ? PROTO_CON_READY : 0));
		out->id = in->id;
		out->inits = in->inits;
		out->timeouts = in->timeouts;
		out->resends = in->resends;
		out->tx_errors = in->tx_errors;
	}
	if (ui->nkvm)
		out->hw_errors = ui->ops.con_errors(ui->ops.ctx, dev);
}

uint8_t kvm_ui_host_cmd(struct kvm_ui *ui, uint8_t cmd, const uint8_t *in, uint16_t len,
			uint8_t *out, uint16_t *out_len)
{
	struct proto_port_status ps;
	struct proto_hotkey phk;
	struct hotkey_cfg cfg;
	unsigned int i;

	*out_len = 0;
	switch (cmd) {
	case PROTO_CMD_PORT_SELECT:
		if (len != 1)
			return PROTO_ERR_BAD_LENGTH;
		return kvm_ui_select(ui, in[0]) < 0 ? PROTO_ERR_BAD_ARG : PROTO_OK;
	case PROTO_CMD_PORT_STATUS:
		if (len)
			return PROTO_ERR_BAD_LENGTH;
		memset(&ps, 0, sizeof(ps));
		ps.nports = (uint8_t)ui->nkvm;	/* keyboard / mouse ports */
		ps.selected = (uint8_t)ui->selected;
		ps.flags = ui->open ? PROTO_PORT_STATUS_OSD_OPEN : 0;
		con_dev(ui, PS2CON_KBD, &ps.kbd);
		con_dev(ui, PS2CON_MOUSE, &ps.mouse);
		for (i = 0; i < ui->nkvm; i++)
			ps.port[i] = ui->ops.port_word(ui->ops.ctx, i);
		*out_len = (uint16_t)proto_port_status_pack(&ps, out);
		return PROTO_OK;
	case PROTO_CMD_PORT_VIDEO:
		return vstatus_port_video(ui->vs, in, len, out, out_len);
	case PROTO_CMD_HOTKEY_SET:
		if (len < PROTO_HOTKEY_LEN)
			return PROTO_ERR_BAD_LENGTH;
		proto_hotkey_unpack(&phk, in, len);
		if (!proto_hotkey_valid(&phk))
			return PROTO_ERR_BAD_ARG;
		cfg.mode = phk.mode;
		cfg.swallow = phk.swallow;
		cfg.window_ms = phk.window_ms;
		hotkey_set_cfg(&ui->hk, &cfg);
		if (ui->nkvm)
			ui->ops.set_filter(ui->ops.ctx, hotkey_filter(&cfg));
		ui_log(ui, "kvm: hotkey settings changed");
		break;	/* reply: the settings now in force */
	case PROTO_CMD_HOTKEY_GET:
		if (len)
			return PROTO_ERR_BAD_LENGTH;
		break;
	default:
		return PROTO_ERR_UNKNOWN_CMD;
	}
	phk.mode = ui->hk.cfg.mode;
	phk.swallow = ui->hk.cfg.swallow;
	phk.window_ms = ui->hk.cfg.window_ms;
	*out_len = (uint16_t)proto_hotkey_pack(&phk, out);
	return PROTO_OK;
}
