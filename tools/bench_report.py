#!/usr/bin/env python3
"""Merge BUILD/bench/NAME.tsv files into a table on stdout and BUILD/bench.json.

usage: bench_report.py [--build BUILD] NAME...   (BUILD: the build directory, default build)
"""
import json
import os
import sys

args = sys.argv[1:]
build = "build"
if len(args) >= 2 and args[0] == "--build":
    build, args = args[1], args[2:]
rows, out = [], {}
for name in args:
    path = f"{build}/bench/{name}.tsv"
    if not os.path.exists(path):
        rows.append((name, "(missing)", "", "", "bench did not produce results"))
        continue
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        key, val = parts[0], parts[1]
        unit = parts[2] if len(parts) > 2 else ""
        desc = parts[3] if len(parts) > 3 else ""
        try:
            num = float(val)
            val_json = int(num) if num.is_integer() and "." not in val else num
        except ValueError:
            val_json = val
        out.setdefault(name, {})[key] = {"value": val_json, "unit": unit, "desc": desc}
        rows.append((name, key, val, unit, desc))
w = [max(len(str(r[i])) for r in rows + [("bench", "key", "value", "unit", "")]) for i in range(4)]
print(f"{'bench':<{w[0]}}  {'key':<{w[1]}}  {'value':>{w[2]}}  {'unit':<{w[3]}}  description")
for r in rows:
    print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]:<{w[3]}}  {r[4]}")
with open(f"{build}/bench.json", "w") as f:
    json.dump(out, f, indent=2, sort_keys=True)
print(f"wrote {build}/bench.json")
