// SPDX-License-Identifier: MIT
/*
 * mkfwimg - build and check kvmosd firmware images (common/fwimage.h).
 *
 *   mkfwimg [--load ADDR] [--entry ADDR] [--build-id HEX] IN OUT
 *       IN is an ELF32 little-endian executable (its PT_LOAD segments are flattened at their
 *       load addresses; load and entry default to the lowest segment and e_entry) or a raw
 *       binary (--load required, entry defaults to the load address). The payload is padded
 *       with zeros to a multiple of 4 bytes. A load address inside the flash window must be
 *       the payload's own address, FWIMG_XIP_ADDR (execute in place: link-xip.ld); the
 *       boot loader copies any other image into RAM.
 *   mkfwimg --check FILE
 *       prints the header and "status ok", or the exact reason the image is bad.
 *
 * Exit status: 0 good, 1 bad image (check), 2 usage or I/O error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crc32.h"
#include "elf32.h"
#include "fwimage.h"

#define EXIT_BAD_IMAGE	1
#define EXIT_USAGE	2

/* the payload's address in the flash read window: load address of execute-in-place images */
#define FWIMG_XIP_ADDR	(KVM_FLASH_BASE + KVM_FLASH_FW_OFFSET + FWIMG_HDR_SIZE)

static const char *prog = "mkfwimg";

static void usage(void)
{
	fprintf(stderr,
		"usage: %s [--load ADDR] [--entry ADDR] [--build-id HEX] IN OUT\n"
		"       %s --check FILE\n", prog, prog);
	exit(EXIT_USAGE);
}

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		exit(EXIT_USAGE);
	}
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf) {
				fprintf(stderr, "%s: out of memory\n", prog);
				exit(EXIT_USAGE);
			}
		}
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: %s: read error\n", prog, path);
		exit(EXIT_USAGE);
	}
	fclose(f);
	*len = n;
	return buf;
}

static int parse_u32(const char *s, int base, uint32_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || end == s || *end || v > 0xFFFFFFFFull)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/*
 * Flatten the PT_LOAD segments of an ELF file into a fresh buffer starting at the lowest
 * physical (load) address. Returns the buffer; *base, *len and *entry are filled.
 */
static uint8_t *elf_flatten(const char *path, uint32_t *base, size_t *len, uint32_t *entry)
{
	uint32_t lo = 0xFFFFFFFFu, hi = 0;
	struct elf32_seg seg;
	struct elf32 e;
	unsigned int i;
	uint8_t *out;
	char err[256];

	if (elf32_open(&e, path, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", prog, err);
		exit(EXIT_USAGE);
	}
	for (i = 0; i < elf32_segments(&e); i++) {
		elf32_segment(&e, i, &seg);
		if (seg.filesz == 0)
			continue;
		if (seg.paddr < lo)
			lo = seg.paddr;
		if (seg.paddr + seg.filesz > hi)
			hi = seg.paddr + seg.filesz;
	}
	if (hi <= lo) {
		fprintf(stderr, "%s: %s: no loadable data\n", prog, path);
		exit(EXIT_USAGE);
	}
	if (hi - lo > FWIMG_MAX_PAYLOAD) {
		fprintf(stderr, "%s: %s: segments span %u bytes, slot holds %u\n", prog, path,
			hi - lo, (unsigned int)FWIMG_MAX_PAYLOAD);
		exit(EXIT_USAGE);
	}
	out = calloc(1, hi - lo);
	if (!out) {
		fprintf(stderr, "%s: out of memory\n", prog);
		exit(EXIT_USAGE);
	}
	for (i = 0; i < elf32_segments(&e); i++) {
		elf32_segment(&e, i, &seg);
		memcpy(out + (seg.paddr - lo), seg.data, seg.filesz);
	}
	*base = lo;
	*len = hi - lo;
	*entry = e.entry;
	elf32_close(&e);
	return out;
}

static void print_header(const struct fwimg_hdr *h)
{
	printf("magic        0x%08x%s\n", h->magic, h->magic == FWIMG_MAGIC ? " (KVFW)" : "");
	printf("version      %u\n", h->version);
	printf("load         0x%08x\n", h->load_addr);
	printf("run          %s\n",
	       h->load_addr == FWIMG_XIP_ADDR ? "in place (XIP)" : "copy to RAM");
	printf("length       %u bytes\n", h->length);
	printf("entry        0x%08x\n", h->entry);
	printf("payload crc  0x%08x\n", h->payload_crc);
	printf("build id     %08x\n", h->build_id);
	printf("header crc   0x%08x\n", h->header_crc);
}

static int do_check(const char *path)
{
	struct fwimg_hdr h;
	size_t len;
	uint8_t *img = read_file(path, &len);
	int err = fwimg_check(img, len, &h);

	if (len >= FWIMG_HDR_SIZE)
		print_header(&h);
	if (err) {
		printf("status       %s\n", fwimg_strerror(err));
		fprintf(stderr, "%s: %s: %s\n", prog, path, fwimg_strerror(err));
		free(img);
		return EXIT_BAD_IMAGE;
	}
	printf("status       ok\n");
	free(img);
	return 0;
}

static int do_build(const char *in, const char *out, int have_load, uint32_t load,
		    int have_entry, uint32_t entry, uint32_t build_id)
{
	size_t flen, plen;
	uint8_t *f = read_file(in, &flen);
	uint8_t *payload, hdr[FWIMG_HDR_SIZE], chk_hdr_buf[FWIMG_HDR_SIZE];
	uint32_t base, elf_entry;
	struct fwimg_hdr h, chk;
	FILE *o;
	int err;

	if (flen >= 4 && !memcmp(f, "\177ELF", 4)) {
		free(f);
		payload = elf_flatten(in, &base, &plen, &elf_entry);
		if (have_load && load != base) {
			fprintf(stderr, "%s: %s: --load 0x%08x but the ELF loads at 0x%08x\n",
				prog, in, load, base);
			return EXIT_USAGE;
		}
		load = base;
		if (!have_entry)
			entry = elf_entry;
	} else {
		if (!have_load) {
			fprintf(stderr, "%s: %s: raw binary needs --load\n", prog, in);
			return EXIT_USAGE;
		}
		payload = f;
		plen = flen;
		if (!have_entry)
			entry = load;
	}
	if (load - KVM_FLASH_BASE < KVM_FLASH_SIZE && load != FWIMG_XIP_ADDR) {
		fprintf(stderr, "%s: %s: load address 0x%08x is in the flash window; an image run "
			"in place must load at its payload address 0x%08x\n", prog, in, load,
			FWIMG_XIP_ADDR);
		free(payload);
		return EXIT_USAGE;
	}
	/* pad to whole words: the boot ROM copies and checks words */
	while (plen & 3) {
		uint8_t *p = realloc(payload, plen + 1);

		if (!p) {
			fprintf(stderr, "%s: out of memory\n", prog);
			return EXIT_USAGE;
		}
		payload = p;
		payload[plen++] = 0;
	}
	fwimg_make(&h, load, entry, build_id, payload, (uint32_t)plen);
	fwimg_pack(&h, hdr);
	memcpy(chk_hdr_buf, hdr, sizeof(hdr));
	err = fwimg_parse(chk_hdr_buf, sizeof(chk_hdr_buf), &chk);
	if (err) {
		fprintf(stderr, "%s: %s: cannot make image: %s\n", prog, in, fwimg_strerror(err));
		free(payload);
		return EXIT_USAGE;
	}
	o = fopen(out, "wb");
	if (!o || fwrite(hdr, 1, sizeof(hdr), o) != sizeof(hdr) ||
	    fwrite(payload, 1, plen, o) != plen || fclose(o)) {
		fprintf(stderr, "%s: %s: write error\n", prog, out);
		free(payload);
		return EXIT_USAGE;
	}
	free(payload);
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t load = 0, entry = 0, build_id = 0;
	int have_load = 0, have_entry = 0, i;
	const char *pos[2];
	int npos = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--check")) {
			if (i + 2 != argc)
				usage();
			return do_check(argv[i + 1]);
		} else if (!strcmp(a, "--load") && i + 1 < argc) {
			if (parse_u32(argv[++i], 0, &load))
				usage();
			have_load = 1;
		} else if (!strcmp(a, "--entry") && i + 1 < argc) {
			if (parse_u32(argv[++i], 0, &entry))
				usage();
			have_entry = 1;
		} else if (!strcmp(a, "--build-id") && i + 1 < argc) {
			if (parse_u32(argv[++i], 16, &build_id)) {
				fprintf(stderr, "%s: --build-id wants up to 8 hex digits\n", prog);
				return EXIT_USAGE;
			}
		} else if (a[0] == '-' && a[1]) {
			usage();
		} else if (npos < 2) {
			pos[npos++] = a;
		} else {
			usage();
		}
	}
	if (npos != 2)
		usage();
	return do_build(pos[0], pos[1], have_load, load, have_entry, entry, build_id);
}
