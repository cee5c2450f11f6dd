// tb_matrix_top.cpp: video_top with VID_N = 2 (video matrix + overlay), scaled rasters.
// Two port sources with their own pixel clocks and timings, the internal raster on
// clk_pix; SOURCE selects. Every complete output frame is identified by its size and
// compared pixel-exact with that source's picture plus the OSD window; DE/HS/VS must be the
// matrix output delayed by exactly 4 clocks, RGB black outside DE. Also MATRIX fields,
// FRAME counting output frames, and the fallback (test pattern) when a port's ok drops.
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <vector>
#include "Vvideo_top.h"
#include "Vvideo_top___024root.h"
#include "verilated.h"
#include "kvmosd_regs.h"

static Vvideo_top *top;
static int fails;
#define FAIL(...) do { fails++; std::printf("FAIL: " __VA_ARGS__); std::printf("\n"); } while (0)

// internal raster (must match the -G parameters in tests.mk)
static const int INT_W = 160, INT_H = 64;

struct port_gen {
	int ha, hfp, hs, hbp, va, vfp, vs, vbp, pol, id;
	int x = 0, y = 0;
	int ht() const { return ha + hfp + hs + hbp; }
	int vt() const { return va + vfp + vs + vbp; }
	void advance() { if (++x == ht()) { x = 0; if (++y == vt()) y = 0; } }
	bool de() const { return x < ha && y < va; }
	bool hsync() const { bool a = x >= ha + hfp && x < ha + hfp + hs; return pol ? a : !a; }
	bool vsync() const { bool a = y >= va + vfp && y < va + vfp + vs; return pol ? a : !a; }
};
static uint16_t port_rgb(int id, int x, int y) { return (uint16_t)(((id + 1) << 8) | ((x & 15) << 4) | (y & 15)); }

static port_gen gen[2] = {
	{120, 6, 12, 14, 48, 2, 2, 4, 1, 0},  // 152 x 56, +/+, 40 MHz
	{144, 8, 10, 18, 40, 3, 2, 5, 0, 1},  // 180 x 50, -/-, 65 MHz
};

// clocks in ps: sys 12 MHz, pix 25.125 MHz, ports 40 and 65 MHz
static const uint64_t HALF[4] = {41667, 19900, 12500, 7692};
static uint64_t next_edge[4] = {41667, 19900 + 3000, 12500 + 1234, 7692 + 555};
static uint64_t now;

// OSD window: 2 cells at (16, 8), glyph 1 solid (fg 12 = F55), glyph 0 empty (bg 1 = 00A)
static const int OX = 16, OY = 8;
static const uint16_t SOLID = 0x0A5;
static uint16_t expect_pixel(int src, int x, int y, bool osd)
{
	if (osd && y >= OY && y < OY + 16 && x >= OX && x < OX + 16)
		return x < OX + 8 ? 0xF55 : 0x00A;
	return src == 2 ? SOLID : port_rgb(src, x, y);
}

// output monitor
struct frame_cap {
	std::vector<uint16_t> pix;
	int w = 0, h = 0, cur_w = 0;
	bool in_line = false;
	long gap = 0;
};
static frame_cap cap;
static int frames_seen[3], frames_osd[3], bad_frames, last_src = -1;
static bool want_osd_check;
static int hist_n;
static uint8_t hist[8];	// matrix DE/HS/VS per output clock
static bool prev_vclk;
static long out_clocks;

static void finish_frame()
{
	int src = -1;
	if (cap.w == 120 && cap.h == 48) src = 0;
	else if (cap.w == 144 && cap.h == 40) src = 1;
	else if (cap.w == INT_W && cap.h == INT_H) src = 2;
	if (cap.h == 0) return;
	if (src < 0) { FAIL("output frame of unknown size %dx%d", cap.w, cap.h); bad_frames++; return; }
	if (src != last_src) { std::printf("  output now source %d (%dx%d)\n", src, cap.w, cap.h); last_src = src; }
	// with or without the OSD (the OSD is hidden in the first frames after a switch)
	bool with = true, without = true;
	for (int y = 0; y < cap.h; y++)
		for (int x = 0; x < cap.w; x++) {
			uint16_t g = cap.pix[y * cap.w + x];
			if (g != expect_pixel(src, x, y, true)) with = false;
			if (g != expect_pixel(src, x, y, false)) without = false;
		}
	if (!with && !without) {
		for (int y = 0; y < cap.h; y++)
			for (int x = 0; x < cap.w; x++)
				if (cap.pix[y * cap.w + x] != expect_pixel(src, x, y, true)) {
					FAIL("source %d frame: pixel (%d,%d) = %03x, want %03x", src, x, y,
					     cap.pix[y * cap.w + x], expect_pixel(src, x, y, true));
					y = cap.h; break;
				}
		bad_frames++;
	}
	frames_seen[src]++;
	if (with) frames_osd[src]++;
}

static void sample_out()
{
	auto *r = top->rootp;
	bool de = top->o_de;
	uint16_t rgb = (uint16_t)((top->o_r << 8) | (top->o_g << 4) | top->o_b);
	out_clocks++;
	// latency: pins = matrix output 4 clocks earlier (after the first 4)
	uint8_t m = (uint8_t)(r->video_top__DOT__tim_de | (r->video_top__DOT__tim_hs << 1) |
	                      (r->video_top__DOT__tim_vs << 2));
	uint8_t pins = (uint8_t)(de | (top->o_hs << 1) | (top->o_vs << 2));
	if (hist_n >= 4 && pins != hist[3] && fails < 10)
		FAIL("DE/HS/VS %x, matrix 4 clocks earlier %x", pins, hist[3]);
	for (int i = 7; i > 0; i--) hist[i] = hist[i - 1];
	hist[0] = m;
	if (hist_n < 8) hist_n++;
	if (!de && rgb && fails < 10) FAIL("RGB %03x outside DE", rgb);
	// frame capture: a DE gap longer than 600 clocks separates frames
	if (de) {
		if (!cap.in_line) {
			if (cap.gap > 600) { finish_frame(); cap.pix.clear(); cap.w = 0; cap.h = 0; }
			cap.in_line = true; cap.cur_w = 0; cap.h++;
		}
		cap.pix.push_back(rgb);
		cap.cur_w++;
		cap.gap = 0;
	} else {
		if (cap.in_line) {
			if (cap.w && cap.w != cap.cur_w) { FAIL("line width %d then %d", cap.w, cap.cur_w); bad_frames++; }
			cap.w = cap.cur_w; cap.in_line = false;
		}
		cap.gap++;
	}
}

static bool ok_flag[2] = {true, true};

// one clock edge; returns true at a clk_sys rising edge
static bool step()
{
	int k = 0;
	for (int i = 1; i < 4; i++) if (next_edge[i] < next_edge[k]) k = i;
	now = next_edge[k];
	next_edge[k] += HALF[k];
	bool rise = false;
	switch (k) {
	case 0: top->i_clk_sys = !top->i_clk_sys; rise = top->i_clk_sys; break;
	case 1: top->i_clk_pix = !top->i_clk_pix; break;
	default: top->i_vin_clk ^= (uint8_t)(1u << (k - 2)); break;
	}
	top->eval();
	if (k >= 2 && (top->i_vin_clk >> (k - 2) & 1)) {	// port pins change after its edge
		port_gen &g = gen[k - 2];
		g.advance();
		int p = k - 2;
		auto setbit = [](uint8_t v, int b, bool on) { return (uint8_t)(on ? v | (1u << b) : v & ~(1u << b)); };
		top->i_vin_de = setbit(top->i_vin_de, p, g.de());
		top->i_vin_hs = setbit(top->i_vin_hs, p, g.hsync());
		top->i_vin_vs = setbit(top->i_vin_vs, p, g.vsync());
		uint16_t c = g.de() ? port_rgb(p, g.x, g.y) : 0x777;	// junk outside DE
		top->i_vin_r = (uint8_t)((top->i_vin_r & ~(0xF << 4 * p)) | ((c >> 8 & 15) << 4 * p));
		top->i_vin_g = (uint8_t)((top->i_vin_g & ~(0xF << 4 * p)) | ((c >> 4 & 15) << 4 * p));
		top->i_vin_b = (uint8_t)((top->i_vin_b & ~(0xF << 4 * p)) | ((c & 15) << 4 * p));
		top->eval();
	}
	bool vclk = top->o_clk_vid;
	if (vclk && !prev_vclk) sample_out();
	prev_vclk = vclk;
	if (rise) {
		top->i_vin_ok = (uint8_t)(ok_flag[0] | (ok_flag[1] << 1));
	}
	return rise;
}
static void sys_cycle() { while (!step()) ; }
static void run_us(double us) { uint64_t end = now + (uint64_t)(us * 1e6); while (now < end) step(); }

static uint32_t reg_access(uint32_t off, uint32_t wdata, unsigned strb)
{
	uint32_t rd = 0;
	top->i_reg_sel = 1; top->i_reg_addr = (uint8_t)off; top->i_reg_wdata = wdata; top->i_reg_wstrb = (uint8_t)strb;
	for (int w = 0;; w++) {
		top->eval();
		bool ready = top->o_reg_ready;
		rd = top->o_reg_rdata;
		sys_cycle();
		if (ready) break;
		if (w > 5000) { FAIL("register port stuck at 0x%02x", off); break; }
	}
	top->i_reg_sel = 0; top->i_reg_wstrb = 0; top->eval();
	return rd;
}
static void reg_write(uint32_t off, uint32_t v) { reg_access(off, v, 0xF); }
static uint32_t reg_read(uint32_t off) { return reg_access(off, 0, 0); }
static void mem_write(int font, uint32_t addr, uint32_t v)
{
	top->i_mem_sel = 1; top->i_mem_addr = ((uint32_t)font << 16) | addr; top->i_mem_wdata = v; top->i_mem_wstrb = 0xF;
	for (int w = 0;; w++) {
		top->eval();
		bool ready = top->o_mem_ready;
		sys_cycle();
		if (ready) break;
		if (w > 5000) { FAIL("memory port stuck"); break; }
	}
	top->i_mem_sel = 0; top->i_mem_wstrb = 0; top->eval();
}

// wait until MATRIX shows src (0xF = internal) and no switch runs; then n more source frames
static uint32_t settle(unsigned src, int frames, int src_idx)
{
	uint32_t m = 0;
	for (int i = 0; i < 400; i++) {
		run_us(100);
		m = reg_read(KVM_VIDEO_MATRIX_OFF);
		if ((m & 0xF) == src && !(m & 0x10)) break;
	}
	if ((m & 0xF) != src || (m & 0x10)) FAIL("MATRIX %08x: source %x not reached", m, src);
	int base = frames_osd[src_idx];
	for (int i = 0; i < 400 && frames_osd[src_idx] < base + frames; i++) run_us(100);
	if (frames_osd[src_idx] < base + frames)
		FAIL("source %d: %d frames with the OSD, want %d", src_idx, frames_osd[src_idx] - base, frames);
	return m;
}

int main(int argc, char **argv)
{
	Verilated::commandArgs(argc, argv);
	top = new Vvideo_top;
	top->i_vin_hpol = 0x1;	// port 0 +/+, port 1 -/-
	top->i_vin_vpol = 0x1;
	top->i_rst_sys = 1; top->i_rst_pix = 1;
	for (int i = 0; i < 40; i++) sys_cycle();
	top->i_rst_sys = 0; top->i_rst_pix = 0;

	// OSD: font glyph 1 solid, glyph 0 empty; cells 0, 1 = glyph 1 / 0 with attr {bg 1, fg 12}
	for (int r = 0; r < 16; r += 4) { mem_write(1, 16 + r, 0xFFFFFFFF); mem_write(1, r, 0); }
	mem_write(0, 0, 0x1C001C01);
	reg_write(KVM_VIDEO_PATTERN_OFF, (SOLID << 4) | 2);
	reg_write(KVM_VIDEO_OSD_POS_OFF, (OY << 16) | OX);
	reg_write(KVM_VIDEO_OSD_SIZE_OFF, 0x0102);
	reg_write(KVM_VIDEO_OSD_CTRL_OFF, 1);
	if (reg_read(KVM_VIDEO_SOURCE_OFF) != 0) FAIL("SOURCE reset value");

	// 1. power-up: fallback, then port 0 (SOURCE = 0, ok)
	uint32_t m = settle(0, 3, 0);
	std::printf("port 0: MATRIX %08x\n", m);
	uint32_t sw0 = m >> 16;
	// frame counter counts output frames
	uint32_t f0 = reg_read(KVM_VIDEO_FRAME_OFF);
	int seen0 = frames_seen[0];
	run_us(5 * 56 * 152 / 40.0);
	uint32_t f1 = reg_read(KVM_VIDEO_FRAME_OFF);
	int d = frames_seen[0] - seen0;
	if (f1 - f0 < 4 || (int)(f1 - f0) < d - 1 || (int)(f1 - f0) > d + 1)
		FAIL("FRAME advanced by %u over %d output frames", f1 - f0, d);
	if (((reg_read(KVM_VIDEO_STATUS_OFF) >> 16) & 0xFFFF) < (f1 & 0xFFFF)) FAIL("STATUS frame field");

	// 2. switch to port 1
	reg_write(KVM_VIDEO_SOURCE_OFF, 1);
	if (reg_read(KVM_VIDEO_SOURCE_OFF) != 1) FAIL("SOURCE readback");
	m = settle(1, 3, 1);
	std::printf("port 1: MATRIX %08x\n", m);
	if ((m >> 16) != sw0 + 1) FAIL("switch count %u, want %u", m >> 16, sw0 + 1);

	// 3. port 1 loses ok: fallback (internal test pattern + OSD)
	ok_flag[1] = false;
	m = settle(0xF, 3, 2);
	std::printf("ok dropped: MATRIX %08x\n", m);
	if ((m >> 16) != sw0 + 2) FAIL("switch count %u, want %u", m >> 16, sw0 + 2);

	// 4. ok back: port 1 again; then SOURCE = 7 (>= N): internal; then port 0
	ok_flag[1] = true;
	m = settle(1, 2, 1);
	reg_write(KVM_VIDEO_SOURCE_OFF, 7);
	m = settle(0xF, 2, 2);
	reg_write(KVM_VIDEO_SOURCE_OFF, 0);
	m = settle(0, 2, 0);
	std::printf("end: MATRIX %08x\n", m);
	if ((m >> 16) != sw0 + 5) FAIL("switch count %u, want %u", m >> 16, sw0 + 5);
	if (((m >> 8) & 0xFF) != 0) FAIL("cut count %u, want 0", (m >> 8) & 0xFF);
	if (bad_frames) FAIL("%d bad frames", bad_frames);
	std::printf("frames: port0 %d (%d with OSD), port1 %d (%d), internal %d (%d); %ld output clocks, %.1f ms\n",
	            frames_seen[0], frames_osd[0], frames_seen[1], frames_osd[1], frames_seen[2], frames_osd[2],
	            out_clocks, now / 1e9);
	top->final();
	delete top;
	if (fails) { std::printf("video-matrix-top: %d failures\n", fails); return 1; }
	std::printf("video-matrix-top: all checks passed\n");
	return 0;
}
