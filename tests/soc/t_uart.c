// SPDX-License-Identifier: MIT
/* t_uart: transmit a greeting (checked by the bench's UART model at 1 Mbaud); receive 20
 * bytes into the 512-byte RX FIFO (all kept, no overrun; the overrun itself is checked at
 * bus level in tb_fabric); receive interrupt. The
 * bench sends "0123456789ABCDEFGHIJ" when it sees '?' and "Z" when it sees '!'. */
#include "tlib.h"

static volatile uint32_t got_irq, irq_byte, irq_cause;

void __attribute__((interrupt("machine"))) trap_handler(void)
{
	irq_cause = csr_mcause();
	if (irq_cause != MCAUSE_EXT)
		t_end(0, __LINE__);
	irq_byte = R(KVM_UART_DATA); /* pops: the level source goes away */
	got_irq++;
}

static void wait_status(uint32_t bit)
{
	uint32_t t0 = t_now();

	while (!(R(KVM_UART_STATUS) & bit))
		T_CHECK(t_now() - t0 < 200000);
}

int main(void)
{
	const char *expect = "0123456789ABCDEFGHIJ";

	t_puts("uart: hello from kvm_soc\n");
	T_CHECK(R(KVM_UART_DIV) == KVM_CLK_SYS_HZ_DEFAULT / KVM_UART_BAUD_DEFAULT);
	T_CHECK(R(KVM_UART_DATA) == 0);
	t_puts("?");
	wait_status(1);
	uint32_t t1 = t_now();
	while (t_now() - t1 < 3000) /* let all 20 bytes arrive (10 us each) */
		;
	for (int i = 0; i < 20; i++)
		T_CHECK(R(KVM_UART_DATA) == (0x100u | (uint8_t)expect[i]));
	T_CHECK(R(KVM_UART_DATA) == 0);
	T_CHECK((R(KVM_UART_STATUS) & 0x19) == 0x00);
	R(KVM_UART_ERRCLR) = 0x18;
	T_CHECK((R(KVM_UART_STATUS) & 0x18) == 0);

	R(KVM_SYSCTL_IRQ_ENABLE) = 1u << KVM_IRQ_UART_RX;
	irq_enable(MIE_MEIE);
	t_puts("!");
	uint32_t t0 = t_now();
	while (!got_irq)
		T_CHECK(t_now() - t0 < 200000);
	irq_disable_all();
	T_CHECK(got_irq == 1 && irq_byte == (0x100u | 'Z'));
	T_CHECK(!(R(KVM_SYSCTL_IRQ_PENDING) & (1u << KVM_IRQ_UART_RX)));
	t_putc('\n');
	t_end(1, 0);
}
