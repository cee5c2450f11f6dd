/* Helpers for the rv-run self tests (assembly). tohost protocol: 1 = pass, 2n+1 = fail n. */
#define PASS \
	li t6, 1; \
	la t5, tohost; \
	sw t6, 0(t5); \
1:	j 1b

#define FAIL(n) \
	li t6, ((n) << 1) | 1; \
	la t5, tohost; \
	sw t6, 0(t5); \
1:	j 1b

#define TOHOST \
	.section .tohost, "aw"; \
	.align 3; \
	.globl tohost; \
tohost:	.word 0, 0
