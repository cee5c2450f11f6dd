#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""video_latency.py SIM FW_IMG OUTDIR TSV [--reuse] - bench-video-latency (docs/simulator.md).

The whole simulated board (real core, real firmware), two runs of kvmosd-sim side by side,
each with --timeline (UART lines, --at events and output locks stamped with the checker's
output frame count and the simulated time):

plug:   ports 0 = 640x480@60, 1 = 1024x768@60, 2 = ntsc (TV csync, interlaced), all
        unplugged at once (--at 0:unplug=P). After the boot, port 0 (selected after reset)
        is plugged; then port 1 is selected (NO SIGNAL) and plugged, then port 2. For each:
        plug -> the matrix leaves the fallback (hardware: the meter's ok, then the end of the
        fallback frame in progress), plug -> the port's picture on the output (checker lock), plug -> the
        firmware's first "video: port N ..." line, plug -> "video: port N MODE" (the mode
        name; the firmware polls the meters every 100 ms).
select: the same three sources plugged from the start; six --at F:select=P (a PORT_SELECT
        through the real host link) covering every ordered pair of the three modes; select ->
        the new port's picture on the output (checker lock on that port).

Times are simulated time from the --at event to the timeline entry. Frames are that time in
frame periods of the source concerned (the plugged one, the newly selected one; a field for
ntsc), from its rate in the status JSON: the checker's output.frames (the timeline's first
column) do not advance while the output is blank, as it is for a few tens of ms in every
switch, so they would undercount. Every figure comes from the timelines of this run; the
bench fails if one is missing or the output had malformed lines. --reuse: do not simulate,
recompute the figures from the files the last run left in OUTDIR.
"""
import json
import os
import re
import subprocess
import sys
import time

MODES = {0: ("640x480@60", "640x480"), 1: ("1024x768@60", "1024x768"), 2: ("ntsc", "ntsc")}
PLUG_EVENTS = ["0:unplug=0", "0:unplug=1", "0:unplug=2",
               "16:plug=0", "30:select=1", "34:plug=1", "50:select=2", "54:plug=2"]
PLUG_END = 68
# 0->1, 1->2, 2->0, 0->2, 2->1, 1->0 (port 0 is shown after the boot)
SELECTS = [1, 2, 0, 2, 1, 0]
SELECT_FIRST, SELECT_EVERY = 20, 6
SELECT_END = SELECT_FIRST + SELECT_EVERY * len(SELECTS)

fails = []


def fail(msg):
    print("FAIL " + msg)
    fails.append(msg)


def start(sim, fw, out, args):
    os.makedirs(out, exist_ok=True)
    for f in ("status.json", "timeline.txt"):
        if os.path.exists(os.path.join(out, f)):
            os.remove(os.path.join(out, f))
    cmd = ["nice", sim, "--flash", os.path.join(out, "flash.bin"), "--firmware", fw,
           "--quiet", "--no-port-query", "--status-json", os.path.join(out, "status.json"),
           "--timeline", os.path.join(out, "timeline.txt")]
    for p, (m, _) in MODES.items():
        cmd += ["--port", "%d=%s" % (p, m)]
    cmd += args
    print("$ " + " ".join(cmd))
    err = open(os.path.join(out, "stderr.log"), "w")
    return subprocess.Popen(cmd, stderr=err), err


def finish(name, out, proc, err):
    rc = proc.wait() if proc else 0
    if err:
        err.close()
    with open(os.path.join(out, "stderr.log")) as f:
        tail = f.read().splitlines()[-3:]
    print("".join("  %s| %s\n" % (name, l) for l in tail), end="")
    if rc != 0:
        fail("%s: simulator exit status %d" % (name, rc))
        return None, []
    with open(os.path.join(out, "status.json")) as f:
        st = json.load(f)
    o = st["output"]
    if o["malformed_lines"]:
        fail("%s: %d malformed output lines (%s)" % (name, o["malformed_lines"],
                                                     "; ".join(o["errors"][:3])))
    tl = []
    with open(os.path.join(out, "timeline.txt")) as f:
        for line in f:
            parts = line.rstrip("\n").split(" ", 3)
            if len(parts) >= 3:
                tl.append((int(parts[0]), float(parts[1]), parts[2],
                           parts[3] if len(parts) > 3 else ""))
    return st, tl


def find(tl, after, kind, pred):
    """first timeline entry of kind after index `after` whose text satisfies pred"""
    for i in range(after + 1, len(tl)):
        if tl[i][2] == kind and pred(tl[i][3]):
            return i
    return None


def event(tl, text):
    return find(tl, -1, "at", lambda t: t == text)


def fw_line(port, name=None):
    rx = re.compile(r"video: port %d (.+)$" % (port + 1))

    def pred(t):
        m = rx.search(t)
        return m is not None and m.group(1) not in ("shown",) and \
            (name is None or m.group(1) == name)
    return pred


def periods(st, p):
    """ms -> frame periods of port p's source (field periods when interlaced)"""
    mhz = st["ports"][p]["source_vfreq_mhz"]
    return lambda ms: ms * mhz / 1e6


def plug_figures(st, tl):
    rows, table = [], []
    for p, (mode, key) in MODES.items():
        fr = periods(st, p)
        ev = event(tl, next(e for e in PLUG_EVENTS if e.endswith(":plug=%d" % p)))
        if ev is None:
            fail("plug port %d: event did not fire" % p)
            continue
        t0 = tl[ev][1]
        hw = find(tl, ev, "unlock", lambda t: True)
        shown = find(tl, ev, "lock", lambda t: t == "port %d" % p)
        first = find(tl, ev, "uart", fw_line(p))
        named = find(tl, ev, "uart", fw_line(p, mode))
        if None in (hw, shown, first, named):
            fail("plug port %d (%s): missing %s" % (p, mode, ", ".join(
                n for n, v in (("fallback left", hw), ("lock", shown), ("firmware line", first),
                               ("mode name", named)) if v is None)))
            continue
        d = {n: (fr(tl[i][1] - t0), tl[i][1] - t0) for n, i in
             (("hw", hw), ("shown", shown), ("first", first), ("named", named))}
        first_text = re.search(r"video: port \d+ (.+)$", tl[first][3]).group(1)
        table.append((mode, d, first_text))
        desc = "plug-in of a %s source on the selected port (firmware booted, output on the " \
            "fallback)" % mode
        rows += [
            ("plug_%s_named_frames" % key, "%.1f" % d["named"][0], "frames",
             desc + " -> firmware logs 'video: port %d %s' (frame periods of the source)" %
             (p + 1, mode)),
            ("plug_%s_named_ms" % key, "%.1f" % d["named"][1], "ms",
             desc + " -> firmware names the mode (simulated time)"),
            ("plug_%s_fw_first_ms" % key, "%.1f" % d["first"][1], "ms",
             desc + " -> the firmware's first line about the port ('%s')" % first_text),
            ("plug_%s_hw_ms" % key, "%.1f" % d["hw"][1], "ms",
             desc + " -> the matrix leaves the fallback (meter ok, then the end of the "
             "fallback frame in progress; hardware only)"),
            ("plug_%s_shown_frames" % key, "%.1f" % d["shown"][0], "frames",
             desc + " -> the port's picture on the output (frame periods of the source)"),
            ("plug_%s_shown_ms" % key, "%.1f" % d["shown"][1], "ms",
             desc + " -> the port's picture on the output (simulated time)"),
        ]
    print()
    print("plug-in (from --at F:plug=P)      fallback left   on screen        first fw line"
          "            named")
    for mode, d, first_text in table:
        print("  %-12s                     %6.1f ms  %5.1f fr %6.1f ms   %6.1f ms %-12s"
              "  %5.1f fr %6.1f ms" % (mode, d["hw"][1], d["shown"][0], d["shown"][1],
                                     d["first"][1], "(" + first_text + ")", d["named"][0],
                                     d["named"][1]))
    return rows


def select_figures(st, tl):
    res = []
    cur = 0
    for k, p in enumerate(SELECTS):
        text = "%d:select=%d" % (SELECT_FIRST + SELECT_EVERY * k, p)
        ev = event(tl, text)
        if ev is None:
            fail("select: %s did not fire" % text)
            cur = p
            continue
        lk = find(tl, ev, "lock", lambda t: t == "port %d" % p)
        if lk is None:
            fail("select: %s: port %d never on the output" % (text, p))
            cur = p
            continue
        ms = tl[lk][1] - tl[ev][1]
        res.append((cur, p, periods(st, p)(ms), ms))
        cur = p
    print()
    print("select (from --at F:select=P)  frames      ms")
    for a, b, fr, ms in res:
        print("  %-11s -> %-11s  %5.1f  %6.1f" % (MODES[a][0], MODES[b][0], fr, ms))
    if not res:
        return []
    n = len(res)
    fr = [r[2] for r in res]
    ms = [r[3] for r in res]
    print("  average %5.2f frames %6.1f ms, max %.1f frames %6.1f ms over %d switches" %
          (sum(fr) / n, sum(ms) / n, max(fr), max(ms), n))
    desc = "PORT_SELECT (host link) -> the new port's picture on the output, %d switches " \
        "between 640x480@60, 1024x768@60 and ntsc" % n
    return [
        ("select_switches", n, "count", "switches measured (every ordered pair of the 3 modes)"),
        ("select_avg_frames", "%.2f" % (sum(fr) / n), "frames",
         desc + ": average, frame periods of the new source"),
        ("select_max_frames", "%.1f" % max(fr), "frames",
         desc + ": max, frame periods of the new source"),
        ("select_avg_ms", "%.1f" % (sum(ms) / n), "ms", desc + ": average, simulated time"),
        ("select_max_ms", "%.1f" % max(ms), "ms", desc + ": max, simulated time"),
    ]


def main():
    sim, fw, out, tsv = sys.argv[1:5]
    reuse = sys.argv[5:] == ["--reuse"]
    t0 = time.time()
    args_plug = ["--output-frames", str(PLUG_END), "--max-ms", "1800"]
    for e in PLUG_EVENTS:
        args_plug += ["--at", e]
    args_sel = ["--output-frames", str(SELECT_END), "--max-ms", "2000"]
    for k, p in enumerate(SELECTS):
        args_sel += ["--at", "%d:select=%d" % (SELECT_FIRST + SELECT_EVERY * k, p)]
    runs = [("plug", os.path.join(out, "plug"), args_plug),
            ("select", os.path.join(out, "select"), args_sel)]
    if reuse:
        procs = [(name, o, (None, None)) for name, o, a in runs]
    else:
        procs = [(name, o, start(sim, fw, o, a)) for name, o, a in runs]
    results = {name: finish(name, o, pr, err) for name, o, (pr, err) in procs}
    wall = time.time() - t0
    rows = []
    if results["plug"][0] is not None:
        rows += plug_figures(results["plug"][0], results["plug"][1])
    if results["select"][0] is not None:
        rows += select_figures(results["select"][0], results["select"][1])
        st = results["select"][0]
        if st["output"]["selects_ok"] != len(SELECTS):
            fail("select: %d of %d PORT_SELECT acknowledged" % (st["output"]["selects_ok"],
                                                                 len(SELECTS)))
    if not reuse:
        rows.append(("wall_s", "%.0f" % wall, "s", "wall time of the two runs (side by side)"))
    print("\nwall %.0f s" % wall)
    if fails:
        print("%d problem(s): no figures written" % len(fails))
        sys.exit(1)
    with open(tsv + ".tmp", "w") as f:
        for key, val, unit, desc in rows:
            f.write("%s\t%s\t%s\t%s\n" % (key, val, unit, desc))
    os.replace(tsv + ".tmp", tsv)


if __name__ == "__main__":
    main()
