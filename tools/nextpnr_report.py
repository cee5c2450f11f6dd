#!/usr/bin/env python3
"""Check a nextpnr-ice40 --report JSON: every required clock meets its target and
the design fits; print a utilisation / Fmax summary.

usage:
  nextpnr_report.py check REPORT.json --clock NAME=MHZ [--clock ...] [--log nextpnr.log]
                          [--summary OUT.txt]
  nextpnr_report.py tsv   REPORT.json --clock NAME=MHZ [...] --board NAME > OUT.tsv

check exits 1 (with the reason) when a clock is missing from the report, its
constraint is not the target (so nextpnr timed it against the wrong number), its
achieved Fmax is below the target, or a resource is over-used.
tsv writes bench lines: key<TAB>value<TAB>unit<TAB>description.
"""
import argparse
import json
import re
import sys

# Report cell types -> (short key, description)
RESOURCES = [
    ("ICESTORM_LC", "lc", "logic cells (LUT4 + FF)"),
    ("ICESTORM_RAM", "bram", "4 Kbit block RAMs (EBR)"),
    ("ICESTORM_SPRAM", "spram", "256 Kbit single-port RAMs"),
    ("ICESTORM_DSP", "dsp", "SB_MAC16 DSP blocks"),
    ("SB_IO", "io", "I/O cells (sites on the die)"),
    ("SB_GB", "gb", "global buffers"),
    ("ICESTORM_PLL", "pll", "PLLs"),
]

# A clock's constraint may differ from the requested target by PLL rounding
# (nextpnr derives 25.14 MHz for 12 MHz * 67 / 32 because of period rounding).
CONSTRAINT_TOL = 0.01


def die(msg):
    print(f"nextpnr_report: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def parse_clock(s):
    m = re.fullmatch(r"([A-Za-z_][\w.$\\/\[\]]*)=([0-9.]+)", s)
    if not m:
        raise argparse.ArgumentTypeError(f"--clock wants NAME=MHZ, got '{s}'")
    return m.group(1), float(m.group(2))


def load(path, log):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        why = ""
        if log:
            try:
                text = open(log).read().splitlines()
            except OSError:
                text = []
            over = []
            for l in text:
                m = re.match(r"Info:\s+(\w+):\s+(\d+)/\s*(\d+)\s+\d+%", l)
                if m and int(m.group(2)) > int(m.group(3)):
                    over.append(f"{m.group(1)} {m.group(2)} used of {m.group(3)} "
                                f"({100 * int(m.group(2)) // int(m.group(3))} %)")
            errs = [l.strip() for l in text if "ERROR" in l]
            if over:
                why = "; the design does not fit: " + ", ".join(over)
            elif errs:
                why = "; nextpnr said: " + " | ".join(errs[-3:])
        die(f"{path} not found (place and route did not finish{why})")
    except json.JSONDecodeError as e:
        die(f"{path}: not valid JSON: {e}")


def find_clock(fmax, name):
    """The report names clocks by net; accept an exact match or a hierarchical suffix."""
    if name in fmax:
        return name
    cands = [k for k in fmax if k.endswith("." + name) or k.endswith("/" + name)]
    return cands[0] if len(cands) == 1 else None


def check(rep, clocks):
    fmax = rep.get("fmax", {})
    util = rep.get("utilization", {})
    problems, lines = [], []
    for name, target in clocks:
        key = find_clock(fmax, name)
        if key is None:
            problems.append(f"clock {name}: not in the report (clocks there: "
                            f"{', '.join(sorted(fmax)) or 'none'}); is it constrained?")
            continue
        ach = fmax[key]["achieved"]
        con = fmax[key]["constraint"]
        ok = ach >= target and ach >= con
        lines.append(f"  {name:<10} Fmax {ach:7.2f} MHz   target {target:7.3f} MHz   "
                     f"constraint {con:7.3f} MHz   slack {ach - max(target, con):+7.2f} MHz   "
                     f"{'PASS' if ok else 'FAIL'}")
        if abs(con - target) > CONSTRAINT_TOL * target:
            problems.append(f"clock {name}: constrained to {con:.3f} MHz, expected "
                            f"{target:.3f} MHz (check the PLL settings and the pcf)")
        if not ok:
            problems.append(f"clock {name}: Fmax {ach:.2f} MHz misses the target "
                            f"{max(target, con):.3f} MHz")
    for cell, u in sorted(util.items()):
        if u["used"] > u["available"]:
            problems.append(f"{cell}: {u['used']} used, only {u['available']} available")
    return problems, lines


def util_lines(util, io_pins=0):
    out = []
    for cell, key, desc in RESOURCES:
        u = dict(util.get(cell, {"used": 0, "available": 0}))
        if cell == "SB_IO" and io_pins:
            u["available"] = io_pins
            desc = "I/O pins"
        pct = 100.0 * u["used"] / u["available"] if u["available"] else 0.0
        out.append((cell, key, desc, u["used"], u["available"], pct))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["check", "tsv"])
    ap.add_argument("report")
    ap.add_argument("--clock", type=parse_clock, action="append", default=[], required=True)
    ap.add_argument("--log")
    ap.add_argument("--summary")
    ap.add_argument("--board", default="board")
    ap.add_argument("--io-pins", type=int, default=0,
                    help="user I/O pins the package bonds (SG48: 39); I/O use is shown against it")
    a = ap.parse_args()

    rep = load(a.report, a.log)
    problems, lines = check(rep, a.clock)
    util = rep.get("utilization", {})

    if a.mode == "tsv":
        for name, target in a.clock:
            key = find_clock(rep.get("fmax", {}), name)
            if key is None:
                continue
            ach = rep["fmax"][key]["achieved"]
            print(f"fmax_{name}\t{ach:.2f}\tMHz\t{a.board}: Fmax of {name} after place and route "
                  f"(target {target:g} MHz)")
            print(f"slack_{name}\t{ach - target:.2f}\tMHz\t{a.board}: Fmax margin of {name} over its target")
        for cell, key, desc, used, avail, pct in util_lines(util, a.io_pins):
            print(f"{key}_used\t{used}\tcount\t{a.board}: {desc} used, of {avail}")
            print(f"{key}_pct\t{pct:.1f}\t%\t{a.board}: {desc}, share of the device used")
        print(f"timing_ok\t{0 if problems else 1}\tbool\t{a.board}: 1 if all clocks meet their "
              f"targets and the design fits")
        return

    out = ["place and route summary:"]
    out += lines
    for cell, key, desc, used, avail, pct in util_lines(util, a.io_pins):
        out.append(f"  {cell:<15} {used:5d} / {avail:5d}  {pct:5.1f} %")
    text = "\n".join(out)
    print(text)
    if a.summary:
        with open(a.summary, "w") as f:
            f.write(text + "\n")
    if problems:
        for p in problems:
            print(f"nextpnr_report: FAIL: {p}", file=sys.stderr)
        sys.exit(1)
    print("nextpnr_report: all clocks meet their targets; the design fits")


if __name__ == "__main__":
    main()
