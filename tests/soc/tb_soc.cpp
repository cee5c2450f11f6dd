// SPDX-License-Identifier: MIT
/*
 * tb_soc: Verilator bench of kvm_soc with the real CPU, the SPI flash model and the UART
 * model. Runs one test program from the boot ROM (+bootrom=FILE.hex) and ends when the
 * program prints "PASS" (exit 0) or "FAIL" (exit 1) on the UART; timeout: exit 2.
 *
 * usage: tb_soc +bootrom=PROG.hex [--flash FILE] [--max-cycles N]
 *               [--on TRIGGER=REPLY]... [--expect TEXT]...
 *   --on      when the UART text from the SoC ends with TRIGGER, send REPLY once
 *   --expect  TEXT must appear in the UART output (checked at PASS)
 * The video ports are answered by the bench (ready at once, data 0).
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "Vkvm_soc.h"
#include "verilated.h"
#include "soc_tb_clock.h"
#include "spi_flash_model.h"
#include "uart_model.h"

struct Reply {
	std::string trigger, reply;
	bool done;
};

int main(int argc, char **argv)
{
	const char *flash_file = nullptr;
	unsigned long max_cycles = 5000000, cycle = 0;
	std::vector<Reply> replies;
	std::vector<std::string> expects;

	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--flash") && i + 1 < argc) {
			flash_file = argv[++i];
		} else if (!strcmp(argv[i], "--max-cycles") && i + 1 < argc) {
			max_cycles = strtoul(argv[++i], nullptr, 0);
		} else if (!strcmp(argv[i], "--on") && i + 1 < argc) {
			std::string s = argv[++i];
			size_t eq = s.find('=');
			if (eq == std::string::npos) {
				fprintf(stderr, "--on wants TRIGGER=REPLY\n");
				return 2;
			}
			replies.push_back({ s.substr(0, eq), s.substr(eq + 1), false });
		} else if (!strcmp(argv[i], "--expect") && i + 1 < argc) {
			expects.push_back(argv[++i]);
		}
	}

	std::vector<uint8_t> flash(SpiFlashModel::DEFAULT_SIZE, 0xFF);
	if (flash_file) {
		FILE *f = fopen(flash_file, "rb");
		if (!f) {
			perror(flash_file);
			return 2;
		}
		if (fread(flash.data(), 1, flash.size(), f) == 0)
			fprintf(stderr, "warning: %s is empty\n", flash_file);
		fclose(f);
	}
	SpiFlashModel fm(flash.data());
	fm.set_delays(100, 2000, 5000);
	UartModel uart(12);
	Vkvm_soc *top = new Vkvm_soc;

	top->i_rst_n = 0;
	top->i_uart_rx = 1;
	top->i_btn = 0;
	top->i_flash_miso = 0;
	top->i_irq_vsync = 0;
	top->i_vid_reg_rdata = 0;
	int rc = 2;
	size_t seen = 0;
	while (cycle < max_cycles) {
		if (cycle == 5)
			top->i_rst_n = 1;
		soc_tb_clock(top);	/* video, KVM, VIDIN ports stubbed */
		cycle++;
		top->i_flash_miso = fm.step(top->o_flash_cs_n, top->o_flash_sck, top->o_flash_mosi);
		top->i_uart_rx = uart.step(top->o_uart_tx);

		const std::string &t = uart.rx_text;
		if (t.size() == seen)
			continue;
		fwrite(t.data() + seen, 1, t.size() - seen, stdout);
		fflush(stdout);
		seen = t.size();
		for (Reply &r : replies) {
			if (!r.done && t.size() >= r.trigger.size() &&
			    t.compare(t.size() - r.trigger.size(), r.trigger.size(), r.trigger) == 0) {
				uart.send(r.reply);
				r.done = true;
			}
		}
		if (t.find("PASS\n") != std::string::npos) {
			rc = 0;
			break;
		}
		size_t f = t.find("FAIL");
		if (f != std::string::npos && t.find('\n', f) != std::string::npos) {
			rc = 1;
			break;
		}
	}
	if (rc == 0) {
		for (const std::string &e : expects) {
			if (uart.rx_text.find(e) == std::string::npos) {
				printf("tb_soc: expected UART text missing: \"%s\"\n", e.c_str());
				rc = 1;
			}
		}
		if (uart.framing_errors) {
			printf("tb_soc: %lu UART framing errors\n", uart.framing_errors);
			rc = 1;
		}
	}
	if (rc == 2)
		printf("\ntb_soc: TIMEOUT after %lu cycles (no PASS/FAIL)\n", cycle);
	printf("tb_soc: %s after %lu cycles, LEDs 0x%02x\n",
	       rc == 0 ? "PASS" : "FAIL", cycle, top->o_led);
	top->final();
	delete top;
	return rc;
}
