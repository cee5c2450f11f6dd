// vid_csync_sep: composite-sync separator in the matrix's output domain. Turns the
// composite sync of the selected source (on its HS pin, active high here) into a clean HS
// and a clean VS, two register stages (an input stage, then the separator), RGB/DE delayed
// with it (docs/matrix.md "Composite sync").
// Clock: i_clk = the muxed pixel clock (the source's own clock), i_rst (held across a
// switch, so every source is learned from scratch). i_csync is quasi-static (the meter's
// flag, set before the clock is switched on); with i_csync = 0 the block is a plain
// two-clock delay.
//
// Line grid (flywheel): hnext counts clocks since the line start (+1). A pin leading edge starts
// a line only if it comes at least 3/4 of a line after the previous line start, so the
// half-line equalising/broad pulses of TV sync and the late edges of an XOR vsync are
// ignored; if no edge comes, the line starts anyway after L clocks (AND / XOR vertical block).
// Re-phase: a glitch edge that came >= 3/4 line after a line start moves the grid, and the
// regular edges may then all fall in the first 3/4 of the grid's lines and be ignored for
// good. So a pin leading edge that is L after the previous one but off the grid (ignored)
// counts; after 16 such lines in a row (more than any XOR vertical sync, whose edges are off
// the grid by the HS width) it starts a line. Any other pin leading edge resets the count.
//   L (line length): distance between consecutive pin leading edges, taken when two
//     consecutive distances are equal and it is longer than the current L (or none yet),
//     or when 32 consecutive distances are equal (a shorter line; never reached by the
//     half-line pulses of a vertical interval).
//   W (HS width): the pin pulse of a line that started with a pin leading edge, ended before L/4
//     and had no other leading edge (not an equalising / serration line), the same on two
//     consecutive such lines (not the lone equalising pulse that ends a TV vertical interval).
// Output HS: active for W clocks from every line start (regular pulses only).
// Output VS: set while the pin has been active for >= L/4 consecutive clocks (a broad
//   pulse, the inverted XOR vsync, the AND block), held L/2 clocks after the last such
//   clock (bridges the serrations), then cleared. Its leading edge is L/4 after the start
//   of the first vertical-interval pulse: the half-line phase of an interlaced field is kept.
`default_nettype none
module vid_csync_sep (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_csync,     // quasi-static: 1 = HS pin carries composite sync
    input  wire        i_hs,        // pin levels, active high, one sample per clock
    input  wire        i_vs,
    input  wire        i_de,
    input  wire [11:0] i_rgb,
    output reg         o_hs,        // the same sample, two clocks later
    output reg         o_vs,
    output reg         o_de,
    output reg  [11:0] o_rgb
);
    // ---- input stage (timing: the pin's leading edge is a register). The separator works
    // on sample s1 = the inputs one clock ago, with the reset one clock ago (rst1), so it is
    // the single-stage separator delayed by one clock, exactly.
    reg         hs1, vs1, de1, rst1;
    reg  [11:0] rgb1;
    reg         lead;               // pin leading edge at s1 (the pin before s1 is 0 after reset)
    always @(posedge i_clk) begin
        hs1  <= i_hs;
        vs1  <= i_vs;
        de1  <= i_de;
        rgb1 <= i_rgb;
        rst1 <= i_rst;
        lead <= i_hs & ~(hs1 & ~rst1);
    end

    // hnext / d are registers, kept one ahead (no adder in front of the compares, as the
    // position counters of vid_matrix_out): hnext = clocks since the line start + 1,
    // d = clocks since the last pin leading edge + 1 (saturating)
    reg  [11:0] hnext, d, dprev, len, wlen, wprev, wid, hold, run;
    // L/4 (4095 while no L is known) and L/2, straight from len (registers of their own
    // would only copy dprev at the same learn)
    wire [11:0] thr_long = known ? {2'b00, len[11:2]} : 12'hfff;
    wire [11:0] hold_len = {1'b0, len[11:1]};
    reg  [4:0]  same;
    reg  [3:0]  off;                // consecutive off-grid leading edges one line apart
    reg         known, start_edge, w_open, w_good, wprev_ok;
    reg         learn;              // take L = dprev (decided at the last leading edge)
    // The grid compares are registered one clock ahead (timing: `start` is one LUT from
    // flip-flops, no carry chain): for the next sample, from the values L, thr - 1 and L - 1
    // that the next sample will see (len_m1 / thr_m1, or dprev_m1 / dthr_m1 if learn
    // takes a new L now).
    //   ge_q  = hnext >= thr_line  (thr_line = L - L/4, 0 while no L is known)
    //   fly_q = known && hnext == L
    //   deq_q = d == L             (used with known only)
    //   lng_q = run >= thr_long    (thr_long = L/4, 4095 while no L is known; via tl_m1 =
    //           thr_long - 1 and tl_zero = (thr_long == 0), from dtl_m1 / dtl_zero on learn)
    //   rph_q = known && deq && off == 15 (a regular edge now re-phases the grid)
    reg  [11:0] len_m1, thr_m1, dprev_m1, dthr_m1, tl_m1, dtl_m1;
    reg         ge_q, fly_q, deq_q, rph_q, lng_q, tl_zero, dtl_zero;

    wire        fly     = fly_q;
    wire        on_grid = lead && ge_q;
    wire        regular = lead && known && deq_q;          // one line after the last edge
    wire        rephase = regular && !ge_q && (off == 4'd15);
    wire        start   = fly || (lead && (ge_q || rph_q));  // = on_grid || rephase || fly
    wire        is_long = known && hs1 && lng_q;
    wire        hs_c    = start ? (wid != 12'd0) : (hnext < wid);
    wire        vs_c    = is_long || (hold != 12'd0);
    // values of the next sample for the look-ahead flags (hnext + 1 never wraps onto a
    // threshold: L >= 2, thr_line >= 2 once known)
    wire        known_n  = known || learn;
    wire [11:0] len_m1_n = learn ? dprev_m1 : len_m1;
    wire [11:0] thr_m1_n = learn ? dthr_m1 : thr_m1;
    wire [11:0] tl_m1_n  = learn ? dtl_m1 : tl_m1;
    wire        tl_zero_n = learn ? dtl_zero : tl_zero;

    always @(posedge i_clk) begin
        o_de  <= de1;
        o_rgb <= rgb1;
        o_hs  <= i_csync ? hs_c : hs1;
        o_vs  <= i_csync ? vs_c : vs1;
        if (rst1) begin
            hnext <= 12'd1; d <= 12'hfff; dprev <= 12'd0; len <= 12'd0;
            wlen <= 12'd0; wid <= 12'd0;
            hold <= 12'd0; run <= 12'd0; same <= 5'd0; known <= 1'b0;
            off <= 4'd0; learn <= 1'b0;
            start_edge <= 1'b0; w_open <= 1'b0; w_good <= 1'b0;
            wprev <= 12'd0; wprev_ok <= 1'b0;
            len_m1 <= 12'd0; thr_m1 <= 12'd0; dprev_m1 <= 12'd0; dthr_m1 <= 12'd0;
            ge_q <= 1'b1; fly_q <= 1'b0; deq_q <= 1'b0; rph_q <= 1'b0;
            tl_m1 <= 12'hffe; dtl_m1 <= 12'd0; tl_zero <= 1'b0; dtl_zero <= 1'b0; lng_q <= 1'b0;
        end else begin
            run   <= hs1 ? ((run == 12'hfff) ? run : run + 12'd1) : 12'd0;
            // ---- line length from pin leading edge distances
            d    <= lead ? 12'd1 : (d == 12'hfff) ? d : d + 12'd1;
            if (lead) off <= (regular && !on_grid && !rephase) ? off + 4'd1 : 4'd0;
            if (lead) begin
                dprev    <= d;
                dprev_m1 <= d - 12'd1;
                dthr_m1  <= d + ~{2'b00, d[11:2]};      // d - d/4 - 1
                dtl_m1   <= {2'b00, d[11:2]} - 12'd1;
                dtl_zero <= (d[11:2] == 10'd0);
                same     <= (d == dprev) ? ((same == 5'd31) ? same : same + 5'd1) : 5'd0;
            end
            // registered decision, applied one clock later from dprev (the distance just
            // measured; the next leading edge is at least 2 clocks away): no compare carry
            // chain in front of the enables
            learn <= lead && d == dprev && d != 12'hfff && (d > len || !known || same == 5'd30);
            if (learn) begin
                len      <= dprev;
                len_m1   <= dprev_m1;
                thr_m1   <= dthr_m1;
                tl_m1    <= dtl_m1;
                tl_zero  <= dtl_zero;
                known    <= 1'b1;
            end
            // ---- look-ahead grid flags (see above). hnext + 1 == L  <=>  hnext == L - 1;
            // hnext + 1 >= thr  <=>  hnext >= thr - 1 unless hnext + 1 wraps to 0; d + 1 == L
            // <=> d == L - 1 (len_m1 = 0 while unknown: never equal, d >= 1).
            ge_q  <= !known_n || (!start && hnext != 12'hfff && hnext >= thr_m1_n);
            fly_q <= known_n && !start && (hnext == len_m1_n);
            deq_q <= !lead && (d == len_m1_n);
            rph_q <= known_n && !lead && (d == len_m1_n) && (off == 4'd15);   // off: no lead
            // run + 1 >= thr_long  <=>  run >= thr_long - 1 (thr_long >= 1; run saturates
            // at 4095 >= any thr_long - 1); the next run is 0 without the pin: only thr_long = 0
            lng_q <= tl_zero_n || (hs1 && run >= tl_m1_n);
            // ---- line grid and HS width
            hnext <= start ? 12'd1 : hnext + 12'd1;
            if (start) begin
                // the line that ends here was regular: learn its pulse width
                // (two consecutive regular lines with the same width: a lone equalising
                // pulse at the end of a vertical interval is not taken)
                if (start_edge && w_good && lead) begin
                    if (wprev_ok && wlen == wprev) wid <= wlen;
                    wprev    <= wlen;
                    wprev_ok <= 1'b1;
                end else begin
                    wprev_ok <= 1'b0;
                end
                start_edge <= lead;
                w_open     <= lead;
                w_good     <= 1'b0;
                wlen       <= 12'd1;
            end else begin
                if (w_open) begin
                    if (hs1) wlen <= wlen + 12'd1;
                    else begin w_open <= 1'b0; w_good <= (wlen < thr_long); end
                end
                if (lead) w_good <= 1'b0;               // a second pulse in the line
            end
            // ---- vertical interval: long pulses, held over the serrations
            if (is_long)               hold <= hold_len;
            else if (hold != 12'd0)    hold <= hold - 12'd1;
        end
    end
endmodule
`default_nettype wire
