// SPDX-License-Identifier: MIT
/*
 * psf2kvm - convert a Linux console font (PSF1 or PSF2, plain or gzip) into the
 * kvmosd OSD font: 256 glyphs of 8x16 pixels indexed by CP437 code, 16 bytes per
 * glyph (one byte per row, top row first), bit 7 = leftmost pixel.
 *
 * Glyphs are chosen through the font's Unicode table: for every CP437 code the
 * glyph mapped to that code's Unicode code point is used, taken from the first
 * of the given fonts that has it (later fonts are fallbacks). Codes no font can
 * show get a visible replacement glyph and are reported on stderr.
 *
 * Outputs (each optional):
 *   --c FILE     C source defining `const unsigned char SYMBOL[4096]`
 *   --bin FILE   the raw 4096 bytes
 *   --hex FILE   one byte per line in hex, for $readmemh
 *   --png FILE   a 16x16 glyph sheet (grey-scale PNG)
 *
 * Format reference: kbd's font-formats documentation (PSF fonts, section 1).
 */
#include <errno.h>
#include <getopt.h>
#include <png.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define GLYPH_W		8
#define GLYPH_H		16
#define NUM_CODES	256
#define FONT_BYTES	(NUM_CODES * GLYPH_H)
#define MAX_FILE	(16 * 1024 * 1024)
#define MAX_FONTS	8

#define PSF1_MAGIC0	0x36
#define PSF1_MAGIC1	0x04
#define PSF1_MODE512	0x01
#define PSF1_MODEHASTAB	0x02
#define PSF1_MODEHASSEQ	0x04
#define PSF1_SEPARATOR	0xFFFF
#define PSF1_STARTSEQ	0xFFFE

#define PSF2_MAGIC	0x864ab572u
#define PSF2_HDR_SIZE	32
#define PSF2_HAS_UNICODE_TABLE 0x01
#define PSF2_SEPARATOR	0xFF
#define PSF2_STARTSEQ	0xFE

static const char *prog = "psf2kvm";

/*
 * CP437 -> Unicode, the IBM PC character set with the graphic glyphs for the
 * control range (0x01-0x1F, 0x7F). Second column: an alternative code point that
 * fonts often use for the same shape (0 = none). Code 0x00 (NUL) is a blank cell.
 */
static const uint16_t cp437_unicode[NUM_CODES][2] = {
	/* 0x00 */ {0x0000, 0}, {0x263A, 0}, {0x263B, 0}, {0x2665, 0},
	/* 0x04 */ {0x2666, 0x25C6}, {0x2663, 0}, {0x2660, 0}, {0x2022, 0},
	/* 0x08 */ {0x25D8, 0}, {0x25CB, 0}, {0x25D9, 0}, {0x2642, 0},
	/* 0x0C */ {0x2640, 0}, {0x266A, 0}, {0x266B, 0}, {0x263C, 0},
	/* 0x10 */ {0x25BA, 0x25B6}, {0x25C4, 0x25C0}, {0x2195, 0}, {0x203C, 0},
	/* 0x14 */ {0x00B6, 0}, {0x00A7, 0}, {0x25AC, 0}, {0x21A8, 0},
	/* 0x18 */ {0x2191, 0}, {0x2193, 0}, {0x2192, 0}, {0x2190, 0},
	/* 0x1C */ {0x221F, 0}, {0x2194, 0}, {0x25B2, 0}, {0x25BC, 0},
	/* 0x20 */ {0x0020, 0}, {0x0021, 0}, {0x0022, 0}, {0x0023, 0},
	/* 0x24 */ {0x0024, 0}, {0x0025, 0}, {0x0026, 0}, {0x0027, 0},
	/* 0x28 */ {0x0028, 0}, {0x0029, 0}, {0x002A, 0}, {0x002B, 0},
	/* 0x2C */ {0x002C, 0}, {0x002D, 0}, {0x002E, 0}, {0x002F, 0},
	/* 0x30 */ {0x0030, 0}, {0x0031, 0}, {0x0032, 0}, {0x0033, 0},
	/* 0x34 */ {0x0034, 0}, {0x0035, 0}, {0x0036, 0}, {0x0037, 0},
	/* 0x38 */ {0x0038, 0}, {0x0039, 0}, {0x003A, 0}, {0x003B, 0},
	/* 0x3C */ {0x003C, 0}, {0x003D, 0}, {0x003E, 0}, {0x003F, 0},
	/* 0x40 */ {0x0040, 0}, {0x0041, 0}, {0x0042, 0}, {0x0043, 0},
	/* 0x44 */ {0x0044, 0}, {0x0045, 0}, {0x0046, 0}, {0x0047, 0},
	/* 0x48 */ {0x0048, 0}, {0x0049, 0}, {0x004A, 0}, {0x004B, 0},
	/* 0x4C */ {0x004C, 0}, {0x004D, 0}, {0x004E, 0}, {0x004F, 0},
	/* 0x50 */ {0x0050, 0}, {0x0051, 0}, {0x0052, 0}, {0x0053, 0},
	/* 0x54 */ {0x0054, 0}, {0x0055, 0}, {0x0056, 0}, {0x0057, 0},
	/* 0x58 */ {0x0058, 0}, {0x0059, 0}, {0x005A, 0}, {0x005B, 0},
	/* 0x5C */ {0x005C, 0}, {0x005D, 0}, {0x005E, 0}, {0x005F, 0},
	/* 0x60 */ {0x0060, 0}, {0x0061, 0}, {0x0062, 0}, {0x0063, 0},
	/* 0x64 */ {0x0064, 0}, {0x0065, 0}, {0x0066, 0}, {0x0067, 0},
	/* 0x68 */ {0x0068, 0}, {0x0069, 0}, {0x006A, 0}, {0x006B, 0},
	/* 0x6C */ {0x006C, 0}, {0x006D, 0}, {0x006E, 0}, {0x006F, 0},
	/* 0x70 */ {0x0070, 0}, {0x0071, 0}, {0x0072, 0}, {0x0073, 0},
	/* 0x74 */ {0x0074, 0}, {0x0075, 0}, {0x0076, 0}, {0x0077, 0},
	/* 0x78 */ {0x0078, 0}, {0x0079, 0}, {0x007A, 0}, {0x007B, 0},
	/* 0x7C */ {0x007C, 0}, {0x007D, 0}, {0x007E, 0}, {0x2302, 0},
	/* 0x80 */ {0x00C7, 0}, {0x00FC, 0}, {0x00E9, 0}, {0x00E2, 0},
	/* 0x84 */ {0x00E4, 0}, {0x00E0, 0}, {0x00E5, 0}, {0x00E7, 0},
	/* 0x88 */ {0x00EA, 0}, {0x00EB, 0}, {0x00E8, 0}, {0x00EF, 0},
	/* 0x8C */ {0x00EE, 0}, {0x00EC, 0}, {0x00C4, 0}, {0x00C5, 0x212B},
	/* 0x90 */ {0x00C9, 0}, {0x00E6, 0}, {0x00C6, 0}, {0x00F4, 0},
	/* 0x94 */ {0x00F6, 0}, {0x00F2, 0}, {0x00FB, 0}, {0x00F9, 0},
	/* 0x98 */ {0x00FF, 0}, {0x00D6, 0}, {0x00DC, 0}, {0x00A2, 0},
	/* 0x9C */ {0x00A3, 0}, {0x00A5, 0}, {0x20A7, 0}, {0x0192, 0},
	/* 0xA0 */ {0x00E1, 0}, {0x00ED, 0}, {0x00F3, 0}, {0x00FA, 0},
	/* 0xA4 */ {0x00F1, 0}, {0x00D1, 0}, {0x00AA, 0}, {0x00BA, 0},
	/* 0xA8 */ {0x00BF, 0}, {0x2310, 0}, {0x00AC, 0}, {0x00BD, 0},
	/* 0xAC */ {0x00BC, 0}, {0x00A1, 0}, {0x00AB, 0}, {0x00BB, 0},
	/* 0xB0 */ {0x2591, 0}, {0x2592, 0}, {0x2593, 0}, {0x2502, 0},
	/* 0xB4 */ {0x2524, 0}, {0x2561, 0}, {0x2562, 0}, {0x2556, 0},
	/* 0xB8 */ {0x2555, 0}, {0x2563, 0}, {0x2551, 0}, {0x2557, 0},
	/* 0xBC */ {0x255D, 0}, {0x255C, 0}, {0x255B, 0}, {0x2510, 0},
	/* 0xC0 */ {0x2514, 0}, {0x2534, 0}, {0x252C, 0}, {0x251C, 0},
	/* 0xC4 */ {0x2500, 0}, {0x253C, 0}, {0x255E, 0}, {0x255F, 0},
	/* 0xC8 */ {0x255A, 0}, {0x2554, 0}, {0x2569, 0}, {0x2566, 0},
	/* 0xCC */ {0x2560, 0}, {0x2550, 0}, {0x256C, 0}, {0x2567, 0},
	/* 0xD0 */ {0x2568, 0}, {0x2564, 0}, {0x2565, 0}, {0x2559, 0},
	/* 0xD4 */ {0x2558, 0}, {0x2552, 0}, {0x2553, 0}, {0x256B, 0},
	/* 0xD8 */ {0x256A, 0}, {0x2518, 0}, {0x250C, 0}, {0x2588, 0},
	/* 0xDC */ {0x2584, 0}, {0x258C, 0}, {0x2590, 0}, {0x2580, 0},
	/* 0xE0 */ {0x03B1, 0}, {0x00DF, 0x03B2}, {0x0393, 0}, {0x03C0, 0},
	/* 0xE4 */ {0x03A3, 0x2211}, {0x03C3, 0}, {0x00B5, 0x03BC}, {0x03C4, 0},
	/* 0xE8 */ {0x03A6, 0}, {0x0398, 0}, {0x03A9, 0x2126}, {0x03B4, 0},
	/* 0xEC */ {0x221E, 0}, {0x03C6, 0x03D5}, {0x03B5, 0x2208}, {0x2229, 0},
	/* 0xF0 */ {0x2261, 0}, {0x00B1, 0}, {0x2265, 0}, {0x2264, 0},
	/* 0xF4 */ {0x2320, 0}, {0x2321, 0}, {0x00F7, 0}, {0x2248, 0},
	/* 0xF8 */ {0x00B0, 0}, {0x2219, 0x00B7}, {0x00B7, 0x2219}, {0x221A, 0},
	/* 0xFC */ {0x207F, 0}, {0x00B2, 0}, {0x25A0, 0}, {0x00A0, 0x0020},
};

/* Shown for codes the font has no glyph for: a hollow box with a dot. */
static const unsigned char replacement_glyph[GLYPH_H] = {
	0x00, 0x00, 0xFE, 0x82, 0x82, 0x82, 0x82, 0x92,
	0x82, 0x82, 0x82, 0x82, 0xFE, 0x00, 0x00, 0x00,
};

struct psf_font {
	unsigned int nglyphs;
	unsigned int width, height, charsize;
	const unsigned char *glyphs;	/* nglyphs * charsize bytes */
	int has_table;
	/* Unicode -> glyph pairs from the table, in file order */
	uint32_t *map_cp;
	unsigned int *map_glyph;
	size_t map_len, map_cap;
};

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: error: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

/* Reads a whole file; gzip input is decompressed, plain files pass through. */
static unsigned char *read_file(const char *path, size_t *len)
{
	gzFile gz;
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	int errnum, r;
	const char *msg;

	errno = 0;
	gz = gzopen(path, "rb");
	if (!gz)
		die("%s: cannot open: %s", path, errno ? strerror(errno) : "out of memory");
	for (;;) {
		if (n == cap) {
			if (cap >= MAX_FILE)
				die("%s: larger than %d bytes, not a console font", path, MAX_FILE);
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		r = gzread(gz, buf + n, (unsigned int)(cap - n));
		if (r < 0) {
			msg = gzerror(gz, &errnum);
			die("%s: read error: %s", path,
			    errnum == Z_ERRNO ? strerror(errno) : msg);
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	msg = gzerror(gz, &errnum);
	if (errnum != Z_OK && errnum != Z_STREAM_END)
		die("%s: damaged or truncated gzip data: %s", path, msg);
	gzclose(gz);
	*len = n;
	return buf;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void map_add(struct psf_font *f, uint32_t cp, unsigned int glyph)
{
	if (f->map_len == f->map_cap) {
		f->map_cap = f->map_cap ? f->map_cap * 2 : 1024;
		f->map_cp = xrealloc(f->map_cp, f->map_cap * sizeof(*f->map_cp));
		f->map_glyph = xrealloc(f->map_glyph, f->map_cap * sizeof(*f->map_glyph));
	}
	f->map_cp[f->map_len] = cp;
	f->map_glyph[f->map_len] = glyph;
	f->map_len++;
}

/* PSF1 table: per glyph, 16-bit LE code points, 0xFFFE starts a sequence, 0xFFFF ends. */
static void parse_psf1_table(const char *path, struct psf_font *f,
			     const unsigned char *p, size_t len)
{
	size_t pos = 0;
	unsigned int g;
	int in_seq;
	unsigned int v;

	for (g = 0; g < f->nglyphs; g++) {
		in_seq = 0;
		for (;;) {
			if (pos + 2 > len)
				die("%s: truncated: Unicode table ends inside the entry for glyph %u",
				    path, g);
			v = p[pos] | p[pos + 1] << 8;
			pos += 2;
			if (v == PSF1_SEPARATOR)
				break;
			if (v == PSF1_STARTSEQ)
				in_seq = 1;
			else if (!in_seq)
				map_add(f, v, g);
		}
	}
}

/* Decodes one UTF-8 character; returns its length or 0 if malformed. */
static size_t utf8_decode(const unsigned char *p, size_t len, uint32_t *cp)
{
	size_t n, i;
	uint32_t v;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		n = 2;
		v = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3;
		v = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4;
		v = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3F);
	}
	*cp = v;
	return n;
}

/* PSF2 table: per glyph, UTF-8 code points, 0xFE starts a sequence, 0xFF ends. */
static void parse_psf2_table(const char *path, struct psf_font *f,
			     const unsigned char *p, size_t len)
{
	size_t pos = 0, n;
	unsigned int g;
	int in_seq;
	uint32_t cp;

	for (g = 0; g < f->nglyphs; g++) {
		in_seq = 0;
		for (;;) {
			if (pos >= len)
				die("%s: truncated: Unicode table ends inside the entry for glyph %u",
				    path, g);
			if (p[pos] == PSF2_SEPARATOR) {
				pos++;
				break;
			}
			if (p[pos] == PSF2_STARTSEQ) {
				in_seq = 1;
				pos++;
				continue;
			}
			n = utf8_decode(p + pos, len - pos, &cp);
			if (!n)
				die("%s: bad UTF-8 in the Unicode table at byte %zu (glyph %u)",
				    path, pos, g);
			pos += n;
			if (!in_seq)
				map_add(f, cp, g);
		}
	}
}

static void parse_font(const char *path, const unsigned char *buf, size_t len,
		       struct psf_font *f)
{
	size_t glyph_bytes, off;
	uint32_t version, hdrsize, flags;

	memset(f, 0, sizeof(*f));
	if (len >= 4 && le32(buf) == PSF2_MAGIC) {
		if (len < PSF2_HDR_SIZE)
			die("%s: truncated: %zu bytes, a PSF2 header needs %d",
			    path, len, PSF2_HDR_SIZE);
		version = le32(buf + 4);
		hdrsize = le32(buf + 8);
		flags = le32(buf + 12);
		f->nglyphs = le32(buf + 16);
		f->charsize = le32(buf + 20);
		f->height = le32(buf + 24);
		f->width = le32(buf + 28);
		if (version != 0)
			die("%s: PSF2 version %u is not supported (only 0)", path, version);
		if (hdrsize < PSF2_HDR_SIZE || hdrsize > len)
			die("%s: bad PSF2 header size %u", path, hdrsize);
		if (f->nglyphs == 0 || f->nglyphs > 65536)
			die("%s: bad PSF2 glyph count %u", path, f->nglyphs);
		if (f->width == 0 || f->height == 0 || f->width > 64 || f->height > 64 ||
		    f->charsize != f->height * ((f->width + 7) / 8))
			die("%s: inconsistent PSF2 glyph size: %ux%u pixels, %u bytes per glyph",
			    path, f->width, f->height, f->charsize);
		f->has_table = flags & PSF2_HAS_UNICODE_TABLE;
		off = hdrsize;
	} else if (len >= 2 && buf[0] == PSF1_MAGIC0 && buf[1] == PSF1_MAGIC1) {
		if (len < 4)
			die("%s: truncated: %zu bytes, a PSF1 header needs 4", path, len);
		if (buf[2] & ~(PSF1_MODE512 | PSF1_MODEHASTAB | PSF1_MODEHASSEQ))
			die("%s: bad PSF1 mode byte 0x%02x", path, buf[2]);
		f->nglyphs = (buf[2] & PSF1_MODE512) ? 512 : 256;
		f->width = 8;
		f->height = buf[3];
		f->charsize = buf[3];
		if (f->height == 0)
			die("%s: bad PSF1 glyph height 0", path);
		f->has_table = !!(buf[2] & (PSF1_MODEHASTAB | PSF1_MODEHASSEQ));
		off = 4;
	} else {
		die("%s: not a PSF font (bad magic %02x %02x; want 36 04 for PSF1 or 72 b5 4a 86 for PSF2)",
		    path, len > 0 ? buf[0] : 0, len > 1 ? buf[1] : 0);
	}

	if (f->width != GLYPH_W || f->height != GLYPH_H)
		die("%s: glyphs are %ux%u pixels; kvmosd needs 8x16 (width x height)",
		    path, f->width, f->height);

	glyph_bytes = (size_t)f->nglyphs * f->charsize;
	if (len - off < glyph_bytes)
		die("%s: truncated: %u glyphs need %zu bytes of bitmaps, file has %zu",
		    path, f->nglyphs, glyph_bytes, len - off);
	f->glyphs = buf + off;
	off += glyph_bytes;

	if (!f->has_table)
		return;
	if (buf[0] == PSF1_MAGIC0 && buf[1] == PSF1_MAGIC1)
		parse_psf1_table(path, f, buf + off, len - off);
	else
		parse_psf2_table(path, f, buf + off, len - off);
}

static int find_glyph(const struct psf_font *f, uint32_t cp)
{
	size_t i;

	for (i = 0; i < f->map_len; i++)
		if (f->map_cp[i] == cp)
			return (int)f->map_glyph[i];
	return -1;
}

static int is_box_drawing(unsigned int code)
{
	return code >= 0xB3 && code <= 0xDA;
}

/* Looks cp up in each font in turn; returns the glyph bitmap or NULL. */
static const unsigned char *lookup(const struct psf_font *fonts, int nfonts, uint32_t cp)
{
	int i, g;

	for (i = 0; i < nfonts; i++) {
		g = find_glyph(&fonts[i], cp);
		if (g >= 0)
			return fonts[i].glyphs + (size_t)g * fonts[i].charsize;
	}
	return NULL;
}

/*
 * Fills out[] with the 256 CP437 glyphs, taking each from the first font that has
 * it; returns the number of codes none of them has.
 */
static unsigned int build_cp437(char **paths, const struct psf_font *fonts, int nfonts,
				unsigned char *out, unsigned int *missing_box)
{
	const unsigned char *repl, *src;
	unsigned int code, missing = 0;

	*missing_box = 0;
	if (!fonts[0].has_table) {
		if (nfonts > 1)
			die("%s has no Unicode table, so fallback fonts cannot be used", paths[0]);
		if (fonts[0].nglyphs < NUM_CODES)
			die("%s: no Unicode table and only %u glyphs", paths[0], fonts[0].nglyphs);
		fprintf(stderr, "%s: %s has no Unicode table; assuming it is in CP437 order\n",
			prog, paths[0]);
		memcpy(out, fonts[0].glyphs, FONT_BYTES);
		return 0;
	}
	repl = lookup(fonts, nfonts, 0xFFFD);
	if (!repl)
		repl = replacement_glyph;

	for (code = 0; code < NUM_CODES; code++) {
		unsigned char *dst = out + code * GLYPH_H;

		if (code == 0) {
			memset(dst, 0, GLYPH_H);	/* NUL: blank cell */
			continue;
		}
		src = lookup(fonts, nfonts, cp437_unicode[code][0]);
		if (!src && cp437_unicode[code][1])
			src = lookup(fonts, nfonts, cp437_unicode[code][1]);
		if (!src) {
			fprintf(stderr, "%s: missing CP437 0x%02X (U+%04X), using the replacement glyph\n",
				prog, code, cp437_unicode[code][0]);
			src = repl;
			missing++;
			if (is_box_drawing(code))
				(*missing_box)++;
		}
		memcpy(dst, src, GLYPH_H);
	}
	return missing;
}

static FILE *open_out(const char *path)
{
	FILE *fp = fopen(path, "wb");

	if (!fp)
		die("%s: cannot create: %s", path, strerror(errno));
	return fp;
}

static void close_out(FILE *fp, const char *path)
{
	if (ferror(fp) || fclose(fp) != 0)
		die("%s: write error", path);
}

static void write_c(const char *path, const char *symbol, int nsrc, char **src,
		    const unsigned char *font)
{
	FILE *fp = open_out(path);
	unsigned int code, row;
	int i;

	fprintf(fp, "/* Generated by psf2kvm from");
	for (i = 0; i < nsrc; i++)
		fprintf(fp, "%s %s", i ? "," : "", src[i]);
	fprintf(fp, ". Do not edit. */\n");
	fprintf(fp, "/* 256 glyphs indexed by CP437 code, 8x16, 16 bytes each, bit 7 = leftmost pixel. */\n\n");
	fprintf(fp, "extern const unsigned char %s[%d];\n\n", symbol, FONT_BYTES);
	fprintf(fp, "const unsigned char %s[%d] = {\n", symbol, FONT_BYTES);
	for (code = 0; code < NUM_CODES; code++) {
		fprintf(fp, "\t/* 0x%02X */", code);
		for (row = 0; row < GLYPH_H; row++)
			fprintf(fp, " 0x%02x,", font[code * GLYPH_H + row]);
		fputc('\n', fp);
	}
	fprintf(fp, "};\n");
	close_out(fp, path);
}

static void write_bin(const char *path, const unsigned char *font)
{
	FILE *fp = open_out(path);

	fwrite(font, 1, FONT_BYTES, fp);
	close_out(fp, path);
}

static void write_hex(const char *path, const unsigned char *font)
{
	FILE *fp = open_out(path);
	unsigned int i;

	for (i = 0; i < FONT_BYTES; i++)
		fprintf(fp, "%02x\n", font[i]);
	close_out(fp, path);
}

/* 16x16 sheet, 1-pixel grid between cells, white glyphs on black. */
static void write_png(const char *path, const unsigned char *font)
{
	const unsigned int cell_w = GLYPH_W + 1, cell_h = GLYPH_H + 1;
	const unsigned int w = 16 * cell_w + 1, h = 16 * cell_h + 1;
	FILE *fp = open_out(path);
	png_structp png;
	png_infop info;
	unsigned char *img;
	unsigned int x, y;

	img = calloc((size_t)w * h, 1);
	if (!img)
		die("out of memory");
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++) {
			unsigned int cx = x % cell_w, cy = y % cell_h;
			unsigned int code, bits;

			if (cx == 0 || cy == 0) {
				img[y * w + x] = 0x50;
				continue;
			}
			code = (y / cell_h) * 16 + x / cell_w;
			bits = font[code * GLYPH_H + cy - 1];
			img[y * w + x] = (bits & (0x80 >> (cx - 1))) ? 0xFF : 0x00;
		}
	}

	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png ? png_create_info_struct(png) : NULL;
	if (!info)
		die("%s: libpng initialisation failed", path);
	if (setjmp(png_jmpbuf(png)))
		die("%s: PNG write failed", path);
	png_init_io(png, fp);
	png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (y = 0; y < h; y++)
		png_write_row(png, img + (size_t)y * w);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(img);
	close_out(fp, path);
}

static void usage(FILE *fp)
{
	fprintf(fp,
		"usage: %s [--c FILE] [--symbol NAME] [--bin FILE] [--hex FILE] [--png FILE]\n"
		"       [--max-missing N] [--max-missing-box N] FONT.psf[.gz] [FALLBACK.psf[.gz]...]\n"
		"Converts an 8x16 PSF1/PSF2 console font into the kvmosd CP437 OSD font.\n"
		"Each CP437 code takes the glyph from the first font whose Unicode table has it.\n"
		"  --c FILE         C source defining const unsigned char NAME[4096]\n"
		"  --symbol NAME    array name for --c (default kvmosd_default_font)\n"
		"  --bin FILE       raw 4096-byte font\n"
		"  --hex FILE       one byte per line, for $readmemh\n"
		"  --png FILE       16x16 glyph sheet\n"
		"  --max-missing N  fail if more than N CP437 codes have no glyph (default: no limit)\n"
		"  --max-missing-box N  fail if more than N box-drawing codes (0xB3-0xDA) are missing\n",
		prog);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "c", required_argument, NULL, 'c' },
		{ "symbol", required_argument, NULL, 's' },
		{ "bin", required_argument, NULL, 'b' },
		{ "hex", required_argument, NULL, 'x' },
		{ "png", required_argument, NULL, 'p' },
		{ "max-missing", required_argument, NULL, 'm' },
		{ "max-missing-box", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *c_out = NULL, *bin_out = NULL, *hex_out = NULL, *png_out = NULL;
	const char *symbol = "kvmosd_default_font";
	long max_missing = -1, max_missing_box = -1, num;
	unsigned char font[FONT_BYTES];
	unsigned int missing, missing_box;
	struct psf_font fonts[MAX_FONTS];
	unsigned char *bufs[MAX_FONTS];
	int nfonts, i;
	size_t len;
	char *end;
	int opt;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': c_out = optarg; break;
		case 's': symbol = optarg; break;
		case 'b': bin_out = optarg; break;
		case 'x': hex_out = optarg; break;
		case 'p': png_out = optarg; break;
		case 'm':
		case 'M':
			errno = 0;
			num = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || num < 0)
				die("--max-missing%s wants a number >= 0, got '%s'",
				    opt == 'M' ? "-box" : "", optarg);
			if (opt == 'm')
				max_missing = num;
			else
				max_missing_box = num;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc || argc - optind > MAX_FONTS) {
		usage(stderr);
		return 2;
	}

	nfonts = argc - optind;
	for (i = 0; i < nfonts; i++) {
		bufs[i] = read_file(argv[optind + i], &len);
		parse_font(argv[optind + i], bufs[i], len, &fonts[i]);
		fprintf(stderr, "%s: %s: %u glyphs, %u Unicode mappings\n", prog,
			argv[optind + i], fonts[i].nglyphs, (unsigned int)fonts[i].map_len);
	}
	missing = build_cp437(argv + optind, fonts, nfonts, font, &missing_box);
	fprintf(stderr, "%s: %u of 256 CP437 codes missing (%u of them box-drawing)\n",
		prog, missing, missing_box);
	if (max_missing >= 0 && (long)missing > max_missing)
		die("%u CP437 codes missing, more than the allowed %ld", missing, max_missing);
	if (max_missing_box >= 0 && (long)missing_box > max_missing_box)
		die("%u CP437 box-drawing codes missing, more than the allowed %ld",
		    missing_box, max_missing_box);

	if (c_out)
		write_c(c_out, symbol, argc - optind, argv + optind, font);
	if (bin_out)
		write_bin(bin_out, font);
	if (hex_out)
		write_hex(hex_out, font);
	if (png_out)
		write_png(png_out, font);

	for (i = 0; i < nfonts; i++) {
		free(fonts[i].map_cp);
		free(fonts[i].map_glyph);
		free(bufs[i]);
	}
	return 0;
}
