/* SPDX-License-Identifier: MIT */
/*
 * kvm_ui.h - the KVM application: hotkey events -> port switch and a minimal OSD (port
 * list, "Port N" banner), plus the host link's port and hotkey commands.
 *
 * Host-testable: hardware actions go through struct kvm_ui_ops, drawing through an
 * osd_surface. The hotkey opens the port list and sets BLOCK (console input stays away
 * from the PCs); a digit 1..N selects that port (1-based for users, 0-based inside) and
 * closes it; Esc or the hotkey again closes it. After a switch "Port N" shows for
 * KVM_UI_BANNER_MS. Settings live in RAM (flash settings come later).
 */
#ifndef KVMOSD_KVM_UI_H
#define KVMOSD_KVM_UI_H

#include <stddef.h>
#include <stdint.h>

#include "hotkey.h"
#include "osd_draw.h"
#include "ps2con.h"

#define KVM_UI_COLS		27	/* port list window: cols x (nports + 4) */
#define KVM_UI_BANNER_COLS	12
#define KVM_UI_BANNER_ROWS	3
#define KVM_UI_BANNER_MS	2000

struct kvm_ui_ops {
	void (*select)(void *ctx, unsigned int port);
	void (*block)(void *ctx, int on);
	void (*inject)(void *ctx, unsigned int port, const uint8_t *chunk, size_t n);
	void (*set_filter)(void *ctx, uint32_t filter);	/* KVM.FILTER word */
	/* Show the top-left cols x rows cells of the surface; 0 x 0: the idle screen. */
	void (*window)(void *ctx, int cols, int rows);
	uint32_t (*port_word)(void *ctx, unsigned int port);	/* KVM.PORT[i] */
	uint32_t (*con_errors)(void *ctx, int dev);		/* KVM.ERR_KBD / ERR_MS */
	void (*log)(void *ctx, const char *msg);		/* one line, may be NULL */
	struct osd_surface surf;
	void *ctx;
};

struct kvm_ui {
	struct kvm_ui_ops ops;
	struct hotkey hk;
	const struct ps2con *con;
	unsigned int nports;
	unsigned int selected;
	uint8_t open;
	uint8_t banner;
	uint32_t banner_until;
	uint32_t now;
};

/* nports 0: no KVM block; the hotkey does nothing and PORT_SELECT fails. Writes FILTER. */
void kvm_ui_init(struct kvm_ui *ui, const struct kvm_ui_ops *ops, const struct ps2con *con,
		 unsigned int nports, unsigned int selected, const struct hotkey_cfg *cfg);
/* A console keyboard byte (not a reply taken by ps2con) with its snoop timestamp. */
void kvm_ui_key(struct kvm_ui *ui, uint8_t b, uint16_t ts, uint32_t now);
void kvm_ui_step(struct kvm_ui *ui, uint32_t now);
/* Switch to port (0-based); -1 if port >= nports. */
int kvm_ui_select(struct kvm_ui *ui, unsigned int port);
/* Host link commands PORT_SELECT, PORT_STATUS, HOTKEY_GET, HOTKEY_SET (hostlink_ops.cmd). */
uint8_t kvm_ui_host_cmd(struct kvm_ui *ui, uint8_t cmd, const uint8_t *in, uint16_t len,
			uint8_t *out, uint16_t *out_len);

/* Drawing, top-left of s. */
void kvm_ui_draw_ports(const struct osd_surface *s, unsigned int nports, unsigned int selected,
		       const uint32_t *port_words);
void kvm_ui_draw_banner(const struct osd_surface *s, unsigned int port);

#endif /* KVMOSD_KVM_UI_H */
