#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_simvid.py SIM FW_IMG OUTDIR CASE - whole-board video input tests (tests/simvid).

modes:  four sources (640x480@60, 1024x768@60, NTSC TV csync interlaced, 800x600 XOR csync);
        the firmware's PORT_VIDEO answer for every port (present, interlace, polarities,
        composite sync, lines per frame, line and frame/field rate within 0.5 %, mode name)
        and a clean output (0 malformed lines).
switch: select=P between ports (separate sync, TV csync interlaced, XOR csync), a glitch on
        the shown port, unplug/plug of the shown port (falls back to the internal picture):
        0 malformed lines throughout, frames keep coming, every source change counted,
        every PORT_SELECT acknowledged, the output ends on the last selected port.
capture: port 0 (selected after reset) NTSC, interlaced: vidcap captures its fields (262 /
        263 lines) with 0 malformed frames and says the output is interlaced (fails on the
        old vidcap, which counted every field after the first as "geometry changed").
"""
import json
import os
import subprocess
import sys
import time

XOR800 = "custom:40000000:800,40,128,88:600,1,4,23:+,+:csync=xor"

# port: (mode option, expected name, lines/frame, interlaced, hpol, vpol, csync, hfreq, vfreq Hz)
MODES = {
    0: ("640x480@60", "640x480@60", 525, False, "-", "-", False, 31469, 59.94),
    1: ("1024x768@60", "1024x768@60", 806, False, "-", "-", False, 48363, 60.00),
    2: ("ntsc", "ntsc", 525, True, "-", "-", True, 15734, 59.94),
    3: (XOR800, "800x600@60", 628, False, "+", "+", True, 37879, 60.32),
}

fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


def run(sim, fw, out, args, timeout=600):
    os.makedirs(out, exist_ok=True)
    status = os.path.join(out, "status.json")
    if os.path.exists(status):
        os.remove(status)
    cmd = [sim, "--flash", os.path.join(out, "flash.bin"), "--firmware", fw, "--quiet",
           "--uart-log", os.path.join(out, "uart.log"), "--status-json", status] + args
    print("$ " + " ".join(cmd))
    t0 = time.time()
    p = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, timeout=timeout)
    with open(os.path.join(out, "stderr.log"), "w") as f:
        f.write(p.stderr)
    print("".join("  | " + l + "\n" for l in p.stderr.splitlines()[-12:]), end="")
    print("  wall %.1f s" % (time.time() - t0))
    check(p.returncode == 0, "simulator exit status 0 (got %d)" % p.returncode)
    with open(status) as f:
        return json.load(f)


def near(v, want, tol=0.005):
    return v is not None and abs(v - want) <= tol * want


def case_modes(sim, fw, out):
    args = ["--max-ms", "300"]
    for p, m in MODES.items():
        args += ["--port", "%d=%s" % (p, m[0])]
    st = run(sim, fw, out, args)
    check(st.get("video_inputs") is True, "model has video inputs")
    o = st["output"]
    check(o["malformed_lines"] == 0, "output: 0 malformed lines (%d)" % o["malformed_lines"])
    check(o["frames"] >= 10, "output: frames keep coming (%d)" % o["frames"])
    for p, (opt, name, lines, il, hp, vp, cs, hf, vf) in MODES.items():
        j = st["ports"][p]
        tag = "port %d (%s)" % (p, name)
        check(j["source_plugged"] is True, tag + ": source plugged")
        check(j["fw_reply"] == "ok", tag + ": PORT_VIDEO answered ok (%s)" % j["fw_reply"])
        if j["fw_reply"] != "ok":
            continue
        check(j["present"] is True and j["stable"] is True,
              tag + ": present %s stable %s" % (j["present"], j["stable"]))
        check(j["interlaced"] is il, tag + ": interlaced %s" % j["interlaced"])
        check(j["csync"] is cs, tag + ": csync %s" % j["csync"])
        check(j["hpol"] == hp and j["vpol"] == vp,
              tag + ": polarity %s/%s, want %s/%s" % (j["hpol"], j["vpol"], hp, vp))
        check(j["lines_per_frame"] == lines,
              tag + ": %s lines per frame, want %d" % (j["lines_per_frame"], lines))
        check(near(j["hfreq_hz"], hf), tag + ": line rate %s Hz, want %d" % (j["hfreq_hz"], hf))
        check(near(j["vfreq_mhz"], vf * 1000),
              tag + ": frame/field rate %s mHz, want %.0f" % (j["vfreq_mhz"], vf * 1000))
        check(j["mode"] == name, tag + ": mode '%s' (firmware, PORT_VIDEO), want '%s'" %
              (j["mode"], name))


def case_switch(sim, fw, out):
    ports = {0: "640x480@60", 1: "ntsc", 2: XOR800, 3: "1024x768@60"}
    # output frames (any source) at which things happen; boot takes ~6 internal frames
    events = ["8:select=0", "14:select=1", "20:select=2", "26:glitch=2", "32:select=3",
              "38:unplug=3", "44:plug=3"]
    end = 50
    # ~1.1 s of simulated time when every switch works; a stalled output fails at 1.5 s
    args = ["--max-ms", "1500", "--output-frames", str(end)]
    for p, m in ports.items():
        args += ["--port", "%d=%s" % (p, m)]
    for e in events:
        args += ["--at", e]
    st = run(sim, fw, out, args)
    o = st["output"]
    check(st.get("video_inputs") is True, "model has video inputs")
    check(st["exit_reason"] == "output-frames",
          "all %d output frames came (exit %s, %d frames)" % (end, st["exit_reason"], o["frames"]))
    check(o["malformed_lines"] == 0, "0 malformed lines (%d; %s)" %
          (o["malformed_lines"], "; ".join(o["errors"][:3])))
    check(o["selects_sent"] == 4 and o["selects_ok"] == 4,
          "4 PORT_SELECT sent and acknowledged (%d / %d)" % (o["selects_sent"], o["selects_ok"]))
    # internal -> 0 -> 1 -> 2 -> (glitch: maybe internal and back) -> 3 -> internal -> 3
    check(o["source_changes"] >= 6, "source changes counted (%d, want >= 6)" % o["source_changes"])
    check(o["blank_lines"] > 0, "blank gaps counted (%d lines)" % o["blank_lines"])
    check(o["source"] == "port 3", "the output ends on port 3 (%s)" % o["source"])
    with open(os.path.join(out, "stderr.log")) as f:
        log = f.read()
    for e in events:
        check(("output frame" in log and e in log), "event %s fired" % e)


def case_capture(sim, fw, out):
    # the firmware boots in ~170 ms, the matrix shows port 0 from ~200 ms: 3 fields by 270
    st = run(sim, fw, out, ["--max-ms", "270", "--port", "0=ntsc", "--no-port-query",
                            "--timeline", os.path.join(out, "timeline.txt")])
    o = st["output"]
    v = st["video"]
    check(o["source"] == "port 0" and o["malformed_lines"] == 0,
          "the output shows port 0, 0 malformed lines (%s, %d)" % (o["source"],
                                                                   o["malformed_lines"]))
    check(v["active_pixels"] == 720 and v["active_lines"] == 240 and
          v["lines_per_frame"] in (262, 263),
          "vidcap follows NTSC fields (%dx%d in %d lines)" % (
              v["active_pixels"], v["active_lines"], v["lines_per_frame"]))
    with open(os.path.join(out, "stderr.log")) as f:
        log = f.read()
    fields = log.count("vidcap: frame")
    # 3 internal frames before the boot blanks the output, then >= 2 NTSC fields (the old
    # vidcap called the second one malformed)
    check(st["frames"] >= 5, "vidcap captured frames/fields (%d, want >= 5: 3 internal "
          "frames, then NTSC fields)" % st["frames"])
    check(st["malformed_frames"] == 0 and fields == 0,
          "vidcap: 0 malformed frames (%d)" % st["malformed_frames"])
    check(v.get("interlaced") is True, "vidcap: the output is interlaced (%s)" %
          v.get("interlaced"))


def main():
    sim, fw, out, case = sys.argv[1:5]
    {"modes": case_modes, "switch": case_switch, "capture": case_capture}[case](sim, fw, out)
    if fails:
        print("%d check(s) FAILED" % len(fails))
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
