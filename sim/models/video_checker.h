/* SPDX-License-Identifier: MIT */
/*
 * video_checker.h - checks the board's video output against the timing of every source it
 * may show (the internal raster and each port's mode), one output clock at a time (no
 * Verilator dependency). See docs/simulator.md, "Output checker".
 *
 * For a composite-sync source the expected HS / VS are the clean ones the matrix derives
 * (output_program); an interlaced source's program holds both fields.
 *
 * The checker locks on the first DE pixel after a stretch without DE: for every source
 * whose clock period matches the output clock and every field start of its frame program,
 * it walks the samples before that pixel backwards through the program. A source that
 * explains them (back to the start of the stream, a clock change, or a blank stretch) is
 * locked; from then on every sample must equal the program (HS, VS, DE levels, and the clock
 * period), so line length, DE position and width, HS position and width, VS position and
 * the line count of every frame and field are all checked. When the stream leaves the
 * program, the lock is lost; what follows until the next lock must be blank (DE low, HS and
 * VS without edges except one level change each, as when the polarity changes) - those
 * lines count as blank_lines - and anything else is malformed. A stream that went blank
 * elsewhere than at a frame start counts as a cut frame (cut_frames), not as malformed.
 */
#ifndef KVMOSD_SIM_VIDEO_CHECKER_H
#define KVMOSD_SIM_VIDEO_CHECKER_H

#include <cstdint>
#include <string>
#include <vector>

#include "models/video_source.h"

namespace vid {

class Checker {
public:
	static const int INTERNAL = -1;
	static const int NONE = -2;

	/* id: INTERNAL or a port number */
	void add_source(int id, const Mode &m);
	/*
	 * The frame program the output must follow for a source of mode m: the source's pins,
	 * or for composite sync the clean HS / VS the matrix derives from its HS pin
	 * (docs/matrix.md "Composite sync"; DE passes through). Interlaced sources: the program
	 * holds both fields, each with its own anchor.
	 */
	static Program output_program(const Mode &m);
	/* one rising edge of the output clock at t_ps: the pins sampled there */
	void sample(uint64_t t_ps, unsigned int r, bool hs, bool vs, bool de);
	/* at the end of the run: settle the stretch after the last lock */
	void finish();

	uint64_t frames() const { return frames_; }	/* frames followed to their end */
	uint64_t good_lines() const { return good_lines_; }
	uint64_t malformed_lines() const { return malformed_lines_; }
	uint64_t blank_lines() const { return blank_lines_; }
	uint64_t pending_lines() const { return pending_lines_; }	/* unsettled at finish */
	uint64_t source_changes() const { return source_changes_; }
	uint64_t cut_frames() const { return cut_frames_; }
	uint64_t locks() const { return locks_; }
	bool locked() const { return !hyps_.empty(); }
	/* the source being followed (INTERNAL, a port, or NONE while unlocked) */
	int source() const { return hyps_.empty() ? NONE : srcs_[hyps_[0].src].id; }
	std::string source_name() const;
	/* the first few malformed events, for messages */
	const std::vector<std::string> &log() const { return log_; }
	/* echo each logged event to stderr */
	void set_verbose(bool v) { verbose_ = v; }

private:
	struct Src {
		int id;
		Program prog;
		double period_ps;
	};
	struct Hyp {
		int src;
		Cursor c;
		uint32_t x;	/* position in the line */
	};

	bool period_ok(const Src &s, uint64_t dt) const
	{
		double d = (double)dt - s.period_ps;

		return d > -2.5 && d < 2.5;
	}
	void try_lock(uint64_t dt, unsigned int r);
	/* length of the buffer tail that program position a (for the last sample) explains */
	size_t match_back(const Program &p, uint32_t a) const;
	bool blank_prefix(size_t n) const;
	uint32_t line_guess() const;
	void note(const char *fmt, ...) __attribute__((format(printf, 2, 3)));

	std::vector<Src> srcs_;
	std::vector<Hyp> hyps_;
	std::vector<uint8_t> buf_;	/* PIN_* samples since the lock was lost */
	size_t buf_clk_from_ = 0;	/* buf_ index where the current clock period began */
	uint64_t buf_dt_ = 0;
	uint64_t prev_t_ = 0;
	uint8_t prev_bits_ = 0;
	bool have_prev_ = false;
	bool started_ = false;		/* locked once: before that, nothing is counted */
	bool garbage_ = false;		/* malformed lines counted since the last lock */
	bool lost_mid_ = false;		/* the last lock was lost elsewhere than at a frame start */
	int last_src_ = NONE;		/* srcs_ index of the last locked source */
	uint64_t t_now_ = 0;

	uint64_t frames_ = 0, good_lines_ = 0, malformed_lines_ = 0, blank_lines_ = 0;
	uint64_t pending_lines_ = 0, source_changes_ = 0, cut_frames_ = 0, locks_ = 0;
	std::vector<std::string> log_;
	bool verbose_ = false;
};

}  // namespace vid

#endif /* KVMOSD_SIM_VIDEO_CHECKER_H */
