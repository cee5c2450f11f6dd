/* Never ends: rv-run must stop at --max-cycles and exit 2. */
#include "test.h"
	.section .text.init
	.globl _start
_start:
	j _start
	TOHOST
