/* SPDX-License-Identifier: MIT */
/* vidin.c - see vidin.h. */
#include "vidin.h"

void vidin_read_regs(unsigned int port, struct vidin_regs *r)
{
	r->flags = KVM_REG(KVM_VIDIN_PORT_FLAGS + port * KVM_VIDIN_PORT_FLAGS_STRIDE);
	r->line = KVM_REG(KVM_VIDIN_PORT_LINE + port * KVM_VIDIN_PORT_LINE_STRIDE);
	r->lines = KVM_REG(KVM_VIDIN_PORT_LINES + port * KVM_VIDIN_PORT_LINES_STRIDE);
	r->hs = KVM_REG(KVM_VIDIN_PORT_HS + port * KVM_VIDIN_PORT_HS_STRIDE);
}

void vidin_read(unsigned int port, struct vidin_regs *r, struct vmode_meas *m)
{
	vidin_read_regs(port, r);
	vstatus_decode(r, vidin_ref_hz(), m);
}

void video_set_source(unsigned int port)
{
#ifdef KVM_VIDEO_SOURCE
	KVM_REG(KVM_VIDEO_SOURCE) = port & 0xFu;
#else
	(void)port;
#endif
}

uint32_t video_matrix(void)
{
#ifdef KVM_VIDEO_MATRIX
	return KVM_REG(KVM_VIDEO_MATRIX);
#else
	return VSTATUS_MATRIX_INTERNAL;
#endif
}

void video_set_pattern(uint32_t pattern)
{
	KVM_REG(KVM_VIDEO_PATTERN) = pattern;
}
