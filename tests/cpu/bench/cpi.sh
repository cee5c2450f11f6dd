#!/usr/bin/env bash
# cpi.sh RV_RUN ISS ELF OUT.tsv: run the CPI workload on rv-run (ideal memory and random
# wait states) and on the ISS; write instructions, cycles and CPI as bench TSV lines.
set -eu
rvrun=$1 iss=$2 elf=$3 out=$4
get() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2" | tail -n 1; }

res=$("$rvrun" --max-cycles 200000000 "$elf" 2>&1) || { echo "rv-run failed: $res"; exit 1; }
cycles=$(get cycles "$res") instret=$(get instret "$res")
res=$("$rvrun" --max-cycles 200000000 --mem-latency random:1 "$elf" 2>&1) ||
	{ echo "rv-run --mem-latency failed: $res"; exit 1; }
rcycles=$(get cycles "$res") rinstret=$(get instret "$res")
res=$("$iss" "$elf" 2>&1) || { echo "iss failed: $res"; exit 1; }
iinstret=$(get instret "$res")

if [ -z "$cycles" ] || [ -z "$instret" ] || [ "$instret" -eq 0 ]; then
	echo "no cycles=/instret= line from rv-run"; exit 1
fi
if [ "$instret" != "$iinstret" ] || [ "$instret" != "$rinstret" ]; then
	echo "instruction counts differ: rv-run $instret, rv-run random latency $rinstret, iss $iinstret"
	exit 1
fi
cpi=$(awk -v c="$cycles" -v i="$instret" 'BEGIN { printf "%.3f", c / i }')
rcpi=$(awk -v c="$rcycles" -v i="$instret" 'BEGIN { printf "%.3f", c / i }')
{
	printf 'cpi_instret\t%s\tinstr\tCPI workload: instructions retired (rv-run = ISS)\n' "$instret"
	printf 'cpi_cycles\t%s\tcycles\tCPI workload: cycles on rv-run, zero-wait memory\n' "$cycles"
	printf 'cpi\t%s\tcycles/instr\tkvm_cpu CPI on the firmware-like workload, zero-wait memory\n' "$cpi"
	printf 'cpi_random_latency\t%s\tcycles/instr\tsame with rv-run --mem-latency random:1\n' "$rcpi"
} >"$out"
cat "$out"
