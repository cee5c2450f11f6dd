// SPDX-License-Identifier: MIT
/*
 * tb_xip: Verilator bench of kvm_soc built with BOOT_XIP = 1 and RAM_BYTES = 4096 (the HX8K
 * configuration): no boot ROM, the CPU starts at KVM_FLASH_BASE + KVM_FLASH_BOOT_OFFSET in
 * the SPI flash model. It watches the CPU bus (kvm_soc's mem_* signals, made readable by
 * tests/soc/tb_xip.vlt) to tell the boot loader from the firmware and to measure the stack.
 *
 * usage: tb_xip --load OFF=FILE... [--flip OFF] --until TEXT [--expect TEXT]...
 *               [--forbid TEXT]... [--max-cycles N] [--settle N]
 *               [--fw LO:HI] [--bss-end A] [--stack-limit A] [--stack-top A]
 *               [--want-fw | --want-no-fw] [--host CMD]...
 *   --load    put FILE into the flash at byte offset OFF (rest erased, 0xFF)
 *   --flip    invert bit 0 of the flash byte at OFF after loading
 *   --until   run until the UART text contains TEXT (then --settle more cycles); not seen
 *             within --max-cycles: fail
 *   --expect / --forbid   TEXT must / must not be in the UART text at the end
 *   --fw      firmware payload addresses [LO, HI): the first instruction fetch there ends
 *             the boot loader phase; --want-fw / --want-no-fw: it must / must not happen
 *   --bss-end, --stack-limit, --stack-top   the firmware's symbols: in the firmware phase a
 *             store in [bss-end, stack-limit) means the stack outgrew its reserve (fail);
 *             the lowest store in [bss-end, stack-top) gives the peak stack use.
 *   --host    after --until, send a host-link request (common/proto.h framing: COBS, CRC-32)
 *             with command byte CMD and no payload (PING: 4 bytes), one after the other;
 *             each needs a well-formed reply (cmd | 0x80, same seq, status OK) before the
 *             next; the run ends --settle cycles after the last reply.
 * Always fails on a store to the RAM region beyond RAM_BYTES (it would alias) and on UART
 * framing errors. Exit 0 pass, 1 fail, 2 usage.
 */
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "Vkvm_soc.h"
#include "Vkvm_soc___024root.h"
#include "verilated.h"
#include "kvmosd_regs.h"
#include "soc_tb_clock.h"
#include "spi_flash_model.h"
#include "uart_model.h"

static const uint32_t RAM_BYTES = KVM_RAM_SIZE_XIP;

/* zlib CRC-32, bitwise (the bench's own, independent of common/crc32.c) */
static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
	}
	return ~c;
}

/* host-link request frame: 00, COBS(header, payload, CRC-32 LE), 00 */
static std::string host_frame(uint8_t seq, uint8_t cmd)
{
	std::vector<uint8_t> pkt = { 1 /* PROTO_VERSION */, seq, cmd, 0, 0, 0 };
	if (cmd == 0x01) {	/* PING: echoed payload */
		const uint8_t ping[4] = { 0x00, 0x5A, 0xA5, 0xFF };
		pkt.insert(pkt.end(), ping, ping + 4);
		pkt[4] = 4;
	}
	uint32_t c = crc32(pkt.data(), pkt.size());
	for (int k = 0; k < 4; k++)
		pkt.push_back((uint8_t)(c >> (8 * k)));

	std::string out(1, '\0');
	size_t code_at = out.size();
	out.push_back(0);
	for (uint8_t b : pkt) {
		if (b) {
			out.push_back((char)b);
			if (out.size() - code_at == 0xFF) {
				out[code_at] = (char)0xFF;
				code_at = out.size();
				out.push_back(0);
			}
		} else {
			out[code_at] = (char)(out.size() - code_at);
			code_at = out.size();
			out.push_back(0);
		}
	}
	out[code_at] = (char)(out.size() - code_at);
	out.push_back('\0');
	return out;
}

/* Decode one COBS frame body (between 00 delimiters); empty on error. */
static std::vector<uint8_t> cobs_decode(const std::string &f)
{
	std::vector<uint8_t> out;
	size_t i = 0;

	while (i < f.size()) {
		uint8_t code = (uint8_t)f[i++];
		if (code == 0 || i + code - 1 > f.size())
			return {};
		for (unsigned k = 1; k < code; k++)
			out.push_back((uint8_t)f[i++]);
		if (code != 0xFF && i < f.size())
			out.push_back(0);
	}
	return out;
}

/*
 * Look for a valid reply to (seq, cmd) in the UART text from offset from: a 00-delimited
 * frame whose packet has a good CRC. Returns 1 ok, -1 a reply with a bad status, 0 none yet.
 */
static int find_reply(const std::string &t, size_t from, uint8_t seq, uint8_t cmd)
{
	size_t a = t.find('\0', from);

	while (a != std::string::npos) {
		size_t b = t.find('\0', a + 1);
		if (b == std::string::npos)
			return 0;
		std::vector<uint8_t> p = cobs_decode(t.substr(a + 1, b - a - 1));
		if (p.size() >= 10) {
			size_t n = p.size() - 4;
			uint32_t c = p[n] | p[n + 1] << 8 | p[n + 2] << 16 | (uint32_t)p[n + 3] << 24;
			if (crc32(p.data(), n) == c && p[1] == seq && p[2] == (cmd | 0x80)) {
				printf("\ntb_xip: host reply cmd 0x%02x seq %u status %u, %zu payload "
				       "bytes\n", p[2], p[1], p[3], n - 6);
				return p[3] == 0 && (size_t)(p[4] | p[5] << 8) == n - 6 ? 1 : -1;
			}
		}
		a = b;
	}
	return 0;
}

static uint32_t num(const char *s)
{
	return (uint32_t)strtoul(s, nullptr, 0);
}

static bool load_file(std::vector<uint8_t> &flash, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq) {
		fprintf(stderr, "--load wants OFFSET=FILE\n");
		return false;
	}
	uint32_t off = num(std::string(arg, eq).c_str());
	FILE *f = fopen(eq + 1, "rb");
	if (!f) {
		perror(eq + 1);
		return false;
	}
	size_t n = off < flash.size() ? fread(flash.data() + off, 1, flash.size() - off, f) : 0;
	fclose(f);
	if (n == 0) {
		fprintf(stderr, "%s: empty or offset 0x%x outside the flash\n", eq + 1, off);
		return false;
	}
	printf("tb_xip: flash 0x%06x..0x%06zx  %s\n", off, off + n, eq + 1);
	return true;
}

int main(int argc, char **argv)
{
	unsigned long max_cycles = 60000000, settle = 0, cycle = 0;
	std::vector<std::string> expects, forbids;
	std::string until;
	uint32_t fw_lo = 0, fw_hi = 0, bss_end = 0, stack_limit = 0, stack_top = 0;
	int want_fw = -1;
	std::vector<uint8_t> host_cmds;

	std::vector<uint8_t> flash(SpiFlashModel::DEFAULT_SIZE, 0xFF);
	std::vector<uint32_t> flips;
	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;

		if (!strcmp(a, "--load") && more) {
			if (!load_file(flash, argv[++i]))
				return 2;
		} else if (!strcmp(a, "--flip") && more) {
			flips.push_back(num(argv[++i]));
		} else if (!strcmp(a, "--until") && more) {
			until = argv[++i];
		} else if (!strcmp(a, "--expect") && more) {
			expects.push_back(argv[++i]);
		} else if (!strcmp(a, "--forbid") && more) {
			forbids.push_back(argv[++i]);
		} else if (!strcmp(a, "--max-cycles") && more) {
			max_cycles = strtoul(argv[++i], nullptr, 0);
		} else if (!strcmp(a, "--settle") && more) {
			settle = strtoul(argv[++i], nullptr, 0);
		} else if (!strcmp(a, "--fw") && more) {
			const char *s = argv[++i], *c = strchr(s, ':');
			if (!c) {
				fprintf(stderr, "--fw wants LO:HI\n");
				return 2;
			}
			fw_lo = num(std::string(s, c).c_str());
			fw_hi = num(c + 1);
		} else if (!strcmp(a, "--bss-end") && more) {
			bss_end = num(argv[++i]);
		} else if (!strcmp(a, "--stack-limit") && more) {
			stack_limit = num(argv[++i]);
		} else if (!strcmp(a, "--stack-top") && more) {
			stack_top = num(argv[++i]);
		} else if (!strcmp(a, "--host") && more) {
			host_cmds.push_back((uint8_t)num(argv[++i]));
		} else if (!strcmp(a, "--want-fw")) {
			want_fw = 1;
		} else if (!strcmp(a, "--want-no-fw")) {
			want_fw = 0;
		} else {
			fprintf(stderr, "tb_xip: unknown argument %s\n", a);
			return 2;
		}
	}
	if (until.empty() || (want_fw >= 0 && fw_hi <= fw_lo)) {
		fprintf(stderr, "tb_xip: --until is required, --want-fw/--want-no-fw need --fw\n");
		return 2;
	}
	for (uint32_t off : flips) {
		if (off >= flash.size())
			return 2;
		flash[off] ^= 1;
		printf("tb_xip: flipped bit 0 of flash byte 0x%06x\n", off);
	}

	SpiFlashModel fm(flash.data());
	UartModel uart(KVM_CLK_SYS_HZ_DEFAULT / KVM_UART_BAUD_DEFAULT);
	Vkvm_soc *top = new Vkvm_soc;
	Vkvm_soc___024root *r = top->rootp;

	top->i_rst_n = 0;
	top->i_uart_rx = 1;
	top->i_btn = 0;
	top->i_flash_miso = 0;
	top->i_irq_vsync = 0;
	top->i_vid_reg_rdata = 0;

	unsigned long fw_cycle = 0, until_cycle = 0, errors = 0;
	uint32_t boot_min = stack_top ? stack_top : KVM_RAM_BASE + RAM_BYTES;
	uint32_t fw_min = boot_min;
	bool in_fw = false, seen_until = false, done = false;
	size_t seen = 0, host_next = 0, reply_from = 0;
	unsigned long done_cycle = 0;
	int host_bad = 0;
	auto t_start = std::chrono::steady_clock::now();

	while (cycle < max_cycles) {
		if (cycle == 5)
			top->i_rst_n = 1;
		soc_tb_clock_low(top);	/* video, KVM, VIDIN ports stubbed */

		/* the bus transfer that completes at this rising edge */
		if (r->kvm_soc__DOT__mem_valid && r->kvm_soc__DOT__mem_ready) {
			uint32_t a = r->kvm_soc__DOT__mem_addr;

			if (!in_fw && r->kvm_soc__DOT__mem_instr && a >= fw_lo && a < fw_hi) {
				in_fw = true;
				fw_cycle = cycle;
				printf("\ntb_xip: [cycle %lu] first firmware fetch at 0x%08x\n", cycle, a);
			}
			if (r->kvm_soc__DOT__mem_wstrb && a >= KVM_RAM_BASE &&
			    a < KVM_RAM_BASE + KVM_RAM_SIZE) {
				if (a >= KVM_RAM_BASE + RAM_BYTES) {
					if (errors++ < 5)
						printf("\ntb_xip: store to 0x%08x beyond the %u-byte RAM "
						       "(aliases)\n", a, RAM_BYTES);
				} else if (!in_fw) {
					if (a < boot_min)
						boot_min = a;
				} else if (a >= bss_end && bss_end) {
					if (a < fw_min)
						fw_min = a;
					if (a < stack_limit && errors++ < 5)
						printf("\ntb_xip: [cycle %lu] stack store at 0x%08x below "
						       "__stack_limit 0x%08x\n", cycle, a, stack_limit);
				}
			}
		}
		top->i_clk_sys = 1;
		top->eval();
		cycle++;
		top->i_flash_miso = fm.step(top->o_flash_cs_n, top->o_flash_sck, top->o_flash_mosi);
		top->i_uart_rx = uart.step(top->o_uart_tx);

		if (done && cycle - done_cycle >= settle)
			break;
		const std::string &t = uart.rx_text;
		if (t.size() == seen)
			continue;
		for (size_t k = seen; k < t.size(); k++) {	/* text only: frames are binary */
			unsigned char ch = (unsigned char)t[k];
			if (ch == '\n' || ch == '\r' || (ch >= 0x20 && ch < 0x7F))
				putchar(ch);
		}
		fflush(stdout);
		seen = t.size();
		if (!seen_until && t.find(until) != std::string::npos) {
			seen_until = true;
			until_cycle = cycle;
		}
		if (!seen_until || done)
			continue;
		if (host_next > 0) {	/* waiting for the reply to request host_next - 1 */
			int got = find_reply(t, reply_from, (uint8_t)host_next,
					     host_cmds[host_next - 1]);
			if (got == 0)
				continue;
			if (got < 0)
				host_bad++;
		}
		if (host_next < host_cmds.size()) {
			reply_from = t.size();
			host_next++;
			printf("\ntb_xip: [cycle %lu] host request cmd 0x%02x seq %zu\n", cycle,
			       host_cmds[host_next - 1], host_next);
			uart.send(host_frame((uint8_t)host_next, host_cmds[host_next - 1]));
			continue;
		}
		done = true;
		done_cycle = cycle;
	}
	if (seen_until && !done && !host_cmds.empty())
		host_bad++;	/* a request without a reply */
	if (seen_until && host_cmds.empty())
		done = true;
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start)
			      .count();
	const std::string &t = uart.rx_text;
	int rc = 0;

	printf("\ntb_xip: %lu cycles in %.1f s (%.2f M cycles/s)\n", cycle, secs,
	       cycle / secs / 1e6);
	if (!seen_until) {
		printf("tb_xip: \"%s\" not seen within %lu cycles\n", until.c_str(), max_cycles);
		rc = 1;
	} else {
		printf("tb_xip: \"%s\" at cycle %lu\n", until.c_str(), until_cycle);
	}
	for (const std::string &e : expects) {
		if (t.find(e) == std::string::npos) {
			printf("tb_xip: expected UART text missing: \"%s\"\n", e.c_str());
			rc = 1;
		}
	}
	for (const std::string &e : forbids) {
		if (t.find(e) != std::string::npos) {
			printf("tb_xip: forbidden UART text present: \"%s\"\n", e.c_str());
			rc = 1;
		}
	}
	if (want_fw == 1 && !in_fw) {
		printf("tb_xip: the firmware was never entered\n");
		rc = 1;
	}
	if (want_fw == 0 && in_fw) {
		printf("tb_xip: the boot loader jumped into the firmware\n");
		rc = 1;
	}
	if (seen_until && (host_bad || !done)) {
		printf("tb_xip: host link: %d requests without a good reply (%zu of %zu sent)\n",
		       host_bad ? host_bad : 1, host_next, host_cmds.size());
		rc = 1;
	}
	if (errors) {
		printf("tb_xip: %lu bad stores\n", errors);
		rc = 1;
	}
	if (uart.framing_errors) {
		printf("tb_xip: %lu UART framing errors\n", uart.framing_errors);
		rc = 1;
	}
	printf("tb_xip: boot loader stack peak %u bytes\n",
	       KVM_RAM_BASE + RAM_BYTES - boot_min);
	if (in_fw) {
		printf("tb_xip: firmware entered at cycle %lu\n", fw_cycle);
		if (bss_end)
			printf("tb_xip: firmware stack peak %u bytes (reserve %u, %u free above "
			       "__bss_end)\n", stack_top - fw_min, stack_top - stack_limit,
			       stack_top - bss_end);
	}
	printf("tb_xip: %s, LEDs 0x%02x\n", rc ? "FAIL" : "PASS", top->o_led);
	top->final();
	delete top;
	return rc;
}
