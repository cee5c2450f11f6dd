// SPDX-License-Identifier: MIT
/*
 * rv32.c - one-instruction-at-a-time model of the kvmosd RV32IM + Zicsr hart.
 */
#include <string.h>

#include "rv32.h"

/* CSR numbers */
#define CSR_MSTATUS 0x300
#define CSR_MISA 0x301
#define CSR_MIE 0x304
#define CSR_MTVEC 0x305
#define CSR_MSCRATCH 0x340
#define CSR_MEPC 0x341
#define CSR_MCAUSE 0x342
#define CSR_MTVAL 0x343
#define CSR_MIP 0x344
#define CSR_MCYCLE 0xb00
#define CSR_MINSTRET 0xb02
#define CSR_MCYCLEH 0xb80
#define CSR_MINSTRETH 0xb82
#define CSR_CYCLE 0xc00
#define CSR_INSTRET 0xc02
#define CSR_CYCLEH 0xc80
#define CSR_INSTRETH 0xc82
#define CSR_MVENDORID 0xf11
#define CSR_MARCHID 0xf12
#define CSR_MIMPID 0xf13
#define CSR_MHARTID 0xf14

#define MSTATUS_MIE (1u << 3)
#define MSTATUS_MPIE (1u << 7)
#define MSTATUS_MPP (3u << 11)

/* Bits of the counters that an instruction wrote explicitly this step. */
#define WROTE_MCYCLE 1
#define WROTE_MINSTRET 2

void rv_reset(struct rv_hart *h, uint32_t pc)
{
	memset(h, 0, sizeof(*h));
	h->pc = pc;
}

static int32_t sext(uint32_t v, int bits)
{
	uint32_t m = 1u << (bits - 1);

	v &= (bits == 32) ? 0xffffffffu : ((1u << bits) - 1);
	return (int32_t)((v ^ m) - m);
}

static uint32_t imm_i(uint32_t in)
{
	return (uint32_t)((int32_t)in >> 20);
}

static uint32_t imm_s(uint32_t in)
{
	return (uint32_t)sext(((in >> 25) << 5) | ((in >> 7) & 0x1f), 12);
}

static uint32_t imm_b(uint32_t in)
{
	uint32_t v = ((in >> 31) & 1) << 12 | ((in >> 7) & 1) << 11 |
		     ((in >> 25) & 0x3f) << 5 | ((in >> 8) & 0xf) << 1;

	return (uint32_t)sext(v, 13);
}

static uint32_t imm_u(uint32_t in)
{
	return in & 0xfffff000u;
}

static uint32_t imm_j(uint32_t in)
{
	uint32_t v = ((in >> 31) & 1) << 20 | ((in >> 12) & 0xff) << 12 |
		     ((in >> 20) & 1) << 11 | ((in >> 21) & 0x3ff) << 1;

	return (uint32_t)sext(v, 21);
}

static uint32_t mstatus_read(const struct rv_hart *h)
{
	return (h->mstatus_mie ? MSTATUS_MIE : 0) |
	       (h->mstatus_mpie ? MSTATUS_MPIE : 0) | MSTATUS_MPP;
}

/* Unknown CSRs read 0. */
static uint32_t csr_read(const struct rv_hart *h, unsigned int csr)
{
	switch (csr) {
	case CSR_MSTATUS:
		return mstatus_read(h);
	case CSR_MISA:
		return RV_MISA;
	case CSR_MIE:
		return h->mie;
	case CSR_MIP:
		return h->mip;
	case CSR_MTVEC:
		return h->mtvec;
	case CSR_MSCRATCH:
		return h->mscratch;
	case CSR_MEPC:
		return h->mepc;
	case CSR_MCAUSE:
		return h->mcause;
	case CSR_MTVAL:
		return h->mtval;
	case CSR_MCYCLE:
	case CSR_CYCLE:
		return (uint32_t)h->mcycle;
	case CSR_MCYCLEH:
	case CSR_CYCLEH:
		return (uint32_t)(h->mcycle >> 32);
	case CSR_MINSTRET:
	case CSR_INSTRET:
		return (uint32_t)h->minstret;
	case CSR_MINSTRETH:
	case CSR_INSTRETH:
		return (uint32_t)(h->minstret >> 32);
	default:
		return 0;	/* includes mvendorid, marchid, mimpid, mhartid */
	}
}

/* Writes to unknown CSRs and to misa/mip are ignored. Returns WROTE_* bits. */
static int csr_write(struct rv_hart *h, unsigned int csr, uint32_t v)
{
	switch (csr) {
	case CSR_MSTATUS:
		h->mstatus_mie = !!(v & MSTATUS_MIE);
		h->mstatus_mpie = !!(v & MSTATUS_MPIE);
		break;
	case CSR_MIE:
		h->mie = v & (RV_MIP_MTIP | RV_MIP_MEIP);
		break;
	case CSR_MTVEC:
		h->mtvec = v & ~2u;	/* MODE 0 direct or 1 vectored */
		break;
	case CSR_MSCRATCH:
		h->mscratch = v;
		break;
	case CSR_MEPC:
		h->mepc = v & ~3u;
		break;
	case CSR_MCAUSE:
		h->mcause = v;
		break;
	case CSR_MTVAL:
		h->mtval = v;
		break;
	case CSR_MCYCLE:
		h->mcycle = (h->mcycle & 0xffffffff00000000ull) | v;
		return WROTE_MCYCLE;
	case CSR_MCYCLEH:
		h->mcycle = (h->mcycle & 0xffffffffull) | (uint64_t)v << 32;
		return WROTE_MCYCLE;
	case CSR_MINSTRET:
		h->minstret = (h->minstret & 0xffffffff00000000ull) | v;
		return WROTE_MINSTRET;
	case CSR_MINSTRETH:
		h->minstret = (h->minstret & 0xffffffffull) | (uint64_t)v << 32;
		return WROTE_MINSTRET;
	default:
		break;
	}
	return 0;
}

/* Enter the trap handler for a synchronous exception of the current instruction. */
static void take_exception(struct rv_hart *h, struct rv_step *s, uint32_t cause,
			   uint32_t tval)
{
	s->trap = 1;
	s->cause = cause;
	h->mepc = h->pc;
	h->mcause = cause;
	h->mtval = tval;
	h->mstatus_mpie = h->mstatus_mie;
	h->mstatus_mie = 0;
	h->pc = h->mtvec & ~3u;
}

/* Between instructions: returns 1 if an interrupt was taken. */
static int check_interrupt(struct rv_hart *h)
{
	uint32_t pending = h->mie & h->mip & (RV_MIP_MTIP | RV_MIP_MEIP);
	uint32_t cause;
	uint32_t base = h->mtvec & ~3u;

	if (!h->mstatus_mie || !pending)
		return 0;
	cause = (pending & RV_MIP_MEIP) ? RV_CAUSE_IRQ_EXTERNAL : RV_CAUSE_IRQ_TIMER;
	h->mepc = h->pc;
	h->mcause = cause;
	h->mtval = 0;
	h->mstatus_mpie = h->mstatus_mie;
	h->mstatus_mie = 0;
	h->pc = (h->mtvec & 1) ? base + 4 * (cause & 0x1f) : base;
	return 1;
}

static uint32_t alu(unsigned int f3, int alt, uint32_t a, uint32_t b)
{
	unsigned int sh = b & 31;

	switch (f3) {
	case 0:
		return alt ? a - b : a + b;
	case 1:
		return a << sh;
	case 2:
		return (int32_t)a < (int32_t)b;
	case 3:
		return a < b;
	case 4:
		return a ^ b;
	case 5:
		return alt ? (uint32_t)((int32_t)a >> sh) : a >> sh;
	case 6:
		return a | b;
	default:
		return a & b;
	}
}

static uint32_t muldiv(unsigned int f3, uint32_t a, uint32_t b)
{
	int32_t sa = (int32_t)a, sb = (int32_t)b;

	switch (f3) {
	case 0:		/* mul */
		return a * b;
	case 1:		/* mulh */
		return (uint32_t)((uint64_t)((int64_t)sa * (int64_t)sb) >> 32);
	case 2:		/* mulhsu */
		return (uint32_t)((uint64_t)((int64_t)sa * (int64_t)(uint64_t)b) >> 32);
	case 3:		/* mulhu */
		return (uint32_t)(((uint64_t)a * b) >> 32);
	case 4:		/* div */
		if (b == 0)
			return 0xffffffffu;
		if (a == 0x80000000u && sb == -1)
			return a;
		return (uint32_t)(sa / sb);
	case 5:		/* divu */
		return b ? a / b : 0xffffffffu;
	case 6:		/* rem */
		if (b == 0)
			return a;
		if (a == 0x80000000u && sb == -1)
			return 0;
		return (uint32_t)(sa % sb);
	default:	/* remu */
		return b ? a % b : a;
	}
}

static int branch_taken(unsigned int f3, uint32_t a, uint32_t b)
{
	switch (f3) {
	case 0:
		return a == b;
	case 1:
		return a != b;
	case 4:
		return (int32_t)a < (int32_t)b;
	case 5:
		return (int32_t)a >= (int32_t)b;
	case 6:
		return a < b;
	default:
		return a >= b;
	}
}

/* Exact SYSTEM encodings with funct3 == 0. */
#define INSN_ECALL 0x00000073u
#define INSN_EBREAK 0x00100073u
#define INSN_MRET 0x30200073u
#define INSN_WFI 0x10500073u

void rv_step(struct rv_hart *h, struct rv_step *s)
{
	uint32_t in, pc, next, a, b, addr = 0, v = 0, old;
	unsigned int op, rd, f3, rs1, rs2, f7, csr;
	int wrote_ctr = 0;
	int wb = 0;		/* write rd with v */

	memset(s, 0, sizeof(*s));
	if (check_interrupt(h))
		return;

	s->executed = 1;
	pc = h->pc;
	in = rv_mem_read(pc, 4);
	s->pc = pc;
	s->insn = in;
	next = pc + 4;
	op = in & 0x7f;
	rd = (in >> 7) & 31;
	f3 = (in >> 12) & 7;
	rs1 = (in >> 15) & 31;
	rs2 = (in >> 20) & 31;
	f7 = in >> 25;
	a = h->x[rs1];
	b = h->x[rs2];

	switch (op) {
	case 0x37:		/* lui */
		v = imm_u(in);
		wb = 1;
		break;
	case 0x17:		/* auipc */
		v = pc + imm_u(in);
		wb = 1;
		break;
	case 0x6f:		/* jal */
		addr = pc + imm_j(in);
		if (addr & 3)
			goto misaligned_jump;
		v = next;
		wb = 1;
		next = addr;
		break;
	case 0x67:		/* jalr */
		if (f3 != 0)
			goto illegal;
		addr = (a + imm_i(in)) & ~1u;
		if (addr & 3)
			goto misaligned_jump;
		v = next;
		wb = 1;
		next = addr;
		break;
	case 0x63:		/* branches */
		if (f3 == 2 || f3 == 3)
			goto illegal;
		if (branch_taken(f3, a, b)) {
			addr = pc + imm_b(in);
			if (addr & 3)
				goto misaligned_jump;
			next = addr;
		}
		break;
	case 0x03:		/* loads */
		addr = a + imm_i(in);
		switch (f3) {
		case 0:
			v = (uint32_t)sext(rv_mem_read(addr, 1), 8);
			break;
		case 4:
			v = rv_mem_read(addr, 1);
			break;
		case 1:
		case 5:
			if (addr & 1)
				goto misaligned_load;
			v = rv_mem_read(addr, 2);
			if (f3 == 1)
				v = (uint32_t)sext(v, 16);
			break;
		case 2:
			if (addr & 3)
				goto misaligned_load;
			v = rv_mem_read(addr, 4);
			break;
		default:
			goto illegal;
		}
		wb = 1;
		break;
	case 0x23:		/* stores */
		addr = a + imm_s(in);
		if (f3 > 2)
			goto illegal;
		if (addr & ((1u << f3) - 1))
			goto misaligned_store;
		rv_mem_write(addr, b, 1 << f3);
		s->store = 1;
		s->store_addr = addr;
		break;
	case 0x13:		/* register-immediate */
		if (f3 == 1 && f7 != 0)
			goto illegal;
		if (f3 == 5 && f7 != 0 && f7 != 0x20)
			goto illegal;
		v = alu(f3, f3 == 5 && f7 == 0x20, a, imm_i(in));
		wb = 1;
		break;
	case 0x33:		/* register-register */
		if (f7 == 1)
			v = muldiv(f3, a, b);
		else if (f7 == 0 || (f7 == 0x20 && (f3 == 0 || f3 == 5)))
			v = alu(f3, f7 == 0x20, a, b);
		else
			goto illegal;
		wb = 1;
		break;
	case 0x0f:		/* fence, fence.i: no-ops */
		if (f3 > 1)
			goto illegal;
		break;
	case 0x73:		/* system */
		if (f3 == 0) {
			if (in == INSN_ECALL) {
				take_exception(h, s, RV_CAUSE_ECALL_M, 0);
				goto done;
			} else if (in == INSN_EBREAK) {
				take_exception(h, s, RV_CAUSE_BREAKPOINT, pc);
				goto done;
			} else if (in == INSN_MRET) {
				h->mstatus_mie = h->mstatus_mpie;
				h->mstatus_mpie = 1;
				next = h->mepc;
			} else if (in != INSN_WFI) {
				goto illegal;
			}
			break;
		}
		if (f3 == 4)
			goto illegal;
		csr = in >> 20;
		{
			/* csrrw(i) always write; csrrs/c(i) only with rs1/uimm != 0 */
			int writes = (f3 & 3) == 1 || rs1 != 0;
			uint32_t src = (f3 & 4) ? rs1 : a;

			if (writes && (csr >> 10) == 3)
				goto illegal;
			old = csr_read(h, csr);
			if (writes) {
				if ((f3 & 3) == 1)
					v = src;
				else if ((f3 & 3) == 2)
					v = old | src;
				else
					v = old & ~src;
				wrote_ctr = csr_write(h, csr, v);
			}
			v = old;
			wb = 1;
		}
		break;
	default:
		goto illegal;
	}

	if (wb && rd != 0) {
		h->x[rd] = v;
		s->rd = (int)rd;
		s->rd_val = v;
	}
	h->pc = next;
	if (!(wrote_ctr & WROTE_MINSTRET))
		h->minstret++;
	goto done;

misaligned_jump:
	take_exception(h, s, RV_CAUSE_MISALIGNED_FETCH, addr);
	goto done;
misaligned_load:
	take_exception(h, s, RV_CAUSE_MISALIGNED_LOAD, addr);
	goto done;
misaligned_store:
	take_exception(h, s, RV_CAUSE_MISALIGNED_STORE, addr);
	goto done;
illegal:
	take_exception(h, s, RV_CAUSE_ILLEGAL, in);
done:
	if (!(wrote_ctr & WROTE_MCYCLE))
		h->mcycle++;
}
