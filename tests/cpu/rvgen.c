// SPDX-License-Identifier: MIT
/*
 * rvgen - random but safe RV32IM + Zicsr test programs for differential testing.
 *
 *   rvgen SEED [ITEMS [ROUNDS]] > prog.S
 *
 * Writes GNU assembler source (link with tests/cpu/link.ld). The program repeats a body of
 * ITEMS random items ROUNDS times, then stores 1 to tohost. An item is one instruction or a
 * small atomic group (a bounded inner loop, an address load plus jalr). Control flow only
 * goes forward, to item boundaries, except for the counted loops, so every program ends.
 *
 * Register plan:
 *   x0..x25  random operands and destinations
 *   x26      data pointer (middle of a 4 KiB random data area), never written
 *   x27      inner loop counter
 *   x28/x29  written by the trap handler (mcause, mtval, mepc), random reads only
 *   x30      round counter
 *   x31      jalr target address
 * Traps (ecall, ebreak, illegal words, misaligned accesses and jumps, writes to read-only
 * CSRs) go to a handler that records mcause/mtval in x28/x29 and resumes at mepc + 4.
 * No counter CSR is ever read, and interrupts are never enabled, so the trace of a correct
 * core is fully determined by the program.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#define NREG_RAND 26		/* x0..x25 */
#define DATA_SIZE 4096

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return (uint32_t)((z ^ (z >> 31)) >> 16);
}

static uint32_t below(uint32_t n)
{
	return rnd() % n;
}

static int rd_reg(void)
{
	return (int)below(NREG_RAND);
}

static int rs_reg(void)
{
	/* mostly the random pool, sometimes the reserved registers (reads are safe) */
	return below(8) ? (int)below(NREG_RAND) : (int)below(32);
}

/* interesting 32-bit values for operands */
static uint32_t special_value(void)
{
	static const uint32_t v[] = {
		0, 1, 2, 0xffffffffu, 0x80000000u, 0x7fffffffu, 0x80000001u, 0xfffffffeu,
		31, 32, 0x0000ffffu, 0xffff0000u, 0x00008000u, 0xffff8000u, 0x55555555u,
		0xaaaaaaaau,
	};

	if (below(3) == 0)
		return rnd() ^ (rnd() << 16);
	return v[below(sizeof(v) / sizeof(v[0]))];
}

static int32_t imm12(void)
{
	switch (below(4)) {
	case 0:
		return (int32_t)below(4096) - 2048;
	case 1:
		return (int32_t)below(64) - 32;
	case 2:
		return below(2) ? 2047 : -2048;
	default:
		return (int32_t)below(16);
	}
}

static void alu_imm(void)
{
	static const char *const ops[] = { "addi", "slti", "sltiu", "xori", "ori", "andi" };
	static const char *const sh[] = { "slli", "srli", "srai" };

	if (below(3) == 0)
		printf("\t%s x%d, x%d, %u\n", sh[below(3)], rd_reg(), rs_reg(),
		       below(4) ? below(32) : (below(2) ? 31 : 0));
	else
		printf("\t%s x%d, x%d, %d\n", ops[below(6)], rd_reg(), rs_reg(), imm12());
}

static void alu_reg(void)
{
	static const char *const ops[] = {
		"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
	};

	printf("\t%s x%d, x%d, x%d\n", ops[below(10)], rd_reg(), rs_reg(), rs_reg());
}

static void muldiv(void)
{
	static const char *const ops[] = {
		"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
	};

	printf("\t%s x%d, x%d, x%d\n", ops[below(8)], rd_reg(), rs_reg(), rs_reg());
}

static void upper(void)
{
	printf("\t%s x%d, 0x%x\n", below(2) ? "lui" : "auipc", rd_reg(), below(1u << 20));
}

static void load_special(void)
{
	printf("\tli x%d, 0x%08" PRIx32 "\n", 1 + (int)below(NREG_RAND - 1), special_value());
}

/* data offset for an access of size bytes: mostly aligned, sometimes not */
static int32_t mem_offset(int size)
{
	int32_t off = (int32_t)below(DATA_SIZE - 4) - DATA_SIZE / 2;

	if (below(4))
		off &= ~(size - 1);
	return off;
}

static void load(void)
{
	static const char *const ops[] = { "lb", "lbu", "lh", "lhu", "lw" };
	static const int size[] = { 1, 1, 2, 2, 4 };
	unsigned int k = below(5);

	printf("\t%s x%d, %d(x26)\n", ops[k], rd_reg(), mem_offset(size[k]));
}

static void store(void)
{
	static const char *const ops[] = { "sb", "sh", "sw" };
	unsigned int k = below(3);

	printf("\t%s x%d, %d(x26)\n", ops[k], rs_reg(), mem_offset(1 << k));
}

/* instructions that may appear inside a counted loop: no control flow, x27 untouched */
static void straight(void)
{
	switch (below(8)) {
	case 0:
	case 1:
		alu_imm();
		break;
	case 2:
	case 3:
		alu_reg();
		break;
	case 4:
		muldiv();
		break;
	case 5:
		load();
		break;
	case 6:
		store();
		break;
	default:
		upper();
		break;
	}
}

static void csr_op(void)
{
	static const char *const rw[] = { "mscratch", "mtval", "mepc", "0x7c0" };
	static const char *const ro[] = {
		"misa", "mhartid", "mvendorid", "marchid", "mimpid", "mstatus", "mie", "mip",
		"mtvec", "mcause", "mscratch", "mtval", "mepc", "0x7c0", "0xfc0",
	};
	static const char *const rdonly[] = { "mhartid", "mvendorid", "marchid", "0xfc0" };
	static const char *const ops[] = { "csrrw", "csrrs", "csrrc" };

	switch (below(5)) {
	case 0:		/* read */
		printf("\tcsrrs x%d, %s, x0\n", rd_reg(), ro[below(15)]);
		break;
	case 1:		/* register write/set/clear of a safe CSR */
		printf("\t%s x%d, %s, x%d\n", ops[below(3)], rd_reg(), rw[below(4)], rs_reg());
		break;
	case 2:		/* immediate forms */
		printf("\t%si x%d, %s, %u\n", ops[below(3)], rd_reg(), rw[below(4)], below(32));
		break;
	case 3:		/* immediate set/clear with 0: a read even of read-only CSRs */
		printf("\t%si x%d, %s, 0\n", below(2) ? "csrrs" : "csrrc", rd_reg(),
		       rdonly[below(4)]);
		break;
	default:	/* write to a read-only CSR: illegal instruction */
		printf("\t%s x%d, %s, x%d\n", ops[below(3)], rd_reg(), rdonly[below(4)],
		       1 + (int)below(31));
		break;
	}
}

static uint32_t illegal_word(void)
{
	static const uint32_t w[] = {
		0x00000000u, 0xffffffffu, 0x00000001u, 0x0000050bu, 0x00002507u, 0x00003503u,
		0x00006503u, 0x00003023u, 0x40001533u, 0x04000533u, 0x40001513u, 0x02005513u,
		0x00002063u, 0x00001567u, 0x00004573u, 0x0005252fu, 0x10200073u,
	};

	return w[below(sizeof(w) / sizeof(w[0]))];
}

/* encodings with a misaligned (pc + 6) target */
static uint32_t misaligned_jump_word(void)
{
	uint32_t rd = below(NREG_RAND), rs1 = rs_reg(), rs2 = rs_reg();
	static const uint32_t br_f3[] = { 0, 1, 4, 5, 6, 7 };

	if (below(2))
		return 0x0060006fu | rd << 7;	/* jal rd, . + 6 */
	/* b<cond> rs1, rs2, . + 6 */
	return 0x00000363u | rs2 << 20 | rs1 << 15 | br_f3[below(6)] << 12;
}

static int nitems;

/* a forward target item: 1..8 items ahead, at most the end label */
static int fwd_target(int i)
{
	int t = i + 1 + (int)below(8);

	return t > nitems ? nitems : t;
}

static void item(int i)
{
	static const char *const br[] = { "beq", "bne", "blt", "bge", "bltu", "bgeu" };
	unsigned int k = below(100);

	printf(".Li%d:\n", i);
	if (k < 18) {
		alu_imm();
	} else if (k < 32) {
		alu_reg();
	} else if (k < 42) {
		muldiv();
	} else if (k < 45) {
		upper();
	} else if (k < 50) {
		load_special();
	} else if (k < 60) {
		load();
	} else if (k < 68) {
		store();
	} else if (k < 76) {
		printf("\t%s x%d, x%d, .Li%d\n", br[below(6)], rs_reg(), rs_reg(),
		       fwd_target(i));
	} else if (k < 79) {
		printf("\tjal x%d, .Li%d\n", rd_reg(), fwd_target(i));
	} else if (k < 81) {
		/* jalr: exact target, bit 0 set (cleared by jalr) or misaligned (traps) */
		static const int adj[] = { 0, 1, 2, 3 };

		printf("\tla x31, .Li%d\n\tjalr x%d, %d(x31)\n", fwd_target(i), rd_reg(),
		       adj[below(4)]);
	} else if (k < 83) {
		printf("\t.word 0x%08" PRIx32 "\n", misaligned_jump_word());
	} else if (k < 88) {
		csr_op();
	} else if (k < 89) {
		printf("\tecall\n");
	} else if (k < 90) {
		printf("\tebreak\n");
	} else if (k < 92) {
		printf("\t.word 0x%08" PRIx32 "\n", illegal_word());
	} else if (k < 93) {
		static const char *const nops[] = { "fence", "fence.i", "wfi", "fence rw, w" };

		printf("\t%s\n", nops[below(4)]);
	} else {
		/* counted inner loop */
		int n = 1 + (int)below(8), len = 2 + (int)below(6), j;

		printf("\tli x27, %d\n.Ll%d:\n", n, i);
		for (j = 0; j < len; j++)
			straight();
		printf("\taddi x27, x27, -1\n\tbnez x27, .Ll%d\n", i);
	}
}

int main(int argc, char **argv)
{
	unsigned long seed;
	int rounds, i;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: rvgen SEED [ITEMS [ROUNDS]] > prog.S\n");
		return 2;
	}
	seed = strtoul(argv[1], NULL, 0);
	nitems = argc > 2 ? atoi(argv[2]) : 12000;
	rounds = argc > 3 ? atoi(argv[3]) : 10;
	if (nitems < 1 || rounds < 1) {
		fprintf(stderr, "rvgen: ITEMS and ROUNDS must be positive\n");
		return 2;
	}
	rng_state = seed * 0x2545f4914f6cdd1dull + 1;

	printf("/* generated by rvgen %lu %d %d: do not edit */\n", seed, nitems, rounds);
	printf("\t.section .text.init, \"ax\"\n\t.globl _start\n_start:\n");
	printf("\tla x28, trap\n\tcsrw mtvec, x28\n\tla x26, data + %d\n", DATA_SIZE / 2);
	for (i = 1; i < 32; i++) {
		if (i == 26)
			continue;
		printf("\tli x%d, 0x%08" PRIx32 "\n", i, i < NREG_RAND ? special_value() : 0);
	}
	printf("\tli x30, %d\n\tj .Lround\n", rounds);

	printf("\t.balign 4\ntrap:\n\tcsrr x28, mcause\n\tcsrr x29, mtval\n");
	printf("\tcsrr x28, mepc\n\taddi x28, x28, 4\n\tcsrw mepc, x28\n\tmret\n");

	printf(".Lround:\n");
	for (i = 0; i < nitems; i++)
		item(i);
	printf(".Li%d:\n\taddi x30, x30, -1\n\tbeqz x30, .Ldone\n\tj .Lround\n", nitems);
	printf(".Ldone:\n\tli x28, 1\n\tla x29, tohost\n\tsw x28, 0(x29)\n1:\tj 1b\n");

	printf("\t.section .tohost, \"aw\", @progbits\n\t.balign 64\n\t.globl tohost\n");
	printf("tohost:\t.word 0\n\t.data\n\t.balign 16\ndata:\n");
	for (i = 0; i < DATA_SIZE / 4; i++)
		printf("\t.word 0x%08" PRIx32 "\n", rnd() ^ (rnd() << 16));
	return 0;
}
