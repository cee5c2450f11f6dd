/* Reports failure of test 5: rv-run must print "FAIL test 5" and exit 1. */
#include "test.h"
	.section .text.init
	.globl _start
_start:
	FAIL(5)
	TOHOST
