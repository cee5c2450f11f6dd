// SPDX-License-Identifier: MIT
/*
 * kvmosd_sim.cpp - the whole simulated board: Verilator model of kvmosd_top, the two clocks
 * at their real frequencies from a picosecond event scheduler, the SPI flash backed by a
 * file, the UART bridged to a Unix socket, and frame capture to PNG. See docs/simulator.md.
 */
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <getopt.h>
#include <sys/stat.h>

#include "Vkvmosd_top.h"
#include "verilated.h"
#include "verilated_syms.h"
#include "verilated_vcd_c.h"

#include "flash_file.h"
#include "uart_bridge.h"
#include "vidcap.h"
#include "models/ps2_kvm.h"
#include "models/spi_flash_model.h"
#include "models/uart_model.h"

extern "C" {
#include "kvmosd_regs.h"
}

#define CLK_SYS_HZ	12000000ull
#define CLK_PIX_HZ	25125000ull
#define FLASH_BYTES	(16u << 20)
#define RESET_CYCLES	16		/* clk_sys cycles with i_rst_n low */
#define SERVICE_EVERY	512		/* clk_sys cycles between socket / stop checks */
#define KVM_PORTS	4		/* PC ports of the simulated board (KVM_N of kvmosd_top) */

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	if (stop_signal)	/* second signal: the user really wants out */
		_exit(128 + sig);
	stop_signal = sig;
}

struct options {
	std::string flash = "build/sim/flash.bin";
	std::string firmware;
	std::string uart;
	std::string uart_log;
	std::string png_dir;
	std::string status_json;
	std::string vcd;
	std::string bus_log;
	std::string until_uart;
	unsigned long frames = 0;	/* 0: no frame limit */
	double max_ms = 0;		/* 0: no time limit */
	bool quiet = false;
	bool exit_on_disconnect = false;
	ps2::KvmOptions kvm;		/* keyboard/mouse world (sim/models/ps2_kvm.h) */
};

/*
 * A free-running clock: edge k (counting both edges) is at floor(k * 1e12 / (2 * hz)) ps, so
 * non-integer periods keep their exact long-term frequency and the two clocks drift through
 * every phase relation, as two crystals do.
 */
struct sim_clock {
	uint64_t hz;
	uint64_t edges = 0;
	uint64_t next_ps = 0;
	bool level = false;

	explicit sim_clock(uint64_t f) : hz(f) { advance(); }
	void advance()
	{
		edges++;
		next_ps = (uint64_t)((unsigned __int128)edges * 500000000000ull / hz);
	}
};

/* CPU bus signals, found by name in the model's public scopes (see kvmosd_sim.vlt). */
struct bus_snoop {
	const uint8_t *valid = nullptr, *ready = nullptr, *wstrb = nullptr;
	const uint32_t *addr = nullptr, *wdata = nullptr;
};

static bool find_bus(VerilatedContext *ctx, bus_snoop *s)
{
	const VerilatedScopeNameMap *scopes = ctx->scopeNameMap();

	if (!scopes)
		return false;
	for (const auto &it : *scopes) {
		VerilatedVarNameMap *vars = it.second->varsp();

		if (!vars)
			continue;
		auto v = vars->find("o_mem_valid");
		auto r = vars->find("i_mem_ready");
		auto a = vars->find("o_mem_addr");
		auto d = vars->find("o_mem_wdata");
		auto w = vars->find("o_mem_wstrb");

		if (v == vars->end() || r == vars->end() || a == vars->end() ||
		    d == vars->end() || w == vars->end())
			continue;
		s->valid = (const uint8_t *)v->second.datap();
		s->ready = (const uint8_t *)r->second.datap();
		s->addr = (const uint32_t *)a->second.datap();
		s->wdata = (const uint32_t *)d->second.datap();
		s->wstrb = (const uint8_t *)w->second.datap();
		return true;
	}
	return false;
}

static bool is_video_write(uint32_t a)
{
	return (a >= KVM_OSD_TEXT_BASE && a < KVM_OSD_TEXT_BASE + KVM_OSD_TEXT_SIZE) ||
	       (a >= KVM_OSD_FONT_BASE && a < KVM_OSD_FONT_BASE + KVM_OSD_FONT_SIZE) ||
	       (a >= KVM_VIDEO_BASE && a < KVM_VIDEO_BASE + 0x100);
}

/* UART text to stdout, one prefixed line at a time; other bytes as \xNN. */
struct uart_echo {
	std::string line;

	void put(uint8_t c)
	{
		char esc[8];

		if (c == '\n') {
			flush();
		} else if (c == '\r') {
			return;
		} else if (c >= 0x20 && c < 0x7f) {
			line += (char)c;
		} else {
			snprintf(esc, sizeof(esc), "\\x%02x", c);
			line += esc;
		}
		if (line.size() >= 160)
			flush();
	}
	void flush()
	{
		printf("uart| %s\n", line.c_str());
		fflush(stdout);
		line.clear();
	}
};

static void usage(FILE *f)
{
	fputs("usage: kvmosd-sim [options]\n"
	      "  --flash FILE          SPI flash contents, 16 MiB, kept across runs\n"
	      "                        (default build/sim/flash.bin; created erased if missing)\n"
	      "  --firmware IMG        write firmware image IMG at the firmware slot first\n"
	      "  --uart PATH           bridge the UART to a Unix socket listening at PATH\n"
	      "  --uart-log FILE       save everything the board transmits\n"
	      "  --quiet               do not echo UART output to stdout\n"
	      "  --until-uart TEXT     stop once the board has transmitted TEXT\n"
	      "  --png-dir DIR         write captured frames as DIR/frame-NNNN.png\n"
	      "  --frames N            stop after N captured frames\n"
	      "  --max-ms T            stop after T ms of simulated time\n"
	      "  --exit-on-disconnect  stop when the UART socket client disconnects\n"
	      "  --status-json FILE    write run statistics at exit\n"
	      "  --bus-log FILE        log CPU writes to OSD/video registers and frame records\n"
	      "  --vcd FILE            dump all signals (slow, large)\n"
	      "  --ms T                same as --max-ms\n"
	      "keyboard and mouse (docs/simulator.md):\n"
	      "  --keys \"SCRIPT\"       console key script: NAME +NAME -NAME wait:MS hold:MS gap:MS\n"
	      "                        repeat:on|off\n"
	      "  --keys-file FILE      key script from a file ('#' comments)\n"
	      "  --keys-at MS          start the key script at MS of sim time (default 400)\n"
	      "  --mouse \"SCRIPT\"      console mouse script: move:DX,DY wheel:N down:B up:B wait:MS\n"
	      "  --mouse-file FILE     mouse script from a file\n"
	      "  --mouse-at MS         start the mouse script at MS (default 400)\n"
	      "  --mouse-model M       console mouse: ps2, imps (ID 3) or exps (ID 4, default)\n"
	      "  --pc-init-ms MS       PC port p starts its PS/2 init at MS + 7*p (default 30)\n"
	      "  --pc-inhibit P        PC port P holds its keyboard CLK low after its init\n"
	      "  --con-event MS:ACTION unplug-kbd, plug-kbd, unplug-mouse, plug-mouse (repeatable)\n"
	      "  --help\n", f);
}

static bool parse_args(int argc, char **argv, options *o)
{
	enum { O_FLASH = 256, O_FW, O_UART, O_ULOG, O_QUIET, O_UNTIL, O_PNG, O_FRAMES,
	       O_MAXMS, O_EOD, O_STATUS, O_BUSLOG, O_VCD, O_HELP, O_KEYS, O_KEYSF, O_KEYSAT,
	       O_MOUSE, O_MOUSEF, O_MOUSEAT, O_MMODEL, O_PCINIT, O_PCINH, O_CONEV };
	static const struct option longopts[] = {
		{ "flash", required_argument, nullptr, O_FLASH },
		{ "firmware", required_argument, nullptr, O_FW },
		{ "uart", required_argument, nullptr, O_UART },
		{ "uart-log", required_argument, nullptr, O_ULOG },
		{ "quiet", no_argument, nullptr, O_QUIET },
		{ "until-uart", required_argument, nullptr, O_UNTIL },
		{ "png-dir", required_argument, nullptr, O_PNG },
		{ "frames", required_argument, nullptr, O_FRAMES },
		{ "max-ms", required_argument, nullptr, O_MAXMS },
		{ "ms", required_argument, nullptr, O_MAXMS },
		{ "keys", required_argument, nullptr, O_KEYS },
		{ "keys-file", required_argument, nullptr, O_KEYSF },
		{ "keys-at", required_argument, nullptr, O_KEYSAT },
		{ "mouse", required_argument, nullptr, O_MOUSE },
		{ "mouse-file", required_argument, nullptr, O_MOUSEF },
		{ "mouse-at", required_argument, nullptr, O_MOUSEAT },
		{ "mouse-model", required_argument, nullptr, O_MMODEL },
		{ "pc-init-ms", required_argument, nullptr, O_PCINIT },
		{ "pc-inhibit", required_argument, nullptr, O_PCINH },
		{ "con-event", required_argument, nullptr, O_CONEV },
		{ "exit-on-disconnect", no_argument, nullptr, O_EOD },
		{ "status-json", required_argument, nullptr, O_STATUS },
		{ "bus-log", required_argument, nullptr, O_BUSLOG },
		{ "vcd", required_argument, nullptr, O_VCD },
		{ "help", no_argument, nullptr, O_HELP },
		{ nullptr, 0, nullptr, 0 }
	};
	char *end;
	int c;
	/* a non-negative number of ms for option name, or false */
	auto ms_arg = [&](const char *name, double *v) {
		*v = strtod(optarg, &end);
		if (*end || !*optarg || *v < 0) {
			fprintf(stderr, "kvmosd-sim: bad --%s %s\n", name, optarg);
			return false;
		}
		return true;
	};

	while ((c = getopt_long(argc, argv, "", longopts, nullptr)) != -1) {
		switch (c) {
		case O_FLASH: o->flash = optarg; break;
		case O_FW: o->firmware = optarg; break;
		case O_UART: o->uart = optarg; break;
		case O_ULOG: o->uart_log = optarg; break;
		case O_QUIET: o->quiet = true; break;
		case O_UNTIL: o->until_uart = optarg; break;
		case O_PNG: o->png_dir = optarg; break;
		case O_FRAMES:
			o->frames = strtoul(optarg, &end, 0);
			if (*end || !*optarg) {
				fprintf(stderr, "kvmosd-sim: bad --frames %s\n", optarg);
				return false;
			}
			break;
		case O_MAXMS:
			o->max_ms = strtod(optarg, &end);
			if (*end || !*optarg || o->max_ms <= 0) {
				fprintf(stderr, "kvmosd-sim: bad --max-ms %s\n", optarg);
				return false;
			}
			break;
		case O_EOD: o->exit_on_disconnect = true; break;
		case O_STATUS: o->status_json = optarg; break;
		case O_BUSLOG: o->bus_log = optarg; break;
		case O_VCD: o->vcd = optarg; break;
		case O_KEYS: o->kvm.keys += std::string(" ") + optarg; break;
		case O_KEYSF: o->kvm.keys_file = optarg; break;
		case O_KEYSAT:
			if (!ms_arg("keys-at", &o->kvm.keys_at_ms))
				return false;
			break;
		case O_MOUSE: o->kvm.mouse += std::string(" ") + optarg; break;
		case O_MOUSEF: o->kvm.mouse_file = optarg; break;
		case O_MOUSEAT:
			if (!ms_arg("mouse-at", &o->kvm.mouse_at_ms))
				return false;
			break;
		case O_MMODEL: o->kvm.mouse_model = optarg; break;
		case O_PCINIT:
			if (!ms_arg("pc-init-ms", &o->kvm.pc_init_ms))
				return false;
			break;
		case O_PCINH:
			o->kvm.pc_inhibit = (int)strtol(optarg, &end, 0);
			if (*end || !*optarg || o->kvm.pc_inhibit < 0) {
				fprintf(stderr, "kvmosd-sim: bad --pc-inhibit %s\n", optarg);
				return false;
			}
			break;
		case O_CONEV: o->kvm.con_events.push_back(optarg); break;
		case O_HELP: usage(stdout); exit(0);
		default: usage(stderr); return false;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kvmosd-sim: unexpected argument %s\n", argv[optind]);
		return false;
	}
	return true;
}

static double wall_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void json_str(FILE *f, const std::string &s)
{
	fputc('"', f);
	for (char c : s) {
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if ((unsigned char)c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

struct run_stats {
	uint64_t t_ps = 0, sys_cycles = 0, pix_cycles = 0;
	uint64_t uart_to_host = 0, uart_to_board = 0;
	double wall_s = 0;
	double until_uart_ms = -1;
	unsigned int clients = 0;
	std::string reason;
};

/*
 * "ports": one object per PC port. Each part appends its fields for port p here (the
 * keyboard/mouse models now; video per port can add its own the same way).
 */
static void write_ports(FILE *f, const ps2::Ps2Kvm &kvm)
{
	fprintf(f, "  \"ports\": [");
	for (int p = 0; p < kvm.ports(); p++) {
		ps2::JsonFields fields = { { "port", std::to_string(p) } };

		kvm.port_fields(p, &fields);
		fprintf(f, "%s\n    ", p ? "," : "");
		ps2::write_json_object(f, fields, "    ");
	}
	fprintf(f, "\n  ],\n");
}

static bool write_status(const std::string &path, const run_stats &st, const vidcap &cap,
			 const ps2::Ps2Kvm &kvm)
{
	const vid_timing &tm = cap.timing();
	FILE *f = fopen(path.c_str(), "w");
	size_t i;

	if (!f) {
		fprintf(stderr, "kvmosd-sim: cannot write %s: %s\n", path.c_str(), strerror(errno));
		return false;
	}
	fprintf(f, "{\n  \"exit_reason\": ");
	json_str(f, st.reason);
	fprintf(f, ",\n  \"frames\": %u,\n  \"malformed_frames\": %u,\n", cap.frames(),
		cap.malformed());
	fprintf(f, "  \"sim_time_ps\": %llu,\n  \"sim_time_ms\": %.6f,\n",
		(unsigned long long)st.t_ps, st.t_ps / 1e9);
	fprintf(f, "  \"clk_sys_cycles\": %llu,\n  \"clk_pix_cycles\": %llu,\n",
		(unsigned long long)st.sys_cycles, (unsigned long long)st.pix_cycles);
	fprintf(f, "  \"uart_bytes_to_host\": %llu,\n  \"uart_bytes_to_board\": %llu,\n",
		(unsigned long long)st.uart_to_host, (unsigned long long)st.uart_to_board);
	fprintf(f, "  \"uart_clients\": %u,\n", st.clients);
	fprintf(f, "  \"until_uart_ms\": %.6f,\n", st.until_uart_ms);
	fprintf(f, "  \"video\": {\"pixels_per_line\": %u, \"hsync_pixels\": %u, "
		"\"lines_per_frame\": %u, \"vsync_lines\": %u, \"active_pixels\": %u, "
		"\"active_lines\": %u, \"hsync_active_high\": %d, \"vsync_active_high\": %d},\n",
		tm.line_total, tm.hs_width, tm.frame_lines, tm.vs_lines, tm.active_w,
		tm.active_h, tm.hs_active_high, tm.vs_active_high);
	fprintf(f, "  \"frame_crc32\": [");
	for (i = 0; i < cap.crcs().size(); i++)
		fprintf(f, "%s\"%08x\"", i ? ", " : "", cap.crcs()[i]);
	fprintf(f, "],\n");
	write_ports(f, kvm);
	{
		ps2::JsonFields con, lat;

		kvm.console_fields(&con);
		kvm.latency_fields(&lat);
		fprintf(f, "  \"console\": ");
		ps2::write_json_object(f, con, "  ");
		fprintf(f, ",\n  \"latency\": ");
		ps2::write_json_object(f, lat, "  ");
		fprintf(f, ",\n");
	}
	fprintf(f, "  \"wall_s\": %.3f,\n", st.wall_s);
	fprintf(f, "  \"clk_sys_cycles_per_s\": %.0f,\n  \"frames_per_s\": %.3f\n}\n",
		st.wall_s > 0 ? st.sys_cycles / st.wall_s : 0,
		st.wall_s > 0 ? cap.frames() / st.wall_s : 0);
	return fclose(f) == 0;
}

static bool ensure_dir(const std::string &dir)
{
	std::string cmd;
	struct stat st;

	if (stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
		return true;
	for (size_t i = 1; i <= dir.size(); i++) {
		if (i == dir.size() || dir[i] == '/') {
			std::string part = dir.substr(0, i);

			if (mkdir(part.c_str(), 0777) != 0 && errno != EEXIST) {
				fprintf(stderr, "kvmosd-sim: cannot create %s: %s\n", part.c_str(),
					strerror(errno));
				return false;
			}
		}
	}
	return true;
}

static std::string dir_of(const std::string &path)
{
	size_t slash = path.rfind('/');

	return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

int main(int argc, char **argv)
{
	options opt;
	run_stats st;
	std::vector<uint8_t> flash_mem;
	FILE *uart_log = nullptr, *bus_log = nullptr;
	uart_bridge bridge;
	uart_echo echo;
	bus_snoop snoop;
	std::string until_tail;
	bool until_line_done = false;
	uint64_t max_ps;
	double wall0;
	int rc = 0;

	/* from the start: a signal at any point still ends with the flash written back */
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	if (!parse_args(argc, argv, &opt))
		return 2;
	ps2::Ps2Kvm kvm;
	{
		std::string err;

		if (!kvm.setup(opt.kvm, KVM_PORTS, &err)) {
			fprintf(stderr, "kvmosd-sim: %s\n", err.c_str());
			return 2;
		}
	}
	if (!ensure_dir(dir_of(opt.flash)) || !flash_file_load(opt.flash, flash_mem, FLASH_BYTES))
		return 1;
	if (!opt.firmware.empty()) {
		if (!flash_file_put_image(flash_mem, opt.firmware, KVM_FLASH_FW_OFFSET,
					  KVM_FLASH_FW_SLOT_SIZE))
			return 1;
		/* the image is in the file even if this run is cut short */
		if (!flash_file_save(opt.flash, flash_mem))
			return 1;
	}
	if (!opt.png_dir.empty() && !ensure_dir(opt.png_dir))
		return 1;
	if (!opt.uart_log.empty() && !(uart_log = fopen(opt.uart_log.c_str(), "wb"))) {
		fprintf(stderr, "kvmosd-sim: cannot write %s: %s\n", opt.uart_log.c_str(),
			strerror(errno));
		return 1;
	}
	if (uart_log)
		setvbuf(uart_log, nullptr, _IOLBF, 0);	/* others may follow it */
	if (!opt.bus_log.empty() && !(bus_log = fopen(opt.bus_log.c_str(), "w"))) {
		fprintf(stderr, "kvmosd-sim: cannot write %s: %s\n", opt.bus_log.c_str(),
			strerror(errno));
		return 1;
	}
	if (!opt.uart.empty() && !bridge.listen_on(opt.uart))
		return 1;

	auto ctx = std::make_unique<VerilatedContext>();
	ctx->commandArgs(argc, argv);
	ctx->traceEverOn(!opt.vcd.empty());
	auto top = std::make_unique<Vkvmosd_top>(ctx.get(), "TOP");
	std::unique_ptr<VerilatedVcdC> vcd;

	if (!opt.vcd.empty()) {
		vcd = std::make_unique<VerilatedVcdC>();
		top->trace(vcd.get(), 99);
		vcd->set_time_unit("1ps");
		vcd->set_time_resolution("1ps");
		vcd->open(opt.vcd.c_str());
	}
	if (bus_log && !find_bus(ctx.get(), &snoop)) {
		fprintf(stderr, "kvmosd-sim: --bus-log: CPU bus signals not found in the model\n");
		return 1;
	}

	SpiFlashModel flash(flash_mem.data(), flash_mem.size());
	UartModel uart(CLK_SYS_HZ / KVM_UART_BAUD_DEFAULT);
	vidcap cap(opt.png_dir, bus_log);
	sim_clock sys(CLK_SYS_HZ), pix(CLK_PIX_HZ);

	max_ps = opt.max_ms > 0 ? (uint64_t)(opt.max_ms * 1e9) : UINT64_MAX;
	top->i_clk_sys = 0;
	top->i_clk_pix = 0;
	top->i_rst_n = 0;
	top->i_uart_rx = 1;
	top->i_flash_miso = 1;
	top->i_btn = 0;
	top->i_con_kbd_clk = 1;
	top->i_con_kbd_dat = 1;
	top->i_con_ms_clk = 1;
	top->i_con_ms_dat = 1;
	top->i_pc_kbd_clk = top->i_pc_kbd_dat = (1u << KVM_PORTS) - 1;
	top->i_pc_ms_clk = top->i_pc_ms_dat = (1u << KVM_PORTS) - 1;
	top->eval();

	wall0 = wall_seconds();
	for (;;) {
		uint64_t t = sys.next_ps < pix.next_ps ? sys.next_ps : pix.next_ps;
		bool sys_edge = sys.next_ps == t, pix_edge = pix.next_ps == t;
		bool sys_rise = sys_edge && !sys.level, pix_rise = pix_edge && !pix.level;

		st.t_ps = t;
		/* what the outside world samples at a rising edge: the settled pins before it */
		if (pix_rise) {
			st.pix_cycles++;
			cap.sample(t, top->o_vid_r, top->o_vid_g, top->o_vid_b, top->o_vid_hs,
				   top->o_vid_vs, top->o_vid_de);
		}
		if (sys_rise && bus_log && *snoop.valid && *snoop.ready && *snoop.wstrb &&
		    is_video_write(*snoop.addr))
			fprintf(bus_log, "W %llu %08x %08x %x\n", (unsigned long long)t,
				*snoop.addr, *snoop.wdata, *snoop.wstrb);
		if (sys_edge) {
			sys.level = !sys.level;
			top->i_clk_sys = sys.level;
			sys.advance();
		}
		if (pix_edge) {
			pix.level = !pix.level;
			top->i_clk_pix = pix.level;
			pix.advance();
		}
		top->eval();
		if (vcd)
			vcd->dump(t);
		if (!sys_edge)
			continue;
		/* the flash model follows the pins at every clk_sys edge */
		top->i_flash_miso = flash.step(top->o_flash_cs_n, top->o_flash_sck,
					       top->o_flash_mosi);
		if (!sys_rise)
			continue;

		/* clk_sys rising edge: UART and housekeeping */
		st.sys_cycles++;
		if (st.sys_cycles == RESET_CYCLES)
			top->i_rst_n = 1;
		top->i_uart_rx = uart.step(top->o_uart_tx);
		{
			/* PS/2: the models see the lines as the FPGA's pull-downs leave them */
			ps2::KvmPins low = { (bool)top->o_con_kbd_clk_low, (bool)top->o_con_kbd_dat_low,
					     (bool)top->o_con_ms_clk_low, (bool)top->o_con_ms_dat_low,
					     top->o_pc_kbd_clk_low, top->o_pc_kbd_dat_low,
					     top->o_pc_ms_clk_low, top->o_pc_ms_dat_low };
			ps2::KvmPins ln = kvm.step(st.sys_cycles, low);

			top->i_con_kbd_clk = ln.con_kbd_clk;
			top->i_con_kbd_dat = ln.con_kbd_dat;
			top->i_con_ms_clk = ln.con_ms_clk;
			top->i_con_ms_dat = ln.con_ms_dat;
			top->i_pc_kbd_clk = ln.pc_kbd_clk;
			top->i_pc_kbd_dat = ln.pc_kbd_dat;
			top->i_pc_ms_clk = ln.pc_ms_clk;
			top->i_pc_ms_dat = ln.pc_ms_dat;
		}
		while (uart.rx_available()) {
			uint8_t c = uart.rx_pop();

			st.uart_to_host++;
			bridge.put(c);
			if (uart_log)
				fputc(c, uart_log);
			if (!opt.quiet)
				echo.put(c);
			if (!opt.until_uart.empty() && st.until_uart_ms < 0) {
				until_tail += (char)c;
				if (until_tail.size() > opt.until_uart.size())
					until_tail.erase(0, 1);
				if (until_tail == opt.until_uart)
					st.until_uart_ms = t / 1e9;
			} else if (st.until_uart_ms >= 0 && c == '\n') {
				until_line_done = true;
			}
		}
		if (uart.tx_idle()) {
			int b = bridge.get();

			if (b >= 0) {
				uart.send((uint8_t)b);
				st.uart_to_board++;
			}
		}
		if (st.sys_cycles % SERVICE_EVERY)
			continue;

		bridge.service();
		if (stop_signal) {
			st.reason = stop_signal == SIGINT ? "SIGINT" : "SIGTERM";
			break;
		}
		if (opt.frames && cap.frames() >= opt.frames) {
			st.reason = "frames";
			break;
		}
		if (t >= max_ps) {
			st.reason = "max-ms";
			break;
		}
		/* --until-uart: stop at the end of the line with the text (or 1 ms later) */
		if (st.until_uart_ms >= 0 &&
		    (until_line_done || t / 1e9 > st.until_uart_ms + 1.0)) {
			st.reason = "until-uart";
			break;
		}
		if (opt.exit_on_disconnect && bridge.had_disconnect()) {
			st.reason = "disconnect";
			break;
		}
	}
	st.wall_s = wall_seconds() - wall0;
	st.clients = bridge.clients();
	if (!echo.line.empty())
		echo.flush();

	top->final();
	if (vcd)
		vcd->close();
	if (uart_log)
		fclose(uart_log);
	if (bus_log)
		fclose(bus_log);
	if (!flash_file_save(opt.flash, flash_mem))
		rc = 1;
	if (!opt.status_json.empty() && !write_status(opt.status_json, st, cap, kvm))
		rc = 1;
	if (cap.write_errors())
		rc = 1;
	fprintf(stderr, "kvmosd-sim: stopped (%s) at %.3f ms: %u frames (%u malformed), "
		"%llu clk_sys cycles in %.2f s wall = %.0f cycles/s, %.2f frames/s\n",
		st.reason.c_str(), st.t_ps / 1e9, cap.frames(), cap.malformed(),
		(unsigned long long)st.sys_cycles, st.wall_s,
		st.wall_s > 0 ? st.sys_cycles / st.wall_s : 0,
		st.wall_s > 0 ? cap.frames() / st.wall_s : 0);
	return rc;
}
