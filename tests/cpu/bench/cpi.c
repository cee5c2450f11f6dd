// SPDX-License-Identifier: MIT
/*
 * cpi.c - firmware-like workload for measuring the CPI of kvm_cpu on rv-run.
 *
 * Mixes what the kvmosd firmware does: text formatting with snprintf, memcpy/memset of
 * buffers, CRC-32 over data (common/crc32.c), a byte-stream command parser (state machine),
 * and fixed-point arithmetic with multiplies and divides. Known answers are checked so a
 * wrong core fails the bench instead of producing a number: main returns the number of
 * the first failed check, 0 if all passed.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crc32.h"

#define ROUNDS 20

static char line[96];
static uint8_t src[1024], dst[1024];

/* ---- command parser: SOF 0xA5, LEN, LEN payload bytes, XOR checksum ---- */

enum pstate { P_IDLE, P_LEN, P_DATA, P_SUM };

struct parser {
	enum pstate st;
	uint8_t len, got, sum;
	uint8_t buf[32];
	unsigned int frames, errors;
	uint32_t payload_sum;
};

static void parser_feed(struct parser *p, uint8_t c)
{
	switch (p->st) {
	case P_IDLE:
		if (c == 0xa5)
			p->st = P_LEN;
		break;
	case P_LEN:
		if (c == 0 || c > sizeof(p->buf)) {
			p->errors++;
			p->st = P_IDLE;
			break;
		}
		p->len = c;
		p->got = 0;
		p->sum = c;
		p->st = P_DATA;
		break;
	case P_DATA:
		p->buf[p->got++] = c;
		p->sum ^= c;
		if (p->got == p->len)
			p->st = P_SUM;
		break;
	case P_SUM:
		if (c == p->sum) {
			unsigned int i;

			p->frames++;
			for (i = 0; i < p->len; i++)
				p->payload_sum += p->buf[i];
		} else {
			p->errors++;
		}
		p->st = P_IDLE;
		break;
	}
}

/* builds a frame of n payload bytes starting at value v; corrupts the checksum if bad */
static unsigned int make_frame(uint8_t *out, unsigned int n, uint8_t v, int bad)
{
	uint8_t sum = (uint8_t)n;
	unsigned int i;

	out[0] = 0xa5;
	out[1] = (uint8_t)n;
	for (i = 0; i < n; i++) {
		out[2 + i] = (uint8_t)(v + i);
		sum ^= (uint8_t)(v + i);
	}
	out[2 + n] = bad ? (uint8_t)~sum : sum;
	return n + 3;
}

/* ---- fixed-point helpers (multiplies and divides) ---- */

/* scale a 640-wide coordinate to a w-wide one, rounded */
static unsigned int scale_coord(unsigned int x, unsigned int w)
{
	return (x * w + 320) / 640;
}

/* percentage with one decimal, as tenths */
static int percent_tenths(int part, int whole)
{
	return whole ? (part * 1000) / whole : 0;
}

int main(void)
{
	static const char check[] = "123456789";
	struct parser p = { 0 };
	uint32_t crc = 0, acc = 0;
	unsigned int r, i, n;
	int len;

	/* known answers first */
	if (kvm_crc32(check, 9) != 0xcbf43926u)
		return 1;
	len = snprintf(line, sizeof(line), "port %d: %-6s %08lx %5u%%", 3, "hdmi",
		       0xdeadbeeful, 42u);
	if (len != 30 || strcmp(line, "port 3: hdmi   deadbeef    42%"))
		return 2;
	if (scale_coord(639, 80) != 80 || scale_coord(320, 80) != 40)
		return 3;
	if (percent_tenths(-7, 9) != -777 || percent_tenths(1, 3) != 333)
		return 4;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i * 7 + 1);

	for (r = 0; r < ROUNDS; r++) {
		/* formatting, as for the OSD and the UART console */
		for (i = 0; i < 4; i++) {
			len = snprintf(line, sizeof(line), "ch%u %4u x %-4u @%2u.%02u Hz %s",
				       i, 640 + r, 480 + i, 59 + (r & 1), (r * 7) % 100,
				       (r + i) & 1 ? "on" : "off");
			if (len <= 0 || (unsigned int)len >= sizeof(line))
				return 5;
			crc = kvm_crc32_update(crc, line, (size_t)len);
		}

		/* buffer moves */
		memset(dst, (int)r, sizeof(dst));
		memcpy(dst + (r & 15), src, sizeof(src) - 16);
		memmove(dst + 1, dst, 200);
		crc = kvm_crc32_update(crc, dst, 256);

		/* the command parser over a stream with good and bad frames */
		n = 0;
		for (i = 0; i < 6; i++)
			n += make_frame(src + 512 + n, 4 + (i * 5 + r) % 24,
					(uint8_t)(r + i), i == 5);
		for (i = 0; i < n; i++)
			parser_feed(&p, src[512 + i]);
		for (i = 0; i < n; i++)
			src[512 + i] = (uint8_t)((512 + i) * 7 + 1);

		/* arithmetic */
		for (i = 0; i < 16; i++) {
			acc += scale_coord((r * 37 + i * 41) % 640, 80 + i);
			acc ^= (uint32_t)percent_tenths((int)(i * r) - 300, (int)(r + i + 1));
			acc = acc * 2654435761u + (acc >> 13) / (i + 1);
		}
	}

	if (p.frames != 5 * ROUNDS || p.errors != ROUNDS)
		return 6;
	/* fold everything so nothing is optimised away */
	len = snprintf(line, sizeof(line), "%08lx %08lx %lu", (unsigned long)crc,
		       (unsigned long)acc, (unsigned long)p.payload_sum);
	if (len < 19)
		return 7;
	return 0;
}
