// SPDX-License-Identifier: MIT
/* t_timer: 64-bit mtime counts, the timer interrupt is taken when mtime >= mtimecmp and
 * is cleared by moving mtimecmp. */
#include "tlib.h"

static volatile uint32_t ticks, at_lo, cause;

void __attribute__((interrupt("machine"))) trap_handler(void)
{
	cause = csr_mcause();
	if (cause != MCAUSE_TIMER)
		t_end(0, __LINE__);
	at_lo = R(KVM_TIMER_MTIME_LO);
	R(KVM_TIMER_MTIMECMP_HI) = 0xFFFFFFFF;
	R(KVM_TIMER_MTIMECMP_LO) = 0xFFFFFFFF;
	ticks++;
}

int main(void)
{
	t_puts("timer\n");
	T_CHECK(R(KVM_TIMER_MTIMECMP_LO) == 0xFFFFFFFF);
	T_CHECK(R(KVM_TIMER_MTIMECMP_HI) == 0xFFFFFFFF);
	uint32_t a = t_now(), b = t_now();
	T_CHECK(b > a && b - a < 100);

	uint32_t target = t_now() + 3000;
	R(KVM_TIMER_MTIMECMP_HI) = 0;
	R(KVM_TIMER_MTIMECMP_LO) = target;
	irq_enable(MIE_MTIE);
	while (!ticks)
		T_CHECK((int32_t)(t_now() - target) < 100000);
	T_CHECK(ticks == 1);
	T_CHECK(at_lo >= target && at_lo - target < 200);
	/* irq gone: a second wait sees no more interrupts */
	uint32_t t0 = t_now();
	while (t_now() - t0 < 2000)
		;
	T_CHECK(ticks == 1);
	irq_disable_all();
	t_puts("latency ");
	t_putdec(at_lo - target);
	t_putc('\n');
	t_end(1, 0);
}
