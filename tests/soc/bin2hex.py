#!/usr/bin/env python3
"""bin2hex.py IN.bin OUT.hex WORDS: raw little-endian binary -> $readmemh file of WORDS
lines of 8 hex digits, zero padded. Fails if the binary does not fit."""
import sys

data = open(sys.argv[1], "rb").read()
words = int(sys.argv[3])
if len(data) > 4 * words:
    sys.exit(f"bin2hex: {sys.argv[1]} is {len(data)} bytes, more than {4 * words}")
data += b"\0" * (4 * words - len(data))
with open(sys.argv[2], "w") as f:
    for i in range(words):
        f.write(f"{int.from_bytes(data[4 * i:4 * i + 4], 'little'):08x}\n")
