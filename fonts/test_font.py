#!/usr/bin/env python3
"""Tests for psf2kvm, with a PSF reader of its own (independent of the C converter).

  test_font.py glyphs   PSF2KVM FONT_BIN SRC.psf.gz WORKDIR
  test_font.py errors   PSF2KVM SRC.psf.gz CONSOLEFONTS_DIR WORKDIR
  test_font.py coverage PSF2KVM SRC.psf.gz FALLBACK.psf.gz WORKDIR
Exits 1 on the first failure.
"""
import gzip
import os
import struct
import subprocess
import sys

PSF2_MAGIC = b"\x72\xb5\x4a\x86"
PSF1_MAGIC = b"\x36\x04"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def read_psf(path):
    """Returns (width, height, glyphs, {codepoint: glyph index}, raw header info)."""
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    umap = {}
    if data[:4] == PSF2_MAGIC:
        _, hdrsize, flags, n, charsize, h, w = struct.unpack_from("<7I", data, 4)
        glyphs = [data[hdrsize + i * charsize:hdrsize + (i + 1) * charsize] for i in range(n)]
        pos = hdrsize + n * charsize
        if flags & 1:
            for g in range(n):
                end = data.index(b"\xff", pos)
                entry = data[pos:end]
                pos = end + 1
                singles = entry.split(b"\xfe")[0]
                for ch in singles.decode("utf-8"):
                    umap.setdefault(ord(ch), g)
        return w, h, glyphs, umap
    if data[:2] == PSF1_MAGIC:
        mode, h = data[2], data[3]
        n = 512 if mode & 1 else 256
        glyphs = [data[4 + i * h:4 + (i + 1) * h] for i in range(n)]
        pos = 4 + n * h
        if mode & 6:
            for g in range(n):
                seq = False
                while True:
                    (v,) = struct.unpack_from("<H", data, pos)
                    pos += 2
                    if v == 0xFFFF:
                        break
                    if v == 0xFFFE:
                        seq = True
                    elif not seq:
                        umap.setdefault(v, g)
        return 8, h, glyphs, umap
    raise ValueError(f"{path}: not a PSF font")


def write_psf(path, version, glyphs, umap):
    """Writes an uncompressed PSF1 or PSF2 font with a Unicode table.

    Glyph 0 also gets the sequence U+0041 U+030A: a reader that mistook sequence
    members for single code points would then map 'A' to glyph 0.
    """
    per_glyph = {}
    for cp, g in umap.items():
        if cp < 0xFFFE:
            per_glyph.setdefault(g, []).append(cp)
    n, h = len(glyphs), len(glyphs[0])
    if version == 1:
        assert n in (256, 512)
        out = bytearray(PSF1_MAGIC + bytes([(1 if n == 512 else 0) | 2 | 4, h]))
        enc = lambda cp: struct.pack("<H", cp)
        ss, term = struct.pack("<H", 0xFFFE), struct.pack("<H", 0xFFFF)
    else:
        out = bytearray(PSF2_MAGIC + struct.pack("<7I", 0, 32, 1, n, h, h, 8))
        enc = lambda cp: chr(cp).encode("utf-8")
        ss, term = b"\xfe", b"\xff"
    for gl in glyphs:
        out += gl
    for g in range(n):
        for cp in sorted(per_glyph.get(g, [])):
            out += enc(cp)
        if g == 0:
            out += ss + enc(0x41) + enc(0x30A)
        out += term
    open(path, "wb").write(out)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def rows(b):
    return " ".join(f"{x:02x}" for x in b)


def test_glyphs(psf2kvm, font_bin, src, work):
    os.makedirs(work, exist_ok=True)
    font = open(font_bin, "rb").read()
    if len(font) != 4096:
        fail(f"{font_bin} is {len(font)} bytes, want 4096")
    w, h, glyphs, umap = read_psf(src)
    for code, cp, name in ((0x41, 0x41, "'A'"), (0xC9, 0x2554, "'\u2554'"),
                           (0xB3, 0x2502, "'\u2502'"), (0x30, 0x30, "'0'")):
        want = glyphs[umap[cp]][:16]
        got = font[code * 16:code * 16 + 16]
        if got != want:
            fail(f"CP437 0x{code:02X} {name}: converter {rows(got)} != source U+{cp:04X} {rows(want)}")
        print(f"ok  CP437 0x{code:02X} {name} matches source glyph for U+{cp:04X}")
    if font[0x41 * 16:0x42 * 16] == font[0x42 * 16:0x43 * 16]:
        fail("'A' and 'B' glyphs are identical")

    # The same glyphs and table rewritten as plain PSF1 (16-bit table) and PSF2
    # (UTF-8 table), both with a multi-code-point sequence: all convert the same.
    outs = {}
    for version in (1, 2):
        path = os.path.join(work, f"src-as-psf{version}.psf")
        write_psf(path, version, [g[:16] for g in glyphs], umap)
        out = os.path.join(work, f"from-psf{version}.font")
        rc, msg = run([psf2kvm, "--bin", out, path])
        if rc != 0:
            fail(f"psf2kvm {path} failed: {msg}")
        outs[version] = open(out, "rb").read()
    out = os.path.join(work, "from-src.font")
    rc, msg = run([psf2kvm, "--bin", out, src])
    if rc != 0:
        fail(f"psf2kvm {src} failed: {msg}")
    ref = open(out, "rb").read()
    for version, got in outs.items():
        if got != ref:
            diff = sorted({i // 16 for i in range(4096) if got[i] != ref[i]})
            fail(f"PSF{version} rewrite converts differently from {src} (codes {diff[:8]})")
    print("ok  PSF1 and PSF2 rewrites (with sequences) convert the same as the source")


def expect_error(psf2kvm, path, words, what):
    rc, msg = run([psf2kvm, "--bin", os.devnull, path])
    if rc == 0:
        fail(f"{what}: psf2kvm accepted {path}")
    if rc < 0 or rc > 125:
        fail(f"{what}: psf2kvm crashed (status {rc}): {msg}")
    if "error" not in msg or not any(w in msg for w in words):
        fail(f"{what}: unclear message (want one of {words}): {msg!r}")
    print(f"ok  {what}: exit {rc}: {msg.strip().splitlines()[-1]}")


def test_errors(psf2kvm, src, fontdir, work):
    os.makedirs(work, exist_ok=True)
    raw = gzip.open(src).read()
    cases = []
    p = os.path.join(work, "truncated.psf")
    open(p, "wb").write(raw[:1000])
    cases.append((p, ["truncated"], "truncated in the bitmaps"))
    p = os.path.join(work, "truncated-table.psf")
    open(p, "wb").write(raw[:len(raw) - 7])
    cases.append((p, ["truncated"], "truncated in the Unicode table"))
    p = os.path.join(work, "truncated-header.psf")
    open(p, "wb").write(raw[:3])
    cases.append((p, ["truncated"], "truncated PSF1 header"))
    p = os.path.join(work, "truncated-header2.psf")
    open(p, "wb").write(PSF2_MAGIC + struct.pack("<4I", 0, 32, 1, 256))
    cases.append((p, ["truncated"], "truncated PSF2 header"))
    p = os.path.join(work, "truncated2.psf")
    open(p, "wb").write(PSF2_MAGIC + struct.pack("<7I", 0, 32, 1, 256, 16, 16, 8) + raw[4:2000])
    cases.append((p, ["truncated"], "truncated PSF2 bitmaps"))
    p = os.path.join(work, "badutf8.psf")
    open(p, "wb").write(PSF2_MAGIC + struct.pack("<7I", 0, 32, 1, 256, 16, 16, 8) +
                        raw[4:4 + 4096] + b"\x41\xc3\xff" + b"\xff" * 255)
    cases.append((p, ["UTF-8"], "bad UTF-8 in the PSF2 table"))
    p = os.path.join(work, "truncated.psf.gz")
    open(p, "wb").write(open(src, "rb").read()[:600])
    cases.append((p, ["truncated", "damaged"], "truncated gzip stream"))
    p = os.path.join(work, "badmagic.psf")
    open(p, "wb").write(b"\x00\x01" + raw[2:])
    cases.append((p, ["magic"], "bad magic"))
    p = os.path.join(work, "empty.psf")
    open(p, "wb").write(b"")
    cases.append((p, ["magic"], "empty file"))
    cases.append((os.path.join(fontdir, "Uni2-VGA14.psf.gz"), ["8x16"], "8x14 font"))
    cases.append((os.path.join(fontdir, "Uni2-Terminus32x16.psf.gz"), ["8x16"], "16x32 font"))
    cases.append((os.path.join(work, "does-not-exist.psf"), ["cannot open"], "missing file"))
    for path, words, what in cases:
        expect_error(psf2kvm, path, words, what)
    rc, msg = run([psf2kvm, "--max-missing", "x", src])
    if rc == 0 or "error" not in msg:
        fail(f"bad --max-missing value accepted: {msg}")
    print("ok  bad option value rejected")


def test_coverage(psf2kvm, src, fallback, work):
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, "coverage.font")
    rc, msg = run([psf2kvm, "--max-missing-box", "0", "--bin", out, src, fallback])
    print(msg.strip())
    if rc != 0:
        fail("default font conversion failed")
    if "0 of 256 CP437 codes missing (0 of them box-drawing)" not in msg:
        fail("the default font misses CP437 codes")
    print("ok  default font: 0 missing CP437 codes, 0 missing box-drawing")
    # The primary font alone must already have every box-drawing glyph.
    rc, msg = run([psf2kvm, "--max-missing-box", "0", "--bin", out, src])
    if rc != 0 or "(0 of them box-drawing)" not in msg:
        fail(f"{src} alone misses box-drawing glyphs: {msg}")
    # --max-missing is enforced: the primary alone misses some dingbats.
    rc, msg = run([psf2kvm, "--max-missing", "0", "--bin", out, src])
    if rc == 0 or "missing" not in msg:
        fail("--max-missing 0 did not fail on a font with missing codes")
    print("ok  missing codes are reported and --max-missing fails the build")


def main():
    if len(sys.argv) < 2:
        fail(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    {"glyphs": test_glyphs, "errors": test_errors, "coverage": test_coverage}[cmd](*args)
    print("PASS")


if __name__ == "__main__":
    main()
