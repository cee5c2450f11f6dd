/* SPDX-License-Identifier: MIT */
/* timer.h - 64-bit machine timer (mtime counts clk_sys cycles) and clock frequency. */
#ifndef KVMOSD_FW_TIMER_H
#define KVMOSD_FW_TIMER_H

#include <stdint.h>
#include "kvmosd_regs.h"

/* clk_sys in Hz from SYSCTL.CLK_HZ, or the board default if the SoC reports 0. */
static inline uint32_t timer_clk_hz(void)
{
	uint32_t hz = KVM_REG(KVM_SYSCTL_CLK_HZ);

	return hz ? hz : KVM_CLK_SYS_HZ_DEFAULT;
}

/* Consistent 64-bit read of mtime (re-read if the low word wrapped in between). */
static inline uint64_t timer_now(void)
{
	uint32_t hi, lo;

	do {
		hi = KVM_REG(KVM_TIMER_MTIME_HI);
		lo = KVM_REG(KVM_TIMER_MTIME_LO);
	} while (hi != KVM_REG(KVM_TIMER_MTIME_HI));
	return ((uint64_t)hi << 32) | lo;
}

/* Program mtimecmp without a spurious early match (high word parked at all ones first). */
static inline void timer_set_cmp(uint64_t when)
{
	KVM_REG(KVM_TIMER_MTIMECMP_HI) = 0xFFFFFFFFu;
	KVM_REG(KVM_TIMER_MTIMECMP_LO) = (uint32_t)when;
	KVM_REG(KVM_TIMER_MTIMECMP_HI) = (uint32_t)(when >> 32);
}

/* Busy-wait for n clk_sys cycles. */
static inline void timer_delay_cycles(uint64_t n)
{
	uint64_t end = timer_now() + n;

	while (timer_now() < end)
		;
}

#endif /* KVMOSD_FW_TIMER_H */
