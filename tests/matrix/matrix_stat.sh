#!/bin/bash
# matrix_stat.sh OUTDIR "RTL FILES": yosys LUT/FF of vid_matrix (N = 2, 4) and nextpnr-ice40
# Fmax of the muxed pixel clock (UP5K-SG48 N = 2 and N = 4, HX8K-CT256 N = 4), through the
# pin-reducing harness tests/matrix/matrix_stat_top.v. Used by `make matrix-stat`.
set -e
out=$1; rtl=$2
mkdir -p "$out"
for n in 2 4; do
	nice yosys -q -p "read_verilog -DSYNTHESIS $rtl; chparam -set N $n vid_matrix; synth_ice40 -top vid_matrix; tee -o $out/vid_matrix_n$n.stat stat" >/dev/null
	printf "vid_matrix N=%d: " $n
	awk '/SB_LUT4/{l=$2} /SB_DFF/{f+=$2} /SB_CARRY/{c=$2} /SB_GB/{g=$2} END{printf "SB_LUT4 %d, FF %d, SB_CARRY %d, SB_GB %d\n", l, f, c, g}' $out/vid_matrix_n$n.stat
done
for m in vid_matrix_ctl vid_matrix_out vid_csync_sep vid_clkmux vid_clk_alive vid_fallback; do
	nice yosys -q -p "read_verilog -DSYNTHESIS $rtl; synth_ice40 -top $m; tee -o $out/$m.stat stat" >/dev/null
	printf "  %-15s " $m
	awk '/SB_LUT4/{l=$2} /SB_DFF/{f+=$2} END{printf "SB_LUT4 %d, FF %d\n", l, f}' $out/$m.stat
done
pnr() { # dev pkg n freq
	local tag=$1-n$3
	nice yosys -q -p "read_verilog -DSYNTHESIS $rtl tests/matrix/matrix_stat_top.v; chparam -set N $3 matrix_stat_top; synth_ice40 -top matrix_stat_top -json $out/$tag.json" >/dev/null
	nice nextpnr-ice40 --$1 --package $2 --json $out/$tag.json --pcf-allow-unconstrained --freq $4 \
		--seed 1 --log $out/$tag.log >/dev/null 2>&1 || true
	local f=$(grep -E "Max frequency for clock .*o_clk_pix" $out/$tag.log | tail -1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
	local lc=$(grep -E "ICESTORM_LC:" $out/$tag.log | tail -1 | awk '{print $2, $3, $4}')
	echo "$1 $2 N=$3: Fmax(o_clk_pix) ${f:-?} MHz (target $4), logic cells $lc"
}
pnr up5k sg48 2 40
pnr up5k sg48 4 40
pnr hx8k ct256 4 75
