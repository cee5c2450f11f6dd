// sync_line: horizontal line tracker for one port (separate HS or composite sync).
//   Acquire: every leading edge measures the period since the previous one; LOCK_LINES
//   consecutive periods within +-TOL of each other (and inside LINE_MIN..LINE_MAX) lock.
//   Locked: a free-running line predictor regenerates one line start per period P.
//   A leading edge in [P - P/8, P + 1] is a real hsync (resynchronises, P tracks it);
//   one up to LATE ticks after a predicted start resynchronises silently; all other edges
//   (equalising pulses and serrations about half a line in, serration ends just after the
//   line start, noise) never start a line. Missing hsyncs (AND/OR csync vertical, XOR
//   serration lines) are bridged by the predictor.
//   Lock is lost after MISS_MAX predicted lines in a row or when the penalty score (+4 edge
//   in the window but off the period, +2 predicted line, -1 good line) reaches PEN_MAX:
//   noise inside the hsync window or a changed period cannot hold the lock.
//   Also: active-pulse width (o_hsw, equalising pulses excluded: narrower than 3/4 of the
//   estimate), and a strobe when an active run reaches P/4 (vertical / broad pulse).
// Clocks: i_clk = clk_ref. Inputs come from sync_input (same domain).
`default_nettype none
module sync_line #(
    parameter PW         = 13,    // tick counter width (2^PW > LINE_MAX)
    parameter LINE_MIN   = 240,   // shortest line accepted (ticks)
    parameter LINE_MAX   = 4800,  // longest line accepted (ticks)
    parameter TOL        = 2,     // period match tolerance (ticks)
    parameter LATE       = 3,     // late edge after a predicted line start, still in phase
    parameter LOCK_LINES = 32,    // consistent periods needed to lock (> 18 half-line pulses)
    parameter MISS_MAX   = 24,    // predicted lines in a row before lock is lost
    parameter PEN_MAX    = 32     // penalty score that drops the lock
) (
    input  wire          i_clk,
    input  wire          i_rst,
    input  wire          i_act,      // sync active (polarity removed)
    input  wire          i_lead,     // strobe: active pulse starts
    input  wire          i_trail,    // strobe: active pulse ends
    output reg           o_locked,
    output reg           o_line,     // strobe: regenerated line start (real or predicted)
    output reg           o_real,     // strobe: real hsync edge accepted (incl. late ones)
    output reg  [PW-1:0] o_period,   // line period P (ticks, last real line)
    output reg  [PW+3:0] o_span16,   // span of the last 16 consecutive real lines (ticks)
    output reg           o_span_ok,  // o_span16 measured since the lock
    output reg  [PW-1:0] o_pos,      // ticks since the last regenerated line start
    output reg  [PW-1:0] o_hsw,      // hsync width estimate (ticks), 0 = unknown
    output reg           o_long,     // strobe: the current active run just reached P/4
    output reg  [PW-1:0] o_lead_pos  // line position where the current/last active run began
);
    localparam [PW-1:0] PMAX = {PW{1'b1}};
    localparam CW = $clog2(LOCK_LINES + 1);
    localparam MW = $clog2(MISS_MAX + 2);
    localparam NW = $clog2(PEN_MAX + 8);

    reg [PW-1:0] since;        // ticks since the last leading edge (acquiring) / real hsync
    reg [PW-1:0] run;          // length of the current active run
    reg          run_line;     // current active run began with an accepted hsync
    reg [CW-1:0] acq;
    reg [MW-1:0] miss;
    reg [NW-1:0] pen;
    reg          pred_recent;  // a predicted line started within the last LATE ticks
    reg          last_real;    // the previous line start was a real edge
    reg [3:0]    acc;          // fractional phase of the predictor
    reg [PW+3:0] span;         // 16-line span counter
    reg [3:0]    nseg;
    reg          seg_on;

    wire [PW-1:0] p8   = o_period >> 3;
    wire [PW-1:0] p4   = o_period >> 2;
    // |since - P| <= TOL as one subtraction: since + TOL - P in [0, 2*TOL] (unsigned)
    wire [PW:0]   d_p  = {1'b0, since} + TOL[PW:0] - {1'b0, o_period};
    wire          lk_match  = d_p <= 2 * TOL;
    wire          acq_match = lk_match && since >= LINE_MIN[PW-1:0] && since <= LINE_MAX[PW-1:0];
    wire          in_win    = o_pos >= o_period - p8;            // expected hsync window
    wire          late_edge = pred_recent && o_pos <= LATE[PW-1:0];
    // predictor: fractional period from the 16-line span, so that bridged lines do not
    // drift; predicted starts are taken 1 tick late (slack for +1 tick sampling jitter)
    wire [PW-1:0] p_int     = o_span_ok ? o_span16[PW+3:4] : o_period;
    wire [4:0]    acc_sum   = {1'b0, acc} + {1'b0, (o_span_ok ? o_span16[3:0] : 4'd0)};
    wire          predict   = o_pos == p_int + {{(PW-1){1'b0}}, acc_sum[4]} + 1'b1;
    wire [PW+1:0] hsw4      = {2'b0, o_hsw} + {1'b0, o_hsw, 1'b0};  // 3 * hsw
    wire          not_eq    = {run, 2'b00} >= hsw4;                  // run >= 3/4 hsw

    localparam [NW-1:0] PEN_SAT   = PEN_MAX[NW-1:0] + 4;
    localparam [NW-1:0] PEN_BAD   = 4;   // edge in the window but off the period
    localparam [NW-1:0] PEN_MISS  = 2;   // predicted (missing) line
    function [NW-1:0] pen_add(input [NW-1:0] p, input [NW-1:0] a);
        pen_add = (p + a > PEN_SAT) ? PEN_SAT : p + a;
    endfunction

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_locked <= 1'b0; o_line <= 1'b0; o_real <= 1'b0; o_period <= {PW{1'b0}};
            o_pos <= {PW{1'b0}}; o_hsw <= {PW{1'b0}}; o_long <= 1'b0; o_lead_pos <= {PW{1'b0}};
            since <= {PW{1'b0}}; run <= {PW{1'b0}};
            run_line <= 1'b0; acq <= {CW{1'b0}}; miss <= {MW{1'b0}}; pen <= {NW{1'b0}};
            pred_recent <= 1'b0; last_real <= 1'b0; acc <= 4'd0;
            o_span16 <= {(PW+4){1'b0}}; o_span_ok <= 1'b0; span <= {(PW+4){1'b0}};
            nseg <= 4'd0; seg_on <= 1'b0;
        end else begin
            // span of 16 consecutive real lines (a predicted line restarts it)
            if (span != {(PW+4){1'b1}}) span <= span + 1'b1;
            if (!o_locked || (o_line && !o_real)) begin
                seg_on <= 1'b0;
                if (!o_locked) o_span_ok <= 1'b0;
            end else if (o_real) begin
                if (seg_on && nseg == 4'd15) begin
                    o_span16  <= span;
                    o_span_ok <= 1'b1;
                end
                if (!seg_on || nseg == 4'd15) begin
                    span   <= {{(PW+3){1'b0}}, 1'b1};
                    nseg   <= 4'd0;
                    seg_on <= 1'b1;
                end else begin
                    nseg <= nseg + 1'b1;
                end
            end

            o_line <= 1'b0;
            o_real <= 1'b0;
            o_long <= 1'b0;
            if (since != PMAX) since <= since + 1'b1;
            if (o_pos != PMAX)      o_pos      <= o_pos + 1'b1;
            if (o_pos > LATE[PW-1:0]) pred_recent <= 1'b0;

            // active run length, hsync width estimate, long-pulse strobe
            if (i_lead) run <= {{(PW-1){1'b0}}, 1'b1};
            else if (i_act && run != PMAX) run <= run + 1'b1;
            if (i_act && !i_lead && o_locked && run == p4) o_long <= 1'b1;
            if (i_trail && o_locked && run_line && run < p4 && not_eq) o_hsw <= run;

            if (i_lead) run_line <= 1'b0;
            if (i_lead && !o_locked) since <= {{(PW-1){1'b0}}, 1'b1};

            if (!o_locked) begin
                o_hsw <= {PW{1'b0}};
                if (i_lead) begin
                    if (acq_match) begin
                        if (acq == LOCK_LINES[CW-1:0] - 1'b1) begin
                            o_locked   <= 1'b1;
                            o_line     <= 1'b1;
                            o_real     <= 1'b1;
                            o_pos      <= {{(PW-1){1'b0}}, 1'b1};
                            o_lead_pos <= {PW{1'b0}};
                            run_line   <= 1'b1;
                            last_real  <= 1'b1;
                            miss       <= {MW{1'b0}};
                            pen        <= {NW{1'b0}};
                            acq        <= {CW{1'b0}};
                        end else begin
                            acq <= acq + 1'b1;
                        end
                        o_period <= since;
                    end else begin
                        acq      <= {CW{1'b0}};
                        o_period <= since;
                    end
                end
            end else begin
                if (i_lead && (in_win || late_edge)) begin
                    // real hsync: on time (new line) or a little late (silent resync)
                    o_pos      <= {{(PW-1){1'b0}}, 1'b1};
                    since      <= {{(PW-1){1'b0}}, 1'b1};
                    o_lead_pos <= {PW{1'b0}};
                    run_line   <= 1'b1;
                    o_real     <= 1'b1;
                    pred_recent <= 1'b0;
                    acc        <= 4'd0;
                    if (!late_edge) o_line <= 1'b1;
                    miss       <= {MW{1'b0}};
                    last_real  <= 1'b1;
                    if (!last_real || lk_match) begin
                        if (lk_match) o_period <= since;
                        if (pen != {NW{1'b0}}) pen <= pen - 1'b1;
                    end else begin
                        pen <= pen_add(pen, PEN_BAD);
                    end
                end else begin
                    // other edges (half-line, serration ends, noise outside the window)
                    // never start a line; they do not disturb the output, so no penalty
                    if (i_lead) o_lead_pos <= o_pos;
                    if (predict) begin
                        o_line      <= 1'b1;
                        o_pos       <= {{(PW-2){1'b0}}, 2'd2};  // started 1 tick late: keep phase
                        pred_recent <= 1'b1;
                        acc         <= acc_sum[3:0];
                        last_real   <= 1'b0;
                        if (miss != MISS_MAX[MW-1:0] + 1'b1) miss <= miss + 1'b1;
                        pen <= pen_add(pen, PEN_MISS);
                    end
                end
                if (miss > MISS_MAX[MW-1:0] || pen >= PEN_MAX[NW-1:0]) begin
                    o_locked <= 1'b0;
                    acq      <= {CW{1'b0}};
                end
            end
        end
    end
endmodule
`default_nettype wire
