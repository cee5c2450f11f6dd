// SPDX-License-Identifier: MIT
/*
 * sync_gen.h - sync waveform generator for tests/sync (our own, from the timing tables in
 * shared/reference/hardware.md §1). A Wave is one period (a frame) of an active-high sync
 * signal given as toggle times in microseconds; the level is inactive at t = 0 and after
 * the last toggle. Builders: VESA separate HS / VS, XOR and AND/OR composite sync, and
 * TV-style composite sync on a half-line grid with equalising and broad pulses.
 */
#pragma once
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace syncgen {

struct Wave {
	double T = 0;			/* period (us) */
	std::vector<double> tg;		/* toggle times in [0, T), sorted, even count */
};

using Ivals = std::vector<std::pair<double, double>>;

inline Wave from_ivals(double T, Ivals iv) {
	std::sort(iv.begin(), iv.end());
	Wave w;
	w.T = T;
	for (auto &p : iv) {		/* merge overlapping or touching intervals (OR) */
		if (!w.tg.empty() && p.first <= w.tg.back() + 1e-9) {
			w.tg.back() = std::max(w.tg.back(), p.second);
		} else {
			w.tg.push_back(p.first);
			w.tg.push_back(p.second);
		}
	}
	return w;
}

/* XOR of two waves with the same period: toggles of both, coincident ones cancel. */
inline Wave wave_xor(const Wave &a, const Wave &b) {
	std::vector<double> all(a.tg);
	all.insert(all.end(), b.tg.begin(), b.tg.end());
	std::sort(all.begin(), all.end());
	Wave w;
	w.T = a.T;
	for (double t : all) {
		if (!w.tg.empty() && std::fabs(w.tg.back() - t) < 1e-9)
			w.tg.pop_back();
		else
			w.tg.push_back(t);
	}
	return w;
}

struct Vesa {
	double pclk_mhz;
	int htot, hsw, vtot, vsw;
	double H() const { return htot / pclk_mhz; }
	double T() const { return H() * vtot; }
	static constexpr int VS_LINE = 10;	/* vsync starts at this line (with an hsync) */
	Ivals hs_ivals() const {
		Ivals iv;
		for (int l = 0; l < vtot; l++)
			iv.push_back({l * H(), l * H() + hsw / pclk_mhz});
		return iv;
	}
	Wave hs() const { return from_ivals(T(), hs_ivals()); }
	Wave vs() const { return from_ivals(T(), {{VS_LINE * H(), (VS_LINE + vsw) * H()}}); }
	Wave csync_xor() const { return wave_xor(hs(), vs()); }
	Wave csync_and() const {
		Ivals iv = hs_ivals();
		iv.push_back({VS_LINE * H(), (VS_LINE + vsw) * H()});
		return from_ivals(T(), iv);
	}
};

/* TV composite sync on a half-line grid: nslots half lines per period; each vertical
 * interval starts at a slot in vi and has neq equalising, nb broad, neq equalising pulses;
 * outside them an hsync sits on every even slot. */
struct Tv {
	double H, hsw, eqw;
	int nslots, neq, nb;
	std::vector<int> vi;
	Wave csync() const {
		double h2 = H / 2;
		Ivals iv;
		for (int k = 0; k < nslots; k++) {
			int type = (k % 2 == 0) ? 1 : 0;	/* 0 none, 1 hsync, 2 eq, 3 broad */
			for (int s : vi) {
				int o = ((k - s) % nslots + nslots) % nslots;
				if (o < 2 * neq + nb)
					type = (o >= neq && o < neq + nb) ? 3 : 2;
			}
			double t = k * h2;
			if (type == 1) iv.push_back({t, t + hsw});
			if (type == 2) iv.push_back({t, t + eqw});
			if (type == 3) iv.push_back({t, t + h2 - hsw});
		}
		return from_ivals(nslots * h2, iv);
	}
};

/* Plays a Wave from a start time onwards (time must not go backwards). */
struct Player {
	const Wave *w = nullptr;
	double base = 0;
	size_t i = 0;
	int lvl = 0;
	void start(const Wave *wave, double t0) { w = wave; base = t0; i = 0; lvl = 0; }
	int at(double t) {
		if (!w) return 0;
		for (;;) {
			if (i < w->tg.size()) {
				if (base + w->tg[i] <= t) { lvl ^= 1; i++; continue; }
				return lvl;
			}
			if (base + w->T <= t) { base += w->T; i = 0; lvl = 0; continue; }
			return lvl;
		}
	}
};

}  // namespace syncgen
