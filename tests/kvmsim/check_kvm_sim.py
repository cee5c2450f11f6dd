#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Board-level keyboard/mouse tests: the real firmware on the real core in the whole-board
simulator (build/sim/kvmosd-sim), with the console keyboard/mouse models and four PC models
(docs/simulator.md "Keyboard and mouse"). Each scenario runs the simulator once and checks
its status JSON and UART log.

usage: check_kvm_sim.py SIM FW_IMG OUTDIR SCENARIO      (SCENARIO: hotkey | plug | bench)
       bench also takes TSV: check_kvm_sim.py SIM FW_IMG OUTDIR bench TSV
"""
import json
import os
import statistics
import subprocess
import sys

failures = []


def check(cond, msg):
    print(("ok: " if cond else "FAIL: ") + msg)
    if not cond:
        failures.append(msg)


def run_sim(sim, img, out, args):
    os.makedirs(out, exist_ok=True)
    flash = os.path.join(out, "flash.bin")
    if os.path.exists(flash):
        os.remove(flash)
    # --no-clk-ref: no video sources in these runs, so the meters' 48 MHz reference clock
    # is not simulated (about 30 % faster; the firmware then sees no meter snapshots)
    cmd = [sim, "--flash", flash, "--firmware", img, "--quiet", "--no-clk-ref",
           "--uart-log", os.path.join(out, "uart.log"),
           "--status-json", os.path.join(out, "status.json")] + args
    print("run:", " ".join(cmd))
    r = subprocess.run(cmd, timeout=900, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    print(r.stdout.strip())
    check(r.returncode == 0, "kvmosd-sim exit status 0 (got %d)" % r.returncode)
    with open(os.path.join(out, "uart.log"), "rb") as f:
        uart = f.read().decode("latin-1").replace("\r", "")
    for line in uart.splitlines():
        print("  uart| " + line)
    with open(os.path.join(out, "status.json")) as f:
        st = json.load(f)
    return st, uart


def every_pc_initialised(st):
    ports = st["ports"]
    check(len(ports) == 4, "4 PC ports reported (got %d)" % len(ports))
    for p in ports:
        n = p["port"]
        check(p["kbd_bat"] and p["mouse_bat"], "port %d: keyboard and mouse BAT seen" % n)
        check(p["kbd_init_ok"], "port %d: keyboard init (FF F2 ED F3 F4) answered correctly" % n)
        check(p["mouse_init_ok"] and p["mouse_id"] == 4,
              "port %d: mouse init and knock to ID 4 (id %d)" % (n, p["mouse_id"]))
        check(p["kbd_timing_errors"] == 0 and p["mouse_timing_errors"] == 0,
              "port %d: no PS/2 timing violations" % n)
        check(p["stuck_keys"] == [], "port %d: no stuck keys (%s)" % (n, p["stuck_keys"]))


def scenario_hotkey(sim, img, out):
    # h, i typed on port 1 (user numbering); shift held across the hotkey switch to port 2;
    # x typed on port 2; a mouse with a wheel moves on port 1
    keys = "hold:20 gap:40 h i +lshift scrolllock scrolllock 2 -lshift x"
    mouse = "move:10,5 wheel:1 wheel:-2 down:left up:left"
    st, uart = run_sim(sim, img, out, ["--keys", keys, "--keys-at", "300", "--mouse", mouse,
                                       "--mouse-at", "320", "--ms", "950"])
    every_pc_initialised(st)
    con = st["console"]
    check(con["kbd_keys_done"], "console keyboard script finished")
    check(con["kbd_cmds"].startswith("FF F2 ED") and " F4" in con["kbd_cmds"],
          "firmware initialised the console keyboard (%s)" % con["kbd_cmds"])
    check("F3 C8 F3 64 F3 50 F2 F3 C8 F3 C8 F3 50 F2" in con["mouse_cmds"] and
          con["mouse_cmds"].endswith("F4") and con["mouse_id"] == 4,
          "firmware knocked the console mouse to ID 4 (%s)" % con["mouse_cmds"])
    for line in ("kvm: console keyboard ready", "kvm: console mouse ready, id 4",
                 "kvm: hotkey", "kvm: port 2 selected", "kvm: osd closed"):
        check(line in uart, "UART shows '%s'" % line)
    p = st["ports"]
    # typed text byte-exact at the selected PC only; the held shift is released on the
    # old port by the switch (12 F0 12), the hotkey (Scroll Lock) and the digit never
    # reach any PC
    check(p[0]["kbd_bytes"] == "33 F0 33 43 F0 43 12 F0 12",
          "port 1 got h, i, shift and its release (%s)" % p[0]["kbd_bytes"])
    check(p[1]["kbd_bytes"] == "22 F0 22", "port 2 got x only (%s)" % p[1]["kbd_bytes"])
    check(p[2]["kbd_bytes"] == "" and p[3]["kbd_bytes"] == "", "ports 3 and 4 got nothing")
    for q in p:
        check("7E" not in q["kbd_bytes"].split(), "port %d: Scroll Lock swallowed" % q["port"])
    # the new port's LEDs (02, set by its PC's init) were sent to the console keyboard
    check(con["kbd_cmds"].endswith("ED 02") and con["kbd_leds"] == 2,
          "console LEDs follow the new port (%s)" % con["kbd_cmds"])
    # mouse: 4-byte packets with the wheel at the selected PC only
    check(p[0]["mouse_packets"] == 5 and p[0]["mouse_dx"] == 10 and p[0]["mouse_dy"] == 5 and
          p[0]["mouse_dz"] == -1, "port 1 mouse: 5 packets, dx 10 dy 5 dz -1 (%d %d %d %d)" %
          (p[0]["mouse_packets"], p[0]["mouse_dx"], p[0]["mouse_dy"], p[0]["mouse_dz"]))
    check(all(q["mouse_packets"] == 0 for q in p[1:]), "no mouse packets at other ports")
    check(p[0]["mouse_buttons"] == 0, "mouse button released")


def scenario_plug(sim, img, out):
    # console keyboard and mouse unplugged and plugged again after their first init (the
    # firmware is up at ~175 ms and has both devices ready by ~250 ms); a single
    # Scroll Lock tap is sent to the PC as a literal key once the hotkey window expires;
    # PC 4 stops reading its keyboard after its init (bad input) without disturbing anyone
    keys = "hold:20 gap:40 scrolllock wait:600 a"
    st, uart = run_sim(sim, img, out, [
        "--keys", keys, "--keys-at", "420", "--con-event", "300:unplug-kbd",
        "--con-event", "325:plug-kbd", "--con-event", "300:unplug-mouse",
        "--con-event", "325:plug-mouse", "--pc-inhibit", "3", "--ms", "1150"])
    every_pc_initialised(st)
    con = st["console"]
    check(uart.count("kvm: console keyboard ready") >= 2,
          "console keyboard initialised again after hot-plug")
    check(uart.count("kvm: console mouse ready, id 4") >= 2,
          "console mouse initialised again (ID 4) after hot-plug")
    check(con["kbd_cmds"].count("FF F2") >= 2 and con["mouse_cmds"].count("FF F3 C8") >= 2,
          "both init sequences ran twice (%s / %s)" % (con["kbd_cmds"], con["mouse_cmds"]))
    p = st["ports"]
    check(p[0]["kbd_bytes"] == "7E F0 7E 1C F0 1C",
          "port 1 got a literal Scroll Lock, then a (%s)" % p[0]["kbd_bytes"])
    check(all(q["kbd_bytes"] == "" for q in p[1:]), "no other port got keys")


def scenario_bench(sim, img, out, tsv):
    keys = "hold:20 gap:30 " + " ".join("a b c d e f g h i j up down left right".split())
    mouse = " ".join(["move:3,-2"] * 20 + ["wheel:1"] * 5)
    st, uart = run_sim(sim, img, out, ["--keys", keys, "--keys-at", "300", "--mouse", mouse,
                                       "--mouse-at", "300", "--ms", "1100"])
    lat = st["latency"]
    ks = lat["key_us"]
    check(len(ks) > 20, "latency measured for %d key bytes" % len(ks))
    chunk = min(ks)          # last byte of a chunk: the emulator starts the PC byte at once
    rows = [
        ("kvm_key_chunk_us", chunk, "us",
         "console key -> selected PC: last console CLK edge of a scan code to the PC's first CLK fall"),
        ("kvm_key_byte_median_us", statistics.median(ks), "us",
         "per console byte (prefix bytes wait for their whole scan code: store and forward)"),
        ("kvm_key_byte_max_us", max(ks), "us", "worst console byte"),
        ("kvm_mouse_median_us", lat["mouse_us_median"], "us",
         "console mouse packet end -> selected PC's first CLK fall"),
        ("kvm_mouse_max_us", lat["mouse_us_max"], "us", "worst mouse packet"),
    ]
    with open(tsv, "w") as f:
        for k, v, u, d in rows:
            f.write("%s\t%.1f\t%s\t%s\n" % (k, v, u, d))
    for r in rows:
        print("%-24s %8.1f %s  %s" % r)


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    sim, img, out, sc = sys.argv[1:5]
    if sc == "hotkey":
        scenario_hotkey(sim, img, out)
    elif sc == "plug":
        scenario_plug(sim, img, out)
    elif sc == "bench":
        scenario_bench(sim, img, out, sys.argv[5])
    else:
        print("unknown scenario " + sc)
        return 2
    print("%d check(s) failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
