/* SPDX-License-Identifier: MIT */
/*
 * soc_tb_clock.h - one clk_sys period of a Verilated kvm_soc in the SoC test benches
 * (tb_soc, tb_xip): the video, KVM and VIDIN slave ports have no blocks behind them, so
 * they are ready at once and read 0 (the benches set the rdata inputs to 0).
 */
#ifndef SOC_TB_CLOCK_H
#define SOC_TB_CLOCK_H

template <class Soc> static inline void soc_tb_stub_ports(Soc *top)
{
	top->i_vid_reg_ready = top->o_vid_reg_sel;
	top->i_vid_mem_ready = top->o_vid_mem_sel;
	top->i_kvm_ready = top->o_kvm_sel;
	top->i_vin_ready = top->o_vin_sel;
}

/* falling edge of i_clk_sys, stub answers settled: the bus shows the transfer that the
 * next rising edge completes */
template <class Soc> static inline void soc_tb_clock_low(Soc *top)
{
	soc_tb_stub_ports(top);
	top->i_clk_sys = 0;
	top->eval();
	soc_tb_stub_ports(top);
	top->eval();
}

/* one whole period: falling then rising edge */
template <class Soc> static inline void soc_tb_clock(Soc *top)
{
	soc_tb_clock_low(top);
	top->i_clk_sys = 1;
	top->eval();
}

#endif /* SOC_TB_CLOCK_H */
