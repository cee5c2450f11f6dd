#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_bootrom_hex.py bootrom.hex bootrom.bin: the $readmemh file has exactly 512 lines of
8 lowercase hex digits, matches the binary word for word (little-endian, zero padded), the
binary fits in 2 KiB, and word 0 is a real instruction (the reset vector)."""
import re
import sys

WORDS = 512


def main():
    hexpath, binpath = sys.argv[1:3]
    errors = []
    text = open(hexpath).read()
    lines = text.split("\n")
    if not text.endswith("\n"):
        errors.append("last line has no newline")
    lines = lines[:-1] if text.endswith("\n") else lines
    if len(lines) != WORDS:
        errors.append(f"{len(lines)} lines, want {WORDS}")
    for i, ln in enumerate(lines):
        if not re.fullmatch(r"[0-9a-f]{8}", ln):
            errors.append(f"line {i + 1}: {ln!r} is not 8 lowercase hex digits")
            break
    data = open(binpath, "rb").read()
    if len(data) > WORDS * 4:
        errors.append(f"boot ROM is {len(data)} bytes, over {WORDS * 4}")
    padded = data + bytes(WORDS * 4 - len(data)) if len(data) <= WORDS * 4 else data
    for i, ln in enumerate(lines[:WORDS]):
        want = int.from_bytes(padded[4 * i:4 * i + 4], "little")
        if re.fullmatch(r"[0-9a-f]{8}", ln) and int(ln, 16) != want:
            errors.append(f"word {i}: hex {ln} but binary {want:08x}")
            break
    if lines and lines[0] in ("00000000", "ffffffff"):
        errors.append("reset vector word 0 is empty")
    # 0x13 low 7 bits = OP-IMM, 0x37 LUI, 0x17 AUIPC: start.S begins with li/la
    if lines and re.fullmatch(r"[0-9a-f]{8}", lines[0]) and int(lines[0], 16) & 3 != 3:
        errors.append("word 0 is not a 32-bit RISC-V instruction")
    for e in errors:
        print("bootrom.hex:", e)
    if errors:
        sys.exit(1)
    print(f"bootrom.hex: {WORDS} words ok, {len(data)} of {WORDS * 4} bytes used "
          f"({WORDS * 4 - len(data)} free)")


if __name__ == "__main__":
    main()
