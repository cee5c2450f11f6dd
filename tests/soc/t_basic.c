// SPDX-License-Identifier: MIT
/* t_basic: SYSCTL ID 'KVMO', unmapped addresses read 0 without hanging, RAM byte lanes,
 * GPIO readback. */
#include "tlib.h"

void __attribute__((interrupt("machine"))) trap_handler(void)
{
	t_puts("trap ");
	t_puthex(csr_mcause());
	t_end(0, __LINE__);
}

int main(void)
{
	static const uint32_t unmapped[] = { 0x00000800, 0x0FFFFFFC, 0x10020000, 0x30002000,
					     0x40000F00, 0x40000900, 0x50000000, 0xFFFFFFFC };
	volatile uint8_t *b = (volatile uint8_t *)(KVM_RAM_BASE + 0x40);
	volatile uint16_t *h = (volatile uint16_t *)(KVM_RAM_BASE + 0x40);
	volatile uint32_t *w = (volatile uint32_t *)(KVM_RAM_BASE + 0x40);

	t_puts("basic\n");
	T_CHECK(R(KVM_SYSCTL_ID) == KVM_SYSCTL_ID_VALUE);
	T_CHECK(R(KVM_SYSCTL_ID) == 0x4B564D4F);
	T_CHECK(R(KVM_SYSCTL_CLK_HZ) == KVM_CLK_SYS_HZ_DEFAULT);
	T_CHECK(R(KVM_SYSCTL_HW_VERSION) != 0);
	for (unsigned i = 0; i < sizeof(unmapped) / sizeof(unmapped[0]); i++) {
		R(unmapped[i]) = 0xDEADBEEF;
		T_CHECK(R(unmapped[i]) == 0);
	}
	/* OSD memories are write-only: a read returns 0 */
	T_CHECK(R(KVM_OSD_FONT_BASE) == 0);

	w[0] = 0x11223344;
	b[0] = 0xAA;
	b[3] = 0x88;
	T_CHECK(w[0] == 0x882233AA);
	h[1] = 0xBEEF;
	T_CHECK(w[0] == 0xBEEF33AA);
	T_CHECK(b[1] == 0x33 && b[2] == 0xEF);
	T_CHECK(((volatile int8_t *)b)[3] == (int8_t)0xBE);
	w[1] = 0x01020304;
	T_CHECK(h[2] == 0x0304 && h[3] == 0x0102);
	((volatile uint32_t *)(KVM_RAM_BASE + KVM_RAM_SIZE - 64))[0] = 0x5A5A1234;
	T_CHECK(((volatile uint32_t *)(KVM_RAM_BASE + KVM_RAM_SIZE - 64))[0] == 0x5A5A1234);

	R(KVM_GPIO_OUT) = 0x3C;
	T_CHECK(R(KVM_GPIO_OUT) == 0x3C);
	T_CHECK(R(KVM_GPIO_IN) == 0);
	t_end(1, 0);
}
