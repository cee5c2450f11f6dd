#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_fw_elf.py --nm NM --readelf READELF firmware.elf bootrom.elf: the firmware starts at
RAM base with _start, has its trap vector 4-byte aligned, leaves the stack reserve free, has
no loadable bytes outside RAM; the boot ROM starts at 0 and is only code + constants."""
import argparse
import re
import subprocess
import sys

def regs(path):
    vals = {}
    for ln in open(path):
        m = re.match(r"#define (KVM_\w+)\s+(0x[0-9A-Fa-f]+)u", ln)
        if m:
            vals[m.group(1)] = int(m.group(2), 16)
    return vals


def symbols(nm, elf):
    out = subprocess.run([nm, elf], check=True, capture_output=True, text=True).stdout
    syms = {}
    for ln in out.splitlines():
        p = ln.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    return syms


def load_segments(readelf, elf):
    out = subprocess.run([readelf, "-lW", elf], check=True, capture_output=True,
                         text=True).stdout
    segs = []
    for ln in out.splitlines():
        p = ln.split()
        if p and p[0] == "LOAD":
            # Type Offset VirtAddr PhysAddr FileSiz MemSiz Flg Align
            segs.append((int(p[2], 16), int(p[3], 16), int(p[4], 16), int(p[5], 16)))
    return segs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nm", required=True)
    ap.add_argument("--regs", required=True, help="build/gen/kvmosd_regs.h")
    ap.add_argument("--readelf", required=True)
    ap.add_argument("fw")
    ap.add_argument("boot")
    a = ap.parse_args()
    r = regs(a.regs)
    ram0, ram1 = r["KVM_RAM_BASE"], r["KVM_RAM_BASE"] + r["KVM_RAM_SIZE"]
    errs = []
    s = symbols(a.nm, a.fw)
    for need in ("_start", "trap_entry", "trap_handler", "main", "__stack_top",
                 "__bss_start", "__bss_end", "__stack_limit", "kvmosd_default_font",
                 "hostlink_rx_byte"):
        if need not in s:
            errs.append(f"firmware: symbol {need} missing")
    if not errs:
        if s["_start"] != ram0:
            errs.append(f"firmware: _start at {s['_start']:#x}, not RAM base {ram0:#x}")
        if s["trap_entry"] & 3:
            errs.append("firmware: trap_entry not 4-byte aligned (mtvec direct mode)")
        if s["__stack_top"] != ram1:
            errs.append("firmware: stack top is not the top of RAM")
        if s["__bss_end"] > s["__stack_limit"]:
            errs.append("firmware: bss runs into the stack reserve")
        print(f"firmware: _start {s['_start']:#x}, bss end {s['__bss_end']:#x}, "
              f"stack {s['__stack_limit']:#x}..{s['__stack_top']:#x}")
    for virt, phys, filesz, memsz in load_segments(a.readelf, a.fw):
        if filesz and not (ram0 <= phys and phys + filesz <= ram1):
            errs.append(f"firmware: loadable bytes at {phys:#x} outside RAM")
        if not (ram0 <= virt and virt + memsz <= ram1):
            errs.append(f"firmware: segment {virt:#x}+{memsz:#x} outside RAM")
    b = symbols(a.nm, a.boot)
    if b.get("_start") != r["KVM_BOOTROM_BASE"]:
        errs.append("bootrom: _start is not the reset vector")
    for virt, phys, filesz, memsz in load_segments(a.readelf, a.boot):
        if virt + memsz > r["KVM_BOOTROM_BASE"] + r["KVM_BOOTROM_SIZE"]:
            errs.append(f"bootrom: segment {virt:#x}+{memsz:#x} past the ROM")
    for e in errs:
        print(e)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
