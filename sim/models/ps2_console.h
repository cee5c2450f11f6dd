/* SPDX-License-Identifier: MIT */
/*
 * ps2_console.h - the console keyboard and mouse of the simulated board: PS/2 *devices*
 * (the FPGA is their host). Stepped once per clk_sys cycle (12 MHz) with the resolved line
 * levels; clk_low()/dat_low() say whether the device pulls a line low. Behaviour per
 * reference/hardware.md section 2; details in docs/simulator.md ("Keyboard and mouse").
 */
#ifndef PS2_CONSOLE_H
#define PS2_CONSOLE_H

#include <cstdint>
#include <vector>

#include "models/ps2_link.h"
#include "models/ps2_script.h"

namespace ps2 {

/*
 * What the console keyboard and mouse have in common: the device-side line engine, the
 * command log, the BAT timer (power-up, plug, FF), the parameter-awaiting state and the
 * event schedule of their script. Subclasses supply command() and their defaults.
 */
class Ps2ConsoleDev {
public:
	bool clk_low() const { return link.clk_low(); }
	bool dat_low() const { return link.dat_low(); }
	bool present() const { return link.enabled; }

	Ps2DevLink link;
	std::vector<uint8_t> cmds;	/* every byte received from the host */

protected:
	Ps2ConsoleDev(bool chunk_resend, std::vector<uint8_t> bat);
	virtual ~Ps2ConsoleDev() = default;
	virtual void command(uint64_t cyc, uint8_t v, bool err) = 0;
	/* plug: lines active, state cleared, BAT about 15 ms later; false if already plugged */
	bool plug_link(uint64_t cyc);
	void unplug_link();
	void bat_in(uint64_t cyc, double ms);	/* BAT bytes at cyc + ms */
	/* line engine step, then received bytes to command() and the BAT when due */
	void step_link(uint64_t cyc, bool clk, bool dat);
	/* event times: start_ms + t_ms of each script event (KeyEvent, MouseEvent), in cycles */
	template <class Event> void schedule(const std::vector<Event> &ev, double start_ms)
	{
		ev_cyc_.clear();
		for (const Event &e : ev)
			ev_cyc_.push_back(cycles_at_ms(start_ms + e.t_ms));
		next_ev_ = 0;
	}
	static uint64_t cycles_at_ms(double ms);
	bool events_done() const { return next_ev_ >= ev_cyc_.size(); }
	bool event_due(uint64_t cyc) const { return !events_done() && ev_cyc_[next_ev_] <= cyc; }

	std::vector<uint64_t> ev_cyc_;
	size_t next_ev_ = 0;
	bool bat_pending_ = true;
	uint8_t await_ = 0;		/* command waiting for its parameter */

private:
	std::vector<uint8_t> bat_;
	uint64_t bat_at_ = 0;
};

class Ps2ConsoleKbd : public Ps2ConsoleDev {
public:
	Ps2ConsoleKbd();
	/* events at start_ms + their t_ms of simulated time */
	void set_script(const std::vector<KeyEvent> &ev, double start_ms);
	void step(uint64_t cyc, bool clk, bool dat);
	void plug(uint64_t cyc);	/* BAT (AA) about 15 ms later */
	void unplug();			/* lines released, everything ignored */
	bool keys_done() const { return events_done() && !link.data_pending(); }

	uint8_t leds = 0;		/* last ED option byte */
	bool leds_set = false;
	uint8_t typematic = 0x2B;
	bool scanning = true;
	unsigned keys_dropped = 0;	/* key events while unplugged or disabled */
	unsigned repeats = 0;

private:
	void defaults();
	void command(uint64_t cyc, uint8_t v, bool err) override;
	void key_event(uint64_t cyc, const KeyEvent &e);

	std::vector<KeyEvent> ev_;
	bool repeat_on_ = false;
	const struct ps2_key *rep_key_ = nullptr;
	uint64_t rep_at_ = 0;
};

class Ps2ConsoleMouse : public Ps2ConsoleDev {
public:
	enum Model { PS2 = 0, IMPS = 1, EXPS = 2 };
	explicit Ps2ConsoleMouse(Model m = EXPS);
	void set_script(const std::vector<MouseEvent> &ev, double start_ms);
	void step(uint64_t cyc, bool clk, bool dat);
	void plug(uint64_t cyc);	/* AA 00 about 15 ms later */
	void unplug();
	bool done() const { return events_done() && !link.data_pending(); }
	/* packet bytes for this event in the current ID's format */
	std::vector<uint8_t> packet(int dx, int dy, int dz, int buttons) const;

	Model model;
	int id = 0;
	uint8_t rate = 100, resolution = 2;
	bool scaling21 = false, remote = false, reporting = false;
	int buttons = 0;
	unsigned packets_sent = 0, packets_dropped = 0;

private:
	void defaults();
	void command(uint64_t cyc, uint8_t v, bool err) override;

	std::vector<MouseEvent> ev_;
	uint8_t rates_[3] = {};		/* last three sample rates set (knock detector) */
};

} // namespace ps2

#endif /* PS2_CONSOLE_H */
