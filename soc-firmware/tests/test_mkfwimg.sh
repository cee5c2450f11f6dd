#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test_mkfwimg.sh MKFWIMG FIRMWARE.img FIRMWARE.elf WORKDIR [FIRMWARE-XIP.img]
# mkfwimg build and --check: good images pass (exit 0, "status ok"), each corruption fails
# with exit 1 and its exact message, usage errors exit 2.
set -u
mk=$1; fwimg=$2; fwelf=$3; w=$4
rm -rf "$w"; mkdir -p "$w"
fails=0

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# expect NAME EXIT-CODE MESSAGE-SUBSTRING -- command...
expect() {
	local name=$1 code=$2 msg=$3; shift 4
	local out rc
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" -ne "$code" ]; then
		fail "$name: exit $rc, wanted $code"; echo "$out" | sed 's/^/     /'; return
	fi
	if [ -n "$msg" ] && ! grep -qF -- "$msg" <<<"$out"; then
		fail "$name: no '$msg' in output"; echo "$out" | sed 's/^/     /'; return
	fi
	pass "$name"
}

# patch FILE OFFSET HEXBYTES: overwrite bytes in place
patch() {
	printf "$(sed 's/\(..\)/\\x\1/g' <<<"$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# xorbyte FILE OFFSET: flip bit 0 of one byte
xorbyte() {
	local b
	b=$(od -An -tx1 -j "$2" -N1 "$1" | tr -d ' ')
	patch "$1" "$2" "$(printf '%02x' $((0x$b ^ 1)))"
}

# --- building from a raw binary ---
head -c 1000 /dev/urandom > "$w/raw.bin"
expect "raw build" 0 "" -- "$mk" --load 0x10000000 --entry 0x10000010 --build-id 1234abcd \
	"$w/raw.bin" "$w/good.img"
expect "raw check ok" 0 "status       ok" -- "$mk" --check "$w/good.img"
expect "raw check fields" 0 "entry        0x10000010" -- "$mk" --check "$w/good.img"
expect "raw build id" 0 "build id     1234abcd" -- "$mk" --check "$w/good.img"
expect "raw length" 0 "length       1000 bytes" -- "$mk" --check "$w/good.img"
size=$(stat -c %s "$w/good.img")
[ "$size" -eq 1032 ] && pass "image size 32 + 1000" || fail "image size $size"
head -c 4 "$w/good.img" | grep -q KVFW && pass "magic bytes KVFW" || fail "magic bytes"
head -c 1001 /dev/urandom > "$w/odd.bin"
expect "odd length padded" 0 "length       1004 bytes" -- sh -c \
	"'$mk' --load 0x10000000 '$w/odd.bin' '$w/odd.img' && '$mk' --check '$w/odd.img'"

# --- the real firmware image ---
expect "firmware.img ok" 0 "status       ok" -- "$mk" --check "$fwimg"
expect "firmware.img load" 0 "load         0x10000000" -- "$mk" --check "$fwimg"
# rebuilding from the ELF gives the same bytes
bid=$("$mk" --check "$fwimg" | awk '/^build id/ {print $3}')
"$mk" --build-id "$bid" "$fwelf" "$w/again.img" && cmp -s "$fwimg" "$w/again.img" \
	&& pass "ELF rebuild identical" || fail "ELF rebuild differs"
expect "ELF wrong --load" 2 "but the ELF loads at" -- "$mk" --load 0x20000000 "$fwelf" "$w/x.img"

# --- corruptions: one per field, each with its own message ---
corrupt() { cp "$w/good.img" "$w/bad.img"; "$@"; }
corrupt xorbyte "$w/bad.img" 0
expect "bad magic" 1 "bad.img: bad magic" -- "$mk" --check "$w/bad.img"
for off in 4 8 12 16 20 24 28; do
	corrupt xorbyte "$w/bad.img" $off
	expect "flip header byte $off" 1 "bad.img: bad header crc" -- "$mk" --check "$w/bad.img"
done
corrupt xorbyte "$w/bad.img" 500
expect "flip payload byte" 1 "bad.img: bad payload crc" -- "$mk" --check "$w/bad.img"
corrupt truncate -s 1031 "$w/bad.img"
expect "truncated payload" 1 "bad.img: truncated image" -- "$mk" --check "$w/bad.img"
corrupt truncate -s 20 "$w/bad.img"
expect "truncated header" 1 "bad.img: truncated image" -- "$mk" --check "$w/bad.img"
head -c 4096 /dev/zero | tr '\0' '\377' > "$w/erased.img"
expect "erased flash" 1 "bad magic" -- "$mk" --check "$w/erased.img"
# fields changed with the header CRC recomputed (zlib's crc32 is the same CRC-32)
forge() {
	python3 - "$w/good.img" "$w/bad.img" "$1" "$2" <<'PY'
import struct, sys, zlib
d = bytearray(open(sys.argv[1], "rb").read())
struct.pack_into("<I", d, int(sys.argv[3]), int(sys.argv[4], 0))
struct.pack_into("<I", d, 28, zlib.crc32(bytes(d[:28])))
open(sys.argv[2], "wb").write(d)
PY
}
forge 4 2
expect "bad version" 1 "bad.img: bad header version" -- "$mk" --check "$w/bad.img"
forge 12 0
expect "zero length" 1 "bad.img: length out of range" -- "$mk" --check "$w/bad.img"
forge 12 0x40000
expect "huge length" 1 "bad.img: length out of range" -- "$mk" --check "$w/bad.img"
forge 16 0x0fffff00
expect "entry before load" 1 "bad.img: entry outside payload" -- "$mk" --check "$w/bad.img"
forge 20 0x12345678
expect "payload crc field" 1 "bad.img: bad payload crc" -- "$mk" --check "$w/bad.img"
# a header with a valid CRC but a bad field: rebuild via the tool's own numbers
expect "entry outside" 2 "entry outside payload" -- "$mk" --load 0x10000000 --entry 0x20000000 \
	"$w/raw.bin" "$w/x.img"
head -c $((256 * 1024)) /dev/zero > "$w/big.bin"
expect "too big" 2 "length out of range" -- "$mk" --load 0x10000000 "$w/big.bin" "$w/x.img"

# --- execute in place: load == the payload's flash-window address (firmware-xip.img) ---
expect "xip raw build" 0 "run          in place (XIP)" -- sh -c \
	"'$mk' --load 0x20100020 '$w/raw.bin' '$w/xip.img' && '$mk' --check '$w/xip.img'"
expect "xip check ok" 0 "status       ok" -- "$mk" --check "$w/xip.img"
expect "copy image says copy" 0 "run          copy to RAM" -- "$mk" --check "$w/good.img"
expect "flash load not payload" 2 "must load at its payload address 0x20100020" -- \
	"$mk" --load 0x20100000 "$w/raw.bin" "$w/x.img"
expect "flash load elsewhere" 2 "is in the flash window" -- \
	"$mk" --load 0x20200000 "$w/raw.bin" "$w/x.img"
if [ -n "${5:-}" ]; then	# FIRMWARE-XIP.img
	expect "firmware-xip.img ok" 0 "status       ok" -- "$mk" --check "$5"
	expect "firmware-xip.img in place" 0 "load         0x20100020" -- "$mk" --check "$5"
fi

# --- usage ---
expect "no args" 2 "usage" -- "$mk"
expect "raw needs --load" 2 "needs --load" -- "$mk" "$w/raw.bin" "$w/x.img"
expect "bad build id" 2 "hex" -- "$mk" --load 0x10000000 --build-id xyz "$w/raw.bin" "$w/x.img"
expect "missing file" 2 "No such file" -- "$mk" --check "$w/nonexistent.img"

echo "mkfwimg tests: $fails failed"
[ "$fails" -eq 0 ]
