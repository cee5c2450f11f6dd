/* div, divu, rem, remu including division by zero and INT_MIN / -1 */
#include "kt.h"

KT_BEGIN
	KT_RR 1, div, 3, 20, 6
	KT_RR 2, div, -3, -20, 6
	KT_RR 3, div, -3, 20, -6
	KT_RR 4, div, 3, -20, -6
	KT_RR 5, div, -1, 20, 0
	KT_RR 6, div, -1, 0, 0
	KT_RR 7, div, -1, 0x80000000, 0
	KT_RR 8, div, 0x80000000, 0x80000000, -1
	KT_RR 9, div, 0x80000000, 0x80000000, 1
	KT_RR 10, div, 0, 5, 7
	KT_RR 11, div, 0xc0000000, 0x80000000, 2
	KT_RR 12, div, 1, 0x7fffffff, 0x7fffffff
	KT_RR_D1 13, div, 6, 13, 2
	KT_RR_D2 14, div, -7, 14, -2
	KT_RR_SAME 15, div, 1, -9
	KT_RR_X0 16, div, 1, 0

	KT_RR 20, divu, 3, 20, 6
	KT_RR 21, divu, 0x2aaaaaa7, 0xffffffec, 6
	KT_RR 22, divu, 0, 20, -6
	KT_RR 23, divu, 0xffffffff, 20, 0
	KT_RR 24, divu, 0xffffffff, 0, 0
	KT_RR 25, divu, 0, 0x80000000, 0xffffffff
	KT_RR 26, divu, 1, 0xffffffff, 0xffffffff
	KT_RR 27, divu, 0x40000000, 0x80000000, 2
	KT_RR_D1 28, divu, 0x7fffffff, 0xffffffff, 2
	KT_RR_D2 29, divu, 7, 14, 2
	KT_RR_SAME 30, divu, 1, 0x80000000
	KT_RR_X0 31, divu, 1, 0

	KT_RR 40, rem, 2, 20, 6
	KT_RR 41, rem, -2, -20, 6
	KT_RR 42, rem, 2, 20, -6
	KT_RR 43, rem, -2, -20, -6
	KT_RR 44, rem, 20, 20, 0
	KT_RR 45, rem, 0x80000000, 0x80000000, 0
	KT_RR 46, rem, 0, 0x80000000, -1
	KT_RR 47, rem, 0, 0x80000000, 1
	KT_RR 48, rem, 0xffffffff, 0x80000000, 0x7fffffff
	KT_RR 49, rem, 5, 5, 7
	KT_RR_D1 50, rem, 1, 13, 2
	KT_RR_D2 51, rem, -1, -15, 2
	KT_RR_SAME 52, rem, 0, -9
	KT_RR_X0 53, rem, 1, 0

	KT_RR 60, remu, 2, 20, 6
	KT_RR 61, remu, 2, 0xffffffec, 6
	KT_RR 62, remu, 20, 20, -6
	KT_RR 63, remu, 20, 20, 0
	KT_RR 64, remu, 0xffffffff, 0xffffffff, 0
	KT_RR 65, remu, 0x80000000, 0x80000000, 0xffffffff
	KT_RR 66, remu, 0, 0xffffffff, 0xffffffff
	KT_RR 67, remu, 1, 0x80000001, 2
	KT_RR_D1 68, remu, 1, 0xffffffff, 2
	KT_RR_D2 69, remu, 0, 14, 2
	KT_RR_SAME 70, remu, 0, 0x80000000
	KT_RR_X0 71, remu, 1, 0
	KT_PASS
KT_END
