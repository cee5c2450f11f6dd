#!/usr/bin/env bash
# run-bench.sh NAME... : runs `make bench-NAME` for each, each writing build/bench/NAME.tsv
# (key, value, unit, description); prints one table and writes build/bench.json.
set -u
mkdir -p build/bench
for b in "$@"; do
	if ! make --no-print-directory bench-"$b" >build/bench/"$b".log 2>&1; then
		echo "bench $b failed (log: build/bench/$b.log)"; tail -n 10 build/bench/"$b".log
	fi
done
python3 tools/bench_report.py "$@"
