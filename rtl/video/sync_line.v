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
//   o_mid: the line position is in the middle half of the line (P/4 <= o_pos <= P - P/4), kept
//   as a flag set/cleared by two equality compares instead of two magnitude compares;
//   o_lead_mid: o_mid at the start of the current/last active run (0 for a real hsync).
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
    input  wire [PW-1:0] i_run,      // sync_input run length: the active run while i_act / at i_trail
    output reg           o_locked,
    output reg           o_line,     // strobe: regenerated line start (real or predicted)
    output reg           o_real,     // strobe: real hsync edge accepted (incl. late ones)
    output reg  [PW-1:0] o_period,   // line period P (ticks, last real line)
    output reg  [PW+3:0] o_span16,   // span of the last 16 consecutive real lines (ticks)
    output reg           o_span_ok,  // o_span16 measured since the lock (else o_span16 = 0)
    output reg  [PW-1:0] o_pos,      // ticks since the last regenerated line start
    output wire [PW-1:0] o_hsw,      // hsync width estimate (ticks), 0 = unknown
    output reg           o_long,     // strobe: the current active run just reached P/4
    output reg           o_mid,      // P/4 <= o_pos <= P - P/4 (for the field)
    output reg           o_lead_mid  // o_mid when the current/last active run began
);
    localparam [PW-1:0] PMAX = {PW{1'b1}};
    localparam CW = $clog2(LOCK_LINES + 1);
    localparam MW = $clog2(MISS_MAX + 2);
    localparam NW = $clog2(PEN_MAX + 8);

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
    reg          win;          // o_pos >= P - P/8 (hsync window open)
    reg          run_p4;       // the current active run has reached P/4
    reg          run_eq;       // the current active run has reached 3/4 of o_hsw
    // the width is only taken from runs shorter than P/4 < 2^(PW-2): two bits fewer
    localparam HW = PW - 2;
    reg [HW-1:0] hsw;

    wire [PW-1:0] p8   = o_period >> 3;
    wire [PW-1:0] p4   = o_period >> 2;
    // o_pos doubles as the period counter: while acquiring it restarts at every leading
    // edge, and when locked a real hsync restarts it, so after a real line it is the time
    // since the previous real hsync (after a predicted line it is not: see last_real).
    // togo = P - o_pos + 2 counts down beside o_pos, so tests against P need no
    // subtractor: |o_pos - P| <= TOL is togo in 0..2*TOL. It is loaded with P in the tick
    // after a real/acquisition restart (o_pos = 1, P just updated) or at a predicted restart
    // (o_pos becomes 2, P unchanged); in the tick after a real restart it is not valid
    // (no leading edge can come then: the glitch filter spaces edges by 3 ticks).
    reg  [PW:0]   togo;
    reg           rs_d;                                     // togo loads in this tick
    wire [PW:0]   togo_dec  = togo - 1'b1;
    wire          lk_match  = togo <= 2 * TOL;
    wire          acq_match = lk_match && o_pos >= LINE_MIN[PW-1:0] && o_pos <= LINE_MAX[PW-1:0];
    // Thresholds against the counters are kept as flags set by an equality compare (much
    // cheaper than a magnitude compare): o_pos and the run only count up by one from a
    // restart, so "reached X" is "was equal to X since the restart". For o_pos the compare
    // uses pos_inc (the next value), so the flag is exact in the tick o_pos reaches X.
    wire [PW-1:0] pos_inc   = o_pos + 1'b1;
    wire          in_win    = win;                               // expected hsync window
    // window opens at o_pos = P - P/8 (togo = P/8 + 2); middle half ends after o_pos = P - P/4
    wire [PW-1:0] win_at    = p8 + {{(PW-2){1'b0}}, 2'd2};
    wire [PW-1:0] q3_at     = p4 + {{(PW-2){1'b0}}, 2'd2};
    wire          late_edge = pred_recent && o_pos <= LATE[PW-1:0];
    // predictor: fractional period from the 16-line span, so that bridged lines do not
    // drift; predicted starts are taken 1 tick late (slack for +1 tick sampling jitter):
    // at o_pos = p_int + 1, or p_int + 2 when the fraction carries. No adder: at_p1/at_p2
    // remember that o_pos equalled p_int one/two ticks ago without a restart in between
    // (p_int only changes right after a restart). o_span16 is 0 until the first span.
    wire [PW-1:0] p_int     = o_span_ok ? o_span16[PW+3:4] : o_period;
    wire [4:0]    acc_sum   = {1'b0, acc} + {1'b0, o_span16[3:0]};
    reg           at_p1, at_p2;
    wire          predict   = acc_sum[4] ? at_p2 : at_p1;
    wire          take      = i_lead && (in_win || late_edge);       // real hsync (locked)
    wire          restart   = (i_lead && !o_locked) || (o_locked && (take || predict));
    wire [PW-1:0] run       = i_run;
    wire          run_in    = i_act && !i_lead;                  // run counts the active run
    wire          at_q1     = run == p4;
    wire          lt_q1     = !(run_p4 || at_q1);                // run < P/4
    wire [HW-1:0] hsw_eq_n  = hsw - (hsw >> 2);                  // ceil(3/4 hsw), exact
    wire [PW-1:0] hsw_eq    = {2'b00, hsw_eq_n};
    wire          at_eq     = run == hsw_eq;
    wire          not_eq    = run_eq || at_eq || hsw == {HW{1'b0}};     // run >= 3/4 hsw

    // the penalty needs no saturation: the lock drops in the tick after it reaches
    // PEN_MAX, and line starts are far apart, so it stays below PEN_MAX + 8 < 2^NW
    localparam [NW-1:0] PEN_BAD   = 4;   // edge in the window but off the period
    localparam [NW-1:0] PEN_MISS  = 2;   // predicted (missing) line

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_locked <= 1'b0; o_line <= 1'b0; o_real <= 1'b0; o_period <= {PW{1'b0}};
            o_pos <= {PW{1'b0}}; hsw <= {HW{1'b0}}; o_long <= 1'b0; o_mid <= 1'b0; o_lead_mid <= 1'b0;
            run_line <= 1'b0; acq <= {CW{1'b0}}; miss <= {MW{1'b0}}; pen <= {NW{1'b0}};
            pred_recent <= 1'b0; last_real <= 1'b0; acc <= 4'd0; at_p1 <= 1'b0; at_p2 <= 1'b0;
            o_span16 <= {(PW+4){1'b0}}; o_span_ok <= 1'b0; span <= {(PW+4){1'b0}};
            nseg <= 4'd0; seg_on <= 1'b0; win <= 1'b0; run_p4 <= 1'b0; run_eq <= 1'b0;
            togo <= {(PW+1){1'b0}}; rs_d <= 1'b0;
        end else begin
            // span of 16 consecutive real lines (a predicted line restarts it); no saturation:
            // 16 lines of at most P + 1 ticks always fit, and a wrap outside a span is unused
            span <= span + 1'b1;
            if (!o_locked || (o_line && !o_real)) begin
                seg_on <= 1'b0;
                if (!o_locked) begin
                    o_span_ok <= 1'b0;
                    o_span16  <= {(PW+4){1'b0}};
                end
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
            if (o_pos != PMAX) o_pos <= pos_inc;
            at_p1 <= !restart && o_pos == p_int;
            at_p2 <= !restart && at_p1;
            if (o_pos > LATE[PW-1:0]) pred_recent <= 1'b0;
            // middle half of the line and hsync window (a restart clears both, below)
            rs_d <= (i_lead && !o_locked) || (o_locked && take);
            if (rs_d || (o_locked && predict && !take)) togo <= {1'b0, o_period};
            else togo <= togo_dec;
            if (pos_inc == p4 && o_pos != PMAX) o_mid <= 1'b1;
            if (!rs_d && togo == {1'b0, q3_at}) o_mid <= 1'b0;
            if (!rs_d && togo_dec == {1'b0, win_at}) win <= 1'b1;

            // hsync width estimate, long-pulse strobe (run length from sync_input)
            if (i_lead) begin
                run_p4 <= 1'b0;
                run_eq <= 1'b0;
            end else if (run_in) begin
                if (at_q1) run_p4 <= 1'b1;
                if (at_eq) run_eq <= 1'b1;
            end
            if (run_in && o_locked && at_q1) o_long <= 1'b1;
            if (i_trail && o_locked && run_line && lt_q1 && not_eq) hsw <= run[HW-1:0];

            if (i_lead) run_line <= 1'b0;
            if (i_lead && !o_locked) o_pos <= {{(PW-1){1'b0}}, 1'b1};

            if (!o_locked) begin
                hsw <= {HW{1'b0}};
                if (i_lead) begin
                    if (acq_match) begin
                        if (acq == LOCK_LINES[CW-1:0] - 1'b1) begin
                            o_locked   <= 1'b1;
                            o_line     <= 1'b1;
                            o_real     <= 1'b1;
                            o_pos      <= {{(PW-1){1'b0}}, 1'b1};
                            o_lead_mid <= 1'b0;
                            run_line   <= 1'b1;
                            last_real  <= 1'b1;
                            miss       <= {MW{1'b0}};
                            pen        <= {NW{1'b0}};
                            acq        <= {CW{1'b0}};
                        end else begin
                            acq <= acq + 1'b1;
                        end
                        o_period <= o_pos;
                    end else begin
                        acq      <= {CW{1'b0}};
                        o_period <= o_pos;
                    end
                end
            end else begin
                if (take) begin
                    // real hsync: on time (new line) or a little late (silent resync)
                    o_pos      <= {{(PW-1){1'b0}}, 1'b1};
                    o_lead_mid <= 1'b0;
                    run_line   <= 1'b1;
                    o_real     <= 1'b1;
                    pred_recent <= 1'b0;
                    acc        <= 4'd0;
                    if (!late_edge) o_line <= 1'b1;
                    miss       <= {MW{1'b0}};
                    last_real  <= 1'b1;
                    if (!last_real || lk_match) begin
                        if (last_real && lk_match) o_period <= o_pos;
                        if (pen != {NW{1'b0}}) pen <= pen - 1'b1;
                    end else begin
                        pen <= pen + PEN_BAD;
                    end
                end else begin
                    // other edges (half-line, serration ends, noise outside the window)
                    // never start a line; they do not disturb the output, so no penalty
                    if (i_lead) o_lead_mid <= o_mid;
                    if (predict) begin
                        o_line      <= 1'b1;
                        o_pos       <= {{(PW-2){1'b0}}, 2'd2};  // started 1 tick late: keep phase
                        pred_recent <= 1'b1;
                        acc         <= acc_sum[3:0];
                        last_real   <= 1'b0;
                        if (miss != MISS_MAX[MW-1:0] + 1'b1) miss <= miss + 1'b1;
                        pen <= pen + PEN_MISS;
                    end
                end
                if (miss > MISS_MAX[MW-1:0] || pen >= PEN_MAX[NW-1:0]) begin
                    o_locked <= 1'b0;
                    acq      <= {CW{1'b0}};
                end
            end
            // o_pos restarts at 1 or 2, below every threshold (a lock needs P >= LINE_MIN)
            if (restart) begin
                o_mid <= 1'b0;
                win   <= 1'b0;
            end
        end
    end
    assign o_hsw = {2'b00, hsw};
endmodule
`default_nettype wire
