// SPDX-License-Identifier: MIT
/*
 * tb_fabric: Verilator bench of soc_fabric (the SoC without its CPU). The CPU bus is driven
 * from C++, the pins are connected to the flash and UART models. Checks every peripheral
 * at bus level and measures flash-window latencies (written as a bench TSV with --bench).
 *
 * usage: tb_fabric --flash PATTERN.bin [--bench OUT.tsv]
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "Vsoc_fabric.h"
#include "verilated.h"
#include "kvmosd_regs.h"
#include "spi_flash_model.h"
#include "uart_model.h"

static Vsoc_fabric *top;
static std::vector<uint8_t> flash(SpiFlashModel::DEFAULT_SIZE, 0xFF);
static SpiFlashModel *fm;
static UartModel uart(12);
static unsigned long cycle;
static int failures;

#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			failures++;                                                        \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);                        \
			printf(__VA_ARGS__);                                               \
			printf("\n");                                                      \
		}                                                                          \
	} while (0)

static void tick(void)
{
	top->i_clk_sys = 0;
	top->eval();
	top->i_clk_sys = 1;
	top->eval();
	cycle++;
	top->i_flash_miso = fm->step(top->o_flash_cs_n, top->o_flash_sck, top->o_flash_mosi);
	top->i_uart_rx = uart.step(top->o_uart_tx);
	top->eval();
}

static void ticks(unsigned n)
{
	while (n--)
		tick();
}

/* One bus transaction; returns read data, *lat = cycles until ready (1 = same cycle). */
static uint32_t bus(uint32_t addr, uint32_t wdata, unsigned wstrb, unsigned *lat = nullptr)
{
	unsigned n = 1;
	uint32_t r;

	top->i_mem_valid = 1;
	top->i_mem_addr = addr;
	top->i_mem_wdata = wdata;
	top->i_mem_wstrb = wstrb;
	top->eval();
	while (!top->o_mem_ready) {
		tick();
		if (++n > 100000) {
			printf("FAIL bus hang at 0x%08x\n", addr);
			exit(1);
		}
	}
	r = top->o_mem_rdata;
	tick();
	top->i_mem_valid = 0;
	top->i_mem_wstrb = 0;
	top->eval();
	if (lat)
		*lat = n;
	return r;
}

static uint32_t rd(uint32_t a, unsigned *lat = nullptr) { return bus(a, 0, 0, lat); }
static void wr(uint32_t a, uint32_t d, unsigned strb = 0xF) { bus(a, d, strb); }

static void reset(void)
{
	top->i_rst_n = 0;
	top->i_uart_rx = 1;
	top->i_btn = 0;
	top->i_mem_valid = 0;
	top->i_vid_reg_ready = 0;
	top->i_kvm_ready = 1;	/* KVM port stub: always ready, reads 0 (0x40000700 acts unmapped) */
	top->i_vid_mem_ready = 0;
	top->i_irq_vsync = 0;
	ticks(4);
	top->i_rst_n = 1;
	ticks(6);
}

static uint32_t flash_word(uint32_t a)
{
	return flash[a] | flash[a + 1] << 8 | flash[a + 2] << 16 | (uint32_t)flash[a + 3] << 24;
}

static uint8_t spi_xfer(uint8_t b)
{
	wr(KVM_SPI_DATA, b);
	return rd(KVM_SPI_DATA) & 0xFF;
}

static void spi_cs(int on) { wr(KVM_SPI_CTRL, 1 | (on ? 2 : 0)); }

static void spi_cmd_addr(uint8_t cmd, uint32_t a)
{
	spi_cs(1);
	spi_xfer(cmd);
	spi_xfer(a >> 16);
	spi_xfer(a >> 8);
	spi_xfer(a);
}

static void spi_wait_ready(void)
{
	for (int i = 0; i < 100000; i++) {
		spi_cs(1);
		spi_xfer(0x05);
		uint8_t s = spi_xfer(0);
		spi_cs(0);
		if (!(s & 1))
			return;
	}
	CHECK(0, "flash stays busy");
}

static void test_ids_and_unmapped(void)
{
	unsigned lat;

	CHECK(rd(KVM_SYSCTL_ID) == KVM_SYSCTL_ID_VALUE, "ID");
	CHECK(rd(KVM_SYSCTL_CLK_HZ) == 12000000, "CLK_HZ");
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 1, "RESET_CAUSE after power-on");
	const uint32_t unmapped[] = { 0x00000800, 0x0FFFFFFC, 0x10020000, 0x30001000,
				      0x40000F00, 0x40000700, 0x50000000, 0xFFFFFFFC };
	for (uint32_t a : unmapped) {
		/* reads: one registered wait state; writes outside the OSD and IO blocks are
		 * posted (same cycle), inside them registered like every IO access */
		CHECK(rd(a, &lat) == 0 && lat == 2, "unmapped read 0x%08x lat %u", a, lat);
		bus(a, 0x12345678, 0xF, &lat);
		unsigned want = (a >> 28 == KVM_OSD_TEXT_BASE >> 28 || a >> 28 == KVM_IO_BASE >> 28) ? 2 : 1;
		CHECK(lat == want, "unmapped write 0x%08x lat %u", a, lat);
	}
	/* OSD memories are write-only: reads answered by the interconnect */
	CHECK(rd(KVM_OSD_TEXT_BASE, &lat) == 0 && lat == 2, "OSD read");
	/* IO registers: one wait state */
	CHECK(rd(KVM_SYSCTL_ID, &lat) == KVM_SYSCTL_ID_VALUE && lat == 2, "IO read lat %u", lat);
	bus(KVM_SYSCTL_SCRATCH, 0x5A5A0000, 0xF, &lat);
	CHECK(lat == 2, "IO write lat %u", lat);
	/* boot ROM: writes posted, reads one wait state */
	bus(KVM_BOOTROM_BASE, 0x12345678, 0xF, &lat);
	CHECK(lat == 1, "ROM write lat %u", lat);
	rd(KVM_BOOTROM_BASE, &lat);
	CHECK(lat == 2, "ROM read lat %u", lat);
}

static void test_ram(void)
{
	unsigned lat;

	wr(KVM_RAM_BASE + 0x100, 0x11223344);
	wr(KVM_RAM_BASE + 0x100, 0x000000AA, 0x1);
	wr(KVM_RAM_BASE + 0x100, 0x00BB0000, 0x4);
	wr(KVM_RAM_BASE + 0x100, 0xCC000000, 0x8);
	CHECK(rd(KVM_RAM_BASE + 0x100, &lat) == 0xCCBB33AA, "RAM byte lanes");
	CHECK(lat == 2, "RAM read latency %u", lat);
	bus(KVM_RAM_BASE + 0x104, 0x55667788, 0xF, &lat);
	CHECK(lat == 1, "RAM write latency %u", lat);
	CHECK(rd(KVM_RAM_BASE + 0x104) == 0x55667788, "RAM write/read");
	wr(KVM_RAM_BASE + KVM_RAM_SIZE - 4, 0xDEADBEEF);
	CHECK(rd(KVM_RAM_BASE + KVM_RAM_SIZE - 4) == 0xDEADBEEF, "RAM top word");
	CHECK(rd(KVM_RAM_BASE + 0x100) == 0xCCBB33AA, "RAM no alias");
}

static void test_uart(void)
{
	CHECK(rd(KVM_UART_DIV) == 12, "UART DIV reset");
	CHECK(rd(KVM_UART_STATUS) & 4, "UART tx idle");
	for (const char *p = "Hi!"; *p; p++)
		wr(KVM_UART_DATA, (uint8_t)*p);
	ticks(12 * 10 * 4);
	CHECK(uart.rx_text == "Hi!", "UART tx got '%s'", uart.rx_text.c_str());
	CHECK(uart.framing_errors == 0, "UART tx framing");

	CHECK(rd(KVM_UART_DATA) == 0, "UART rx empty");
	uart.send("kvm");
	ticks(12 * 10 * 4);
	CHECK(rd(KVM_UART_STATUS) & 1, "UART rx avail");
	CHECK(top->o_irq_external == 0, "irq masked");
	wr(KVM_SYSCTL_IRQ_ENABLE, 1u << KVM_IRQ_UART_RX);
	CHECK(top->o_irq_external == 1, "UART irq");
	CHECK(rd(KVM_SYSCTL_IRQ_PENDING) == 1u << KVM_IRQ_UART_RX, "pending");
	CHECK(rd(KVM_UART_DATA) == 0x100 + 'k', "rx k");
	CHECK(rd(KVM_UART_DATA) == 0x100 + 'v', "rx v");
	CHECK(rd(KVM_UART_DATA) == 0x100 + 'm', "rx m");
	CHECK(rd(KVM_UART_DATA) == 0, "rx empty again");
	CHECK(top->o_irq_external == 0, "UART irq gone");

	/* overrun: 520 bytes into the 512-byte RX FIFO */
	std::string s;
	for (int i = 0; i < 520; i++)
		s += (char)('A' + (i * 7) % 53);
	uart.send(s);
	ticks(12 * 10 * 521);
	CHECK(rd(KVM_UART_STATUS) & 8, "overrun flag");
	for (int i = 0; i < 512; i++)
		CHECK(rd(KVM_UART_DATA) == 0x100u + (uint8_t)s[i], "fifo byte %d", i);
	CHECK(rd(KVM_UART_DATA) == 0, "fifo drained");
	wr(KVM_UART_ERRCLR, 8);
	CHECK(!(rd(KVM_UART_STATUS) & 8), "overrun cleared");
	/* framing error */
	uart.send('x', true);
	ticks(12 * 12);
	uart.send('y');
	ticks(12 * 12);
	CHECK(rd(KVM_UART_STATUS) & 16, "framing flag");
	CHECK(rd(KVM_UART_DATA) == 0x100 + 'y', "byte after framing error");
	wr(KVM_UART_ERRCLR, 16);
	CHECK(!(rd(KVM_UART_STATUS) & 16), "framing cleared");
	/* TX FIFO full flag */
	for (int i = 0; i < 18; i++)
		wr(KVM_UART_DATA, '0' + i);
	CHECK(rd(KVM_UART_STATUS) & 2, "tx full");
	ticks(12 * 10 * 20);
	CHECK(rd(KVM_UART_STATUS) & 4, "tx idle after drain");
	wr(KVM_SYSCTL_IRQ_ENABLE, 0);
}

static void test_timer(void)
{
	CHECK(rd(KVM_TIMER_MTIMECMP_LO) == 0xFFFFFFFF, "mtimecmp reset");
	CHECK(top->o_irq_timer == 0, "timer irq idle");
	unsigned lat;
	uint32_t t0 = rd(KVM_TIMER_MTIME_LO, &lat);
	uint32_t t1 = rd(KVM_TIMER_MTIME_LO);
	/* back-to-back reads are lat cycles apart (bus() ends one cycle after ready) */
	CHECK(t1 - t0 == lat, "mtime counts cycles (%u, lat %u)", t1 - t0, lat);
	wr(KVM_TIMER_MTIMECMP_HI, 0);
	wr(KVM_TIMER_MTIMECMP_LO, t1 + 100);
	CHECK(top->o_irq_timer == 0, "not yet");
	ticks(100);
	CHECK(top->o_irq_timer == 1, "timer irq");
	wr(KVM_TIMER_MTIMECMP_LO, 0xFFFFFFFF);
	wr(KVM_TIMER_MTIMECMP_HI, 0xFFFFFFFF);
	CHECK(top->o_irq_timer == 0, "timer irq cleared");
	wr(KVM_TIMER_MTIME_HI, 5);
	CHECK(rd(KVM_TIMER_MTIME_HI) == 5, "mtime hi write");
}

static void test_gpio_vsync(void)
{
	wr(KVM_GPIO_OUT, 0xA5);
	CHECK(top->o_led == 0xA5 && rd(KVM_GPIO_OUT) == 0xA5, "LEDs");
	top->i_btn = 0x5;
	ticks(10);
	CHECK(rd(KVM_GPIO_IN) == 0, "debounce holds");
	ticks(60000);
	CHECK(rd(KVM_GPIO_IN) == 0x5, "buttons");
	CHECK(rd(KVM_SYSCTL_IRQ_PENDING) & (1u << KVM_IRQ_BUTTON), "button pending");
	wr(KVM_SYSCTL_IRQ_PENDING, 1u << KVM_IRQ_BUTTON);
	CHECK(!(rd(KVM_SYSCTL_IRQ_PENDING) & (1u << KVM_IRQ_BUTTON)), "button cleared");
	top->i_irq_vsync = 1;
	tick();
	top->i_irq_vsync = 0;
	CHECK(rd(KVM_SYSCTL_IRQ_PENDING) == 1u << KVM_IRQ_VSYNC, "vsync pending");
	wr(KVM_SYSCTL_IRQ_ENABLE, 1u << KVM_IRQ_VSYNC);
	CHECK(top->o_irq_external, "vsync irq");
	wr(KVM_SYSCTL_IRQ_PENDING, 1u << KVM_IRQ_VSYNC);
	CHECK(!top->o_irq_external, "vsync cleared");
	top->i_btn = 0;
}

static void test_flash(FILE *bench)
{
	unsigned lat, first_lat = 0, seq_lat = 0, rnd_lat = 0, max_seq = 0;
	int nseq = 0, nrnd = 0;

	/* sequential */
	for (uint32_t a = 0; a < 1024; a += 4) {
		uint32_t v = rd(KVM_FLASH_BASE + a, &lat);
		CHECK(v == flash_word(a), "flash seq 0x%x: %08x != %08x", a, v, flash_word(a));
		if (a == 0)
			first_lat = lat;
		else {
			seq_lat += lat;
			nseq++;
			if (lat > max_seq)
				max_seq = lat;
		}
	}
	/* random */
	uint32_t x = 12345;
	for (int i = 0; i < 64; i++) {
		x = x * 1103515245u + 12345u;
		uint32_t a = (x >> 8) & 0xFFFC;
		uint32_t v = rd(KVM_FLASH_BASE + a, &lat);
		CHECK(v == flash_word(a), "flash rnd 0x%x: %08x != %08x", a, v, flash_word(a));
		rnd_lat += lat;
		nrnd++;
	}
	/* sequential with the CPU busy elsewhere between reads (prefetch hides the latency) */
	unsigned hidden = 0;
	rd(KVM_FLASH_BASE + 0x2000);
	for (uint32_t a = 0x2004; a < 0x2040; a += 4) {
		ticks(80);
		CHECK(rd(KVM_FLASH_BASE + a, &lat) == flash_word(a), "flash prefetch 0x%x", a);
		hidden += lat;
	}
	/* idle timeout releases CS */
	ticks(64 + 255 + 10);
	CHECK(top->o_flash_cs_n == 1, "CS released after idle");
	/* switching to manual mode straight from an open burst still ends it */
	rd(KVM_FLASH_BASE + 0x3000);
	CHECK(top->o_flash_cs_n == 0, "burst open");

	/* manual mode: JEDEC ID, erase sector 0x1000, program 8 bytes, read back */
	spi_cs(1);
	spi_xfer(0x9F);
	uint32_t id = spi_xfer(0) << 16;
	id |= spi_xfer(0) << 8;
	id |= spi_xfer(0);
	spi_cs(0);
	CHECK(id == 0xEF4018, "JEDEC %06x", id);
	CHECK(rd(KVM_SPI_CTRL) == 1, "CTRL readback");
	spi_cs(1);
	spi_xfer(0x06);
	spi_cs(0);
	spi_cmd_addr(0x20, 0x1000);
	spi_cs(0);
	spi_wait_ready();
	spi_cs(1);
	spi_xfer(0x06);
	spi_cs(0);
	spi_cmd_addr(0x02, 0x1010);
	for (int i = 0; i < 8; i++)
		spi_xfer(0x10 + i);
	spi_cs(0);
	spi_wait_ready();
	wr(KVM_SPI_CTRL, 0);
	CHECK(rd(KVM_FLASH_BASE + 0x1000) == 0xFFFFFFFF, "erased");
	CHECK(rd(KVM_FLASH_BASE + 0x1010) == 0x13121110, "programmed 0");
	CHECK(rd(KVM_FLASH_BASE + 0x1014) == 0x17161514, "programmed 1");
	CHECK(rd(KVM_FLASH_BASE + 0x1018) == 0xFFFFFFFF, "after program");
	CHECK(rd(KVM_FLASH_BASE + 0x0FFC) == flash_word(0xFFC), "sector before intact");
	CHECK(rd(KVM_FLASH_BASE + 0x2000) == flash_word(0x2000), "sector after intact");
	CHECK(fm->erases == 1, "one erase");

	printf("flash window: first %u, sequential avg %.1f (max %u), random avg %.1f, "
	       "sequential with 80-cycle gaps avg %.1f cycles\n",
	       first_lat, (double)seq_lat / nseq, max_seq, (double)rnd_lat / nrnd,
	       hidden / 15.0);
	if (bench) {
		fprintf(bench, "flash_word_random\t%.1f\tcycles\tflash window word read, new burst (clk_sys, CLKDIV 0)\n",
			(double)rnd_lat / nrnd);
		fprintf(bench, "flash_word_sequential\t%.1f\tcycles\tflash window word read, back-to-back sequential\n",
			(double)seq_lat / nseq);
		fprintf(bench, "flash_word_prefetched\t%.1f\tcycles\tflash window sequential read after 80 idle cycles\n",
			hidden / 15.0);
	}
}

static void test_wdt_soft_reset(void)
{
	wr(KVM_SYSCTL_RESET_CAUSE, 1);
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 0, "cause cleared");
	wr(KVM_SYSCTL_SCRATCH, 0xC0FFEE11);
	wr(KVM_GPIO_OUT, 0x3C);
	wr(KVM_WDT_TIMEOUT, 300);
	wr(KVM_WDT_CTRL, 1);
	ticks(100);
	uint32_t c = rd(KVM_WDT_COUNT);
	CHECK(c < 300 && c > 150, "wdt count %u", c);
	wr(KVM_WDT_CTRL, 0);
	CHECK(rd(KVM_WDT_CTRL) == 1, "wdt enable sticky");
	wr(KVM_WDT_KICK, 0x1234);
	CHECK(rd(KVM_WDT_COUNT) < c, "wrong key ignored");
	wr(KVM_WDT_KICK, KVM_WDT_KICK_KEY);
	CHECK(rd(KVM_WDT_COUNT) >= 297, "kick reloads");
	int saw_reset = 0;
	for (int i = 0; i < 400; i++) {
		tick();
		saw_reset |= top->o_rst_sys;
	}
	CHECK(saw_reset, "wdt reset");
	ticks(30);
	CHECK(!top->o_rst_sys, "reset released");
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 2, "cause watchdog");
	CHECK(rd(KVM_SYSCTL_SCRATCH) == 0xC0FFEE11, "scratch survives wdt");
	CHECK(rd(KVM_WDT_CTRL) == 0, "wdt disabled after reset");
	CHECK(top->o_led == 0, "GPIO reset by wdt");
	wr(KVM_SYSCTL_RESET_CAUSE, 2);
	wr(KVM_SYSCTL_SOFT_RESET, 0x1);
	ticks(30);
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 0, "bad key ignored");
	wr(KVM_SYSCTL_SOFT_RESET, KVM_SOFT_RESET_KEY);
	ticks(30);
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 4, "cause soft");
	CHECK(rd(KVM_SYSCTL_SCRATCH) == 0xC0FFEE11, "scratch survives soft reset");
	top->i_rst_n = 0;
	ticks(3);
	top->i_rst_n = 1;
	ticks(6);
	CHECK(rd(KVM_SYSCTL_RESET_CAUSE) == 1, "cause power-on");
	CHECK(rd(KVM_SYSCTL_SCRATCH) == 0, "scratch cleared by board reset");
}

int main(int argc, char **argv)
{
	const char *flash_file = nullptr, *bench_file = nullptr;

	Verilated::commandArgs(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--flash") && i + 1 < argc)
			flash_file = argv[++i];
		else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
			bench_file = argv[++i];
	}
	if (flash_file) {
		FILE *f = fopen(flash_file, "rb");
		if (!f) {
			perror(flash_file);
			return 1;
		}
		size_t n = fread(flash.data(), 1, flash.size(), f);
		fclose(f);
		printf("flash: %zu bytes from %s\n", n, flash_file);
	}
	fm = new SpiFlashModel(flash.data());
	fm->set_delays(50, 500, 1000);
	top = new Vsoc_fabric;
	FILE *bench = bench_file ? fopen(bench_file, "w") : nullptr;

	reset();
	test_ids_and_unmapped();
	test_ram();
	test_uart();
	test_timer();
	test_gpio_vsync();
	test_flash(bench);
	test_wdt_soft_reset();

	if (bench)
		fclose(bench);
	top->final();
	delete top;
	printf("%s: %d failure(s), %lu cycles\n", failures ? "FAIL" : "PASS", failures, cycle);
	return failures ? 1 : 0;
}
