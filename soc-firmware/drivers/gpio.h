/* SPDX-License-Identifier: MIT */
/* gpio.h - LEDs (GPIO.OUT, 1 = on) and buttons (GPIO.IN, 1 = pressed, debounced). */
#ifndef KVMOSD_FW_GPIO_H
#define KVMOSD_FW_GPIO_H

#include <stdint.h>
#include "kvmosd_regs.h"

static inline void gpio_leds_set(uint32_t mask)
{
	KVM_REG(KVM_GPIO_OUT) = mask & 0xFF;
}

static inline uint32_t gpio_leds_get(void)
{
	return KVM_REG(KVM_GPIO_OUT) & 0xFF;
}

static inline void gpio_led_toggle(unsigned int n)
{
	KVM_REG(KVM_GPIO_OUT) = gpio_leds_get() ^ (1u << n);
}

static inline uint32_t gpio_buttons(void)
{
	return KVM_REG(KVM_GPIO_IN) & 0xF;
}

#endif /* KVMOSD_FW_GPIO_H */
