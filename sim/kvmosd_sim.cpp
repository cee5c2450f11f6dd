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
#include <deque>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
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
#include "models/video_checker.h"
#include "models/video_source.h"

extern "C" {
#include "kvmosd_regs.h"
#include "proto.h"
}

#define CLK_SYS_HZ	12000000ull
#define CLK_PIX_HZ	25125000ull
#define FLASH_BYTES	(16u << 20)
#define RESET_CYCLES	16		/* clk_sys cycles with i_rst_n low */
#define SERVICE_EVERY	512		/* clk_sys cycles between socket / stop checks */
#define KVM_PORTS	4		/* PC ports of the simulated board (KVM_N of kvmosd_top) */
#define VID_PORTS	4		/* video inputs (VID_N of kvmosd_top, its default) */
#define CLK_REF_HZ	48000000ull	/* meter reference clock (VID_REF_HZ) */
#define GLITCH_MS	3.0		/* --at N:glitch=P: sync noise this long */
#define QUERY_MS	50.0		/* PORT_VIDEO reply timeout at exit */

/*
 * The video input pins appeared in kvmosd_top with the matrix. The harness builds against a
 * model with or without them (detected at compile time); without them the ports are not
 * driven and the output is captured on clk_pix as before.
 */
template <class T, class = void> struct has_vin : std::false_type {};
template <class T>
struct has_vin<T, std::void_t<decltype(std::declval<T &>().i_vin_clk),
			      decltype(std::declval<T &>().i_clk_ref),
			      decltype(std::declval<T &>().o_vid_clk)>> : std::true_type {};
static const bool MODEL_HAS_VIN = has_vin<Vkvmosd_top>::value;

struct vin_pins {
	uint32_t clk = 0, hs = 0, vs = 0, de = 0, r = 0, g = 0, b = 0;
};

template <class T> static void drive_vin(T *top, const vin_pins &v)
{
	if constexpr (has_vin<T>::value) {
		top->i_vin_clk = v.clk;
		top->i_vin_hs = v.hs;
		top->i_vin_vs = v.vs;
		top->i_vin_de = v.de;
		top->i_vin_r = v.r;
		top->i_vin_g = v.g;
		top->i_vin_b = v.b;
	} else {
		(void)top;
		(void)v;
	}
}

template <class T> static void drive_ref(T *top, bool level)
{
	if constexpr (has_vin<T>::value)
		top->i_clk_ref = level;
	else
		(void)top, (void)level;
}

/* the clock of the o_vid_* outputs (clk_pix on a model without the matrix) */
template <class T> static bool vid_clk(const T *top)
{
	if constexpr (has_vin<T>::value)
		return top->o_vid_clk;
	else
		return top->i_clk_pix;
}

/* --at FRAME:ACTION */
struct at_event {
	uint64_t frame;
	enum { UNPLUG, PLUG, SELECT, GLITCH } action;
	int port;
	std::string text;
};

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
	std::string timeline;		/* --timeline */
	std::string until_uart;
	unsigned long frames = 0;	/* 0: no frame limit */
	double max_ms = 0;		/* 0: no time limit */
	bool quiet = false;
	bool exit_on_disconnect = false;
	ps2::KvmOptions kvm;		/* keyboard/mouse world (sim/models/ps2_kvm.h) */
	vid::Mode port_mode[VID_PORTS];	/* --port P=MODE */
	bool port_on[VID_PORTS] = {};
	std::vector<at_event> at;	/* --at, sorted by frame */
	bool no_port_query = false;
	unsigned long out_frames = 0;	/* --output-frames: 0 = no limit */
	bool no_clk_ref = false;	/* --no-clk-ref */
};

/*
 * A free-running clock: edge k (counting both edges) is at floor(k * 1e12 / (2 * hz)) ps, so
 * non-integer periods keep their exact long-term frequency and the two clocks drift through
 * every phase relation, as two crystals do.
 */
struct sim_clock {
	uint64_t hz;
	uint64_t base = 0;		/* time of edge 0 (phase) */
	uint64_t edges = 0;
	uint64_t next_ps = 0;
	bool level = false;

	explicit sim_clock(uint64_t f) : hz(f) { advance(); }
	void advance()
	{
		edges++;
		next_ps = base + (uint64_t)((unsigned __int128)edges * 500000000000ull / hz);
	}
	/* a stopped clock (an unplugged source) stays low and makes no events */
	void stop()
	{
		level = false;
		next_ps = UINT64_MAX;
	}
	void start(uint64_t f, uint64_t t0)
	{
		hz = f;
		base = t0;
		edges = 0;
		level = false;
		advance();
	}
	bool running() const { return next_ps != UINT64_MAX; }
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
	      "  --timeline FILE       UART lines, --at events and output locks, each with the\n"
	      "                        output frame count and simulated ms\n"
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
	      "video inputs (docs/simulator.md):\n"
	      "  --port P=MODE         source on video port P (0-3): off (default), a named mode\n"
	      "                        or custom:CLK_HZ:HACT,HFP,HSYNC,HBP:VACT,VFP,VSYNC,VBP:\n"
	      "                        HPOL,VPOL[:csync=xor|and][:interlace]\n"
	      "  --at FRAME:ACTION     when FRAME output frames have been seen: unplug=P, plug=P,\n"
	      "                        select=P (host-link PORT_SELECT) or glitch=P (repeatable)\n"
	      "  --no-port-query       do not ask the firmware for PORT_VIDEO at exit\n"
	      "  --output-frames N     stop after N output frames seen by the checker\n"
	      "  --no-clk-ref          do not run clk_ref (48 MHz): faster, the meters stay in\n"
	      "                        reset state (for runs without video sources)\n"
	      "  --help\n", f);
}

/* a port number 0..VID_PORTS-1 at the start of s, followed by end */
static int port_number(const char *s, const char **end)
{
	char *e;
	long p = strtol(s, &e, 10);

	if (e == s || p < 0 || p >= VID_PORTS)
		return -1;
	*end = e;
	return (int)p;
}

/* --port P=MODE */
static bool parse_port(const char *arg, options *o)
{
	const char *e;
	int p = port_number(arg, &e);
	std::string err;

	if (p < 0 || *e != '=') {
		fprintf(stderr, "kvmosd-sim: bad --port %s (want P=MODE, P = 0..%d)\n", arg,
			VID_PORTS - 1);
		return false;
	}
	if (!strcmp(e + 1, "off")) {
		o->port_on[p] = false;
		return true;
	}
	if (!vid::parse_mode(e + 1, &o->port_mode[p], &err)) {
		fprintf(stderr, "kvmosd-sim: bad --port %s: %s\n", arg, err.c_str());
		return false;
	}
	o->port_on[p] = true;
	return true;
}

/* --at FRAME:ACTION */
static bool parse_at(const char *arg, options *o)
{
	static const struct { const char *name; decltype(at_event::UNPLUG) a; } acts[] = {
		{ "unplug=", at_event::UNPLUG }, { "plug=", at_event::PLUG },
		{ "select=", at_event::SELECT }, { "glitch=", at_event::GLITCH },
	};
	char *e;
	unsigned long long f = strtoull(arg, &e, 10);

	if (e != arg && *e == ':') {
		for (const auto &a : acts) {
			size_t n = strlen(a.name);
			const char *pe;
			int p;

			if (strncmp(e + 1, a.name, n))
				continue;
			p = port_number(e + 1 + n, &pe);
			if (p < 0 || *pe)
				break;
			at_event ev{ f, a.a, p, arg };
			size_t i = o->at.size();

			o->at.push_back(ev);
			while (i > 0 && o->at[i - 1].frame > f) {	/* stable sort by frame */
				std::swap(o->at[i - 1], o->at[i]);
				i--;
			}
			return true;
		}
	}
	fprintf(stderr, "kvmosd-sim: bad --at %s (want FRAME:unplug=P, plug=P, select=P or "
		"glitch=P, P = 0..%d)\n", arg, VID_PORTS - 1);
	return false;
}

static bool parse_args(int argc, char **argv, options *o)
{
	enum { O_FLASH = 256, O_FW, O_UART, O_ULOG, O_QUIET, O_UNTIL, O_PNG, O_FRAMES,
	       O_MAXMS, O_EOD, O_STATUS, O_BUSLOG, O_VCD, O_HELP, O_KEYS, O_KEYSF, O_KEYSAT,
	       O_MOUSE, O_MOUSEF, O_MOUSEAT, O_MMODEL, O_PCINIT, O_PCINH, O_CONEV, O_PORT,
	       O_AT, O_NOQUERY, O_OUTFRAMES, O_NOREF, O_TIMELINE };
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
		{ "port", required_argument, nullptr, O_PORT },
		{ "at", required_argument, nullptr, O_AT },
		{ "no-port-query", no_argument, nullptr, O_NOQUERY },
		{ "output-frames", required_argument, nullptr, O_OUTFRAMES },
		{ "no-clk-ref", no_argument, nullptr, O_NOREF },
		{ "exit-on-disconnect", no_argument, nullptr, O_EOD },
		{ "status-json", required_argument, nullptr, O_STATUS },
		{ "bus-log", required_argument, nullptr, O_BUSLOG },
		{ "timeline", required_argument, nullptr, O_TIMELINE },
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
	auto count_arg = [&](const char *name, unsigned long *v) {
		*v = strtoul(optarg, &end, 0);
		if (*end || !*optarg || optarg[0] == '-') {
			fprintf(stderr, "kvmosd-sim: bad --%s %s\n", name, optarg);
			return false;
		}
		return true;
	};
	unsigned long ul;

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
			if (!count_arg("frames", &o->frames))
				return false;
			break;
		case O_MAXMS:
			if (!ms_arg("max-ms", &o->max_ms))
				return false;
			if (o->max_ms == 0) {
				fprintf(stderr, "kvmosd-sim: bad --max-ms %s\n", optarg);
				return false;
			}
			break;
		case O_EOD: o->exit_on_disconnect = true; break;
		case O_STATUS: o->status_json = optarg; break;
		case O_BUSLOG: o->bus_log = optarg; break;
		case O_TIMELINE: o->timeline = optarg; break;
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
			if (!count_arg("pc-inhibit", &ul))
				return false;
			o->kvm.pc_inhibit = (int)ul;
			break;
		case O_CONEV: o->kvm.con_events.push_back(optarg); break;
		case O_PORT:
			if (!parse_port(optarg, o))
				return false;
			break;
		case O_AT:
			if (!parse_at(optarg, o))
				return false;
			break;
		case O_NOQUERY: o->no_port_query = true; break;
		case O_NOREF: o->no_clk_ref = true; break;
		case O_OUTFRAMES:
			if (!count_arg("output-frames", &o->out_frames))
				return false;
			break;
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
	uint64_t t_ps = 0, sys_cycles = 0, pix_cycles = 0, ref_cycles = 0, port_cycles = 0;
	uint64_t uart_to_host = 0, uart_to_board = 0;
	double wall_s = 0;
	double until_uart_ms = -1;
	unsigned int clients = 0;
	std::string reason;
};

/* the video side of the run: sources, checker, the firmware's PORT_VIDEO answers */
struct video_world {
	vid::Source src[VID_PORTS];
	vid::Checker check;
	struct query {
		bool asked = false, answered = false;
		uint8_t status = 0;
		struct proto_port_video pv;
	} q[VID_PORTS];
	std::string query_note;		/* why the firmware was not asked, if it was not */
	uint64_t selects_sent = 0, selects_ok = 0;
};

static std::string json_num(double v, const char *fmt = "%.3f")
{
	char b[64];

	snprintf(b, sizeof(b), fmt, v);
	return b;
}

static std::string json_q(const std::string &s)
{
	std::string o = "\"";

	for (char c : s) {
		if (c == '"' || c == '\\')
			o += '\\';
		if ((unsigned char)c >= 0x20)
			o += c;
	}
	return o + "\"";
}

/* video fields of port p: the source we drive, then what the firmware measured */
static void video_port_fields(const video_world &vw, int p, ps2::JsonFields *f)
{
	const vid::Source &s = vw.src[p];
	const auto &q = vw.q[p];
	bool fw = q.answered && q.status == PROTO_OK;
	const struct proto_port_video &pv = q.pv;

	f->push_back({ "source_mode", s.configured() ? json_q(s.mode().name) : "null" });
	f->push_back({ "source_plugged", s.plugged() ? "true" : "false" });
	if (s.configured()) {
		const vid::Mode &m = s.mode();

		f->push_back({ "source_hfreq_hz", json_num(m.hfreq_hz(), "%.1f") });
		f->push_back({ "source_vfreq_mhz", json_num(m.vfreq_hz() * 1000, "%.0f") });
		f->push_back({ "source_lines_per_frame", std::to_string(m.frame_lines()) });
	}
	auto flag = [&](unsigned bit) {
		return fw ? std::string((pv.flags >> bit) & 1 ? "true" : "false") : "null";
	};
	auto num = [&](uint32_t v) { return fw ? std::to_string(v) : std::string("null"); };

	f->push_back({ "present", flag(0) });
	f->push_back({ "stable", flag(1) });
	f->push_back({ "interlaced", flag(3) });
	f->push_back({ "hpol", fw ? ((pv.flags >> 4) & 1 ? "\"+\"" : "\"-\"") : "null" });
	f->push_back({ "vpol", fw ? ((pv.flags >> 5) & 1 ? "\"+\"" : "\"-\"") : "null" });
	f->push_back({ "csync", flag(6) });
	f->push_back({ "lines_per_frame", num(pv.lines & 0xfff) });
	f->push_back({ "lines_last_field", num((pv.lines >> 16) & 0xfff) });
	f->push_back({ "line_x16", num(pv.line_x16) });
	f->push_back({ "hfreq_hz", num(pv.hfreq_hz) });
	f->push_back({ "vfreq_mhz", num(pv.vfreq_mhz) });
	f->push_back({ "mode", fw ? json_q(pv.mode) : "null" });
	if (!q.asked)
		f->push_back({ "fw_reply", vw.query_note.empty() ? "null" : json_q(vw.query_note) });
	else if (!q.answered)
		f->push_back({ "fw_reply", "\"timeout\"" });
	else
		f->push_back({ "fw_reply", json_q(proto_status_str(q.status)) });
}

/*
 * "ports": one object per PC port. Each part appends its fields for port p here (the
 * keyboard/mouse models, then the video input of the same number).
 */
static void write_ports(FILE *f, const ps2::Ps2Kvm &kvm, const video_world &vw)
{
	fprintf(f, "  \"ports\": [");
	for (int p = 0; p < kvm.ports(); p++) {
		ps2::JsonFields fields = { { "port", std::to_string(p) } };

		kvm.port_fields(p, &fields);
		if (p < VID_PORTS)
			video_port_fields(vw, p, &fields);
		fprintf(f, "%s\n    ", p ? "," : "");
		ps2::write_json_object(f, fields, "    ");
	}
	fprintf(f, "\n  ],\n");
}

static bool write_status(const std::string &path, const run_stats &st, const vidcap &cap,
			 const ps2::Ps2Kvm &kvm, const video_world &vw)
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
		"\"active_lines\": %u, \"hsync_active_high\": %d, \"vsync_active_high\": %d, "
		"\"interlaced\": %s},\n",
		tm.line_total, tm.hs_width, tm.frame_lines, tm.vs_lines, tm.active_w,
		tm.active_h, tm.hs_active_high, tm.vs_active_high,
		tm.interlaced ? "true" : "false");
	fprintf(f, "  \"frame_crc32\": [");
	for (i = 0; i < cap.crcs().size(); i++)
		fprintf(f, "%s\"%08x\"", i ? ", " : "", cap.crcs()[i]);
	fprintf(f, "],\n");
	write_ports(f, kvm, vw);
	{
		const vid::Checker &c = vw.check;

		fprintf(f, "  \"video_inputs\": %s,\n", MODEL_HAS_VIN ? "true" : "false");
		fprintf(f, "  \"output\": {\"frames\": %llu, \"malformed_lines\": %llu, "
			"\"blank_lines\": %llu, \"source_changes\": %llu, \"source\": ",
			(unsigned long long)c.frames(), (unsigned long long)c.malformed_lines(),
			(unsigned long long)c.blank_lines(), (unsigned long long)c.source_changes());
		json_str(f, c.source_name());
		fprintf(f, ", \"good_lines\": %llu, \"cut_frames\": %llu, \"pending_lines\": %llu, "
			"\"locks\": %llu, \"selects_sent\": %llu, \"selects_ok\": %llu, "
			"\"clk_ref_cycles\": %llu, \"port_clk_cycles\": %llu, \"errors\": [",
			(unsigned long long)c.good_lines(), (unsigned long long)c.cut_frames(),
			(unsigned long long)c.pending_lines(), (unsigned long long)c.locks(),
			(unsigned long long)vw.selects_sent, (unsigned long long)vw.selects_ok,
			(unsigned long long)st.ref_cycles, (unsigned long long)st.port_cycles);
		for (size_t k = 0; k < c.log().size(); k++) {
			fprintf(f, "%s", k ? ", " : "");
			json_str(f, c.log()[k]);
		}
		fprintf(f, "]},\n");
	}
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
	FILE *uart_log = nullptr, *bus_log = nullptr, *timeline = nullptr;
	std::string tl_line;			/* UART text line in progress for --timeline */
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
	if (!opt.timeline.empty() && !(timeline = fopen(opt.timeline.c_str(), "w"))) {
		fprintf(stderr, "kvmosd-sim: cannot write %s: %s\n", opt.timeline.c_str(),
			strerror(errno));
		return 1;
	}
	if (timeline)
		setvbuf(timeline, nullptr, _IOLBF, 0);
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
	sim_clock sys(CLK_SYS_HZ), pix(CLK_PIX_HZ), ref(CLK_REF_HZ);
	std::vector<sim_clock> pclk(VID_PORTS, sim_clock(CLK_PIX_HZ));
	auto vwp = std::make_unique<video_world>();
	video_world &vw = *vwp;
	vin_pins vin;
	std::deque<uint8_t> host_tx;		/* host-link bytes for the board's RX */
	struct proto_decoder dec;
	uint8_t host_seq = 0;
	int query_port = -1;			/* PORT_VIDEO request waited for */
	int seq_port[256];			/* PORT_VIDEO request seq -> port, or -1 */
	size_t next_at = 0;
	uint64_t locks_seen = 0;
	bool out_clk = false;			/* o_vid_clk after the last eval */
	bool out_locked = false;		/* the checker was locked at the last sample */
	uint8_t out_r = 0, out_g = 0, out_b = 0;
	bool out_hs = false, out_vs = false, out_de = false;

	proto_decoder_init(&dec);
	for (int &sp : seq_port)
		sp = -1;
	vw.check.add_source(vid::Checker::INTERNAL, vid::internal_mode());
	for (int p = 0; p < VID_PORTS; p++) {
		if (!opt.port_on[p])
			continue;
		vw.src[p].setup(p, opt.port_mode[p]);
		vw.check.add_source(p, opt.port_mode[p]);
	}
	/* pins of port p from its source (the clock bit is the scheduler's) */
	auto put_port = [&](int p) {
		const vid::Pins &px = vw.src[p].pins();
		uint32_t m = 1u << p, m4 = 15u << (4 * p);

		vin.hs = (vin.hs & ~m) | (px.hs ? m : 0);
		vin.vs = (vin.vs & ~m) | (px.vs ? m : 0);
		vin.de = (vin.de & ~m) | (px.de ? m : 0);
		vin.r = (vin.r & ~m4) | ((uint32_t)px.r << (4 * p));
		vin.g = (vin.g & ~m4) | ((uint32_t)px.g << (4 * p));
		vin.b = (vin.b & ~m4) | ((uint32_t)px.b << (4 * p));
	};
	/* plug / unplug port p at time t: a source's clock runs only while it is plugged */
	auto plug = [&](int p, bool on, uint64_t t) {
		vid::Source &s = vw.src[p];

		if (!s.configured() || !MODEL_HAS_VIN)
			return;
		s.plug(on);
		if (on)
			pclk[p].start(s.mode().clk_hz, t + s.phase_ps());
		else
			pclk[p].stop();
		vin.clk &= ~(1u << p);
		put_port(p);
	};
	/* a host-link request into the UART RX queue */
	auto host_send = [&](uint8_t cmd, const uint8_t *payload, uint16_t len) {
		struct proto_packet pkt = { PROTO_VERSION, ++host_seq, cmd, 0, len, payload };
		uint8_t frame[PROTO_MAX_FRAME];
		size_t n = proto_encode(&pkt, frame, sizeof(frame));

		host_tx.insert(host_tx.end(), frame, frame + n);
		return host_seq;
	};
	/* every byte the board sends goes through the host-link decoder too */
	auto host_rx = [&](uint8_t c) {
		if (proto_decoder_feed(&dec, c) != PROTO_DEC_FRAME)
			return;
		const struct proto_packet *pk = proto_decoder_packet(&dec);

		if (pk->cmd == (PROTO_CMD_PORT_SELECT | PROTO_REPLY) && pk->status == PROTO_OK)
			vw.selects_ok++;
		if (pk->cmd == (PROTO_CMD_PORT_VIDEO | PROTO_REPLY) && seq_port[pk->seq] >= 0) {
			/* a late answer to an earlier request counts too */
			int p = seq_port[pk->seq];
			auto &q = vw.q[p];

			q.answered = true;
			q.status = pk->status;
			if (pk->status == PROTO_OK &&
			    proto_port_video_unpack(&q.pv, pk->payload, pk->len) != 0)
				q.status = PROTO_ERR_BAD_LENGTH;
			seq_port[pk->seq] = -1;
			if (p == query_port)
				query_port = -1;
		}
	};

	/* --timeline: "FRAMES MS KIND TEXT", FRAMES = the checker's output.frames at t */
	auto tl = [&](uint64_t t, const char *kind, const std::string &text) {
		if (timeline)
			fprintf(timeline, "%llu %.3f %s %s\n", (unsigned long long)vw.check.frames(),
				t / 1e9, kind, text.c_str());
	};

	max_ps = opt.max_ms > 0 ? (uint64_t)(opt.max_ms * 1e9) : UINT64_MAX;
	top->i_clk_sys = 0;
	top->i_clk_pix = 0;
	drive_ref(top.get(), false);
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
	if (!MODEL_HAS_VIN || opt.no_clk_ref)
		ref.stop();
	for (int p = 0; p < VID_PORTS; p++) {
		pclk[p].stop();
		if (vw.src[p].configured())
			put_port(p);		/* idle levels */
		plug(p, true, 0);
	}
	drive_vin(top.get(), vin);
	top->eval();

	/*
	 * One scheduler event: every clock with an edge at the earliest time toggles, then one
	 * eval. Returns true at a clk_sys rising edge (after the UART and the PS/2 models ran).
	 */
	auto step = [&]() -> bool {
		uint64_t t = sys.next_ps < pix.next_ps ? sys.next_ps : pix.next_ps;

		if (ref.next_ps < t)
			t = ref.next_ps;
		for (const sim_clock &c : pclk)
			if (c.next_ps < t)
				t = c.next_ps;
		bool sys_edge = sys.next_ps == t, pix_edge = pix.next_ps == t;
		bool sys_rise = sys_edge && !sys.level, pix_rise = pix_edge && !pix.level;

		st.t_ps = t;
		if (pix_rise)
			st.pix_cycles++;
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
		if (ref.next_ps == t) {
			ref.level = !ref.level;
			st.ref_cycles += ref.level;
			drive_ref(top.get(), ref.level);
			ref.advance();
		}
		bool vin_changed = false;
		for (int p = 0; p < VID_PORTS; p++) {
			sim_clock &c = pclk[p];

			if (c.next_ps != t)
				continue;
			c.level = !c.level;
			c.advance();
			vin_changed = true;
			if (c.level) {
				vin.clk |= 1u << p;
				st.port_cycles++;
			} else {
				/* the source launches its next pixel at the falling edge: the pins are
				 * settled half a period before and after each rising edge */
				vin.clk &= ~(1u << p);
				vw.src[p].next();
				put_port(p);
			}
		}
		if (vin_changed)
			drive_vin(top.get(), vin);
		top->eval();
		if (vcd)
			vcd->dump(t);
		/* the outside world samples the outputs as they were settled before the rise */
		bool vc = vid_clk(top.get());
		if (vc && !out_clk) {
			vw.check.sample(t, out_r, out_hs, out_vs, out_de);
			bool lk = vw.check.locked();

			if (vw.check.locks() != locks_seen) {
				/* a new lock (after the first): the frame in progress is not captured */
				if (locks_seen > 0) {
					int s = vw.check.source();
					const vid::Mode &m = s == vid::Checker::INTERNAL ?
						vid::internal_mode() : vw.src[s].mode();

					cap.restart(m.hpol, m.vpol);
				}
				locks_seen = vw.check.locks();
				tl(t, "lock", vw.check.source_name());
			} else if (!lk && out_locked) {
				cap.restart(-1, -1);
				tl(t, "unlock", "");
			}
			out_locked = lk;
			if (vw.check.locked() || locks_seen == 0)
				cap.sample(t, out_r, out_g, out_b, out_hs, out_vs, out_de);
		}
		out_clk = vc;
		out_r = top->o_vid_r;
		out_g = top->o_vid_g;
		out_b = top->o_vid_b;
		out_hs = top->o_vid_hs;
		out_vs = top->o_vid_vs;
		out_de = top->o_vid_de;
		if (!sys_edge)
			return false;
		/* the flash model follows the pins at every clk_sys edge */
		top->i_flash_miso = flash.step(top->o_flash_cs_n, top->o_flash_sck,
					       top->o_flash_mosi);
		if (!sys_rise)
			return false;

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
			host_rx(c);
			if (uart_log)
				fputc(c, uart_log);
			if (timeline && c == '\n') {
				tl(t, "uart", tl_line);
				tl_line.clear();
			} else if (timeline && c >= 0x20 && c < 0x7f && tl_line.size() < 200) {
				tl_line += (char)c;
			}
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
			if (!host_tx.empty()) {
				uart.send(host_tx.front());
				host_tx.pop_front();
				st.uart_to_board++;
			} else {
				int b = bridge.get();

				if (b >= 0) {
					uart.send((uint8_t)b);
					st.uart_to_board++;
				}
			}
		}
		return true;
	};

	wall0 = wall_seconds();
	for (;;) {
		if (!step() || st.sys_cycles % SERVICE_EVERY)
			continue;
		uint64_t t = st.t_ps;

		bridge.service();
		/* --at events, in frame order */
		while (next_at < opt.at.size() && vw.check.frames() >= opt.at[next_at].frame) {
			const at_event &ev = opt.at[next_at++];
			int p = ev.port;

			fprintf(stderr, "kvmosd-sim: %.3f ms, output frame %llu: %s\n", t / 1e9,
				(unsigned long long)vw.check.frames(), ev.text.c_str());
			tl(t, "at", ev.text);
			if (ev.action == at_event::SELECT) {
				uint8_t b = (uint8_t)p;

				if (!opt.uart.empty()) {
					fprintf(stderr, "kvmosd-sim: --at select skipped: the UART "
						"belongs to the --uart client\n");
					continue;
				}
				host_send(PROTO_CMD_PORT_SELECT, &b, 1);
				vw.selects_sent++;
			} else if (!vw.src[p].configured()) {
				fprintf(stderr, "kvmosd-sim: --at %s: port %d has no --port source\n",
					ev.text.c_str(), p);
			} else if (ev.action == at_event::GLITCH) {
				vw.src[p].glitch((uint64_t)(GLITCH_MS * 1e-3 *
							    vw.src[p].mode().clk_hz));
			} else {
				plug(p, ev.action == at_event::PLUG, t);
			}
		}
		if (stop_signal) {
			st.reason = stop_signal == SIGINT ? "SIGINT" : "SIGTERM";
			break;
		}
		if (opt.frames && cap.frames() >= opt.frames) {
			st.reason = "frames";
			break;
		}
		if (opt.out_frames && vw.check.frames() >= opt.out_frames) {
			st.reason = "output-frames";
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
	/*
	 * The firmware's view of every video input, through the real path: a PORT_VIDEO
	 * request per port into the UART RX, simulation until the reply (or QUERY_MS).
	 */
	if (!opt.status_json.empty()) {
		if (!MODEL_HAS_VIN)
			vw.query_note = "model without video inputs";
		else if (opt.no_port_query)
			vw.query_note = "--no-port-query";
		else if (!opt.uart.empty())
			vw.query_note = "skipped: the UART belongs to the --uart client";
		else if (stop_signal)
			vw.query_note = "skipped: interrupted";
	}
	for (int p = 0; p < VID_PORTS && !opt.status_json.empty() && vw.query_note.empty(); p++) {
		uint8_t b = (uint8_t)p;
		uint64_t deadline;

		while (!host_tx.empty() || !uart.tx_idle())	/* earlier requests go first */
			step();
		deadline = st.t_ps + (uint64_t)(QUERY_MS * 1e9);
		if (vw.q[p].answered)
			continue;
		seq_port[host_send(PROTO_CMD_PORT_VIDEO, &b, 1)] = p;
		query_port = p;
		vw.q[p].asked = true;
		while (query_port >= 0 && st.t_ps < deadline && !stop_signal)
			step();
		query_port = -1;
	}
	vw.check.finish();
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
	if (timeline && fclose(timeline) != 0)
		rc = 1;
	if (!flash_file_save(opt.flash, flash_mem))
		rc = 1;
	if (!opt.status_json.empty() && !write_status(opt.status_json, st, cap, kvm, vw))
		rc = 1;
	if (cap.write_errors())
		rc = 1;
	fprintf(stderr, "kvmosd-sim: output: %llu frames, %llu malformed lines, %llu blank lines, "
		"%llu source changes, now %s\n", (unsigned long long)vw.check.frames(),
		(unsigned long long)vw.check.malformed_lines(),
		(unsigned long long)vw.check.blank_lines(),
		(unsigned long long)vw.check.source_changes(), vw.check.source_name().c_str());
	for (const std::string &e : vw.check.log())
		fprintf(stderr, "kvmosd-sim: output: %s\n", e.c_str());
	fprintf(stderr, "kvmosd-sim: stopped (%s) at %.3f ms: %u frames (%u malformed), "
		"%llu clk_sys cycles in %.2f s wall = %.0f cycles/s, %.2f frames/s\n",
		st.reason.c_str(), st.t_ps / 1e9, cap.frames(), cap.malformed(),
		(unsigned long long)st.sys_cycles, st.wall_s,
		st.wall_s > 0 ? st.sys_cycles / st.wall_s : 0,
		st.wall_s > 0 ? cap.frames() / st.wall_s : 0);
	return rc;
}
