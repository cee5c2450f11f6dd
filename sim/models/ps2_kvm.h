/* SPDX-License-Identifier: MIT */
/*
 * ps2_kvm.h - the keyboard/mouse world around the simulated board (no Verilator
 * dependency): the console keyboard and mouse (PS/2 devices, the FPGA is their host) and
 * one PC per KVM port (PS/2 hosts, the FPGA's emulators are their devices), the scripts
 * and plug events from the command line, and the status-JSON figures (per-port results,
 * console state, forwarding latency). See docs/simulator.md, "Keyboard and mouse".
 */
#ifndef PS2_KVM_H
#define PS2_KVM_H

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/ps2_console.h"
#include "models/ps2_pc_host.h"

namespace ps2 {

struct KvmOptions {
	std::string keys, keys_file, mouse, mouse_file;
	double keys_at_ms = 400, mouse_at_ms = 400;
	std::string mouse_model = "exps";
	double pc_init_ms = 30;
	int pc_inhibit = -1;
	std::vector<std::string> con_events;	/* "MS:ACTION" */
};

/* FPGA pull-downs (top outputs, *_low) in, resolved line levels (top inputs) out;
 * PC vectors: bit p = port p. */
struct KvmPins {
	bool con_kbd_clk, con_kbd_dat, con_ms_clk, con_ms_dat;
	uint32_t pc_kbd_clk, pc_kbd_dat, pc_ms_clk, pc_ms_dat;
};

using JsonFields = std::vector<std::pair<std::string, std::string>>;	/* key, JSON value */

class Ps2Kvm {
public:
	/* parses scripts and events; false with a message (bad option: exit 2) */
	bool setup(const KvmOptions &o, int nports, std::string *err);
	/* once per clk_sys rising edge, cyc = clk_sys cycles since start */
	KvmPins step(uint64_t cyc, const KvmPins &fpga_low);
	int ports() const { return (int)pcs_.size(); }
	/* append this part's fields of the "ports" entry of port p */
	void port_fields(int p, JsonFields *f) const;
	void console_fields(JsonFields *f) const;
	void latency_fields(JsonFields *f) const;

	Ps2ConsoleKbd kbd;
	std::unique_ptr<Ps2ConsoleMouse> mouse;
	std::vector<std::unique_ptr<Ps2PcHost>> pcs_;

private:
	struct ConEvent {
		uint64_t cyc;
		std::string action;
	};
	std::vector<ConEvent> events_;
	size_t next_event_ = 0;
};

/* helpers for the JSON writer */
std::string json_string(const std::string &s);
void write_json_object(FILE *f, const JsonFields &fields, const char *indent);

} // namespace ps2

#endif /* PS2_KVM_H */
