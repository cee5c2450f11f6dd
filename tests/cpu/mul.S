/* mul, mulh, mulhsu, mulhu */
#include "kt.h"

KT_BEGIN
	KT_RR 1, mul, 0, 0, 0
	KT_RR 2, mul, 21, 3, 7
	KT_RR 3, mul, 1, 0xffffffff, 0xffffffff
	KT_RR 4, mul, 0x80000000, 0x80000000, 0xffffffff
	KT_RR 5, mul, 0x242d2080, 0x12345678, 0x9abcdef0
	KT_RR 6, mul, 1, 0x7fffffff, 0x7fffffff
	KT_RR 7, mul, 0xfffffff9, 7, -1
	KT_RR 8, mul, 0, 0x80000000, 2
	KT_RR_D1 9, mul, 143, 13, 11
	KT_RR_D2 10, mul, 154, 14, 11
	KT_RR_SAME 11, mul, 0x40000000, 0x8000
	KT_RR_X0 12, mul, 3, 5

	KT_RR 20, mulh, 0, 0xffffffff, 0xffffffff
	KT_RR 21, mulh, 0x40000000, 0x80000000, 0x80000000
	KT_RR 22, mulh, 0xc0000000, 0x80000000, 0x7fffffff
	KT_RR 23, mulh, 0xffffffff, 0x80000000, 1
	KT_RR 24, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff
	KT_RR 25, mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef0
	KT_RR 26, mulh, 0, 3, 7
	KT_RR 27, mulh, 0xffffffff, -3, 7
	KT_RR_D1 28, mulh, 0xffffffff, 0x80000000, 0x00000001
	KT_RR_D2 29, mulh, 0x00000001, 0x00010000, 0x00010000
	KT_RR_SAME 30, mulh, 0x40000000, 0x80000000
	KT_RR_X0 31, mulh, 0x80000000, 0x80000000

	/* mulhsu: rs1 signed, rs2 unsigned */
	KT_RR 40, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
	KT_RR 41, mulhsu, 0x80000000, 0x80000000, 0xffffffff
	KT_RR 42, mulhsu, 0, 1, 0xffffffff
	KT_RR 43, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
	KT_RR 44, mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
	KT_RR 45, mulhsu, 0xf8cc93d6, 0x9abcdef0, 0x12345678
	KT_RR 46, mulhsu, 0xffffffff, -1, 1
	KT_RR 47, mulhsu, 0, 0, 0xffffffff
	KT_RR_D1 48, mulhsu, 0xc0000000, 0x80000000, 0x80000000
	KT_RR_D2 49, mulhsu, 0x00000001, 0x00010000, 0x00010000
	KT_RR_SAME 50, mulhsu, 0xc0000000, 0x80000000
	KT_RR_X0 51, mulhsu, -1, -1

	KT_RR 60, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff
	KT_RR 61, mulhu, 1, 0x80000000, 2
	KT_RR 62, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
	KT_RR 63, mulhu, 0x40000000, 0x80000000, 0x80000000
	KT_RR 64, mulhu, 0, 0xffffffff, 1
	KT_RR 65, mulhu, 0, 0, 0xffffffff
	KT_RR_D1 66, mulhu, 0x7fffffff, 0x80000000, 0xffffffff
	KT_RR_D2 67, mulhu, 0x00000001, 0x00010000, 0x00010000
	KT_RR_SAME 68, mulhu, 0xfffffffe, 0xffffffff
	KT_RR_X0 69, mulhu, -1, -1
	KT_PASS
KT_END
