/* register-register ALU instructions */
#include "kt.h"

KT_BEGIN
	/* add */
	KT_RR 1, add, 0, 0, 0
	KT_RR 2, add, 2, 1, 1
	KT_RR 3, add, 10, 3, 7
	KT_RR 4, add, 0x80000000, 0x7fffffff, 1
	KT_RR 5, add, 0, 0x80000000, 0x80000000
	KT_RR 6, add, 0, 0xffffffff, 1
	KT_RR 7, add, 0x7fffffff, 0x80000000, 0xffffffff
	KT_RR_D1 8, add, 24, 13, 11
	KT_RR_D2 9, add, 25, 14, 11
	KT_RR_SAME 10, add, 0x2468acf0, 0x12345678
	KT_RR_X0 11, add, 1, 2

	/* sub */
	KT_RR 20, sub, 0, 0, 0
	KT_RR 21, sub, 0, 1, 1
	KT_RR 22, sub, 0xfffffffc, 3, 7
	KT_RR 23, sub, 0x7fffffff, 0x80000000, 1
	KT_RR 24, sub, 0x80000000, 0, 0x80000000
	KT_RR 25, sub, 0x80000000, 0x7fffffff, 0xffffffff
	KT_RR_D1 26, sub, 2, 13, 11
	KT_RR_D2 27, sub, 3, 14, 11
	KT_RR_SAME 28, sub, 0, 0x12345678
	KT_RR_X0 29, sub, 1, 2

	/* sll: only rs2[4:0] counts */
	KT_RR 40, sll, 1, 1, 0
	KT_RR 41, sll, 0x80000000, 1, 31
	KT_RR 42, sll, 1, 1, 32
	KT_RR 43, sll, 2, 1, 0xffffffe1
	KT_RR 44, sll, 0x48484000, 0x21212121, 14
	KT_RR 45, sll, 0x80000000, 0xffffffff, 31
	KT_RR_D1 46, sll, 0x100, 1, 8
	KT_RR_D2 47, sll, 0x200, 1, 9
	KT_RR_SAME 48, sll, 24, 3
	KT_RR_X0 49, sll, 1, 2

	/* slt */
	KT_RR 60, slt, 0, 0, 0
	KT_RR 61, slt, 1, -1, 0
	KT_RR 62, slt, 0, 0, -1
	KT_RR 63, slt, 1, 0x80000000, 0x7fffffff
	KT_RR 64, slt, 0, 0x7fffffff, 0x80000000
	KT_RR 65, slt, 1, 5, 6
	KT_RR 66, slt, 0, 6, 5
	KT_RR 67, slt, 1, 0x80000000, 0x80000001
	KT_RR_D1 68, slt, 1, -2, -1
	KT_RR_D2 69, slt, 0, -1, -2
	KT_RR_SAME 70, slt, 0, 0x80000000
	KT_RR_X0 71, slt, -1, 2

	/* sltu */
	KT_RR 80, sltu, 0, 0, 0
	KT_RR 81, sltu, 1, 0, 0xffffffff
	KT_RR 82, sltu, 0, 0xffffffff, 0
	KT_RR 83, sltu, 0, 0x80000000, 0x7fffffff
	KT_RR 84, sltu, 1, 0x7fffffff, 0x80000000
	KT_RR 85, sltu, 1, 0xfffffffe, 0xffffffff
	KT_RR_D1 86, sltu, 1, 5, 6
	KT_RR_D2 87, sltu, 0, 6, 5
	KT_RR_SAME 88, sltu, 0, 0xffffffff
	KT_RR_X0 89, sltu, 0, 2

	/* xor */
	KT_RR 100, xor, 0xf0f0f0f0, 0xff00ff00, 0x0ff00ff0
	KT_RR 101, xor, 0xffffffff, 0, 0xffffffff
	KT_RR 102, xor, 0x80000001, 0x80000000, 1
	KT_RR_D1 103, xor, 0x0ff00ff0, 0xf00ff00f, 0xffffffff
	KT_RR_D2 104, xor, 3, 1, 2
	KT_RR_SAME 105, xor, 0, 0x12345678
	KT_RR_X0 106, xor, 1, 2

	/* srl */
	KT_RR 120, srl, 0x80000000, 0x80000000, 0
	KT_RR 121, srl, 0x40000000, 0x80000000, 1
	KT_RR 122, srl, 1, 0x80000000, 31
	KT_RR 123, srl, 0x80000000, 0x80000000, 32
	KT_RR 124, srl, 0x0fffffff, 0xffffffff, 0xffffffe4
	KT_RR 125, srl, 0x00424242, 0x21212121, 7
	KT_RR_D1 126, srl, 0x00ffffff, 0xffffffff, 8
	KT_RR_D2 127, srl, 0x007fffff, 0xffffffff, 9
	KT_RR_SAME 128, srl, 0, 0x1f
	KT_RR_X0 129, srl, -1, 2

	/* sra */
	KT_RR 140, sra, 0x80000000, 0x80000000, 0
	KT_RR 141, sra, 0xc0000000, 0x80000000, 1
	KT_RR 142, sra, 0xffffffff, 0x80000000, 31
	KT_RR 143, sra, 0x80000000, 0x80000000, 32
	KT_RR 144, sra, 1, 0x7fffffff, 30
	KT_RR 145, sra, 0xff030303, 0x81818181, 7
	KT_RR 146, sra, 0xffffffff, 0xffffffff, 0xffffffff
	KT_RR_D1 147, sra, 0xff818181, 0x81818181, 8
	KT_RR_D2 148, sra, 0x00404040, 0x01010101, 2
	KT_RR_SAME 149, sra, 0xffffffff, 0x8000001f
	KT_RR_X0 150, sra, -1, 2

	/* or */
	KT_RR 160, or, 0xfff0fff0, 0xff00ff00, 0x0ff00ff0
	KT_RR 161, or, 0, 0, 0
	KT_RR 162, or, 0x80000001, 0x80000000, 1
	KT_RR_D1 163, or, 0xffffffff, 0xf00ff00f, 0x0ff00ff0
	KT_RR_D2 164, or, 3, 1, 2
	KT_RR_SAME 165, or, 0x12345678, 0x12345678
	KT_RR_X0 166, or, 1, 2

	/* and */
	KT_RR 180, and, 0x0f000f00, 0xff00ff00, 0x0ff00ff0
	KT_RR 181, and, 0, 0xffffffff, 0
	KT_RR 182, and, 0x80000000, 0x80000000, 0xffffffff
	KT_RR_D1 183, and, 0x000ff000, 0xf00ff00f, 0x0ffff0f0
	KT_RR_D2 184, and, 0, 1, 2
	KT_RR_SAME 185, and, 0x12345678, 0x12345678
	KT_RR_X0 186, and, 3, 3
	KT_PASS
KT_END
