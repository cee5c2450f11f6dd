// SPDX-License-Identifier: MIT
/*
 * rv-run: run a RISC-V ELF program on the Verilated kvm_cpu core.
 *
 *   rv-run [--signature FILE] [--max-cycles N] [--trace FILE]
 *          [--mem-latency random:SEED] PROGRAM.elf
 *
 * Contract: docs/interfaces.md ("rv-run"). Flat sparse memory (4 KiB pages, zero-filled on
 * first touch), program loaded from its PT_LOAD segments, started at the ELF entry. The run
 * ends when the program stores to symbol "tohost": 1 -> exit 0, other odd v -> "FAIL test
 * v>>1", exit 1. Cycle limit -> exit 2. Bad input -> exit 3. A store to symbol "rvrun_irq"
 * drives the interrupt lines (bit 7 timer, bit 11 external).
 */
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "Vkvm_cpu.h"
#include "Vkvm_cpu___024root.h"
#include "verilated.h"

#define EXIT_PASS 0
#define EXIT_FAIL 1
#define EXIT_TIMEOUT 2
#define EXIT_BADINPUT 3

/* ---- sparse memory ------------------------------------------------------------------- */

static std::unordered_map<uint32_t, std::vector<uint8_t>> pages;

static uint8_t *mem_page(uint32_t addr)
{
	std::vector<uint8_t> &p = pages[addr >> 12];

	if (p.empty())
		p.assign(4096, 0);
	return p.data();
}

static uint8_t mem_read8(uint32_t addr)
{
	return mem_page(addr)[addr & 0xfff];
}

static void mem_write8(uint32_t addr, uint8_t v)
{
	mem_page(addr)[addr & 0xfff] = v;
}

static uint32_t mem_read32(uint32_t addr)
{
	uint32_t v = 0;

	for (int i = 3; i >= 0; i--)
		v = (v << 8) | mem_read8(addr + i);
	return v;
}

/* ---- ELF loading --------------------------------------------------------------------- */

struct program {
	uint32_t entry;
	bool has_tohost, has_sig, has_irq;
	uint32_t tohost, sig_begin, sig_end, irq;
};

static void die_input(const char *path, const char *why)
{
	fprintf(stderr, "rv-run: %s: %s\n", path, why);
	exit(EXIT_BADINPUT);
}

static void load_elf(const char *path, struct program *prog)
{
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "rv-run: %s: %s\n", path, strerror(errno));
		exit(EXIT_BADINPUT);
	}
	std::vector<uint8_t> img;
	uint8_t buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		img.insert(img.end(), buf, buf + n);
	fclose(f);

	if (img.size() < sizeof(Elf32_Ehdr) || memcmp(img.data(), ELFMAG, SELFMAG) != 0)
		die_input(path, "not an ELF file");
	Elf32_Ehdr eh;

	memcpy(&eh, img.data(), sizeof(eh));
	if (eh.e_ident[EI_CLASS] != ELFCLASS32 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh.e_machine != EM_RISCV)
		die_input(path, "not a 32-bit little-endian RISC-V ELF file");
	if (eh.e_type != ET_EXEC)
		die_input(path, "not an executable ELF file");

	/* program headers: load every PT_LOAD segment (memsz beyond filesz is zero) */
	if (eh.e_phentsize != sizeof(Elf32_Phdr) ||
	    (uint64_t)eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf32_Phdr) > img.size())
		die_input(path, "bad program header table");
	int loaded = 0;

	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf32_Phdr ph;

		memcpy(&ph, img.data() + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if ((uint64_t)ph.p_offset + ph.p_filesz > img.size() || ph.p_filesz > ph.p_memsz)
			die_input(path, "segment outside the file");
		for (uint32_t j = 0; j < ph.p_filesz; j++)
			mem_write8(ph.p_paddr + j, img[ph.p_offset + j]);
		for (uint32_t j = ph.p_filesz; j < ph.p_memsz; j++)
			mem_write8(ph.p_paddr + j, 0);
		loaded++;
	}
	if (!loaded)
		die_input(path, "no loadable segment");
	prog->entry = eh.e_entry;

	/* section headers: find the symbol table and its string table */
	if (eh.e_shoff == 0 || eh.e_shentsize != sizeof(Elf32_Shdr) ||
	    (uint64_t)eh.e_shoff + (uint64_t)eh.e_shnum * sizeof(Elf32_Shdr) > img.size())
		die_input(path, "no section header table (needed for the tohost symbol)");
	std::vector<Elf32_Shdr> sh(eh.e_shnum);

	memcpy(sh.data(), img.data() + eh.e_shoff, eh.e_shnum * sizeof(Elf32_Shdr));
	for (unsigned i = 0; i < eh.e_shnum; i++) {
		if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh.e_shnum)
			continue;
		const Elf32_Shdr &st = sh[i], &str = sh[st.sh_link];

		if ((uint64_t)st.sh_offset + st.sh_size > img.size() ||
		    (uint64_t)str.sh_offset + str.sh_size > img.size())
			die_input(path, "symbol table outside the file");
		for (uint32_t off = 0; off + sizeof(Elf32_Sym) <= st.sh_size; off += sizeof(Elf32_Sym)) {
			Elf32_Sym sym;

			memcpy(&sym, img.data() + st.sh_offset + off, sizeof(sym));
			if (sym.st_name >= str.sh_size || sym.st_shndx == SHN_UNDEF)
				continue;
			const char *name = (const char *)img.data() + str.sh_offset + sym.st_name;
			size_t maxlen = str.sh_size - sym.st_name;

			if (strnlen(name, maxlen) == maxlen)
				continue;
			if (!strcmp(name, "tohost")) {
				prog->has_tohost = true;
				prog->tohost = sym.st_value;
			} else if (!strcmp(name, "begin_signature")) {
				prog->has_sig = true;
				prog->sig_begin = sym.st_value;
			} else if (!strcmp(name, "end_signature")) {
				prog->sig_end = sym.st_value;
			} else if (!strcmp(name, "rvrun_irq")) {
				prog->has_irq = true;
				prog->irq = sym.st_value;
			}
		}
	}
	if (!prog->has_tohost)
		die_input(path, "no 'tohost' symbol");
}

/* ---- signature ----------------------------------------------------------------------- */

static void write_signature(const char *path, const struct program *prog)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "rv-run: %s: %s\n", path, strerror(errno));
		return;
	}
	if (prog->has_sig)
		for (uint32_t a = prog->sig_begin; a < prog->sig_end; a += 4)
			fprintf(f, "%08" PRIx32 "\n", mem_read32(a));
	fclose(f);
}

/* ---- main ---------------------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr, "usage: rv-run [--signature FILE] [--max-cycles N] [--trace FILE]\n"
			"              [--mem-latency random:SEED] PROGRAM.elf\n");
	exit(EXIT_BADINPUT);
}

/* xorshift32: a tiny deterministic generator for wait states */
static uint32_t rng_state;

static uint32_t rng_next(void)
{
	uint32_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rng_state = x;
	return x;
}

int main(int argc, char **argv)
{
	const char *sig_path = NULL, *trace_path = NULL, *elf_path = NULL;
	uint64_t max_cycles = 10000000;
	bool random_latency = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--signature") && i + 1 < argc) {
			sig_path = argv[++i];
		} else if (!strcmp(a, "--trace") && i + 1 < argc) {
			trace_path = argv[++i];
		} else if (!strcmp(a, "--max-cycles") && i + 1 < argc) {
			char *end;

			max_cycles = strtoull(argv[++i], &end, 0);
			if (*end)
				usage();
		} else if (!strcmp(a, "--mem-latency") && i + 1 < argc) {
			const char *v = argv[++i];

			if (!strcmp(v, "0") || !strcmp(v, "none")) {
				random_latency = false;
			} else if (!strncmp(v, "random:", 7)) {
				random_latency = true;
				rng_state = (uint32_t)strtoul(v + 7, NULL, 0) * 2654435761u + 1;
				if (!rng_state)
					rng_state = 1;
			} else {
				usage();
			}
		} else if (a[0] == '-' && a[1] == '-') {
			usage();
		} else if (!elf_path) {
			elf_path = a;
		} else {
			usage();
		}
	}
	if (!elf_path)
		usage();

	struct program prog = {};

	load_elf(elf_path, &prog);

	FILE *trace = NULL;

	if (trace_path) {
		trace = fopen(trace_path, "w");
		if (!trace) {
			fprintf(stderr, "rv-run: %s: %s\n", trace_path, strerror(errno));
			return EXIT_BADINPUT;
		}
	}

	auto ctx = std::make_unique<VerilatedContext>();
	auto cpu = std::make_unique<Vkvm_cpu>(ctx.get());

	/* reset for a few cycles, then point the core at the ELF entry */
	cpu->i_rst = 1;
	cpu->i_mem_ready = 0;
	cpu->i_mem_rdata = 0;
	cpu->i_irq_timer = 0;
	cpu->i_irq_external = 0;
	for (int i = 0; i < 4; i++) {
		cpu->i_clk = 0;
		cpu->eval();
		cpu->i_clk = 1;
		cpu->eval();
	}
	cpu->i_rst = 0;
	cpu->i_clk = 0;
	cpu->eval();
	cpu->rootp->kvm_cpu__DOT__pc = prog.entry;
	cpu->eval();

	uint64_t cycles = 0, instret = 0;
	int wait = -1;          /* wait states left for the current request, -1 = none yet */
	bool done = false;      /* tohost written: stop after that store's trace line */
	int exit_code = EXIT_PASS;
	uint32_t tohost_value = 0;

	for (;;) {
		/* clock low: outputs settle; decide the bus response for this cycle */
		cpu->i_clk = 0;
		cpu->eval();

		bool ready = false;
		uint32_t addr = cpu->o_mem_addr & ~3u;

		if (cpu->o_mem_valid) {
			if (wait < 0)
				wait = random_latency ? (int)(rng_next() % 4) : 0;
			if (wait == 0) {
				ready = true;
				wait = -1;
			} else {
				wait--;
			}
		}
		cpu->i_mem_ready = ready;
		cpu->i_mem_rdata = ready ? mem_read32(addr) : 0xdeadbeef;
		cpu->eval();

		if (ready && cpu->o_mem_wstrb) {
			uint32_t wd = cpu->o_mem_wdata;

			for (int b = 0; b < 4; b++)
				if (cpu->o_mem_wstrb & (1 << b))
					mem_write8(addr + b, (wd >> (8 * b)) & 0xff);
			if (prog.has_irq && addr == (prog.irq & ~3u)) {
				uint32_t v = mem_read32(addr);

				cpu->i_irq_timer = (v >> 7) & 1;
				cpu->i_irq_external = (v >> 11) & 1;
			}
			if (addr == (prog.tohost & ~3u)) {
				uint32_t v = mem_read32(addr);

				if (v & 1) {
					done = true;
					tohost_value = v;
				}
			}
		}

		/* rising edge */
		cpu->i_clk = 1;
		cpu->eval();
		cycles++;

		if (cpu->o_rt_valid) {
			if (!cpu->o_rt_trap)
				instret++;
			if (trace) {
				fprintf(trace, "%08" PRIx32 " %08" PRIx32, (uint32_t)cpu->o_rt_pc,
					(uint32_t)cpu->o_rt_insn);
				if (cpu->o_rt_trap)
					fprintf(trace, " trap %08" PRIx32, (uint32_t)cpu->o_rt_cause);
				else if (cpu->o_rt_rd)
					fprintf(trace, " x%d=%08" PRIx32, (int)cpu->o_rt_rd,
						(uint32_t)cpu->o_rt_rd_wdata);
				fputc('\n', trace);
			}
			if (done)
				break;
		}
		if (cycles >= max_cycles) {
			fprintf(stderr, "rv-run: %s: no result after %" PRIu64 " cycles (--max-cycles)\n",
				elf_path, max_cycles);
			exit_code = EXIT_TIMEOUT;
			break;
		}
	}

	if (exit_code != EXIT_TIMEOUT) {
		if (tohost_value == 1) {
			exit_code = EXIT_PASS;
		} else {
			printf("FAIL test %" PRIu32 "\n", tohost_value >> 1);
			exit_code = EXIT_FAIL;
		}
	}
	if (trace)
		fclose(trace);
	if (sig_path)
		write_signature(sig_path, &prog);
	fprintf(stderr, "cycles=%" PRIu64 " instret=%" PRIu64 "\n", cycles, instret);
	cpu->final();
	return exit_code;
}
