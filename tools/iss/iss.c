// SPDX-License-Identifier: MIT
/*
 * iss - reference instruction-set simulator for the kvmosd RV32IM core.
 *
 *   iss [--trace FILE] [--max-instr N] [--signature FILE] PROGRAM.elf
 *
 * Same conventions as rv-run (docs/interfaces.md): starts at the ELF entry, a store to
 * `tohost` ends the run (1 = pass, other odd v = FAIL test v>>1), a store to `rvrun_irq`
 * drives the interrupt lines (bit 7 timer, bit 11 external), --signature dumps
 * begin_signature..end_signature. Exit codes: 0 pass, 1 fail, 2 limit, 3 usage/load error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf32.h"
#include "rv32.h"

#define PAGE_BITS 12
#define PAGE_SIZE (1u << PAGE_BITS)
#define NUM_PAGES (1u << (32 - PAGE_BITS))

/* Sparse memory: 4 KiB pages allocated (zero-filled) on first touch. */
static uint8_t *pages[NUM_PAGES];

static uint8_t *byte_ptr(uint32_t addr)
{
	uint8_t **p = &pages[addr >> PAGE_BITS];

	if (!*p) {
		*p = calloc(1, PAGE_SIZE);
		if (!*p) {
			fprintf(stderr, "iss: out of memory\n");
			exit(3);
		}
	}
	return *p + (addr & (PAGE_SIZE - 1));
}

uint32_t rv_mem_read(uint32_t addr, int size)
{
	uint32_t v = 0;
	int i;

	for (i = size - 1; i >= 0; i--)
		v = (v << 8) | *byte_ptr(addr + (uint32_t)i);
	return v;
}

void rv_mem_write(uint32_t addr, uint32_t val, int size)
{
	int i;

	for (i = 0; i < size; i++)
		*byte_ptr(addr + (uint32_t)i) = (uint8_t)(val >> (8 * i));
}

/* ---- program loading (tools/lib/elf32) ---- */

struct elf_syms {
	int have_tohost, have_irq, have_sig;
	uint32_t tohost, irq, sig_begin, sig_end;
};

static int load_elf(const char *path, uint32_t *entry, struct elf_syms *sy)
{
	struct elf32 e;
	struct elf32_seg seg;
	unsigned int i;
	uint32_t k;
	char err[256];

	if (elf32_open(&e, path, err, sizeof(err))) {
		fprintf(stderr, "iss: %s\n", err);
		return -1;
	}
	*entry = e.entry;
	for (i = 0; i < elf32_segments(&e); i++) {
		elf32_segment(&e, i, &seg);
		for (k = 0; k < seg.memsz; k++)
			*byte_ptr(seg.vaddr + k) = k < seg.filesz ? seg.data[k] : 0;
	}
	sy->have_tohost = !elf32_symbol(&e, "tohost", &sy->tohost);
	sy->have_irq = !elf32_symbol(&e, "rvrun_irq", &sy->irq);
	sy->have_sig = !elf32_symbol(&e, "begin_signature", &sy->sig_begin) &&
		       !elf32_symbol(&e, "end_signature", &sy->sig_end);
	elf32_close(&e);
	return 0;
}

static int write_signature(const char *path, const struct elf_syms *sy)
{
	FILE *f;
	uint32_t a;

	if (!sy->have_sig) {
		fprintf(stderr, "iss: no begin_signature/end_signature symbols\n");
		return -1;
	}
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "iss: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (a = sy->sig_begin; a < sy->sig_end; a += 4)
		fprintf(f, "%08" PRIx32 "\n", rv_mem_read(a, 4));
	return fclose(f) ? -1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: iss [--trace FILE] [--max-instr N] [--signature FILE] PROGRAM.elf\n");
	exit(3);
}

int main(int argc, char **argv)
{
	const char *trace_path = NULL, *sig_path = NULL, *elf = NULL;
	unsigned long long max_instr = 100000000ull, n, retired = 0;
	struct elf_syms sy = { 0 };
	struct rv_hart h;
	struct rv_step s;
	FILE *trace = NULL;
	uint32_t entry;
	int i, rc = 2;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--trace") && i + 1 < argc)
			trace_path = argv[++i];
		else if (!strcmp(argv[i], "--signature") && i + 1 < argc)
			sig_path = argv[++i];
		else if (!strcmp(argv[i], "--max-instr") && i + 1 < argc)
			max_instr = strtoull(argv[++i], NULL, 0);
		else if (argv[i][0] == '-' || elf)
			usage();
		else
			elf = argv[i];
	}
	if (!elf)
		usage();
	if (load_elf(elf, &entry, &sy))
		return 3;
	if (!sy.have_tohost) {
		fprintf(stderr, "iss: %s has no tohost symbol\n", elf);
		return 3;
	}
	if (trace_path) {
		trace = fopen(trace_path, "w");
		if (!trace) {
			fprintf(stderr, "iss: cannot write %s: %s\n", trace_path, strerror(errno));
			return 3;
		}
		setvbuf(trace, NULL, _IOFBF, 1 << 20);
	}

	rv_reset(&h, entry);
	for (n = 0; n < max_instr;) {
		rv_step(&h, &s);
		if (!s.executed)
			continue;	/* an interrupt was taken */
		n++;
		if (!s.trap)
			retired++;
		if (trace) {
			fprintf(trace, "%08" PRIx32 " %08" PRIx32, s.pc, s.insn);
			if (s.trap)
				fprintf(trace, " trap %08" PRIx32, s.cause);
			else if (s.rd)
				fprintf(trace, " x%d=%08" PRIx32, s.rd, s.rd_val);
			fputc('\n', trace);
		}
		if (!s.store)
			continue;
		if (sy.have_irq && (s.store_addr & ~3u) == sy.irq)
			h.mip = rv_mem_read(sy.irq, 4) & (RV_MIP_MTIP | RV_MIP_MEIP);
		if ((s.store_addr & ~3u) == sy.tohost) {
			uint32_t v = rv_mem_read(sy.tohost, 4);

			if (v == 1) {
				rc = 0;
				break;
			}
			if (v & 1) {
				printf("FAIL test %" PRIu32 "\n", v >> 1);
				rc = 1;
				break;
			}
		}
	}
	if (rc == 2)
		fprintf(stderr, "iss: instruction limit %llu reached at pc %08" PRIx32 "\n",
			max_instr, h.pc);
	fprintf(stderr, "instret=%llu\n", retired);
	if (trace && fclose(trace))
		rc = 3;
	if (sig_path && write_signature(sig_path, &sy))
		rc = 3;
	return rc;
}
