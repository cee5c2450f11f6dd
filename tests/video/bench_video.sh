#!/usr/bin/env bash
# bench_video.sh B "RTL FILES" TB_BINARY OUT.tsv
# Synthesises video_top (inside tests/video/bench_wrap.v, to fit the SG48's pins) for the
# iCE40 UP5K with yosys + nextpnr-ice40, and writes logic cells, EBR, Fmax per clock and
# the overlay latency measured by the testbench as key/value/unit/description lines.
set -euo pipefail
B=$1; RTL=$2; TB=$3; OUT=$4
W=$B/bench/video
mkdir -p "$W"
SEEDS=${VIDEO_BENCH_SEEDS:-1 2 3}

yosys -q -l "$W/yosys.log" -p "read_verilog -I$B/gen -Irtl/lib $RTL tests/video/bench_wrap.v; \
	synth_ice40 -top bench_wrap -json $W/wrap.json" >/dev/null
# Cells of video_top alone (the wrapper adds a 61-bit shift register and an XOR tree).
yosys -q -l "$W/yosys_top.log" -p "read_verilog -I$B/gen -Irtl/lib $RTL; \
	synth_ice40 -top video_top; stat" >/dev/null

cat >"$W/clocks.py" <<'PY'
ctx.addClock("i_clk_pix", 40)
ctx.addClock("i_clk_sys", 12)
PY

best_pix=0; worst_pix=1000; best_sys=0
for seed in $SEEDS; do
	nextpnr-ice40 --up5k --package sg48 --json "$W/wrap.json" --pre-pack "$W/clocks.py" \
		--seed "$seed" --timing-allow-fail --asc "$W/wrap.asc" -l "$W/nextpnr-$seed.log" >/dev/null 2>&1 || {
		echo "nextpnr failed (seed $seed), see $W/nextpnr-$seed.log"; tail -5 "$W/nextpnr-$seed.log"; exit 1; }
	pix=$(grep "Max frequency for clock.*i_clk_pix" "$W/nextpnr-$seed.log" | tail -1 | sed 's/.*: \([0-9.]*\) MHz.*/\1/')
	sys=$(grep "Max frequency for clock.*i_clk_sys" "$W/nextpnr-$seed.log" | tail -1 | sed 's/.*: \([0-9.]*\) MHz.*/\1/')
	echo "seed $seed: clk_pix $pix MHz, clk_sys $sys MHz"
	best_pix=$(python3 -c "print(max($best_pix, $pix))")
	worst_pix=$(python3 -c "print(min($worst_pix, $pix))")
	best_sys=$(python3 -c "print(max($best_sys, $sys))")
	last=$W/nextpnr-$seed.log
done

lc=$(grep -m1 "ICESTORM_LC:" "$last" | awk '{print $3}' | cut -d/ -f1)
ebr=$(grep -m1 "ICESTORM_RAM:" "$last" | awk '{print $3}' | cut -d/ -f1)
# last statistics section of the video_top-only run
luts=$(awk '/Printing statistics/{s=0} /SB_LUT4/{v=$2} END{print v}' "$W/yosys_top.log")
ffs=$(awk '/Printing statistics/{s=0} /SB_DFF/{s+=$2} END{print s}' "$W/yosys_top.log")
lat=$("$TB" --latency)

{
	printf 'video_lc\t%s\tLC\tvideo_top + pin wrapper (61 FF shift register), nextpnr ICESTORM_LC on UP5K (of 5280)\n' "$lc"
	printf 'video_lut4\t%s\tLUT\tvideo_top alone, yosys synth_ice40 SB_LUT4\n' "$luts"
	printf 'video_ff\t%s\tFF\tvideo_top alone, yosys synth_ice40 flip-flops\n' "$ffs"
	printf 'video_ebr\t%s\tEBR\tSB_RAM40_4K used (OSD text 8 + font 8 + palette 1), of 30 on UP5K\n' "$ebr"
	printf 'video_fmax_pix\t%s\tMHz\tclk_pix Fmax on UP5K-SG48, worst of seeds %s (need 25.125; goal 40)\n' "$worst_pix" "$SEEDS"
	printf 'video_fmax_pix_best\t%s\tMHz\tclk_pix Fmax on UP5K-SG48, best of seeds %s\n' "$best_pix" "$SEEDS"
	printf 'video_fmax_sys\t%s\tMHz\tclk_sys Fmax on UP5K-SG48, best of seeds %s (need 12)\n' "$best_sys" "$SEEDS"
	printf 'video_latency\t%s\tclk_pix\toverlay pipeline latency, timing generator to pins, measured in simulation\n' "$lat"
} >"$OUT"
cat "$OUT"
