// vin_engine: ONE sync separator + meter shared by N video input ports (docs/sync.md,
// "Shared engine"). Each port's state (about 270 bits: polarity votes, line tracker, span,
// vertical and meter registers) lives in block RAM; the engine swaps one port at a time into
// its working registers, works through that port's edges in time order, and swaps it out.
// The rules are sync_input + sync_line + sync_sep + sync_meter's, restated for events:
// instead of counters that step every tick, the state holds time stamps and each rule is
// evaluated when something happens:
//   - HS edges and VS edges come from vin_front with 12-bit stamps; the engine rebuilds the
//     full time (24 bits) from the stamp's age, so its own delay does not matter;
//   - a missing hsync (AND/XOR vertical, broad pulses) is bridged by a predicted line start
//     at t_line + P (16-line span with the fractional accumulator), made before any later
//     edge is taken (catch-up: one predicted line per action);
//   - an active run reaching P/4 (the composite vertical pulse) is an action at its own time
//     too, so vertical starts and line starts stay in time order;
//   - timeouts (presence 1 ms, VS idle 40 ms, stale stamps) are checked at a poll that every
//     port gets at least every 2^POLL_BITS * N ticks.
// Results match the per-port sync_port within +-1 tick on edges (tests/sync/tb_vin_engine).
// Regenerated HS/VS waveforms are not produced (nothing uses them: the matrix has its own
// composite-sync separator on the pixel clock).
//
// Clock: i_clk = clk_ref (REF_HZ). All inputs are clk_ref except i_rd_req (a toggle already
// through cdc_sync2 in the caller) with i_rd_port / i_rd_reg, which the caller holds stable
// while a request is open (handshake "meter_rd_cdc", vin_meters).
//
// Per port service: SWAP (WORDS + 1 cycles: store the cached port, load the new one, both
// RAM ports at once) then actions of 4 cycles each (AGE: slot ages, SEL: oldest edge and the
// predicted line / long-pulse times, DEC: what comes first, EXE: do it), ending with the
// POLL action, which also copies the port's flags to the outputs. A service takes at most
// MAX_EDGES edges, so a noise storm on one port cannot starve the others.
`default_nettype none
module vin_engine #(
    parameter N          = 4,
    parameter PB         = (N > 1) ? $clog2(N) : 1,
    parameter REF_HZ     = 48000000,
    parameter LINE_MIN   = REF_HZ / 200000,      // 200 kHz maximum line rate
    parameter LINE_MAX   = REF_HZ / 10000,       // 10 kHz minimum line rate
    parameter TOL        = 2,                    // period match (ticks)
    parameter LATE       = 3,                    // late edge after a predicted line start
    parameter LOCK_LINES = 32,
    parameter MISS_MAX   = 24,
    parameter PEN_MAX    = 32,
    parameter STAB_TOL   = 2,
    parameter N_STABLE   = 3,
    parameter POLL_BITS  = 8,                    // one port polled every 2^POLL_BITS ticks
    parameter MAX_EDGES  = 4
) (
    input  wire            i_clk,
    input  wire            i_rst,
    // vin_front slots, port p = bit p / bits [12p+11:12p]
    input  wire [N-1:0]    i_hr,
    input  wire [N-1:0]    i_hf,
    input  wire [N-1:0]    i_vs,
    input  wire [N-1:0]    i_vs_lvl,
    input  wire [N-1:0]    i_ovr,
    input  wire [12*N-1:0] i_hr_t,
    input  wire [12*N-1:0] i_hf_t,
    input  wire [12*N-1:0] i_vs_t,
    output wire [11:0]     o_now,
    output wire [N-1:0]    o_clr_hr,
    output wire [N-1:0]    o_clr_hf,
    output wire [N-1:0]    o_clr_vs,
    output wire [N-1:0]    o_clr_ovr,
    // register read: a change of i_rd_req asks for register i_rd_reg of port i_rd_port
    // (0 FLAGS, 1 LINE, 2 LINES, 3 HS, the VIDIN PORT_* layout); o_rd_ack := i_rd_req
    // when o_rd_data holds it
    input  wire            i_rd_req,
    input  wire [PB-1:0]   i_rd_port,
    input  wire [1:0]      i_rd_reg,
    output reg  [31:0]     o_rd_data,
    output reg             o_rd_ack,
    output reg             o_round,          // toggles at each poll of port N-1 (a round)
    // per-port flags, clk_ref registers (quasi-static for the matrix, which synchronises)
    output reg  [N-1:0]    o_present,
    output reg  [N-1:0]    o_ok,             // present and stable
    output reg  [N-1:0]    o_ilace,
    output reg  [N-1:0]    o_hpol,
    output reg  [N-1:0]    o_vpol,
    output reg  [N-1:0]    o_csync
);
    localparam WORDS = 17;                  // state words (16 bits) per port
    localparam SB    = WORDS * 16;
    localparam AW    = PB + 5;               // RAM address: port, word (32-word stride)
    localparam [12:0] PMAX  = 13'h1FFF;
    localparam [10:0] LMAX  = 11'h7FF;
    localparam integer PRES_I = ((REF_HZ / 1000 + 1023) / 1024) * 1024;  // 1 ms, as sync_meter
    localparam [15:0] PRES  = PRES_I[15:0];
    localparam integer VTO_I = (REF_HZ / 64 / 25 + 15) / 16;             // 40 ms in 1024 ticks
    localparam [13:0] VS_TO = VTO_I[13:0];

    // ---- time: 24-bit tick counter; stamps are its low 12 bits, runs use 16 bits, the
    // 16-line span 17 bits, VS runs and the VS timeout 1024-tick units (bits 23:10)
    reg [23:0] now;
    always @(posedge i_clk) now <= i_rst ? 24'd0 : now + 24'd1;
    assign o_now = now[11:0];

    // ---- one port's state (the working copy). Reset state = all zero (the RAM's initial
    // and cleared content): votes and levels are stored as offsets from their reset values.
    reg [15:0] s_hs_t;      // last HS edge (either direction)
    reg [12:0] s_hs_low;    // last complete low run (ticks, 8191 = too long)
    reg        s_hs_have;   // s_hs_low valid
    reg [3:0]  s_hvote;     // polarity vote ^ 8 (4 bits, flips at the ends)
    reg        s_hpol;      // 1 = HS active high
    reg        s_hs_stale;  // s_hs_t older than 16384 ticks
    reg        s_hs_lo;     // filtered HS level is low
    reg [13:0] s_vs_tc;     // last VS edge, 1024-tick units
    reg [10:0] s_vs_low;
    reg        s_vs_have;
    reg [1:0]  s_vvote;     // VS vote ^ 2
    reg        s_vpol;
    reg        s_vs_lo;
    reg        s_vs_seen;   // a VS edge within VS_TO: separate-sync mode
    reg        s_vs_stale;
    reg        s_locked;
    reg [15:0] s_t_line;    // last line start (real or predicted); acquiring: last lead
    reg        s_line_stale;
    reg [12:0] s_per;       // P
    reg [5:0]  s_acq;
    reg [4:0]  s_miss;
    reg [5:0]  s_pen;
    reg        s_last_real;
    reg [3:0]  s_acc;       // predictor fraction
    reg [16:0] s_t_seg;     // start of the 16-line segment
    reg [3:0]  s_nseg;
    reg        s_seg_on;
    reg [16:0] s_span;      // 16 real line periods (ticks), 0 until measured
    reg        s_span_ok;
    reg [10:0] s_hsw;       // hsync width estimate
    reg        s_run_line;  // the current active run began with an accepted hsync
    reg        s_long_done; // the current active run has reached P/4 (handled)
    reg        s_lead_mid;  // the current active run began mid-line
    reg [4:0]  s_since_v;   // lines since the vertical start (saturates at 16: armed)
    reg        s_field;
    reg [10:0] s_lcnt;
    reg        s_vseen;
    reg [1:0]  s_alt;
    reg [12:0] s_prev_ticks;
    reg [10:0] s_prev_frame;
    reg [1:0]  s_stab;
    reg [10:0] s_lfield;
    reg [10:0] s_lframe;
    reg        s_ilace;
    reg [7:0]  s_loss;
    reg        s_present;
    reg [15:0] s_t_act;     // last edge on either pin
    reg [1:0]  s_pad;       // fills the last word
`define VE_STATE {s_pad, s_t_act, s_present, s_loss, s_ilace, s_lframe, s_lfield, s_stab, \
    s_prev_frame, s_prev_ticks, s_alt, s_vseen, s_lcnt, s_field, s_since_v, s_lead_mid, \
    s_long_done, s_run_line, s_hsw, s_span_ok, s_span, s_seg_on, s_nseg, s_t_seg, s_acc, \
    s_last_real, s_pen, s_miss, s_acq, s_per, s_line_stale, s_t_line, s_locked, s_vs_stale, \
    s_vs_seen, s_vs_lo, s_vpol, s_vvote, s_vs_have, s_vs_low, s_vs_tc, s_hs_lo, s_hs_stale, \
    s_hpol, s_hvote, s_hs_have, s_hs_low, s_hs_t}
    wire [SB-1:0] st = `VE_STATE;

    // ---- state RAM (one block RAM up to 8 ports)
    reg  [15:0]   ram [0:(1 << AW) - 1];
    reg  [15:0]   ram_q;
    reg  [AW-1:0] ram_wa;
    wire [AW-1:0] ram_ra;                    // S_SWAP: word k of the port being loaded
    reg           ram_we;
    reg  [15:0]   ram_wd;
    always @(posedge i_clk) begin
        if (ram_we) ram[ram_wa] <= ram_wd;
        ram_q <= ram[ram_ra];
    end

    // ---- sequencer
    localparam [2:0] S_CLEAR = 3'd0, S_IDLE = 3'd1, S_SWAP = 3'd2, S_RD = 3'd3,
                     S_AGE = 3'd4, S_SEL = 3'd5, S_DEC = 3'd6, S_EXE = 3'd7;
    localparam [2:0] A_POLL = 3'd0, A_OVR = 3'd1, A_PRED = 3'd2, A_LONG = 3'd3,
                     A_HS = 3'd4, A_VS = 3'd5;
    reg [2:0]    state;
    reg [PB-1:0] cur, tgt, rr;
    reg          for_rd, rd_seen;
    reg [AW-1:0] clr_a;
    reg [4:0]    k;
    reg [N-1:0]  poll_due;
    reg [POLL_BITS-1:0] poll_div;
    reg [PB-1:0] poll_p;
    reg [2:0]    n_edges;
    // snapshot of the current port's slots (S_AGE) and the decision inputs (S_SEL)
    reg          p_hr, p_hf, p_vs, p_vs_lvl, p_ovr;
    reg [11:0]   age_hr, age_hf, age_vs;
    reg [23:0]   now_c;
    reg [1:0]    e_kind;                      // 0 none, 1 HS, 2 VS
    reg          e_rise;
    reg          e_lvl;
    reg [23:0]   te;                          // the edge's time
    reg [15:0]   pred_t, long_t;
    reg [2:0]    act;

    // the current port's slots
    wire         c_hr = i_hr[cur], c_hf = i_hf[cur], c_vs = i_vs[cur];
    wire         c_vs_lvl = i_vs_lvl[cur], c_ovr = i_ovr[cur];
    wire [11:0]  c_hr_t = i_hr_t[12*cur +: 12], c_hf_t = i_hf_t[12*cur +: 12];
    wire [11:0]  c_vs_t = i_vs_t[12*cur +: 12];
    wire [N-1:0] need = i_hr | i_hf | i_vs | i_ovr | poll_due;
    wire         rd_pend = i_rd_req != rd_seen;
    assign ram_ra = {tgt, k};

    // ---- derived values of the working state
    wire [12:0] p8       = s_per >> 3;
    wire [12:0] p4       = s_per >> 2;
    wire [12:0] p_int    = s_span_ok ? s_span[16:4] : s_per;
    wire [4:0]  acc_sum  = {1'b0, s_acc} + {1'b0, s_span[3:0]};
    wire [3:0]  vote     = s_hvote ^ 4'b1000;
    wire [1:0]  vvote    = s_vvote ^ 2'b10;
    wire        hs_act   = s_hs_lo ^ s_hpol;           // level == polarity
    wire        armed    = s_since_v[4];
    wire [12:0] line_ticks = s_span[16:4] + {12'd0, s_span[3]};
    wire [12:0] hsw_eq   = {2'b00, s_hsw - (s_hsw >> 2)};   // ceil(3/4 hsw)

    // the action's time and everything measured from it
    // the edge's time; with no edge (A_POLL, A_OVR) te is the snapshot time now_c. A_PRED and
    // A_LONG use pred_t / long_t and no measurement from te.
    wire [23:0] t_a      = te;
    wire [15:0] run16    = t_a[15:0] - s_hs_t;
    wire [12:0] run13    = (s_hs_stale || run16[15:13] != 3'd0) ? PMAX : run16[12:0];
    wire [15:0] pos16    = t_a[15:0] - s_t_line;
    wire [12:0] pos13    = (s_line_stale || pos16[15:13] != 3'd0) ? PMAX : pos16[12:0];
    wire [13:0] d_per    = {1'b0, pos13} - {1'b0, s_per} + TOL[13:0];  // pos - P + TOL
    wire        lk_match = d_per <= 2 * TOL[13:0];                     // |pos - P| <= TOL
    wire        acq_match = lk_match && pos13 >= LINE_MIN[12:0] && pos13 <= LINE_MAX[12:0];
    wire        win      = pos13 >= s_per - p8;
    wire        late     = !s_last_real && pos13 <= LATE[12:0];
    wire        mid      = pos13 >= p4 && pos13 <= s_per - p4;
    wire [16:0] span_n   = t_a[16:0] - s_t_seg;
    wire [13:0] vrun14   = t_a[23:10] - s_vs_tc;
    wire [10:0] vrun     = (s_vs_stale || vrun14[13:11] != 3'd0) ? LMAX : vrun14[10:0];
    wire [15:0] d_act    = t_a[15:0] - s_t_act;
    wire        hs_old   = run16[15:14] != 2'd0;        // older than 16384 ticks (A_POLL)
    wire        line_old = pos16[15:14] != 2'd0;
    wire        present_n = s_present && d_act < PRES;
    // meter at a vertical start with field f
    wire        vf       = (act == A_LONG) ? s_lead_mid : mid;
    wire        alt_now  = vf != s_field;
    wire [1:0]  alt_n    = alt_now ? ((s_alt == 2'd3) ? 2'd3 : s_alt + 2'd1) : 2'd0;
    wire        il_n     = alt_n >= 2'd2;
    wire [10:0] frame_n  = il_n ? s_lfield + s_lcnt : s_lcnt;
    wire [13:0] dt       = {1'b0, line_ticks} - {1'b0, s_prev_ticks} + STAB_TOL[13:0];
    wire        same_t   = dt <= 2 * STAB_TOL[13:0];
    // polarity votes at the end of a high run (sync_input's rule): a shorter low run votes
    // for active low; the polarity follows only at the ends of the counter (hysteresis).
    // Result {polarity changes, new polarity, new vote}.
    function [5:0] vote_step(input [3:0] v, input [3:0] vmax, input low_shorter);
        begin
            if (low_shorter)
                vote_step = {v <= 4'd1, 1'b0, (v != 4'd0) ? v - 4'd1 : v};
            else
                vote_step = {v >= vmax - 4'd1, 1'b1, (v != vmax) ? v + 4'd1 : v};
        end
    endfunction
    wire [5:0]  hvote_n  = vote_step(vote, 4'd15, s_hs_low < run13);
    wire [5:0]  vvote_n  = vote_step({2'b00, vvote}, 4'd3, s_vs_low < vrun);
    wire [5:0]  pen_bad  = s_pen + 6'd4;
    wire [5:0]  pen_miss = s_pen + 6'd2;
    wire [4:0]  miss_n   = (s_miss == MISS_MAX[4:0] + 5'd1) ? s_miss : s_miss + 5'd1;

    // decision (S_DEC): predicted line and long pulse against the next edge (or now)
    wire [15:0] limit    = te[15:0];
    wire [15:0] d_pred   = limit - pred_t;
    wire [15:0] d_long   = limit - long_t;
    wire [15:0] d_pl     = pred_t + 16'd1 - long_t;
    wire        pred_due = s_locked && !d_pred[15] && d_pred >= 16'd2;
    wire        long_due = s_locked && hs_act && !s_long_done && (s_hs_stale || !d_long[15]);

    // ---- the slot clears: with the action that consumes them
    wire exe = state == S_EXE;
    genvar g;
    generate
        for (g = 0; g < N; g = g + 1) begin : g_clr
            wire here = exe && cur == g;
            assign o_clr_hr[g]  = here && act == A_HS && e_rise;
            assign o_clr_hf[g]  = here && act == A_HS && !e_rise;
            assign o_clr_vs[g]  = here && act == A_VS;
            assign o_clr_ovr[g] = here && act == A_OVR;
        end
    endgenerate

    // ---- rule pieces shared by the actions (nonblocking: a later one in the same action wins)
    task meter_clear;
        begin
            s_lcnt <= 11'd0; s_vseen <= 1'b0; s_alt <= 2'd0; s_stab <= 2'd0;
            s_lfield <= 11'd0; s_lframe <= 11'd0; s_ilace <= 1'b0;
        end
    endtask
    task line_start;                         // a regenerated line start (real or predicted)
        begin
            if (!armed) s_since_v <= s_since_v + 5'd1;
            if (s_lcnt == LMAX - 11'd1) meter_clear;   // no vertical sync for too long
            else s_lcnt <= s_lcnt + 11'd1;
        end
    endtask
    task unlock;
        begin
            s_locked <= 1'b0; s_acq <= 6'd0;
            if (s_loss != 8'hFF) s_loss <= s_loss + 8'd1;
            meter_clear;
            s_span <= 17'd0; s_span_ok <= 1'b0; s_seg_on <= 1'b0; s_hsw <= 11'd0;
            s_since_v <= 5'd16;
        end
    endtask
    task vstart;                             // vertical start, field vf
        begin
            s_since_v <= 5'd0; s_field <= vf; s_lcnt <= 11'd0; s_vseen <= 1'b1;
            if (s_vseen) begin
                s_alt <= alt_n; s_ilace <= il_n; s_lfield <= s_lcnt; s_lframe <= frame_n;
                s_prev_frame <= frame_n; s_prev_ticks <= line_ticks;
                if (frame_n == s_prev_frame && same_t) begin
                    if (s_stab != N_STABLE[1:0]) s_stab <= s_stab + 2'd1;
                end else begin
                    s_stab <= 2'd0;
                end
            end
        end
    endtask
    task real_line;                          // an accepted hsync: the 16-line span
        begin
            if (s_seg_on && s_nseg == 4'd15) begin
                s_span <= span_n; s_span_ok <= 1'b1;
            end
            if (!s_seg_on || s_nseg == 4'd15) begin
                s_t_seg <= t_a[16:0]; s_nseg <= 4'd0; s_seg_on <= 1'b1;
            end else begin
                s_nseg <= s_nseg + 4'd1;
            end
        end
    endtask

    always @(posedge i_clk) begin
        ram_we <= 1'b0;
        if (i_rst) begin
            state <= S_CLEAR; clr_a <= {AW{1'b0}}; cur <= {PB{1'b0}}; tgt <= {PB{1'b0}};
            rr <= {PB{1'b0}}; for_rd <= 1'b0; rd_seen <= 1'b0; k <= 5'd0;
            poll_due <= {N{1'b0}}; poll_div <= {POLL_BITS{1'b0}}; poll_p <= {PB{1'b0}};
            n_edges <= 3'd0; o_rd_data <= 32'd0; o_rd_ack <= 1'b0; o_round <= 1'b0;
            o_present <= {N{1'b0}}; o_ok <= {N{1'b0}}; o_ilace <= {N{1'b0}};
            o_hpol <= {N{1'b0}}; o_vpol <= {N{1'b0}}; o_csync <= {N{1'b0}};
            `VE_STATE <= {SB{1'b0}};
            act <= A_POLL; e_kind <= 2'd0;
        end else begin
            // poll requests, round robin, one every 2^POLL_BITS ticks (set at the end)
            poll_div <= poll_div + 1'b1;
            if (&poll_div)
                poll_p <= (poll_p == N[PB-1:0] - 1'b1) ? {PB{1'b0}} : poll_p + 1'b1;
            case (state)
            S_CLEAR: begin                   // zero every port's state after reset
                ram_we <= 1'b1; ram_wa <= clr_a; ram_wd <= 16'd0;
                clr_a  <= clr_a + 1'b1;
                if (&clr_a) state <= S_IDLE;
            end
            S_IDLE: begin
                rr <= (rr == N[PB-1:0] - 1'b1) ? {PB{1'b0}} : rr + 1'b1;
                k  <= 5'd0;
                if (rd_pend) begin
                    tgt <= i_rd_port; for_rd <= 1'b1;
                    state <= (i_rd_port == cur) ? S_RD : S_SWAP;
                end else if (need[rr]) begin
                    tgt <= rr; for_rd <= 1'b0; n_edges <= 3'd0;
                    state <= (rr == cur) ? S_AGE : S_SWAP;
                end
            end
            S_SWAP: begin                    // store cur's words, load tgt's, word k each
                if (k != 5'd0) begin
                    ram_we <= 1'b1; ram_wa <= {cur, k - 5'd1}; ram_wd <= st[15:0];
                    `VE_STATE <= {ram_q, st[SB-1:16]};
                end
                k <= k + 5'd1;
                if (k == WORDS[4:0]) begin
                    cur   <= tgt;
                    state <= for_rd ? S_RD : S_AGE;
                end
            end
            S_RD: begin                      // answer a register read from the working copy
                case (i_rd_reg)
                2'd0:    o_rd_data <= {16'd0, s_loss, s_field, !s_vs_seen,
                                       s_vs_seen ? s_vpol : s_hpol, s_hpol, s_ilace, s_locked,
                                       s_locked && s_present && s_stab == N_STABLE[1:0],
                                       s_present};
                2'd1:    o_rd_data <= {15'd0, s_span};
                2'd2:    o_rd_data <= {5'd0, s_lfield, 5'd0, s_lframe};
                default: o_rd_data <= {3'd0, line_ticks, 5'd0, s_hsw};
                endcase
                rd_seen  <= i_rd_req;
                o_rd_ack <= i_rd_req;
                state    <= S_IDLE;
            end
            S_AGE: begin
                p_hr <= c_hr; p_hf <= c_hf; p_vs <= c_vs; p_vs_lvl <= c_vs_lvl; p_ovr <= c_ovr;
                age_hr <= now[11:0] - c_hr_t;
                age_hf <= now[11:0] - c_hf_t;
                age_vs <= now[11:0] - c_vs_t;
                now_c  <= now;
                state  <= S_SEL;
            end
            S_SEL: begin : sel
                reg        hs_r;
                reg [11:0] age_h;
                reg        vs_first;
                hs_r     = p_hr && (!p_hf || age_hr > age_hf);
                age_h    = hs_r ? age_hr : age_hf;
                vs_first = p_vs && (!(p_hr || p_hf) || age_vs >= age_h);
                e_kind   <= vs_first ? 2'd2 : (p_hr || p_hf) ? 2'd1 : 2'd0;
                e_rise   <= hs_r;
                e_lvl    <= p_vs_lvl;
                te       <= now_c - {12'd0, vs_first ? age_vs : (p_hr || p_hf) ? age_h : 12'd0};
                pred_t   <= s_t_line + {3'd0, p_int} + {15'd0, acc_sum[4]};
                long_t   <= s_hs_t + {3'd0, p4};
                state    <= S_DEC;
            end
            S_DEC: begin
                if (n_edges == MAX_EDGES[2:0])
                    act <= A_POLL;                   // enough for one service
                else if (p_ovr)
                    act <= A_OVR;
                else if (long_due && (!pred_due || !d_pl[15]))
                    act <= A_LONG;
                else if (pred_due)
                    act <= A_PRED;
                else if (e_kind == 2'd0)
                    act <= A_POLL;
                else
                    act <= (e_kind == 2'd2) ? A_VS : A_HS;
                state <= S_EXE;
            end
            S_EXE: begin
                state <= S_AGE;
                case (act)
                A_OVR: begin                 // edges were lost: noise on this port
                    n_edges <= n_edges + 3'd1;
                    if (s_locked) unlock;
                    s_acq <= 6'd0; s_line_stale <= 1'b1; s_hs_stale <= 1'b1;
                    s_present <= 1'b1; s_t_act <= t_a[15:0];
                end
                A_PRED: begin                // no hsync came: a predicted line start
                    s_t_line <= pred_t; s_last_real <= 1'b0; s_acc <= acc_sum[3:0];
                    s_seg_on <= 1'b0; s_miss <= miss_n; s_pen <= pen_miss;
                    line_start;
                    if (miss_n > MISS_MAX[4:0] || pen_miss >= PEN_MAX[5:0]) unlock;
                end
                A_LONG: begin                // active run reached P/4: composite vertical
                    s_long_done <= 1'b1;
                    if (!s_vs_seen && armed) vstart;
                end
                A_VS: begin
                    n_edges <= n_edges + 3'd1;
                    s_vs_tc <= t_a[23:10]; s_vs_stale <= 1'b0; s_vs_lo <= !e_lvl;
                    s_present <= 1'b1; s_t_act <= t_a[15:0]; s_vs_seen <= 1'b1;
                    if (e_lvl) begin                 // a low run ended
                        s_vs_low <= vrun; s_vs_have <= vrun != LMAX;
                    end else if (s_vs_have && vrun != LMAX) begin
                        s_vvote <= vvote_n[1:0] ^ 2'b10;
                        if (vvote_n[5]) s_vpol <= vvote_n[4];
                    end
                    // separate sync: the VS leading edge is the vertical start
                    if (e_lvl == s_vpol && s_vs_seen && s_locked && armed) vstart;
                end
                A_HS: begin
                    n_edges <= n_edges + 3'd1;
                    s_hs_t <= t_a[15:0]; s_hs_stale <= 1'b0; s_hs_lo <= !e_rise;
                    s_present <= 1'b1; s_t_act <= t_a[15:0];
                    // polarity: the active level has the shorter runs (sync_input's vote)
                    if (e_rise) begin                // a low run ended
                        s_hs_low <= run13; s_hs_have <= run13 != PMAX;
                    end else if (s_hs_have && run13 != PMAX) begin
                        s_hvote <= hvote_n[3:0] ^ 4'b1000;
                        if (hvote_n[5]) s_hpol <= hvote_n[4];
                    end
                    if (e_rise == s_hpol) begin
                        // leading edge (sync_line)
                        s_run_line <= 1'b0; s_long_done <= 1'b0;
                        if (!s_locked) begin
                            s_per <= pos13; s_t_line <= t_a[15:0]; s_line_stale <= 1'b0;
                            if (!acq_match) begin
                                s_acq <= 6'd0;
                            end else if (s_acq != LOCK_LINES[5:0] - 6'd1) begin
                                s_acq <= s_acq + 6'd1;
                            end else begin
                                s_locked <= 1'b1; s_acq <= 6'd0; s_lead_mid <= 1'b0;
                                s_run_line <= 1'b1; s_last_real <= 1'b1; s_miss <= 5'd0;
                                s_pen <= 6'd0; s_acc <= 4'd0;
                                line_start;
                                s_since_v <= 5'd16;
                                real_line;
                            end
                        end else if (win || late) begin
                            // real hsync: on time (new line) or late (silent resync)
                            s_t_line <= t_a[15:0]; s_lead_mid <= 1'b0; s_run_line <= 1'b1;
                            s_acc <= 4'd0; s_miss <= 5'd0; s_last_real <= 1'b1;
                            if (!late) line_start;
                            real_line;
                            if (!s_last_real || lk_match) begin
                                if (s_last_real) s_per <= pos13;
                                if (s_pen != 6'd0) s_pen <= s_pen - 6'd1;
                            end else begin
                                s_pen <= pen_bad;
                                if (pen_bad >= PEN_MAX[5:0]) unlock;
                            end
                        end else begin
                            s_lead_mid <= mid;       // half-line pulse, serration, noise
                        end
                    end else if (s_locked && s_run_line && run13 < p4 &&
                                 (run13 >= hsw_eq || s_hsw == 11'd0)) begin
                        s_hsw <= run13[10:0];       // trailing edge of a real hsync
                    end
                end
                default: begin               // A_POLL: timeouts, flags out, service ends
                    if (!present_n) s_present <= 1'b0;
                    if (hs_old) s_hs_stale <= 1'b1;
                    if (!s_locked && line_old) s_line_stale <= 1'b1;
                    if (vrun14 >= VS_TO) s_vs_seen <= 1'b0;
                    if (vrun14[13:11] != 3'd0) s_vs_stale <= 1'b1;
                    o_present[cur] <= present_n;
                    o_ok[cur]      <= present_n && s_locked && s_stab == N_STABLE[1:0];
                    o_ilace[cur]   <= s_ilace;
                    o_hpol[cur]    <= s_hpol;
                    o_vpol[cur]    <= s_vs_seen ? s_vpol : s_hpol;
                    o_csync[cur]   <= !s_vs_seen;
                    poll_due[cur]  <= 1'b0;
                    if (cur == N[PB-1:0] - 1'b1 && poll_due[cur]) o_round <= ~o_round;
                    state <= S_IDLE;
                end
                endcase
            end
            default: state <= S_IDLE;
            endcase
            // a poll request made in this same tick wins over the clear above
            if (&poll_div) poll_due[poll_p] <= 1'b1;
        end
    end
`undef VE_STATE
    wire unused = &{1'b0, s_pad, d_long[14:0], d_pl[14:0], vvote_n[3:2]};   // VS vote: 2 bits
endmodule
`default_nettype wire
