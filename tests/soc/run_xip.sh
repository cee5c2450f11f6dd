#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run_xip.sh --tb TB --nm NM --mkfwimg MKFWIMG --regs REGS_H --work DIR
#            BOOTFLASH.bin FIRMWARE-XIP.img FIRMWARE-XIP.elf
# test-fw-xip: the HX8K configuration of the real SoC (tb_xip: kvm_soc with BOOT_XIP = 1 and
# 4 KiB of RAM) with bootflash.bin at KVM_FLASH_BOOT_OFFSET and firmware-xip.img at
# KVM_FLASH_FW_OFFSET in the SPI flash model.
#   1. good image: the boot loader says "(in place)", checks the CRC in flash, jumps; the
#      firmware prints its banner and start-up lines up to "kvm: no KVM block" (the last line
#      reachable with the video/KVM/VIDIN ports stubbed), then answers host-link requests
#      (PING, INFO, STATS, PORT_STATUS, HOTKEY_GET) from its main loop. No stack store below
#      __stack_limit, no store beyond the 4 KiB RAM; prints the measured peak stack.
#   2. one payload byte flipped: mkfwimg --check says "bad payload crc"; on the SoC the boot
#      loader prints "boot: bad payload crc" and never fetches from the firmware.
set -u
while [ $# -gt 3 ]; do
	case $1 in
	--tb) tb=$2 ;; --nm) nm=$2 ;; --mkfwimg) mk=$2 ;; --regs) regs=$2 ;; --work) w=$2 ;;
	*) echo "run_xip.sh: bad argument $1"; exit 2 ;;
	esac
	shift 2
done
boot=$1; img=$2; elf=$3
rm -rf "$w"; mkdir -p "$w"
fails=0

reg() { sed -n "s/^#define $1 *\(0x[0-9A-Fa-f]*\)u.*/\1/p" "$regs"; }
sym() { local v; v=$("$nm" "$elf" | awk -v n="$1" '$3 == n { print $1 }'); echo "0x$v"; }
boot_off=$(reg KVM_FLASH_BOOT_OFFSET); fw_off=$(reg KVM_FLASH_FW_OFFSET)
fw_lo=$(sym _start); fw_hi=$(sym __image_end)
stack=(--bss-end "$(sym __bss_end)" --stack-limit "$(sym __stack_limit)"
       --stack-top "$(sym __stack_top)")
flash=(--load "$boot_off=$boot" --load "$fw_off=$img")
t0=$SECONDS

echo "== 1. firmware-xip.img runs in place"
if "$tb" "${flash[@]}" "${stack[@]}" --fw "$fw_lo:$fw_hi" --want-fw \
	--until "kvm: no KVM block" --host 0x01 --host 0x02 --host 0x03 --host 0x11 --host 0x30 \
	--settle 200000 --max-cycles 40000000 \
	--expect "kvmosd boot" --expect "bytes at ${fw_lo#0x} (in place)" \
	--expect "kvmosd $(cat VERSION 2>/dev/null || echo "") build" --expect "osd: ready at cycle" \
	--expect "video: no video inputs" --forbid "trap:" --forbid "boot: bad" \
	> "$w/good.log" 2>&1; then
	echo "ok   good image"
else
	echo "FAIL good image"; fails=$((fails + 1))
fi
grep -E "^(boot|tb_xip): " "$w/good.log" | sed 's/^/     /'

echo "== 2. one payload byte flipped"
bad_at=$((fw_off + 32 + 0x1000))
cp "$img" "$w/bad.img"
b=$(od -An -tx1 -j $((32 + 0x1000)) -N1 "$w/bad.img" | tr -d ' ')
printf "$(printf '\\x%02x' $((0x$b ^ 1)))" | dd of="$w/bad.img" bs=1 seek=$((32 + 0x1000)) \
	conv=notrunc status=none
out=$("$mk" --check "$w/bad.img" 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q "bad payload crc" <<<"$out"; then
	echo "ok   mkfwimg --check: bad payload crc"
else
	echo "FAIL mkfwimg --check on the flipped image: exit $rc"; fails=$((fails + 1))
fi
if "$tb" "${flash[@]}" --flip "$bad_at" --fw "$fw_lo:$fw_hi" --want-no-fw \
	--until "boot: bad payload crc" --settle 300000 --max-cycles 10000000 \
	--expect "(in place)" --forbid "boot: copy" > "$w/bad.log" 2>&1; then
	echo "ok   corrupted image: boot loader stops with 'bad payload crc', no jump"
else
	echo "FAIL corrupted image"; fails=$((fails + 1))
fi
grep -E "^(boot|tb_xip): " "$w/bad.log" | sed 's/^/     /'

echo "fw-xip: $fails failed ($((SECONDS - t0)) s; logs in $w)"
[ $fails -eq 0 ]
