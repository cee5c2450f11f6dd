// SPDX-License-Identifier: MIT
/*
 * vin_tb_clocks.h - the two free-running clocks of the vin_meters benches (tb_vin.cpp,
 * tb_vin_engine.cpp), stepped in real time (microseconds): clk_ref at 48 MHz and clk_sys at
 * 12 MHz with a non-integer phase, both 50 % duty, so pin edges and both clocks fall at
 * unrelated times. The bench derives from RefSysClocks<Bench> (CRTP) and supplies
 *   d                      its Verilated model (i_clk_ref, i_clk_sys);
 *   void pins(bool rise)   drive the port pins before an eval (rise: clk_ref rises now);
 * and may supply
 *   bool ref_enabled()     false stops clk_ref (its PLL not locked);
 *   void after_eval(bool)  called after each eval (true: clk_sys just rose).
 */
#pragma once
#include <algorithm>

template <class Bench> struct RefSysClocks {
	double t = 0;				/* us */
	double next_ref = 0, next_sys = 0.013;	/* sys edges offset from ref edges */

	bool ref_enabled() { return true; }
	void after_eval(bool) {}

	void edge() {		/* to the next edge of either clock */
		Bench &b = static_cast<Bench &>(*this);
		const double ref_half = 1.0 / 48.0 / 2, sys_half = 1.0 / 12.0 / 2;
		double tn = std::min(next_ref, next_sys);
		bool ref_step = next_ref <= tn, sys_rise = false;
		t = tn;
		b.pins(ref_step && !b.d->i_clk_ref);
		if (ref_step) {
			if (b.ref_enabled())
				b.d->i_clk_ref = !b.d->i_clk_ref;
			next_ref += ref_half;
		}
		if (next_sys <= tn) {
			b.d->i_clk_sys = !b.d->i_clk_sys;
			sys_rise = b.d->i_clk_sys;
			next_sys += sys_half;
		}
		b.d->eval();
		b.after_eval(sys_rise);
	}
	void run_us(double us) {
		double end = t + us;
		while (t < end)
			edge();
	}
	void sys_cycle() {	/* to the next clk_sys rising edge */
		int was = static_cast<Bench &>(*this).d->i_clk_sys;
		while (!(static_cast<Bench &>(*this).d->i_clk_sys && !was)) {
			was = static_cast<Bench &>(*this).d->i_clk_sys;
			edge();
		}
	}
};
