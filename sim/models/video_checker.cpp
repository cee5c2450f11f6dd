// SPDX-License-Identifier: MIT
/*
 * video_checker.cpp - output stream checker (see video_checker.h).
 */
#include "models/video_checker.h"

#include <cstdarg>
#include <cstdio>

namespace vid {

static const size_t MAX_BUF = 8u << 20;	/* samples kept while unlocked */
static const size_t MAX_LOG = 20;

/*
 * What the matrix outputs for a composite-sync source (docs/matrix.md, "Composite sync";
 * rtl/video/vid_csync_sep.v once it has learned the line length L = htotal and the HS width
 * W = hsw): HS active for W pixels from every line start (l * L, the equalising and
 * serration pulses dropped), VS active while the (active) csync pin has been active for at
 * least L/4 pixels in a row before the current one, and for L/2 pixels after the last such
 * pixel, in the source's VS polarity; DE as the source. The anchors stay; each lead is
 * measured from the end of the derived VS.
 */
Program Checker::output_program(const Mode &m)
{
	Program pin(m);

	if (m.csync == CSYNC_NONE)
		return pin;
	Program o = pin;
	const uint32_t n = pin.period, L = pin.htotal, W = (uint32_t)m.hsw;
	std::vector<uint8_t> lv(n), out(n);
	Cursor c;

	c.start(&pin, 0);
	for (uint32_t i = 0; i < n; i++, c.next())
		lv[i] = c.lv;
	uint32_t run = 0, hold = 0;

	for (int pass = 0; pass < 2; pass++)	/* the first pass settles run / hold at 0 */
		for (uint32_t i = 0; i < n; i++) {
			bool a = ((lv[i] & PIN_HS) != 0) == m.hpol;
			bool lng = a && run >= L / 4;
			bool vs = lng || hold != 0;
			bool hs = i % L < W;

			hold = lng ? L / 2 : hold ? hold - 1 : 0;
			run = a ? run + 1 : 0;
			out[i] = (uint8_t)((hs == m.hpol ? PIN_HS : 0) | (vs == m.vpol ? PIN_VS : 0) |
					   (lv[i] & PIN_DE));
		}
	o.init = out[0];
	o.ev.clear();
	for (uint32_t i = 1; i < n; i++)
		if (out[i] != out[i - 1])
			o.ev.push_back({ i, (uint8_t)(out[i] ^ out[i - 1]) });
	const uint8_t vs_act = m.vpol ? PIN_VS : 0;

	for (size_t k = 0; k < o.anchors.size(); k++) {
		uint32_t a = o.anchors[k], back = 0;

		while (back < n && (out[(a + n - 1 - back) % n] & PIN_VS) != vs_act)
			back++;
		o.lead[k] = back;
	}
	return o;
}

void Checker::add_source(int id, const Mode &m)
{
	srcs_.push_back({ id, output_program(m), 1e12 / (double)m.clk_hz });
}

std::string Checker::source_name() const
{
	int s = source();

	if (s == NONE)
		return "none";
	if (s == INTERNAL)
		return "internal";
	return "port " + std::to_string(s);
}

void Checker::note(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	if (log_.size() >= MAX_LOG)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	log_.push_back(buf);
	if (verbose_)
		fprintf(stderr, "vidcheck: %s\n", buf);
}

uint32_t Checker::line_guess() const
{
	return last_src_ >= 0 ? srcs_[last_src_].prog.htotal : 800;
}

void Checker::sample(uint64_t t_ps, unsigned int r, bool hs, bool vs, bool de)
{
	uint8_t bits = (hs ? PIN_HS : 0) | (vs ? PIN_VS : 0) | (de ? PIN_DE : 0);
	uint64_t dt = have_prev_ ? t_ps - prev_t_ : 0;

	t_now_ = t_ps;
	prev_t_ = t_ps;
	have_prev_ = true;
	if (!hyps_.empty()) {
		size_t keep = 0;

		for (size_t i = 0; i < hyps_.size(); i++) {
			Hyp &h = hyps_[i];
			const Src &s = srcs_[h.src];

			h.c.next();
			if (++h.x == s.prog.htotal)
				h.x = 0;
			if (h.c.lv == bits && period_ok(s, dt))
				hyps_[keep++] = h;
		}
		if (keep) {
			const Hyp &h = hyps_[0];

			hyps_.resize(keep);
			if (h.x == 0) {
				good_lines_++;
				if (h.c.pos == 0)
					frames_++;
			}
			prev_bits_ = bits;
			return;
		}
		/* the stream left every program: blank from here, or malformed (decided later) */
		lost_mid_ = hyps_[0].c.pos != 0;
		hyps_.clear();
		buf_.clear();
		buf_clk_from_ = 0;
		buf_dt_ = dt;
	}
	if (buf_.empty() || (double)dt - (double)buf_dt_ > 2.5 || (double)buf_dt_ - (double)dt > 2.5) {
		buf_clk_from_ = buf_.size();
		buf_dt_ = dt;
	}
	if (buf_.size() >= MAX_BUF) {
		/* a long stretch without a lock: blank, or malformed if it is not */
		if (started_ && blank_prefix(buf_.size())) {
			blank_lines_ += buf_.size() / line_guess();
		} else if (started_) {
			malformed_lines_ += buf_.size() / line_guess();
			note("%.3f ms: %zu samples without a lock, not blank", t_ps / 1e9,
			     buf_.size());
		}
		buf_.clear();
		buf_clk_from_ = 0;
	}
	buf_.push_back(bits);
	if (de && !(prev_bits_ & PIN_DE))
		try_lock(dt, r);
	prev_bits_ = bits;
}

size_t Checker::match_back(const Program &p, uint32_t a) const
{
	uint32_t pos = a;
	uint8_t lv = p.levels_at(a);
	size_t ei = p.event_index(a);	/* first event >= pos */
	size_t m = 0;

	if (ei < p.ev.size() && p.ev[ei].pos == pos)
		ei++;			/* now: first event > pos */
	for (size_t i = buf_.size(); i-- > buf_clk_from_;) {
		if (buf_[i] != lv)
			break;
		m++;
		if (pos == 0) {
			pos = p.period - 1;
			lv = p.levels_at(pos);
			ei = p.ev.size();
			continue;
		}
		if (ei > 0 && p.ev[ei - 1].pos == pos) {
			lv ^= p.ev[ei - 1].mask;
			ei--;
		}
		pos--;
	}
	return m;
}

/* the first n buffered samples: DE low, at most one level change on HS and one on VS */
bool Checker::blank_prefix(size_t n) const
{
	int edges = 0;

	for (size_t i = 0; i < n; i++) {
		if (buf_[i] & PIN_DE)
			return false;
		if (i && ((buf_[i] ^ buf_[i - 1]) & (PIN_HS | PIN_VS)))
			edges += __builtin_popcount((buf_[i] ^ buf_[i - 1]) & (PIN_HS | PIN_VS));
	}
	return edges <= 2;
}

void Checker::try_lock(uint64_t dt, unsigned int r)
{
	std::vector<Hyp> found;
	size_t best_m = 0;

	for (size_t s = 0; s < srcs_.size(); s++) {
		const Src &src = srcs_[s];

		if (!period_ok(src, dt))
			continue;
		for (size_t k = 0; k < src.prog.anchors.size(); k++) {
			uint32_t a = src.prog.anchors[k];
			size_t m = match_back(src.prog, a);

			/*
			 * The samples explained must reach back to the end of the field's vertical
			 * sync (a source starts at a frame boundary); after the first lock the
			 * rest of the buffer must be blank, for at least a line of the last source
			 * (a cut is followed by blank: a frame with a line too few or too many
			 * is not a cut and a restart). Once malformed lines have been counted, the
			 * next field start locks again whatever came before.
			 */
			if (m <= src.prog.lead[k] ||
			    (started_ && !garbage_ && (buf_.size() - m < line_guess() ||
						       !blank_prefix(buf_.size() - m))))
				continue;
			Hyp h;

			h.src = (int)s;
			h.c.start(&src.prog, a);
			h.x = a % src.prog.htotal;
			/* a port's picture names it: prefer the source whose tag is on the pixel */
			bool tag = src.id >= 0 && r == (unsigned int)src.id + 1;

			if (tag || found.empty() || m > best_m)
				found.insert(found.begin(), h);
			else
				found.push_back(h);
			if (m > best_m)
				best_m = m;
		}
	}
	if (found.empty()) {
		if (started_) {
			uint64_t n = buf_.size() / line_guess();

			malformed_lines_ += n ? n : 1;
			note("%.3f ms: DE line that no source explains (%zu samples since the last "
			     "lock, clock period %llu ps)", t_now_ / 1e9, buf_.size(),
			     (unsigned long long)dt);
		}
		garbage_ = true;
		buf_.clear();
		buf_clk_from_ = 0;
		return;
	}
	const Src &s = srcs_[found[0].src];

	if (started_ && !garbage_) {
		size_t blank = buf_.size() - best_m;

		blank_lines_ += (blank + s.prog.htotal / 2) / s.prog.htotal;
		good_lines_ += best_m / s.prog.htotal;
		if (lost_mid_ && blank)
			cut_frames_++;
		if (found[0].src != last_src_)
			source_changes_++;
	}
	if (started_ && garbage_ && found[0].src != last_src_)
		source_changes_++;
	garbage_ = false;
	started_ = true;
	last_src_ = found[0].src;
	locks_++;
	hyps_ = found;
	buf_.clear();
	buf_clk_from_ = 0;
}

void Checker::finish()
{
	if (!hyps_.empty() || !started_ || buf_.empty())
		return;
	if (blank_prefix(buf_.size()))
		blank_lines_ += buf_.size() / line_guess();
	else
		pending_lines_ += buf_.size() / line_guess() + 1;
	buf_.clear();
}

}  // namespace vid
