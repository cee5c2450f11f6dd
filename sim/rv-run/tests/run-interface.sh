#!/usr/bin/env bash
# run-interface.sh RV_RUN ELF_DIR SRC_DIR: checks the rv-run command-line contract
# (docs/interfaces.md) with the tiny programs of sim/rv-run/tests/. Exits non-zero on failure.
set -u
rv=$1; elf=$2; src=$3
fails=0

# expect NAME CODE [STDOUT-PATTERN] -- ARGS...
expect() {
	local name=$1 code=$2 pattern=$3; shift 3
	local out rc
	out=$("$rv" "$@" 2>"$elf/$name.err"); rc=$?
	if [ "$rc" -ne "$code" ]; then
		echo "FAIL $name: exit $rc, expected $code"; cat "$elf/$name.err"; fails=$((fails + 1)); return
	fi
	if [ -n "$pattern" ] && ! grep -qx "$pattern" <<<"$out"; then
		echo "FAIL $name: stdout '$out' does not match '$pattern'"; fails=$((fails + 1)); return
	fi
	echo "ok   $name (exit $rc)"
}

expect pass        0 "" "$elf/pass.elf"
expect pass-random 0 "" --mem-latency random:7 "$elf/pass.elf"
expect fail5       1 "FAIL test 5" "$elf/fail5.elf"
expect loop        2 "" --max-cycles 1000 "$elf/loop.elf"
expect not-elf     3 "" "$src/pass.S"
expect missing     3 "" "$elf/does-not-exist.elf"
expect no-tohost   3 "" "$elf/notohost.elf"
expect bad-option  3 "" --bogus "$elf/pass.elf"

# cycles/instret line on stderr
if ! grep -Eq '^cycles=[0-9]+ instret=[0-9]+$' "$elf/pass.err"; then
	echo "FAIL stats: no 'cycles=N instret=M' line on stderr"; fails=$((fails + 1))
else
	echo "ok   stats ($(cat "$elf/pass.err"))"
fi

# signature, with and without random wait states
for lat in "" "--mem-latency random:3"; do
	# shellcheck disable=SC2086
	expect "sig${lat:+-random}" 0 "" $lat --signature "$elf/sig.out" "$elf/sig.elf"
	if ! diff -u "$src/sig.expected" "$elf/sig.out"; then
		echo "FAIL signature${lat:+ ($lat)}"; fails=$((fails + 1))
	else
		echo "ok   signature${lat:+ ($lat)}"
	fi
done

# trace: one line per instruction in the documented format
expect trace 0 "" --trace "$elf/pass.trace" "$elf/pass.elf"
if ! diff -u - "$elf/pass.trace" <<'EOT'
80000000 00000013
80000004 00100f93 x31=00000001
80000008 00000f17 x30=80000008
8000000c 038f0f13 x30=80000040
80000010 01ff2023
EOT
then
	echo "FAIL trace"; fails=$((fails + 1))
else
	echo "ok   trace"
fi

[ "$fails" -eq 0 ] && echo "rv-run interface: all checks passed"
[ "$fails" -eq 0 ]
