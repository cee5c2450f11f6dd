/* SPDX-License-Identifier: MIT */
/*
 * ps2_pc_host.h - a PC on one KVM port of the simulated board: an 8042-like PS/2 *host*
 * on the keyboard link and on the mouse link (the FPGA's emulators are the devices).
 * Stepped once per clk_sys cycle (12 MHz) with the resolved line levels.
 *
 * From its init time it runs a BIOS/OS-like init (keyboard FF F2 ED 02 F3 20 F4; mouse FF,
 * 200/100/80 knock, F2, 200/200/80 knock, F2, E8 03, F3 64, F4), checks every reply (25 ms
 * per reply byte, a command is sent again once after FE, a timeout or a failed send),
 * then records every byte with its time and parses the keyboard stream (set 2: held keys)
 * and the mouse stream (packets of the negotiated length, movement sums, buttons).
 * Device timing is checked on every byte (Ps2HostLink).
 */
#ifndef PS2_PC_HOST_H
#define PS2_PC_HOST_H

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "models/ps2_link.h"

namespace ps2 {

class Ps2PcPort {
public:
	enum Kind { KBD, MOUSE };
	Ps2PcPort(Kind k, uint64_t init_at_cyc);
	void step(uint64_t cyc, bool clk, bool dat);
	bool clk_low() const { return link.clk_low(); }
	bool dat_low() const { return link.dat_low(); }
	std::vector<std::string> stuck_keys() const;	/* held keys, by name */
	std::vector<uint8_t> byte_values() const;

	Kind kind;
	Ps2HostLink link;
	bool inhibit_after_init = false;	/* hold CLK low forever once init is over */
	bool bat_seen = false;		/* AA (mouse: AA 00) before the init started */
	bool init_done = false, init_ok = false;
	std::string init_error;
	int mouse_id = -1;		/* ID from the last F2 of the init */
	std::vector<TimedByte> bytes;	/* after init, t = first CLK fall of the byte */
	/* keyboard stream */
	std::set<uint16_t> held;	/* (E0 ? 0x100 : 0) | code */
	unsigned makes = 0, breaks = 0, orphan_breaks = 0, pauses = 0, other_bytes = 0;
	/* mouse stream */
	unsigned packets = 0, desync = 0;
	long dx = 0, dy = 0, dz = 0;
	int buttons = 0;
	std::vector<uint64_t> packet_t;	/* first CLK fall of each packet's first byte */

private:
	struct Step {
		uint8_t cmd;
		std::vector<int> expect;	/* -1: the ID byte (00, 03 or 04) */
	};
	enum State { WAIT_START, SEND, SENT, REPLY, DONE };
	void fail(const std::string &why);
	void retry(uint64_t cyc, const std::string &why);
	void post_init_byte(const TimedByte &b);

	std::vector<Step> steps_;
	size_t step_ = 0, got_ = 0;
	int tries_ = 0;
	State st_ = WAIT_START;
	uint64_t init_at_, deadline_ = 0;
	std::vector<uint8_t> pre_;	/* bytes before the init */
	bool e0_ = false, f0_ = false;
	int pause_left_ = 0;
	std::vector<uint8_t> pkt_;
	uint64_t pkt_t_ = 0, last_byte_t_ = 0;
};

class Ps2PcHost {
public:
	/* init starts at init_ms (keyboard) and init_ms + 2 (mouse) of simulated time */
	Ps2PcHost(int port, double init_ms);
	int port;
	Ps2PcPort kbd, mouse;
};

} // namespace ps2

#endif /* PS2_PC_HOST_H */
