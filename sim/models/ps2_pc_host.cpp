// SPDX-License-Identifier: MIT
/*
 * ps2_pc_host.cpp - the PC (PS/2 host) model of one KVM port (see ps2_pc_host.h).
 */
#include "models/ps2_pc_host.h"

#include <cstdio>

extern "C" {
#include "ps2_keys.h"
}

namespace ps2 {

constexpr double REPLY_TIMEOUT_MS = 25;

Ps2PcPort::Ps2PcPort(Kind k, uint64_t init_at_cyc) : kind(k), init_at_(init_at_cyc)
{
	if (k == KBD) {
		steps_ = { { 0xFF, { 0xFA, 0xAA } }, { 0xF2, { 0xFA, 0xAB, 0x83 } },
			   { 0xED, { 0xFA } }, { 0x02, { 0xFA } }, { 0xF3, { 0xFA } },
			   { 0x20, { 0xFA } }, { 0xF4, { 0xFA } } };
	} else {
		steps_ = { { 0xFF, { 0xFA, 0xAA, 0x00 } },
			   { 0xF3, { 0xFA } }, { 0xC8, { 0xFA } }, { 0xF3, { 0xFA } },
			   { 0x64, { 0xFA } }, { 0xF3, { 0xFA } }, { 0x50, { 0xFA } },
			   { 0xF2, { 0xFA, -1 } },
			   { 0xF3, { 0xFA } }, { 0xC8, { 0xFA } }, { 0xF3, { 0xFA } },
			   { 0xC8, { 0xFA } }, { 0xF3, { 0xFA } }, { 0x50, { 0xFA } },
			   { 0xF2, { 0xFA, -1 } },
			   { 0xE8, { 0xFA } }, { 0x03, { 0xFA } }, { 0xF3, { 0xFA } },
			   { 0x64, { 0xFA } }, { 0xF4, { 0xFA } } };
	}
}

void Ps2PcPort::fail(const std::string &why)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "step %zu (%02X): ", step_, steps_[step_].cmd);
	init_error = buf + why;
	init_ok = false;
	init_done = true;
	st_ = DONE;
	if (inhibit_after_init)
		link.inhibit = true;
}

void Ps2PcPort::retry(uint64_t cyc, const std::string &why)
{
	(void)cyc;
	if (++tries_ > 1) {
		fail(why + " (after a retry)");
		return;
	}
	st_ = SEND;
}

void Ps2PcPort::step(uint64_t cyc, bool clk, bool dat)
{
	link.step(cyc, clk, dat);
	switch (st_) {
	case WAIT_START:
		while (!link.rx.empty()) {
			pre_.push_back(link.rx.front().v);
			link.rx.pop_front();
		}
		if (cyc >= init_at_ && !link.frame_in_progress() && clk) {
			for (size_t i = 0; i < pre_.size(); i++)
				if (pre_[i] == 0xAA && (kind == KBD || (i + 1 < pre_.size() &&
									pre_[i + 1] == 0x00)))
					bat_seen = true;
			st_ = SEND;
		}
		break;
	case SEND:
		/* like an 8042: only start a command on a quiet bus */
		if (!link.quiet(cyc, 100))
			break;
		link.rx.clear();
		link.send(steps_[step_].cmd);
		st_ = SENT;
		break;
	case SENT:
		if (link.sending())
			break;
		if (link.send_result < 0) {
			retry(cyc, "send failed: " + link.last_error);
			break;
		}
		st_ = REPLY;
		got_ = 0;
		deadline_ = cyc + us(REPLY_TIMEOUT_MS * 1000);
		break;
	case REPLY: {
		const Step &s = steps_[step_];

		while (st_ == REPLY && !link.rx.empty()) {
			uint8_t b = link.rx.front().v;
			int want = s.expect[got_];
			char buf[80];

			link.rx.pop_front();
			if (got_ == 0 && b == 0xFE) {
				retry(cyc, "FE (resend)");
				break;
			}
			if (want < 0) {
				if (b != 0x00 && b != 0x03 && b != 0x04) {
					snprintf(buf, sizeof(buf), "ID byte %02X", b);
					fail(buf);
					break;
				}
				mouse_id = b;
			} else if (b != want) {
				snprintf(buf, sizeof(buf), "reply byte %zu is %02X, want %02X", got_, b,
					 want);
				fail(buf);
				break;
			}
			deadline_ = cyc + us(REPLY_TIMEOUT_MS * 1000);
			if (++got_ == s.expect.size()) {
				tries_ = 0;
				if (++step_ == steps_.size()) {
					init_ok = true;
					init_done = true;
					st_ = DONE;
					if (inhibit_after_init)
						link.inhibit = true;
				} else {
					st_ = SEND;
				}
			}
		}
		if (st_ == REPLY && cyc > deadline_)
			retry(cyc, "no reply within 25 ms");
		break;
	}
	case DONE:
		while (!link.rx.empty()) {
			post_init_byte(link.rx.front());
			link.rx.pop_front();
		}
		break;
	}
}

void Ps2PcPort::post_init_byte(const TimedByte &b)
{
	bytes.push_back(b);
	if (kind == KBD) {
		if (pause_left_) {
			if (--pause_left_ == 0)
				pauses++;
			return;
		}
		switch (b.v) {
		case 0xE0:
			e0_ = true;
			return;
		case 0xF0:
			f0_ = true;
			return;
		case 0xE1:
			pause_left_ = 7;
			e0_ = f0_ = false;
			return;
		case 0x00: case 0xAA: case 0xEE: case 0xFA: case 0xFC: case 0xFD: case 0xFE:
		case 0xFF:
			other_bytes++;
			e0_ = f0_ = false;
			return;
		default:
			break;
		}
		uint16_t key = (uint16_t)((e0_ ? 0x100 : 0) | b.v);

		if (f0_) {
			breaks++;
			if (!held.erase(key))
				orphan_breaks++;
		} else {
			makes++;
			held.insert(key);
		}
		e0_ = f0_ = false;
		return;
	}
	/* mouse: packets of 3 (ID 0) or 4 (ID 3/4) bytes; byte 0 has bit 3 set */
	size_t len = mouse_id == 3 || mouse_id == 4 ? 4 : 3;

	if (!pkt_.empty() && b.t - last_byte_t_ > us(5000)) {
		desync++;		/* a packet that never finished */
		pkt_.clear();
	}
	last_byte_t_ = b.t;
	if (pkt_.empty()) {
		if (!(b.v & 0x08)) {
			desync++;
			return;
		}
		pkt_t_ = b.t;
	}
	pkt_.push_back(b.v);
	if (pkt_.size() < len)
		return;
	int x = pkt_[1] - ((pkt_[0] & 0x10) ? 256 : 0);
	int y = pkt_[2] - ((pkt_[0] & 0x20) ? 256 : 0);
	int z = 0, btn = pkt_[0] & 7;

	if (mouse_id == 3) {
		z = (int8_t)pkt_[3];
	} else if (mouse_id == 4) {
		z = (pkt_[3] & 0x08) ? (int)(pkt_[3] & 0x0F) - 16 : pkt_[3] & 0x0F;
		btn |= ((pkt_[3] >> 4) & 3) << 3;
	}
	dx += x;
	dy += y;
	dz += z;
	buttons = btn;
	packets++;
	packet_t.push_back(pkt_t_);
	pkt_.clear();
}

std::vector<std::string> Ps2PcPort::stuck_keys() const
{
	std::vector<std::string> v;

	for (uint16_t k : held) {
		const struct ps2_key *key = ps2_key_by_code(k & 0xFF, k >> 8);
		char buf[16];

		if (key) {
			v.push_back(key->name);
		} else {
			snprintf(buf, sizeof(buf), k >> 8 ? "E0 %02X" : "%02X", k & 0xFF);
			v.push_back(buf);
		}
	}
	return v;
}

std::vector<uint8_t> Ps2PcPort::byte_values() const
{
	std::vector<uint8_t> v;

	for (const TimedByte &b : bytes)
		v.push_back(b.v);
	return v;
}

Ps2PcHost::Ps2PcHost(int p, double init_ms)
	: port(p), kbd(Ps2PcPort::KBD, us(init_ms * 1000.0)),
	  mouse(Ps2PcPort::MOUSE, us((init_ms + 2.0) * 1000.0))
{
}

} // namespace ps2
