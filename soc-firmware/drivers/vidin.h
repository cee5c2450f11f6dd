/* SPDX-License-Identifier: MIT */
/*
 * vidin.h - VIDIN register block (video input meters, docs/registers.md, docs/sync.md) and
 * the VIDEO matrix registers SOURCE / MATRIX. Register reads and writes only; the naming,
 * the switching logic and the screens are in app/vstatus.c (which also decodes the words:
 * vstatus_decode, so the decoding is host-tested).
 */
#ifndef KVMOSD_FW_VIDIN_H
#define KVMOSD_FW_VIDIN_H

#include <stdint.h>
#include "kvmosd_regs.h"
#include "../app/vstatus.h"

/* Number of video inputs, 0 without a VIDIN block (unmapped: reads 0). */
static inline unsigned int vidin_nports(void)
{
	return KVM_REG(KVM_VIDIN_INFO) & 0xFFu;
}

/* Meter reference clock in Hz (line periods are in its ticks). */
static inline uint32_t vidin_ref_hz(void)
{
	return KVM_REG(KVM_VIDIN_REF_HZ);
}

/* Snapshot counter: a change means every PORT_* word is fresh. */
static inline uint32_t vidin_snaps(void)
{
	return KVM_REG(KVM_VIDIN_SNAPS);
}

/* The four raw words of input port (0-based). */
void vidin_read_regs(unsigned int port, struct vidin_regs *r);
/* Raw words and the decoded meter reading (REF_HZ from the block). */
void vidin_read(unsigned int port, struct vidin_regs *r, struct vmode_meas *m);

/*
 * VIDEO.SOURCE / VIDEO.MATRIX (the N -> 1 video matrix, docs/matrix.md). With a register
 * map that lacks them (KVM_VIDEO_SOURCE / KVM_VIDEO_MATRIX), SOURCE writes are dropped and
 * MATRIX reads "internal picture": only used when vidin_nports() > 0.
 */
void video_set_source(unsigned int port);
uint32_t video_matrix(void);
void video_set_pattern(uint32_t pattern);

#endif /* KVMOSD_FW_VIDIN_H */
