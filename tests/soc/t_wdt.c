// SPDX-License-Identifier: MIT
/* t_wdt: boot 1 (power-on): arm the watchdog, kick it a few times, then stop kicking.
 * Boot 2 (watchdog): RESET_CAUSE = watchdog, SCRATCH survived, WDT disabled again;
 * then a software reset. Boot 3: RESET_CAUSE = software. SCRATCH carries the phase. */
#include "tlib.h"

#define PHASE1 0x57D00001u
#define PHASE2 0x57D00002u

void __attribute__((interrupt("machine"))) trap_handler(void)
{
	t_end(0, __LINE__);
}

int main(void)
{
	uint32_t cause = R(KVM_SYSCTL_RESET_CAUSE);
	uint32_t phase = R(KVM_SYSCTL_SCRATCH);

	if (phase == 0) {
		t_puts("wdt: power-on\n");
		T_CHECK(cause == 1);
		R(KVM_SYSCTL_RESET_CAUSE) = 1;
		T_CHECK(R(KVM_SYSCTL_RESET_CAUSE) == 0);
		R(KVM_SYSCTL_SCRATCH) = PHASE1;
		R(KVM_WDT_TIMEOUT) = 4000;
		R(KVM_WDT_CTRL) = 1;
		for (int i = 0; i < 4; i++) {
			while (R(KVM_WDT_COUNT) > 2000)
				;
			R(KVM_WDT_KICK) = KVM_WDT_KICK_KEY;
			T_CHECK(R(KVM_WDT_COUNT) > 3500);
		}
		R(KVM_WDT_CTRL) = 0;
		T_CHECK(R(KVM_WDT_CTRL) == 1);
		t_puts("wdt: waiting\n");
		t_flush();
		for (;;)
			;
	}
	if (phase == PHASE1) {
		t_puts("wdt: after watchdog\n");
		T_CHECK(cause == 2);
		T_CHECK(R(KVM_WDT_CTRL) == 0);
		R(KVM_SYSCTL_RESET_CAUSE) = 2;
		R(KVM_SYSCTL_SCRATCH) = PHASE2;
		t_flush();
		R(KVM_SYSCTL_SOFT_RESET) = KVM_SOFT_RESET_KEY;
		for (volatile int i = 0; i < 1000; i++)
			;
		t_end(0, __LINE__);
	}
	if (phase == PHASE2) {
		t_puts("wdt: after soft reset\n");
		T_CHECK(cause == 4);
		t_end(1, 0);
	}
	t_end(0, __LINE__);
}
