/* SPDX-License-Identifier: MIT */
/*
 * hostlink.h - firmware side of the host link: feeds UART bytes to the protocol decoder,
 * dispatches requests through a const command table and sends replies through ops->tx.
 * Host-testable: no hardware access, no allocation; the board specifics come in via ops.
 */
#ifndef KVMOSD_HOSTLINK_H
#define KVMOSD_HOSTLINK_H

#include <stddef.h>
#include <stdint.h>

#include "proto.h"

struct hostlink_ops {
	/* Send len bytes (one whole frame, delimiters included) to the host. */
	void (*tx)(void *ctx, const uint8_t *buf, size_t len);
	/*
	 * Fill in hw_id, hw_version, uptime_ms, reset_cause, fw_version and build_id.
	 * out is zeroed before the call; proto_version is set by hostlink.
	 */
	void (*info)(void *ctx, struct proto_info *out);
	/*
	 * Commands hostlink does not implement itself (ports, settings: app/kvm_ui.c); may be
	 * NULL. Returns a status; on PROTO_OK fills out (up to PROTO_MAX_PAYLOAD bytes) and
	 * *out_len. PROTO_ERR_UNKNOWN_CMD for commands it does not know either.
	 */
	uint8_t (*cmd)(void *ctx, uint8_t cmd, const uint8_t *in, uint16_t len, uint8_t *out,
		       uint16_t *out_len);
	void *ctx;
};

struct hostlink {
	struct hostlink_ops ops; /* copied at init */
	struct proto_decoder dec;
	struct proto_stats stats;
	uint8_t reply[PROTO_MAX_PAYLOAD];
	uint8_t frame[PROTO_MAX_FRAME];
};

void hostlink_init(struct hostlink *hl, const struct hostlink_ops *ops);
/* Feed one received byte; may call ops->tx (and ops->info) before returning. */
void hostlink_rx_byte(struct hostlink *hl, uint8_t b);
/* Link counters (also what the STATS command returns). */
const struct proto_stats *hostlink_stats(const struct hostlink *hl);

#endif /* KVMOSD_HOSTLINK_H */
