/* SPDX-License-Identifier: MIT */
/*
 * elf32.h - a small reader for little-endian 32-bit RISC-V ELF executables, shared by the
 * host tools that load programs: rv-run (the core under Verilator), the reference ISS and
 * mkfwimg. Bounds-checked against the file size; errors come back as text.
 */
#ifndef KVMOSD_ELF32_H
#define KVMOSD_ELF32_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct elf32 {
	uint8_t *data;		/* whole file */
	size_t len;
	uint32_t entry;
};

/* One PT_LOAD segment: filesz bytes of data at vaddr/paddr, then zeros up to memsz. */
struct elf32_seg {
	uint32_t vaddr, paddr, filesz, memsz;
	const uint8_t *data;
};

/*
 * Read and check PATH: ELF magic, 32-bit, little-endian, machine RISC-V, program headers
 * and every PT_LOAD segment inside the file. Returns 0, or -1 with a message in err.
 */
int elf32_open(struct elf32 *e, const char *path, char *err, size_t errlen);
void elf32_close(struct elf32 *e);

/* Number of PT_LOAD segments; elf32_segment() fills the i-th one (0-based). */
unsigned int elf32_segments(const struct elf32 *e);
void elf32_segment(const struct elf32 *e, unsigned int i, struct elf32_seg *seg);

/* Value of symbol NAME from the symbol table: 0 if found, -1 if not (or no table). */
int elf32_symbol(const struct elf32 *e, const char *name, uint32_t *value);

#ifdef __cplusplus
}
#endif

#endif /* KVMOSD_ELF32_H */
