/* SPDX-License-Identifier: MIT */
/*
 * elf32.c - see elf32.h. Field offsets are those of the ELF32 structures (e_entry at 24,
 * e_phoff at 28, ...), read byte by byte so the host's endianness does not matter.
 */
#include "elf32.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EM_RISCV	243
#define PT_LOAD		1
#define SHT_SYMTAB	2
#define PHDR_SIZE	32
#define SHDR_SIZE	40
#define SYM_SIZE	16

static uint32_t rd16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

/* Is [off, off + size) inside the file? */
static int in_file(const struct elf32 *e, uint64_t off, uint64_t size)
{
	return off <= e->len && size <= e->len - off;
}

static int fail(struct elf32 *e, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	elf32_close(e);
	return -1;
}

static const uint8_t *phdr(const struct elf32 *e, unsigned int i)
{
	return e->data + rd32(e->data + 28) + (size_t)i * rd16(e->data + 42);
}

int elf32_open(struct elf32 *e, const char *path, char *err, size_t errlen)
{
	static const uint8_t ident[6] = { 0x7f, 'E', 'L', 'F', 1 /* 32-bit */, 1 /* LE */ };
	FILE *f = fopen(path, "rb");
	unsigned int i, phnum;
	long n;

	memset(e, 0, sizeof(*e));
	if (!f)
		return fail(e, err, errlen, "cannot open %s: %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return fail(e, err, errlen, "cannot read %s", path);
	}
	e->data = (uint8_t *)malloc((size_t)n + 1);
	if (!e->data || fread(e->data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return fail(e, err, errlen, "cannot read %s", path);
	}
	fclose(f);
	e->len = (size_t)n;

	if (e->len < 52 || memcmp(e->data, ident, sizeof(ident)) ||
	    rd16(e->data + 18) != EM_RISCV)
		return fail(e, err, errlen, "%s is not a little-endian 32-bit RISC-V ELF file", path);
	e->entry = rd32(e->data + 24);
	phnum = rd16(e->data + 44);
	if (rd16(e->data + 42) < PHDR_SIZE ||
	    !in_file(e, rd32(e->data + 28), (uint64_t)phnum * rd16(e->data + 42)))
		return fail(e, err, errlen, "%s: bad program header table", path);
	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = phdr(e, i);

		if (rd32(ph) != PT_LOAD)
			continue;
		if (!in_file(e, rd32(ph + 4), rd32(ph + 16)) || rd32(ph + 16) > rd32(ph + 20))
			return fail(e, err, errlen, "%s: segment %u lies outside the file", path, i);
	}
	return 0;
}

void elf32_close(struct elf32 *e)
{
	free(e->data);
	e->data = NULL;
	e->len = 0;
}

unsigned int elf32_segments(const struct elf32 *e)
{
	unsigned int i, n = 0, phnum = rd16(e->data + 44);

	for (i = 0; i < phnum; i++)
		n += rd32(phdr(e, i)) == PT_LOAD;
	return n;
}

void elf32_segment(const struct elf32 *e, unsigned int idx, struct elf32_seg *seg)
{
	unsigned int i, phnum = rd16(e->data + 44);

	memset(seg, 0, sizeof(*seg));
	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = phdr(e, i);

		if (rd32(ph) != PT_LOAD || idx--)
			continue;
		seg->vaddr = rd32(ph + 8);
		seg->paddr = rd32(ph + 12);
		seg->filesz = rd32(ph + 16);
		seg->memsz = rd32(ph + 20);
		seg->data = e->data + rd32(ph + 4);
		return;
	}
}

int elf32_symbol(const struct elf32 *e, const char *name, uint32_t *value)
{
	uint32_t shoff = rd32(e->data + 32), shentsize = rd16(e->data + 46);
	uint32_t shnum = rd16(e->data + 48), i, j;

	if (shentsize < SHDR_SIZE || !in_file(e, shoff, (uint64_t)shnum * shentsize))
		return -1;
	for (i = 0; i < shnum; i++) {
		const uint8_t *sh = e->data + shoff + i * shentsize;
		uint32_t off = rd32(sh + 16), size = rd32(sh + 20), link = rd32(sh + 24);
		const uint8_t *strsh;
		uint32_t stroff, strsize;

		if (rd32(sh + 4) != SHT_SYMTAB || link >= shnum)
			continue;
		strsh = e->data + shoff + link * shentsize;
		stroff = rd32(strsh + 16);
		strsize = rd32(strsh + 20);
		if (!in_file(e, off, size) || !in_file(e, stroff, strsize))
			continue;
		for (j = 0; j + SYM_SIZE <= size; j += SYM_SIZE) {
			const uint8_t *sym = e->data + off + j;
			uint32_t n = rd32(sym);
			const char *s = (const char *)e->data + stroff + n;

			if (rd16(sym + 14) == 0)	/* SHN_UNDEF: not defined here */
				continue;
			if (n < strsize && memchr(s, 0, strsize - n) && !strcmp(s, name)) {
				*value = rd32(sym + 4);
				return 0;
			}
		}
	}
	return -1;
}
