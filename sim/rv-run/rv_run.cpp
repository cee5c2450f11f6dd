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
#include "elf32.h"
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
	struct elf32 e;
	struct elf32_seg seg;
	char err[256];

	if (elf32_open(&e, path, err, sizeof(err))) {
		fprintf(stderr, "rv-run: %s\n", err);
		exit(EXIT_BADINPUT);
	}
	/* load every PT_LOAD segment at its physical address; memsz beyond filesz is zero */
	if (!elf32_segments(&e))
		die_input(path, "no loadable segment");
	for (unsigned i = 0; i < elf32_segments(&e); i++) {
		elf32_segment(&e, i, &seg);
		for (uint32_t j = 0; j < seg.memsz; j++)
			mem_write8(seg.paddr + j, j < seg.filesz ? seg.data[j] : 0);
	}
	prog->entry = e.entry;
	prog->has_tohost = !elf32_symbol(&e, "tohost", &prog->tohost);
	prog->has_sig = !elf32_symbol(&e, "begin_signature", &prog->sig_begin) &&
			!elf32_symbol(&e, "end_signature", &prog->sig_end);
	prog->has_irq = !elf32_symbol(&e, "rvrun_irq", &prog->irq);
	elf32_close(&e);
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
