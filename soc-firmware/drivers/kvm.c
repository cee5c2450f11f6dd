/* SPDX-License-Identifier: MIT */
/* kvm.c - see kvm.h. */
#include "kvm.h"

#define KVM_INJECT_SPIN	100000	/* polls; the router takes a chunk between two console chunks */

void kvm_ctrl(uint32_t bits, int on)
{
	uint32_t v = KVM_REG(KVM_KVM_CTRL);

	KVM_REG(KVM_KVM_CTRL) = on ? (v | bits) : (v & ~bits);
}

int kvm_con_tx(int dev, uint8_t b)
{
	if (!(kvm_con_status(dev) & 1u))
		return -1;
	KVM_REG(KVM_KVM_CON_TX) = b | (dev ? 0x100u : 0u);
	return 0;
}

int kvm_inject(unsigned int port, const uint8_t *chunk, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned int spin = KVM_INJECT_SPIN;

		while (!(KVM_REG(KVM_KVM_STATUS) & KVM_STATUS_INJ_READY))
			if (!--spin)
				return -1;
		KVM_REG(KVM_KVM_INJECT) = chunk[i] | ((port & 0xFu) << 12) |
					   (i + 1 == n ? KVM_INJECT_LAST : 0u);
	}
	return 0;
}
