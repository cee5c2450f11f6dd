#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""stat_tsv.py STAT_TXT TSV: turns the output of matrix_stat.sh into bench rows
(key, value, unit, description) for `make bench` (build/bench/matrix.tsv)."""
import re
import sys

rows = []
for line in open(sys.argv[1]):
    m = re.match(r"vid_matrix N=(\d+): SB_LUT4 (\d+), FF (\d+)", line)
    if m:
        n = m.group(1)
        rows.append(("matrix_n%s_lut4" % n, m.group(2), "count", "vid_matrix N=%s: SB_LUT4 (yosys)" % n))
        rows.append(("matrix_n%s_ff" % n, m.group(3), "count", "vid_matrix N=%s: flip-flops" % n))
    m = re.match(r"(\w+) (\w+) N=(\d+): Fmax\(o_clk_pix\) ([0-9.?]+) MHz \(target (\d+)\)", line)
    if m and m.group(4) != "?":
        dev, n = m.group(1), m.group(3)
        rows.append(("matrix_%s_n%s_fmax" % (dev, n), m.group(4), "MHz",
                     "vid_matrix N=%s on %s: Fmax of the muxed pixel clock (nextpnr seed 1, "
                     "constraint %s MHz)" % (n, dev.upper(), m.group(5))))
if not rows:
    sys.exit("stat_tsv: nothing recognised in " + sys.argv[1])
with open(sys.argv[2], "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
