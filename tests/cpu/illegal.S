/* illegal instructions: mcause 2, mtval = the instruction bits, rd not written */
#include "kt.h"

/* case n: the word w must trap as illegal; a0 must keep its value */
.macro KT_ILL n, w
	li a0, 0x5a5a
	KT_TRAP \n, 2, \w, .word \w
	KT_EQ a0, 0x5a5a
.endm

KT_BEGIN
	KT_ILL 1, 0x00000000		/* all zero */
	KT_ILL 2, 0xffffffff		/* all ones */
	KT_ILL 3, 0x00000001		/* compressed encodings are not implemented */
	KT_ILL 4, 0x00004502		/* c.lwsp-like halfword */
	KT_ILL 5, 0x0000050b		/* custom-0 opcode */
	KT_ILL 6, 0x00002507		/* flw: no F extension */
	KT_ILL 7, 0x00000553		/* OP-FP */
	KT_ILL 8, 0x0000051b		/* OP-IMM-32 (RV64 only) */
	KT_ILL 9, 0x0000053b		/* OP-32 (RV64 only) */
	KT_ILL 10, 0x0005252f		/* amoadd.w: no A extension */
	KT_ILL 11, 0x00003503		/* ld (RV64 only) */
	KT_ILL 12, 0x00006503		/* lwu (RV64 only) */
	KT_ILL 13, 0x00007503		/* load funct3 = 7 */
	KT_ILL 14, 0x00003023		/* sd (RV64 only) */
	KT_ILL 15, 0x00004023		/* store funct3 = 4 */
	KT_ILL 16, 0x40001533		/* sll with funct7 0x20 */
	KT_ILL 17, 0x04000533		/* OP with funct7 0x02 */
	KT_ILL 18, 0x40002533		/* slt with funct7 0x20 */
	KT_ILL 19, 0x40001513		/* slli with imm[11:5] = 0x20 */
	KT_ILL 20, 0x02005513		/* srli with shamt[5] set (RV64 shift) */
	KT_ILL 21, 0x60005513		/* srai with imm[11:5] = 0x30 */
	KT_ILL 22, 0x00002063		/* branch funct3 = 2 */
	KT_ILL 23, 0x00003063		/* branch funct3 = 3 */
	KT_ILL 24, 0x00001567		/* jalr funct3 = 1 */
	KT_ILL 25, 0x00004573		/* SYSTEM funct3 = 4 */
	KT_ILL 26, 0x10200073		/* sret: no S-mode */
	KT_ILL 27, 0x00200073		/* uret */
	/* writes to read-only CSRs */
	KT_ILL 30, 0xf1459073		/* csrrw x0, mhartid, a1 */
	KT_ILL 31, 0xf145a573		/* csrrs a0, mhartid, a1 (a1 = 0: still a write) */
	KT_ILL 32, 0xf140e573		/* csrrsi a0, mhartid, 1 */
	KT_ILL 33, 0xf1105573		/* csrrwi a0, mvendorid, 0 */
	KT_ILL 34, 0xc0059073		/* csrrw x0, cycle, a1 */
	KT_ILL 35, 0xc025b573		/* csrrc a0, instret, a1 */
	KT_ILL 36, 0xfc059073		/* csrrw x0, 0xfc0 (unknown, read-only range), a1 */

	/* the illegal instruction did not change the CSR either */
	KT_CASE 40
	li a1, 0
	csrr a0, mhartid
	KT_EQ a0, 0

	/* the sequence counter saw every trap */
	KT_CASE 41
	KT_NTRAP a0
	KT_EQ a0, 34
	KT_PASS
KT_END
