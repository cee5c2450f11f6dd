#!/usr/bin/env python3
"""Write the flash test pattern: 64 KiB, little-endian word at byte address a (a % 4 == 0)
is (a * 0x9E3779B1) ^ 0xA5A5A5A5 (mod 2^32). usage: mkpattern.py OUT.bin"""
import struct
import sys

with open(sys.argv[1], "wb") as f:
    f.write(b"".join(struct.pack("<I", ((a * 0x9E3779B1) ^ 0xA5A5A5A5) & 0xFFFFFFFF)
                     for a in range(0, 0x10000, 4)))
