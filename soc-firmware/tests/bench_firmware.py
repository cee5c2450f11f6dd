#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench_firmware.py --size SIZE --nm NM firmware.elf firmware.img bootrom.bin: code space
budget as TSV lines key, value, unit, description (build/bench/firmware.tsv)."""
import argparse
import os
import re
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", required=True)
    ap.add_argument("--nm", required=True)
    ap.add_argument("--regs", required=True, help="build/gen/kvmosd_regs.h")
    ap.add_argument("elf")
    ap.add_argument("img")
    ap.add_argument("bootbin")
    a = ap.parse_args()
    regs = {}
    for ln in open(a.regs):
        m = re.match(r"#define (KVM_\w+)\s+(0x[0-9A-Fa-f]+)u", ln)
        if m:
            regs[m.group(1)] = int(m.group(2), 16)
    sec = {}
    out = subprocess.run([a.size, "-A", a.elf], check=True, capture_output=True,
                         text=True).stdout
    for ln in out.splitlines():
        p = ln.split()
        if len(p) == 3 and p[0].startswith("."):
            sec[p[0]] = int(p[1])
    syms = {}
    out = subprocess.run([a.nm, a.elf], check=True, capture_output=True, text=True).stdout
    for ln in out.splitlines():
        p = ln.split()
        if len(p) == 3:
            syms[p[2]] = int(p[0], 16)
    text = sec.get(".text", 0)
    rodata = sec.get(".rodata", 0)
    data = sec.get(".data", 0) + sec.get(".tdata", 0)
    bss = sec.get(".bss", 0) + sec.get(".tbss", 0)
    ram = regs["KVM_RAM_SIZE"]
    stack = syms["__stack_top"] - syms["__stack_limit"]
    used = text + rodata + data + bss
    img = os.path.getsize(a.img)
    slot = regs["KVM_FLASH_FW_SLOT_SIZE"]
    boot = os.path.getsize(a.bootbin)
    rom = regs["KVM_BOOTROM_SIZE"]
    font = 4096
    rows = [
        ("fw_text", text, "bytes", "firmware .text (code)"),
        ("fw_rodata", rodata, "bytes", f"firmware .rodata (includes the {font}-byte font)"),
        ("fw_data", data, "bytes", "firmware .data + .tdata"),
        ("fw_bss", bss, "bytes", "firmware .bss + .tbss"),
        ("fw_stack_reserve", stack, "bytes", "stack reserved at the top of RAM (link.ld)"),
        ("fw_ram_used", used, "bytes", f"text+rodata+data+bss of {ram} bytes RAM"),
        ("fw_ram_used_pct", round(100.0 * used / ram, 1), "%", "RAM used by the image + bss"),
        ("fw_ram_free", ram - used - stack, "bytes", "RAM left after image, bss and stack"),
        ("fw_image_bytes", img, "bytes", "firmware.img (header + payload)"),
        ("fw_slot_used_pct", round(100.0 * img / slot, 1), "%",
         f"firmware.img of the {slot // 1024} KiB flash slot"),
        ("bootrom_bytes", boot, "bytes", f"boot ROM code + constants of {rom}"),
        ("bootrom_used_pct", round(100.0 * boot / rom, 1), "%", "boot ROM space used"),
        ("bootrom_free", rom - boot, "bytes", "boot ROM bytes left"),
    ]
    for k, v, u, d in rows:
        print(f"{k}\t{v}\t{u}\t{d}")


if __name__ == "__main__":
    main()
