#!/usr/bin/env bash
# run-bench.sh NAME... : runs `make bench-NAME` for each, each writing $B/bench/NAME.tsv
# (key, value, unit, description); prints one table and writes $B/bench.json.
# B: the build directory (the Makefile passes its own; default build).
set -u
B=${B:-build}
mkdir -p "$B"/bench
for b in "$@"; do
	if ! make --no-print-directory bench-"$b" >"$B"/bench/"$b".log 2>&1; then
		echo "bench $b failed (log: $B/bench/$b.log)"; tail -n 10 "$B"/bench/"$b".log
	fi
done
python3 tools/bench_report.py --build "$B" "$@"
