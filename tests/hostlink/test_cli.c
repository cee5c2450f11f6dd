/* SPDX-License-Identifier: MIT */
/*
 * test_cli.c - end to end: the real kvmosd binary ($KVMOSD_CLI) against the real hostlink
 * code running in a fake board thread, over a Unix socket and over a pseudo-terminal.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakeboard.h"

static const char *cli;
static char tmpdir[64];
static char sock[128];

struct run {
	int code;
	char out[8192];
	char err[8192];
	long ms;
};

static void slurp(FILE *f, char *buf, size_t cap)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, cap - 1, f);
	buf[n] = 0;
	fclose(f);
}

/* Runs the CLI with the NULL-terminated argument list (argv[0] is added). */
static void run_cli(struct run *r, ...)
{
	char *argv[32];
	struct timespec t0, t1;
	FILE *out = tmpfile(), *err = tmpfile();
	va_list ap;
	int argc = 0, status;
	pid_t pid;

	assert_non_null(out);
	assert_non_null(err);
	argv[argc++] = (char *)cli;
	va_start(ap, r);
	while ((argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fileno(out), 1);
		dup2(fileno(err), 2);
		execv(cli, argv);
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r->ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(WIFEXITED(status));
	r->code = WEXITSTATUS(status);
	slurp(out, r->out, sizeof(r->out));
	slurp(err, r->err, sizeof(r->err));
	printf("    $ kvmosd");
	for (argc = 1; argv[argc]; argc++)
		printf(" %s", argv[argc]);
	printf("  -> exit %d, %ld ms\n", r->code, r->ms);
	if (r->out[0])
		printf("%s", r->out);
	if (r->err[0])
		printf("%s", r->err);
}

static void expect(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle)) {
		print_error("expected to find '%s' in:\n%s\n", needle, haystack);
		fail();
	}
}

static struct fakeboard *board(enum fakeboard_mode mode)
{
	struct fakeboard *fb = fakeboard_start_socket(sock, mode);

	assert_non_null(fb);
	return fb;
}

static void test_info(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_NORMAL);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "info", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 0);
	expect(r.out, "firmware: kvmosd 0.1.0\n");
	expect(r.out, "build: deadbeef\n");
	expect(r.out, "hardware: KVMO v1.0\n");
	expect(r.out, "protocol: 1\n");
	expect(r.out, "uptime: 12.345 s\n");
	expect(r.out, "reset cause: power-on\n");
	assert_int_equal(r.err[0], 0);
	assert_int_equal(res.nreq, 1);
	assert_int_equal(res.stats.rx_errors, 0);
}

static void test_ping(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_NORMAL);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "ping", "3", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "ping 3: seq=");
	expect(r.out, "3 sent, 3 received");
	run_cli(&r, "--sim", sock, "ping", "2", "256", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "bytes=256");
	run_cli(&r, "--sim", sock, "ping", "1", "0", NULL);
	assert_int_equal(r.code, 0);
	fakeboard_stop(fb, &res);
	assert_int_equal(res.nreq, 6);
	/* consecutive requests of one run use consecutive seq numbers */
	assert_int_equal((uint8_t)(res.seqs[1] - res.seqs[0]), 1);
	assert_int_equal((uint8_t)(res.seqs[2] - res.seqs[1]), 1);
}

static void test_stats(void **state)
{
	struct fakeboard *fb = board(FB_NORMAL);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "stats", NULL);
	fakeboard_stop(fb, NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "rx frames: 1\n");
	expect(r.out, "tx frames: 1\n");
}

static void test_drop_first(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_DROP_FIRST);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "--timeout", "200", "--retries", "2", "info", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 0);
	expect(r.err, "retrying (attempt 2 of 3)");
	expect(r.out, "firmware: kvmosd 0.1.0\n");
	assert_int_equal(res.nreq, 2);
	assert_int_equal(res.seqs[0], res.seqs[1]); /* a retry resends the same seq */
}

static void test_corrupt_first(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_CORRUPT_FIRST);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "--timeout", "2000", "ping", "1", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 0);
	expect(r.err, "corrupted reply to PING");
	expect(r.err, "retrying");
	expect(r.out, "1 sent, 1 received");
	assert_int_equal(res.nreq, 2);
	assert_int_equal(res.seqs[0], res.seqs[1]);
	/* a corrupted reply triggers a quick resend, not a full time-out */
	assert_true(r.ms < 1500);
}

static void test_silent(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_SILENT);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "--timeout", "100", "--retries", "1", "ping", "1", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 4);
	expect(r.err, "timed out");
	assert_int_equal(r.out[0], 0);
	assert_int_equal(res.nreq, 2);
	assert_int_equal(res.seqs[0], res.seqs[1]);
	assert_true(r.ms >= 200);
}

static void test_corrupt_all(void **state)
{
	struct fakeboard *fb = board(FB_CORRUPT_ALL);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "--timeout", "300", "--retries", "2", "info", NULL);
	fakeboard_stop(fb, NULL);
	assert_int_equal(r.code, 5);
	expect(r.err, "3 corrupted frames");
}

static void test_garbage_before(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_GARBAGE_BEFORE);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "ping", "2", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 0);
	assert_int_equal(res.nreq, 2); /* no resends needed */
}

static void test_stale_first(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb = board(FB_STALE_FIRST);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "info", NULL);
	fakeboard_stop(fb, &res);
	assert_int_equal(r.code, 0);
	expect(r.err, "ignoring a reply with seq");
	assert_int_equal(res.nreq, 1);
}

static void test_newer_version(void **state)
{
	struct fakeboard *fb = board(FB_NEWER_VERSION);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "info", NULL);
	fakeboard_stop(fb, NULL);
	assert_int_equal(r.code, 7);
	expect(r.err, "protocol version 2");
}

static void test_status_error(void **state)
{
	struct fakeboard *fb = board(FB_NORMAL);
	struct run r;

	(void)state;
	run_cli(&r, "--sim", sock, "cmd", "0x7e", "0102", NULL);
	assert_int_equal(r.code, 6);
	expect(r.out, "status: 1 (unknown command)");
	run_cli(&r, "--sim", sock, "cmd", "2", "00", NULL); /* INFO with a payload */
	assert_int_equal(r.code, 6);
	expect(r.out, "status: 2 (bad payload length)");
	run_cli(&r, "--sim", sock, "cmd", "1", "00ff00", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "payload: 00 ff 00\n");
	fakeboard_stop(fb, NULL);
}

static void test_usage(void **state)
{
	struct run r;

	(void)state;
	run_cli(&r, NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--bogus", "info", NULL);
	assert_int_equal(r.code, 2);
	expect(r.err, "unknown option");
	run_cli(&r, "--sim", sock, "frobnicate", NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--sim", sock, "ping", "x", NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--sim", sock, "ping", "1", "257", NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--sim", sock, "--port", "/dev/null", "info", NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--timeout", NULL);
	assert_int_equal(r.code, 2);
	run_cli(&r, "--help", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "Exit codes:");
	run_cli(&r, "--version", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "kvmosd ");
}

static void test_transport_errors(void **state)
{
	struct run r;
	char missing[160];

	(void)state;
	snprintf(missing, sizeof(missing), "%s/missing.sock", tmpdir);
	run_cli(&r, "--sim", missing, "info", NULL);
	assert_int_equal(r.code, 3);
	expect(r.err, "cannot connect");
	run_cli(&r, "--port", "/nonexistent/tty", "info", NULL);
	assert_int_equal(r.code, 3);
	run_cli(&r, "--port", "/dev/null", "info", NULL);
	assert_int_equal(r.code, 3);
	expect(r.err, "not a serial port");
}

static void test_pty(void **state)
{
	struct fakeboard_result res;
	struct fakeboard *fb;
	struct run r;
	char slave[128];

	(void)state;
	fb = fakeboard_start_pty(slave, sizeof(slave), FB_NORMAL);
	assert_non_null(fb);
	run_cli(&r, "--port", slave, "--baud", "1000000", "info", NULL);
	assert_int_equal(r.code, 0);
	expect(r.out, "hardware: KVMO v1.0\n");
	run_cli(&r, "--port", slave, "--baud", "1234567", "ping", "2", "200", NULL);
	assert_int_equal(r.code, 0);
	fakeboard_stop(fb, &res);
	assert_int_equal(res.nreq, 3);
	assert_int_equal(res.stats.rx_errors, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_ping),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_drop_first),
		cmocka_unit_test(test_corrupt_first),
		cmocka_unit_test(test_silent),
		cmocka_unit_test(test_corrupt_all),
		cmocka_unit_test(test_garbage_before),
		cmocka_unit_test(test_stale_first),
		cmocka_unit_test(test_newer_version),
		cmocka_unit_test(test_status_error),
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_transport_errors),
		cmocka_unit_test(test_pty),
	};
	int ret;

	cli = getenv("KVMOSD_CLI");
	if (!cli || access(cli, X_OK)) {
		fprintf(stderr, "test_cli: set KVMOSD_CLI to the kvmosd binary\n");
		return 2;
	}
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/kvmosd-test-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(sock, sizeof(sock), "%s/board.sock", tmpdir);
	ret = cmocka_run_group_tests_name("cli", tests, NULL, NULL);
	rmdir(tmpdir);
	return ret ? 1 : 0;
}
