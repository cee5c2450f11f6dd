#!/usr/bin/env python3
"""vin_ucasm.py - assembler for the shared meter engine's program (rtl/video/vin_ucode.asm;
docs/sync.md, "Shared engine").

    vin_ucasm.py PROGRAM.asm OUT.vh           write the Verilog include
    vin_ucasm.py --check PROGRAM.asm OUT.vh   exit 1 unless OUT.vh is what PROGRAM.asm gives

The include is the one place the RTL and the program agree on: the opcode, condition and
bit-source numbers (defined here), the state's word numbers and initial values, the entry
points, the constant tables and the program (an `initial` block filling the block-RAM ROM).

Instruction word, 16 bits (the word w is always in bits 8:3):
    1 v bbbbb ttttttttt          bb/bnb: branch to t if F[b] == v
    0 000 sss wwwwww ---         word ALU op s on word w: ld add sub cmp tsub decs
    0 001 - kk wwwwww kkk        incs w, k (k: the incs constant table, 5 bits)
    0 010 ss k wwwwww kkk        store to w: A, T[15:0], T[23:10], sti constant k (4 bits)
    0 011 sss wwwwww ---         immediate op s on the constant in word w (K_WORD0 up, set
                                 at configuration): ldi addi cmpi andi shr clamp
    0 100 x -- ssss bbbbb        x = 0: tst F[b]; x = 1: bw F[b], source s
    0 101 ccc ttttttttt          br, conditions 0..7
    0 110 ccc ttttttttt          br, conditions 8..15
    0 111 1 - ttttttttt          call t
    0 111 0 ------- mmmm         misc op m
"""
import re
import sys

WORD_OPS = ["ld", "add", "sub", "cmp", "tsub", "decs"]
IMM_OPS = ["ldi", "addi", "cmpi", "andi", "shr", "clamp"]
ST_OPS = ["st", "stt", "stth", "sti"]
MISC_OPS = ["nop", "ret", "next", "out", "end", "clre", "clro", "rdlo", "rdhi", "rdfl", "rdack"]
CONDS = ["al", "c", "nc", "z", "nz", "n", "ntb", "lvl",
         "ovr", "full", "evs", "ehs", "rise", "nlvl", "nn", "pdue"]
SRCS = ["0", "1", "tb", "ntb", "c", "z", "nz", "rise", "nrise"]
ROM_WORDS = 512
N_CONST = 32
K_WORD0 = 40         # the immediate constants' state words: K_WORD0 .. 63


def die(msg, ln=None):
    sys.exit("vin_ucasm: %s%s" % ("line %d: " % ln if ln else "", msg))


def parse(src):
    words, bits, params, consts, entries, inits = {}, {}, {}, {}, [], {}
    prog, labels = [], {}
    for ln, raw in enumerate(open(src), 1):
        line = raw.split(";", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^([A-Za-z_]\w*):\s*(.*)$", line)
        if m:
            if m.group(1) in labels:
                die("label %s defined twice" % m.group(1), ln)
            labels[m.group(1)] = len(prog)
            line = m.group(2).strip()
            if not line:
                continue
        tok = line.split(None, 1)
        op, rest = tok[0], (tok[1] if len(tok) > 1 else "")
        if op.startswith("."):
            d = rest.split(None, 1) if op == ".const" else rest.split()
            table = {".word": words, ".init": inits, ".bit": bits, ".param": params,
                     ".const": consts}
            if op == ".entry" and len(d) == 1:
                entries.append(d[0])
            elif op in table and len(d) == 2:
                table[op][d[0]] = d[1]
            else:
                die("bad directive '%s'" % line, ln)
            continue
        args = [a.strip() for a in rest.split(",")] if rest else []
        prog.append((ln, op, args))
    return words, bits, params, consts, entries, inits, prog, labels


def main(argv):
    check = argv[:1] == ["--check"]
    if check:
        argv = argv[1:]
    if len(argv) != 2:
        die("usage: vin_ucasm.py [--check] PROGRAM.asm OUT.vh")
    src, out = argv
    words, bits, params, consts, entries, inits, prog, labels = parse(src)
    for w, n in words.items():
        if int(n, 0) >= K_WORD0:
            die("word %s: %s is past the state words (the constants start at %d)" % (w, n, K_WORD0))
    if len(prog) > ROM_WORDS:
        die("the program has %d instructions, the ROM %d" % (len(prog), ROM_WORDS))
    cenv = {}
    for k, v in consts.items():
        cenv[k] = eval(v, {"__builtins__": {}}, dict(cenv))

    def expr(e, ln):
        try:
            return int(eval(e, {"__builtins__": {}}, cenv))
        except Exception as ex:
            die("bad expression '%s' (%s)" % (e, ex), ln)

    def word(w, ln):
        if w not in words:
            die("unknown word '%s'" % w, ln)
        return int(words[w], 0)

    def bit(b, ln):
        if b not in bits:
            die("unknown flag '%s'" % b, ln)
        return int(bits[b], 0)

    def label(lb, ln):
        if lb not in labels:
            die("unknown label '%s'" % lb, ln)
        return labels[lb]

    # constants, three tables: sti's (a table in the engine, 4-bit index), incs's limits
    # (a table in the engine, 5-bit index), and the immediate operands, which are words of
    # every port's state (K_WORD0 + index, set when the FPGA is configured and never
    # written) that the instruction reads as Q
    ktabs = {"sti": [], "incs": [], "imm": []}
    kmax = {"sti": 16, "incs": N_CONST, "imm": 64 - K_WORD0}

    def const(a, ln, table):
        key = a[1:] if a.startswith("@") else expr(a, ln)
        if a.startswith("@") and key not in params:
            die("unknown parameter '%s'" % a, ln)
        if isinstance(key, int) and not 0 <= key <= 0xFFFF:
            die("constant %d out of range" % key, ln)
        tab = ktabs[table]
        if key not in tab:
            tab.append(key)
        i = tab.index(key)
        if i >= kmax[table]:
            die("more than %d %s constants" % (kmax[table], table), ln)
        return i

    code = []
    for ln, op, args in prog:
        def want(n):
            if len(args) != n:
                die("%s takes %d operand(s)" % (op, n), ln)
        if op in ("bb", "bnb"):
            want(2)
            w = 0x8000 | ((op == "bb") << 14) | (bit(args[0], ln) << 9) | label(args[1], ln)
        elif op in WORD_OPS:
            want(1)
            w = (0 << 12) | (WORD_OPS.index(op) << 9) | (word(args[0], ln) << 3)
        elif op == "incs":
            want(2)
            k = const(args[1], ln, "incs")
            w = (1 << 12) | ((k >> 3) << 9) | (word(args[0], ln) << 3) | (k & 7)
        elif op in ST_OPS:
            want(2 if op == "sti" else 1)
            k = const(args[1], ln, "sti") if op == "sti" else 0
            w = (2 << 12) | (ST_OPS.index(op) << 10) | ((k >> 3) << 9) | (word(args[0], ln) << 3) | (k & 7)
        elif op in IMM_OPS:
            want(1)
            if op == "shr" and args[0] not in ("2", "3", "4"):
                die("shr shifts by 2, 3 or 4 only", ln)
            w = (3 << 12) | (IMM_OPS.index(op) << 9) | ((K_WORD0 + const(args[0], ln, "imm")) << 3)
        elif op == "tst":
            want(1)
            w = (4 << 12) | bit(args[0], ln)
        elif op == "bw":
            want(2)
            if args[1] not in SRCS:
                die("unknown bit source '%s'" % args[1], ln)
            w = (4 << 12) | (1 << 11) | (SRCS.index(args[1]) << 5) | bit(args[0], ln)
        elif op == "br":
            if len(args) == 1:
                args = ["al"] + args
            want(2)
            if args[0] not in CONDS:
                die("unknown condition '%s'" % args[0], ln)
            c = CONDS.index(args[0])
            w = ((5 + c // 8) << 12) | ((c % 8) << 9) | label(args[1], ln)
        elif op == "call":
            want(1)
            w = (7 << 12) | (1 << 11) | label(args[0], ln)
        elif op in MISC_OPS:
            want(0)
            w = (7 << 12) | MISC_OPS.index(op)
        else:
            die("unknown instruction '%s'" % op, ln)
        code.append((w, op, args))

    # The state RAM has no write-to-read bypass (vin_engine.v): an instruction must not read
    # the word that the instruction just before it writes (it would see the old value).
    writers = set(ST_OPS) | {"incs", "decs"}
    readers = set(WORD_OPS) | {"incs"}
    for i in range(len(prog) - 1):
        (ln, op, args), (ln2, op2, args2) = prog[i], prog[i + 1]
        if op in writers and op2 in readers and args[0] == args2[0]:
            die("%s reads %s, which the instruction before it writes (no bypass: put "
                "another instruction between them)" % (op2, args2[0]), ln2)

    # The engine's F, TB and edge count have no bypass to the fetch-time branches either: a
    # bb / bnb must not test the flag that the bw just before it writes, a br ntb must not
    # follow a tst, a br full not a clre / clro.
    for i in range(len(code) - 1):
        (w, op, args), (w2, op2, args2) = code[i], code[i + 1]
        ln2 = prog[i + 1][0]
        if op == "bw" and op2 in ("bb", "bnb") and args[0] == args2[0]:
            die("%s tests %s, which the bw before it writes (no bypass)" % (op2, args2[0]), ln2)
        if op == "tst" and op2 == "br" and args2[0] == "ntb":
            die("br ntb right after tst (no bypass: put another instruction between)", ln2)
        if op in ("clre", "clro") and op2 == "br" and args2[0] == "full":
            die("br full right after %s (no bypass)" % op, ln2)

    # The engine keeps one return address: a subroutine must not call. Follow each called
    # subroutine's code (its jumps and branches) up to its returns.
    for i, (w, op, args) in enumerate(code):
        if op != "call":
            continue
        todo, seen = [label(args[0], prog[i][0])], set()
        while todo:
            j = todo.pop()
            if j in seen or j >= len(code):
                continue
            seen.add(j)
            wj, opj, argsj = code[j]
            if opj == "call":
                die("call %s inside subroutine %s (one level of call only)"
                    % (argsj[0], args[0]), prog[j][0])
            if opj in ("ret", "next", "out", "end", "rdack"):
                continue
            if opj in ("br", "bb", "bnb"):
                todo.append(label(argsj[-1], prog[j][0]))
                if opj == "br" and argsj[0] == "al":
                    continue
            todo.append(j + 1)

    o = ["// generated by tools/vin_ucasm.py from %s: do not edit" % src,
         "// %d instructions of %d; constants: %d sti, %d incs, %d immediate" % (
             len(code), ROM_WORDS, len(ktabs["sti"]), len(ktabs["incs"]), len(ktabs["imm"])),
         "/* verilator lint_off UNUSEDPARAM */"]
    for grp, names in (("UW", WORD_OPS), ("UI", IMM_OPS), ("UST", ST_OPS), ("UM", MISC_OPS)):
        for i, n in enumerate(names):
            o.append("localparam [%d:0] %s_%s = %d;" % (3 if grp == "UM" else 2 if grp != "UST" else 1,
                                                        grp, n.upper(), i))
    for i, c in enumerate(CONDS):
        o.append("localparam [3:0] UC_%s = 4'd%d;" % (c.upper(), i))
    for i, s in enumerate(SRCS):
        o.append("localparam [3:0] US_%s = 4'd%d;" % ({"0": "ZERO", "1": "ONE"}.get(s, s.upper()), i))
    for w in sorted(words, key=lambda x: int(words[x], 0)):
        o.append("localparam [5:0] UWD_%s = 6'd%d;" % (w, int(words[w], 0)))
    for e in entries:
        o.append("localparam [8:0] UE_%s = 9'd%d;" % (e, label(e, None)))
    o.append("// the state's initial values (every other word starts at 0)")
    o.append("function [15:0] uc_init(input [5:0] w);")
    o.append("    case (w)")
    for w in sorted(inits):
        o.append("    UWD_%s: uc_init = 16'd%d;" % (w, expr(inits[w], None)))
    o.append("    default: uc_init = 16'd0;")
    o.append("    endcase")
    o.append("endfunction")
    def kv(c):
        return ("UP_" + c) if isinstance(c, str) else "16'd%d" % c
    o.append("// the constant tables (UP_* are the engine's REF_HZ-dependent values): sti's,")
    o.append("// incs's, and the immediate operands' state words (UK_WORD0 and up, initial")
    o.append("// values of the state RAM, never written)")
    for name, table, bits in (("uc_sconst", "sti", 4), ("uc_iconst", "incs", 5)):
        o.append("function [15:0] %s(input [%d:0] k);" % (name, bits - 1))
        o.append("    case (k)")
        for i, c in enumerate(ktabs[table]):
            o.append("    %d'd%d: %s = %s;" % (bits, i, name, kv(c)))
        o.append("    default: %s = 16'd0;" % name)
        o.append("    endcase")
        o.append("endfunction")
    o.append("localparam [5:0] UK_WORD0 = 6'd%d;" % K_WORD0)
    o.append("function [15:0] uc_kword(input [5:0] w);")
    o.append("    case (w)")
    for i, c in enumerate(ktabs["imm"]):
        o.append("    6'd%d: uc_kword = %s;" % (K_WORD0 + i, kv(c)))
    o.append("    default: uc_kword = 16'd0;")
    o.append("    endcase")
    o.append("endfunction")
    o.append("// the program")
    o.append("reg [15:0] uc_rom [0:%d];" % (ROM_WORDS - 1))
    o.append("integer uc_i;")
    o.append("initial begin")
    o.append("    for (uc_i = 0; uc_i < %d; uc_i = uc_i + 1) uc_rom[uc_i] = 16'h0000;" % ROM_WORDS)
    for i, (w, op, args) in enumerate(code):
        o.append(("    uc_rom[%d] = 16'h%04x;  // %s %s" % (i, w, op, ", ".join(args))).rstrip())
    o.append("end")
    o.append("/* verilator lint_on UNUSEDPARAM */")
    text = "\n".join(o) + "\n"
    if check:
        try:
            old = open(out).read()
        except OSError:
            old = ""
        if old != text:
            die("%s is not what %s assembles to: run tools/vin_ucasm.py %s %s" % (out, src, src, out))
        print("%s matches %s (%d instructions)" % (out, src, len(code)))
        return
    open(out, "w").write(text)
    print("vin_ucasm: %s: %d instructions" % (out, len(code)))


if __name__ == "__main__":
    main(sys.argv[1:])
