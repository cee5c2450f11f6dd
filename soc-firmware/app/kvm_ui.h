/* SPDX-License-Identifier: MIT */
/*
 * kvm_ui.h - the KVM application: hotkey events -> port switch and the status page, plus
 * the host link's port, video and hotkey commands.
 *
 * Host-testable: hardware actions go through struct kvm_ui_ops; the OSD screens and the
 * video source belong to app/vstatus (status page, banner, NO SIGNAL). The hotkey opens
 * the status page and sets BLOCK (console input stays away from the PCs); a digit 1..N
 * selects that port (1-based for users, 0-based inside) and closes it; Esc or the hotkey
 * again closes it. A switch sets KVM.SELECT (ports of the KVM block) and VIDEO.SOURCE
 * (vstatus_select: also the "Port N  MODE" banner). Ports = max(KVM ports, video inputs).
 * Settings live in RAM (flash settings come later).
 */
#ifndef KVMOSD_KVM_UI_H
#define KVMOSD_KVM_UI_H

#include <stddef.h>
#include <stdint.h>

#include "hotkey.h"
#include "osd_draw.h"
#include "ps2con.h"
#include "vstatus.h"

struct kvm_ui_ops {
	void (*select)(void *ctx, unsigned int port);
	void (*block)(void *ctx, int on);
	void (*inject)(void *ctx, unsigned int port, const uint8_t *chunk, size_t n);
	void (*set_filter)(void *ctx, uint32_t filter);	/* KVM.FILTER word */
	uint32_t (*port_word)(void *ctx, unsigned int port);	/* KVM.PORT[i] */
	uint32_t (*con_errors)(void *ctx, int dev);		/* KVM.ERR_KBD / ERR_MS */
	void (*log)(void *ctx, const char *msg);		/* one line, may be NULL */
	void *ctx;
};

struct kvm_ui {
	struct kvm_ui_ops ops;
	struct hotkey hk;
	const struct ps2con *con;
	struct vstatus *vs;
	unsigned int nkvm;	/* KVM ports (keyboard / mouse) */
	unsigned int nports;	/* max(nkvm, video inputs) */
	unsigned int selected;
	uint8_t open;
	uint32_t now;
};

/* nkvm 0: no KVM block, the hotkey does nothing (no keyboard); PORT_SELECT still switches
 * video if vs has inputs, else fails. Writes FILTER. vs: initialised, with the same nkvm. */
void kvm_ui_init(struct kvm_ui *ui, const struct kvm_ui_ops *ops, const struct ps2con *con,
		 struct vstatus *vs, unsigned int nkvm, unsigned int selected,
		 const struct hotkey_cfg *cfg);
/* A console keyboard byte (not a reply taken by ps2con) with its snoop timestamp. */
void kvm_ui_key(struct kvm_ui *ui, uint8_t b, uint16_t ts, uint32_t now);
void kvm_ui_step(struct kvm_ui *ui, uint32_t now);
/* Switch to port (0-based); -1 if port >= nports. */
int kvm_ui_select(struct kvm_ui *ui, unsigned int port);
/* Host link commands PORT_SELECT, PORT_STATUS, PORT_VIDEO, HOTKEY_GET, HOTKEY_SET
 * (hostlink_ops.cmd). */
uint8_t kvm_ui_host_cmd(struct kvm_ui *ui, uint8_t cmd, const uint8_t *in, uint16_t len,
			uint8_t *out, uint16_t *out_len);

#endif /* KVMOSD_KVM_UI_H */
