#!/usr/bin/env bash
# test-sim-cli-info (end-to-end acceptance): kvmosd-sim with the real firmware and its UART
# on a Unix socket; `kvmosd --sim SOCK info` must print the firmware version from VERSION
# and the build id the firmware announces on its banner. The simulator is bounded by
# --max-ms, the CLI by timeout(1), and the simulator is always stopped on exit.
# usage: cli_info.sh SIM CLI FW_IMG OUTDIR
set -u
sim=$1 cli=$2 img=$3 out=$4
version=$(cat VERSION)
rm -rf "$out" && mkdir -p "$out"
sock=$out/uart.sock
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null
	fi
	[ -n "$pid" ] && wait "$pid" 2>/dev/null
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; sed 's/^/  sim| /' "$out/sim.out" | tr -d '\r' | tail -n 20; exit 1; }

"$sim" --flash "$out/flash.bin" --firmware "$img" --uart "$sock" --max-ms 5000 \
	--exit-on-disconnect --uart-log "$out/uart.log" --status-json "$out/status.json" \
	>"$out/sim.out" 2>&1 &
pid=$!

# wait for the socket, then for the firmware to be up (its banner on the UART log)
for i in $(seq 600); do
	[ -S "$sock" ] && grep -qa "osd: ready" "$out/uart.log" 2>/dev/null && break
	kill -0 "$pid" 2>/dev/null || fail "kvmosd-sim exited before the firmware was up"
	sleep 0.1
done
grep -qa "osd: ready" "$out/uart.log" 2>/dev/null || fail "firmware not up after 60 s"
echo "ok: socket up, firmware booted"

timeout 120 "$cli" --sim "$sock" --timeout 20000 info >"$out/info.txt" 2>"$out/info.err"
rc=$?
sed 's/^/  kvmosd| /' "$out/info.txt" "$out/info.err"
[ $rc -eq 0 ] || fail "kvmosd info exited with $rc"

banner_id=$(tr -d '\r' <"$out/uart.log" | sed -n "s/^kvmosd $version build \(.*\)$/\1/p" | head -n1)
grep '^firmware:' "$out/info.txt" | grep -qwF -- "$version" ||
	fail "the 'firmware:' line does not carry version $version (VERSION)"
build=$(sed -n 's/^build: //p' "$out/info.txt")
[ -n "$build" ] || fail "no build id"
[ "$build" = "$banner_id" ] || fail "build id '$build' differs from the banner's '$banner_id'"
echo "ok: firmware $version, build $build (matches the UART banner)"

# the CLI has disconnected: the simulator stops by itself (--exit-on-disconnect)
for i in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "kvmosd-sim still running after the client disconnected"
wait "$pid"; rc=$?; pid=
[ $rc -eq 0 ] || fail "kvmosd-sim exited with $rc"
grep -q '"exit_reason": "disconnect"' "$out/status.json" || fail "sim did not stop on disconnect"
echo "ok: kvmosd-sim stopped on client disconnect"
