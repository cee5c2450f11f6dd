#!/usr/bin/env bash
# test-sim-flash-persist: a byte the board programs through the SPI flash model in one run
# is in the flash file afterwards and is read back by the board in the next run; a missing,
# short or oversized flash file gets a clear message.
# usage: flash_persist.sh SIM PROG_IMG OUTDIR
set -u
sim=$1 img=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
die() { echo "FAIL: $*"; fail=1; }
run() {		# run NAME ARGS...: bounded run until the test program is done
	local name=$1; shift
	timeout 300 "$sim" --quiet --until-uart "persist: done" --max-ms 60 \
		--uart-log "$out/$name.uart" --status-json "$out/$name.json" "$@" \
		>"$out/$name.out" 2>&1
	local rc=$?
	tr -d '\r' <"$out/$name.uart" | awk -v p="  $name uart| " '{ print p $0 }'
	[ $rc -eq 0 ] || die "$name: kvmosd-sim exited with $rc: $(tail -n 3 "$out/$name.out")"
	grep -q '"exit_reason": "until-uart"' "$out/$name.json" ||
		die "$name: the test program did not finish"
}
flash=$out/flash.bin
size=$((16 * 1024 * 1024))
last=$((size - 256))

# 1. missing file: created erased, with a message saying so
run first --flash "$flash" --firmware "$img"
grep -q "does not exist: creating it erased" "$out/first.out" || die "no message for a missing file"
grep -q "persist: programmed 5a" "$out/first.uart" || die "first run did not program the byte"
[ "$(stat -c %s "$flash")" -eq $size ] || die "flash file is not 16 MiB"
byte=$(od -An -tx1 -j $last -N1 "$flash" | tr -d ' ')
[ "$byte" = 5a ] && echo "ok: flash file holds 5a at 0x$(printf %x $last) after run 1" ||
	die "flash file holds '$byte' at the programmed offset"

# 2. the next run (no --firmware) boots the image kept in the file and finds the byte
run second --flash "$flash"
grep -q "persist: found 5a" "$out/second.uart" && echo "ok: run 2 read back 5a" ||
	die "second run did not find the byte"

# 3. short file: padded with 0xFF, with a warning, written back full size
head -c $((1024 * 1024 + 65536)) "$flash" >"$out/short.bin"
run short --flash "$out/short.bin"
grep -q "is short" "$out/short.out" && echo "ok: short file warned about" ||
	die "no message for a short file"
grep -q "persist: programmed 5a" "$out/short.uart" || die "short file: byte not programmed"
[ "$(stat -c %s "$out/short.bin")" -eq $size ] || die "short file not written back full size"

# 4. oversized file: refused
head -c $((size + 1)) /dev/zero >"$out/big.bin"
if timeout 60 "$sim" --quiet --max-ms 1 --flash "$out/big.bin" >"$out/big.out" 2>&1; then
	die "an oversized flash file was accepted"
fi
grep -q "larger than" "$out/big.out" && echo "ok: oversized file refused: $(head -n1 "$out/big.out")" ||
	die "no clear message for an oversized file"
exit $fail
