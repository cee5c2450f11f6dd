#!/usr/bin/env bash
# random.sh ISS RV_RUN RVGEN OUTDIR MIN_LINES SEED...
# Differential test: for each seed, generate a random program (rvgen), run it on the
# reference ISS and on rv-run with --trace, and compare the traces line by line. Every
# second seed runs rv-run with --mem-latency random:SEED. Needs RV_CC and RV_ASFLAGS in the
# environment. Fails on the first mismatch (printing seed, line and both lines), if either
# simulator does not pass, or if fewer than MIN_LINES lines were compared in total.
set -u
iss=$1 rvrun=$2 rvgen=$3 out=$4 min_lines=$5
shift 5
: "${RV_CC:?}" "${RV_ASFLAGS:?}"
mkdir -p "$out"
total=0 n=0
for seed in "$@"; do
	base=$out/rand-$seed
	"$rvgen" "$seed" >"$base.S" || { echo "seed $seed: rvgen failed"; exit 1; }
	# shellcheck disable=SC2086
	$RV_CC $RV_ASFLAGS -o "$base.elf" "$base.S" || { echo "seed $seed: assembly failed"; exit 1; }
	lat=""
	if [ $((n % 2)) -eq 1 ]; then
		lat="--mem-latency random:$seed"
	fi
	n=$((n + 1))
	if ! "$iss" --trace "$base.iss.trace" "$base.elf" 2>"$base.iss.log"; then
		echo "seed $seed: the ISS did not pass:"; cat "$base.iss.log"; exit 1
	fi
	# shellcheck disable=SC2086
	rtl_ok=1
	if ! "$rvrun" --max-cycles 50000000 $lat --trace "$base.rtl.trace" "$base.elf" \
		>"$base.rtl.log" 2>&1; then
		echo "seed $seed: rv-run $lat did not pass:"; cat "$base.rtl.log"
		rtl_ok=0
	fi
	if ! res=$(cmp "$base.iss.trace" "$base.rtl.trace" 2>&1); then
		line=$(sed -n 's/.*line \([0-9]*\).*/\1/p' <<<"$res")
		if [ -z "$line" ]; then	# one trace is a prefix of the other
			line=$(($(wc -l <"$base.rtl.trace") + 1))
		fi
		echo "MISMATCH seed $seed ${lat:+($lat)} at trace line $line"
		echo "  iss: $(sed -n "${line}p" "$base.iss.trace")"
		echo "  rtl: $(sed -n "${line}p" "$base.rtl.trace")"
		echo "  previous line: $(sed -n "$((line > 1 ? line - 1 : 1))p" "$base.iss.trace")"
		echo "  program: $base.S, traces: $base.iss.trace $base.rtl.trace"
		exit 1
	fi
	[ "$rtl_ok" -eq 1 ] || exit 1
	lines=$(wc -l <"$base.iss.trace")
	total=$((total + lines))
	printf 'seed %-6s %-22s %8d lines identical (%s)\n' "$seed" "$lat" "$lines" \
		"$(tr '\n' ' ' <"$base.rtl.log")"
	rm -f "$base.iss.trace" "$base.rtl.trace"
done
echo "compared $total trace lines over $n seeds"
if [ "$total" -lt "$min_lines" ]; then
	echo "FAIL: fewer than $min_lines lines compared"; exit 1
fi
