#!/usr/bin/env bash
# run-tests.sh NAME... : runs `make test-NAME` for each test, logs to build/test-logs/NAME.log,
# prints PASS/FAIL per test, and ends with the line "N passed, N failed".
set -u
mkdir -p build/test-logs
pass=0; fail=0; failed=()
for t in "$@"; do
	log=build/test-logs/$t.log
	start=$SECONDS
	if make --no-print-directory test-"$t" >"$log" 2>&1; then
		pass=$((pass + 1)); printf 'PASS  %-32s %4ds\n' "$t" $((SECONDS - start))
	else
		fail=$((fail + 1)); failed+=("$t"); printf 'FAIL  %-32s %4ds  (log: %s)\n' "$t" $((SECONDS - start)) "$log"
		tail -n 15 "$log" | sed 's/^/      | /'
	fi
done
[ ${#failed[@]} -gt 0 ] && echo "failed: ${failed[*]}"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
