#!/usr/bin/env bash
# test-sim-boot: the real boot ROM loads the real firmware image from the simulated SPI
# flash; within a bounded simulated time the UART shows the boot ROM banner, the firmware
# banner (version from VERSION) and the OSD ready line.
# usage: boot.sh SIM FW_IMG OUTDIR
set -u
sim=$1 img=$2 out=$3
version=$(cat VERSION)
rm -rf "$out" && mkdir -p "$out"

timeout 600 "$sim" --flash "$out/flash.bin" --firmware "$img" --quiet \
	--until-uart "osd: ready at cycle" --max-ms 400 \
	--uart-log "$out/uart.log" --status-json "$out/status.json"
rc=$?
tr -d '\r' <"$out/uart.log" | awk '{ print "  uart| " $0 }'
fail=0
check() {
	if grep -qa -- "$1" "$out/uart.log"; then
		echo "ok: UART shows '$1'"
	else
		echo "FAIL: UART never showed '$1'"; fail=1
	fi
}
[ $rc -eq 0 ] || { echo "FAIL: kvmosd-sim exited with $rc"; fail=1; }
check "kvmosd boot"
check "kvmosd $version build "
check "osd: ready at cycle"
grep -q '"exit_reason": "until-uart"' "$out/status.json" ||
	{ echo "FAIL: did not reach 'osd: ready' within 400 ms of simulated time"; fail=1; }
grep '"until_uart_ms"' "$out/status.json"
exit $fail
