/* lui, auipc and the register-immediate ALU instructions */
#include "kt.h"

KT_BEGIN
	/* lui */
	KT_CASE 1
	lui a0, 0
	KT_EQ a0, 0
	KT_CASE 2
	lui a0, 0xfffff
	KT_EQ a0, 0xfffff000
	KT_CASE 3
	lui a0, 0x80000
	KT_EQ a0, 0x80000000
	KT_CASE 4
	lui a0, 0x12345
	KT_EQ a0, 0x12345000
	KT_CASE 5
	lui x0, 0x12345
	mv a0, x0
	KT_EQ a0, 0

	/* auipc */
	KT_CASE 10
here0:	auipc a0, 0
	KT_EQA a0, here0
	KT_CASE 11
here1:	auipc a0, 1
	la a1, here1
	sub a0, a0, a1
	KT_EQ a0, 0x1000
	KT_CASE 12
here2:	auipc a0, 0xfffff
	la a1, here2
	sub a0, a1, a0
	KT_EQ a0, 0x1000
	KT_CASE 13
	auipc x0, 0x12345
	mv a0, x0
	KT_EQ a0, 0

	/* addi */
	KT_RI 20, addi, 0, 0, 0
	KT_RI 21, addi, 2, 1, 1
	KT_RI 22, addi, 10, 3, 7
	KT_RI 23, addi, 0x80000000, 0x7fffffff, 1
	KT_RI 24, addi, 0x7fffffff, 0x80000000, -1
	KT_RI 25, addi, 0xfffff800, 0, -2048
	KT_RI 26, addi, 0x7ff, 0, 2047
	KT_RI 27, addi, 0, -1, 1
	KT_RI 28, addi, 0x800007fe, 0x7fffffff, 2047
	KT_RI_D1 29, addi, 24, 13, 11
	KT_RI_X0 30, addi, 5, 5

	/* slti */
	KT_RI 40, slti, 0, 0, 0
	KT_RI 41, slti, 1, -1, 0
	KT_RI 42, slti, 0, 0x7fffffff, -1
	KT_RI 43, slti, 1, 0x80000000, 0
	KT_RI 44, slti, 1, 5, 6
	KT_RI 45, slti, 0, 5, 5
	KT_RI 46, slti, 0, 0, -2048
	KT_RI 47, slti, 1, 0xfffff7ff, -2048
	KT_RI 48, slti, 1, 0x80000000, -2048
	KT_RI_D1 49, slti, 1, -7, 2047
	KT_RI_X0 50, slti, -1, 0

	/* sltiu: the immediate is sign-extended, then compared unsigned */
	KT_RI 60, sltiu, 0, 0, 0
	KT_RI 61, sltiu, 1, 0, -1
	KT_RI 62, sltiu, 1, 0xfffffffe, -1
	KT_RI 63, sltiu, 0, 0xffffffff, -1
	KT_RI 64, sltiu, 0, 1, 1
	KT_RI 65, sltiu, 1, 0, 1
	KT_RI 66, sltiu, 0, 0x80000000, 2047
	KT_RI 67, sltiu, 1, 0x7fffffff, -2048
	KT_RI_D1 68, sltiu, 1, 5, 6
	KT_RI_X0 69, sltiu, 0, 1

	/* xori */
	KT_RI 80, xori, 0xff00f00f, 0x00ff0f00, -0xf1
	KT_RI 81, xori, 0x12345187, 0x12345678, 0x7ff
	KT_RI 82, xori, 0, -1, -1
	KT_RI 83, xori, 0xf0f0f0f0, 0x0f0f0f0f, -1
	KT_RI_D1 84, xori, 0x0f0f0f00, 0x0f0f0f0f, 0xf
	KT_RI_X0 85, xori, 1, 3

	/* ori */
	KT_RI 90, ori, 0xffffff0f, 0xff00ff00, -0xf1
	KT_RI 91, ori, 0x123407ff, 0x12340000, 0x7ff
	KT_RI 92, ori, 0, 0, 0
	KT_RI 93, ori, 0x80000001, 0x80000000, 1
	KT_RI_D1 94, ori, 0xff00fff0, 0xff00ff00, 0xf0
	KT_RI_X0 95, ori, 1, 3

	/* andi */
	KT_RI 100, andi, 0xff00ff00, 0xff00ff00, -0xf1
	KT_RI 101, andi, 0x678, 0x12345678, 0x7ff
	KT_RI 102, andi, 0xfffff800, -1, -2048
	KT_RI 103, andi, 0, 0, -1
	KT_RI_D1 104, andi, 0x0000000f, 0xff00ff0f, 0xf
	KT_RI_X0 105, andi, -1, -1

	/* slli */
	KT_RI 110, slli, 1, 1, 0
	KT_RI 111, slli, 2, 1, 1
	KT_RI 112, slli, 0x80000000, 1, 31
	KT_RI 113, slli, 0x80000000, 0xffffffff, 31
	KT_RI 114, slli, 0x90909080, 0x21212121, 7
	KT_RI 115, slli, 0x12345678, 0x12345678, 0
	KT_RI_D1 116, slli, 0x00004000, 1, 14
	KT_RI_X0 117, slli, 1, 3

	/* srli */
	KT_RI 120, srli, 0x80000000, 0x80000000, 0
	KT_RI 121, srli, 0x40000000, 0x80000000, 1
	KT_RI 122, srli, 1, 0x80000000, 31
	KT_RI 123, srli, 1, 0xffffffff, 31
	KT_RI 124, srli, 0x00424242, 0x21212121, 7
	KT_RI_D1 125, srli, 0x01ffffff, 0xffffffff, 7
	KT_RI_X0 126, srli, -1, 3

	/* srai */
	KT_RI 130, srai, 0x80000000, 0x80000000, 0
	KT_RI 131, srai, 0xc0000000, 0x80000000, 1
	KT_RI 132, srai, 0xffffffff, 0x80000000, 31
	KT_RI 133, srai, 0, 0x7fffffff, 31
	KT_RI 134, srai, 0xff030303, 0x81818181, 7
	KT_RI 135, srai, 0xc0c0c0c0, 0x81818181, 1
	KT_RI 136, srai, 0x00424242, 0x21212121, 7
	KT_RI_D1 137, srai, 0xffffffff, 0xffffffff, 14
	KT_RI_X0 138, srai, -1, 3
	KT_PASS
KT_END
