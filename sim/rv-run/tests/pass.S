/* Passes at once: rv-run must exit 0. */
#include "test.h"
	.section .text.init
	.globl _start
_start:
	nop
	PASS
	TOHOST
