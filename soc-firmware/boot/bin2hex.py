#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bin2hex.py --words N in.bin out.hex: raw little-endian binary -> $readmemh file with exactly
N lines of 8 lowercase hex digits (one 32-bit word each), zero padded. Fails if the binary
does not fit in N words."""
import argparse
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, required=True)
    ap.add_argument("inp")
    ap.add_argument("out")
    a = ap.parse_args()
    data = open(a.inp, "rb").read()
    cap = a.words * 4
    if len(data) > cap:
        sys.exit(f"bin2hex: {a.inp} is {len(data)} bytes, the ROM holds {cap} "
                 f"({len(data) - cap} over)")
    data += bytes(cap - len(data))
    with open(a.out, "w") as f:
        for i in range(0, cap, 4):
            f.write("%08x\n" % int.from_bytes(data[i:i + 4], "little"))
    print(f"bin2hex: {a.out}: {len(open(a.inp, 'rb').read())} of {cap} bytes used")


if __name__ == "__main__":
    main()
