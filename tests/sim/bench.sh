#!/usr/bin/env bash
# bench-sim: speed of the full-board simulator with the real firmware, and boot time.
# usage: bench.sh SIM FW_IMG OUTDIR TSV
set -eu
sim=$1 img=$2 out=$3 tsv=$4
frames=12
rm -rf "$out" && mkdir -p "$out"
timeout 900 "$sim" --flash "$out/flash.bin" --firmware "$img" --quiet --frames $frames \
	--max-ms 1000 --uart-log "$out/uart.log" --status-json "$out/status.json"
json() { sed -n "s/^ *\"$1\": \([-0-9.e]*\),*$/\1/p" "$out/status.json"; }
cps=$(json clk_sys_cycles_per_s)
fps=$(json frames_per_s)
simms=$(json sim_time_ms)
wall=$(json wall_s)
ready=$(tr -d '\r' <"$out/uart.log" | sed -n 's/^osd: ready at cycle \([0-9]*\)$/\1/p' | head -n1)
[ -n "$ready" ] || { echo "bench-sim: no 'osd: ready at cycle N' line on the UART" >&2; exit 1; }
{
	printf 'sim_clk_sys_per_s\t%.0f\tcycles/s\tsimulated clk_sys (12 MHz) cycles per wall second, whole board + firmware\n' "$cps"
	printf 'sim_frames_per_s\t%.3f\tframes/s\tcaptured 640x480 frames per wall second\n' "$fps"
	printf 'sim_realtime\t%.4f\tx\tsimulated time / wall time (%s frames: %.1f ms in %.2f s)\n' \
		"$(awk "BEGIN { print $simms / 1000 / $wall }")" $frames "$simms" "$wall"
	printf 'boot_osd_ready_cycles\t%s\tcycles\tclk_sys cycles from reset to the firmware'"'"'s "osd: ready" (its own mcycle)\n' "$ready"
	printf 'boot_osd_ready_ms\t%.3f\tms\tthe same at 12 MHz\n' "$(awk "BEGIN { print $ready / 12000 }")"
} >"$tsv"
cat "$tsv"
