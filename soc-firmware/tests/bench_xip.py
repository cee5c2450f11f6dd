#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench_xip.py GOOD.LOG BOOTFLASH.bin FIRMWARE-XIP.img: bench rows of the HX8K
execute-in-place build from test-fw-xip's run log (tb_xip on the real SoC) and the images.
Rows: key<TAB>value<TAB>unit<TAB>description. Exits 1 if a figure is missing from the log."""
import os
import re
import sys

log_path, boot_bin, img = sys.argv[1:4]
log = open(log_path).read()

PATTERNS = [
    ("xip_boot_crc_cycles", r"boot: copy \d+ cycles, crc (\d+) cycles", "cycles",
     "boot loader in flash: CRC-32 of the XIP payload (loop run from RAM)"),
    ("xip_fw_entry_cycles", r"firmware entered at cycle (\d+)", "cycles",
     "reset to the first firmware instruction fetched in place"),
    ("xip_osd_ready_cycles", r"osd: ready at cycle (\d+)", "cycles",
     "reset to the firmware's 'osd: ready' (mcycle)"),
    ("xip_stack_peak_fw", r"firmware stack peak (\d+) bytes", "bytes",
     "peak stack of the XIP firmware (start-up, main loop, 5 host commands)"),
    ("xip_stack_free", r"\((?:reserve \d+, )?(\d+) free above __bss_end\)", "bytes",
     "4 KiB RAM left between .bss and the top of RAM"),
    ("xip_stack_peak_boot", r"boot loader stack peak (\d+) bytes", "bytes",
     "peak stack of the boot loader (CRC table 1 KiB + RAM code)"),
]
missing = 0
for key, pat, unit, desc in PATTERNS:
    m = re.search(pat, log)
    if not m:
        print(f"bench_xip: '{pat}' not in {log_path}", file=sys.stderr)
        missing += 1
        continue
    print(f"{key}\t{m.group(1)}\t{unit}\thx8k XIP: {desc}")
print(f"xip_bootflash_bytes\t{os.path.getsize(boot_bin)}\tbytes\thx8k XIP: boot loader image (flash 0xF0000)")
print(f"xip_image_bytes\t{os.path.getsize(img)}\tbytes\thx8k XIP: firmware-xip.img (header + payload)")
sys.exit(1 if missing else 0)
