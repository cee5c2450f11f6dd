// SPDX-License-Identifier: MIT
/*
 * tcheck.h - the check macro of the simvid unit tests (test_video_checker, test_vidcap):
 * a failed CHECK(cond, fmt, ...) prints file, line, the condition and the message, and
 * counts into tcheck_failures; the test's main() reports the count and exits non-zero.
 */
#ifndef SIMVID_TCHECK_H
#define SIMVID_TCHECK_H

#include <cstdio>

static int tcheck_failures;

#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			tcheck_failures++;                                                 \
			printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);             \
			printf(__VA_ARGS__);                                               \
			printf("\n");                                                      \
		}                                                                          \
	} while (0)

#endif /* SIMVID_TCHECK_H */
