/* SPDX-License-Identifier: MIT */
/*
 * wdt.h - watchdog. Once enabled only a reset disables it; on expiry the CPU and SoC
 * peripherals reset (video keeps running) and SYSCTL.RESET_CAUSE bit1 is set.
 */
#ifndef KVMOSD_FW_WDT_H
#define KVMOSD_FW_WDT_H

#include <stdint.h>
#include "kvmosd_regs.h"

static inline void wdt_kick(void)
{
	KVM_REG(KVM_WDT_KICK) = KVM_WDT_KICK_KEY;
}

static inline void wdt_start(uint32_t timeout_cycles)
{
	KVM_REG(KVM_WDT_TIMEOUT) = timeout_cycles;
	wdt_kick();
	KVM_REG(KVM_WDT_CTRL) = 1;
}

static inline uint32_t wdt_remaining(void)
{
	return KVM_REG(KVM_WDT_COUNT);
}

#endif /* KVMOSD_FW_WDT_H */
