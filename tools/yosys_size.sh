#!/usr/bin/env bash
# yosys_size.sh KEY TOP "VERILOG FILES" DESC [CMDS]: synthesises TOP for the iCE40
# (yosys synth_ice40, one-shot stat) and prints two bench rows (docs/interfaces.md):
#   KEY_lut4  SB_LUT4 count      KEY_ff  flip-flops (SB_DFF*)
# CMDS: yosys commands run before synthesis, e.g. "chparam -set N 4 TOP".
# Used by bench targets that report the size of one block (bench-kvm-size, bench-sync).
set -eu
key=$1 top=$2 files=$3 desc=$4 cmds=${5:-}
stat=$(mktemp)
trap 'rm -f "$stat"' EXIT
${YOSYS:-yosys} -q -p "read_verilog -DSYNTHESIS $files; $cmds; synth_ice40 -top $top; tee -o $stat stat" >/dev/null
lut=$(awk '$1=="SB_LUT4"{print $2}' "$stat")
ff=$(awk '$1 ~ /^SB_DFF/{s+=$2} END{print s+0}' "$stat")
printf '%s_lut4\t%s\tcount\t%s: SB_LUT4\n' "$key" "${lut:-0}" "$desc"
printf '%s_ff\t%s\tcount\t%s: flip-flops (SB_DFF*)\n' "$key" "${ff:-0}" "$desc"
