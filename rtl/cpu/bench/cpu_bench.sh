#!/usr/bin/env bash
# cpu_bench.sh OUTDIR TSV RV_RUN SMOKE_ELF RTL... : measures kvm_cpu on iCE40 UP5K-SG48.
#   1. yosys synth_ice40 of kvm_cpu alone          -> core cells (LUT4, carry, FF, EBR)
#   2. yosys + nextpnr of rtl/cpu/bench/kvm_cpu_bench.v -> placed logic cells, EBR, Fmax
#      (placer seeds 1, 2, 3: Fmax moves by a MHz or two with placement; median, min, max)
#   3. rv-run on the smoke program                 -> cycles per instruction
# Writes TSV lines: key<TAB>value<TAB>unit<TAB>description.
set -euo pipefail
out=$1; tsv=$2; rvrun=$3; smoke=$4; shift 4
rtl=("$@")
mkdir -p "$out"

# ---- 1. core alone (its ports stay ports, except the retire trace, which the SoC leaves
#         unconnected: its registers are removed as they are there) ----
yosys -q -l "$out/core.log" \
	-p "hierarchy -top kvm_cpu; delete -port kvm_cpu/o_rt_*; synth_ice40 -top kvm_cpu; stat" \
	"${rtl[@]}" >/dev/null
stat_core() { # cell name -> count in the last stat block
	awk -v c="$1" '$1 == c { n = $2 } END { print n + 0 }' "$out/core.log"
}
core_lut=$(stat_core SB_LUT4)
core_carry=$(stat_core SB_CARRY)
core_ram=$(stat_core SB_RAM40_4K)
# (the log holds two stat blocks, synth_ice40's and ours: count the last one only)
core_ff=$(awk '/^=== kvm_cpu ===/ { n = 0 } $1 ~ /^SB_DFF[A-Z]*$/ { n += $2 } END { print n + 0 }' "$out/core.log")

# ---- 2. wrapper placed and routed ----
yosys -q -l "$out/bench.log" -p "synth_ice40 -top kvm_cpu_bench -json $out/bench.json" \
	rtl/cpu/bench/kvm_cpu_bench.v "${rtl[@]}" >/dev/null
fmaxes=()
for seed in 1 2 3; do
	nextpnr-ice40 --up5k --package sg48 --freq 30 --seed "$seed" --json "$out/bench.json" \
		--asc "$out/bench$seed.asc" --log "$out/pnr$seed.log" >/dev/null 2>&1 ||
		true	# a run that misses --freq still reports its Fmax; checked below
	f=$(grep -E "Max frequency for clock" "$out/pnr$seed.log" | tail -n 1 |
		sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
	if [ -z "$f" ]; then
		echo "cpu_bench: place and route failed for seed $seed (see $out/pnr$seed.log)" >&2
		exit 1
	fi
	fmaxes+=("$f")
done
# cell counts do not depend on the seed: take them from seed 1
lc=$(awk '/ICESTORM_LC:/ { n = $3 + 0 } END { print n + 0 }' "$out/pnr1.log")
ebr=$(awk '/ICESTORM_RAM:/ { n = $3 + 0 } END { print n + 0 }' "$out/pnr1.log")
mapfile -t sorted < <(printf '%s\n' "${fmaxes[@]}" | sort -g)
fmin=${sorted[0]}; fmax=${sorted[1]}; fmaxhi=${sorted[2]}

# ---- 3. CPI on the smoke program ----
stats=$("$rvrun" "$smoke" 2>&1 >/dev/null | grep -E '^cycles=' || true)
cyc=$(sed -E 's/cycles=([0-9]+).*/\1/' <<<"$stats")
ins=$(sed -E 's/.*instret=([0-9]+)/\1/' <<<"$stats")
cpi=$(awk -v c="$cyc" -v i="$ins" 'BEGIN { if (i > 0) printf "%.2f", c / i; else print 0 }')

{
	printf 'cpu_core_lut4\t%s\tcells\tkvm_cpu alone without trace ports: SB_LUT4 (yosys synth_ice40)\n' "$core_lut"
	printf 'cpu_core_carry\t%s\tcells\tkvm_cpu alone: SB_CARRY\n' "$core_carry"
	printf 'cpu_core_ff\t%s\tcells\tkvm_cpu alone: flip-flops\n' "$core_ff"
	printf 'cpu_core_ebr\t%s\tblocks\tkvm_cpu alone: SB_RAM40_4K (register file)\n' "$core_ram"
	printf 'cpu_up5k_lc\t%s\tcells\tcore + bench wrapper, nextpnr ICESTORM_LC on UP5K-SG48\n' "$lc"
	printf 'cpu_up5k_ebr\t%s\tblocks\tcore + bench wrapper EBR (4 register file + 8 RAM)\n' "$ebr"
	printf 'cpu_up5k_fmax\t%s\tMHz\tpost-route Fmax, UP5K-SG48, median of nextpnr seeds 1-3\n' "$fmax"
	printf 'cpu_up5k_fmax_min\t%s\tMHz\tpost-route Fmax, lowest of seeds 1-3\n' "$fmin"
	printf 'cpu_up5k_fmax_max\t%s\tMHz\tpost-route Fmax, highest of seeds 1-3\n' "$fmaxhi"
	printf 'cpu_smoke_cpi\t%s\tcycles/insn\tsmoke test, zero-wait memory (includes 38/39-cycle M ops; not-taken branches 5)\n' "$cpi"
} >"$tsv"
cat "$tsv"
