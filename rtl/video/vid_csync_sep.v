// vid_csync_sep: composite-sync separator in the matrix's output domain. Turns the
// composite sync of the selected source (on its HS pin, active high here) into a clean HS
// and a clean VS, one register stage, RGB/DE delayed with it (docs/matrix.md "Composite sync").
// Clock: i_clk = the muxed pixel clock (the source's own clock), i_rst (held across a
// switch, so every source is learned from scratch). i_csync is quasi-static (the meter's
// flag, set before the clock is switched on); with i_csync = 0 the block is a plain delay.
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
    output reg         o_hs,        // the same sample, one clock later
    output reg         o_vs,
    output reg         o_de,
    output reg  [11:0] o_rgb
);
    reg         pin_q;
    // hnext / d are registers, kept one ahead (no adder in front of the compares, as the
    // position counters of vid_matrix_out): hnext = clocks since the line start + 1,
    // d = clocks since the last pin leading edge + 1 (saturating)
    reg  [11:0] hnext, d, dprev, len, wlen, wprev, wid, thr_line, thr_long, hold, hold_len, run;
    reg  [4:0]  same;
    reg  [3:0]  off;                // consecutive off-grid leading edges one line apart
    reg         known, start_edge, w_open, w_good, wprev_ok;
    reg         learn;              // take L = dprev (decided at the last leading edge)

    wire        lead    = i_hs & ~pin_q;
    wire        fly     = known && (hnext == len);
    wire        on_grid = lead && hnext >= thr_line;
    wire        regular = lead && known && (d == len);     // one line after the last edge
    wire        rephase = regular && !on_grid && (off == 4'd15);
    wire        start   = on_grid || rephase || fly;
    wire        is_long = known && i_hs && (run >= thr_long);
    wire        hs_c    = start ? (wid != 12'd0) : (hnext < wid);
    wire        vs_c    = is_long || (hold != 12'd0);

    always @(posedge i_clk) begin
        o_de  <= i_de;
        o_rgb <= i_rgb;
        o_hs  <= i_csync ? hs_c : i_hs;
        o_vs  <= i_csync ? vs_c : i_vs;
        if (i_rst) begin
            pin_q <= 1'b0; hnext <= 12'd1; d <= 12'hfff; dprev <= 12'd0; len <= 12'd0;
            wlen <= 12'd0; wid <= 12'd0; thr_line <= 12'd0; thr_long <= 12'hfff;
            hold <= 12'd0; hold_len <= 12'd0; run <= 12'd0; same <= 5'd0; known <= 1'b0;
            off <= 4'd0; learn <= 1'b0;
            start_edge <= 1'b0; w_open <= 1'b0; w_good <= 1'b0;
            wprev <= 12'd0; wprev_ok <= 1'b0;
        end else begin
            pin_q <= i_hs;
            run   <= i_hs ? ((run == 12'hfff) ? run : run + 12'd1) : 12'd0;
            // ---- line length from pin leading edge distances
            d    <= lead ? 12'd1 : (d == 12'hfff) ? d : d + 12'd1;
            if (lead) off <= (regular && !on_grid && !rephase) ? off + 4'd1 : 4'd0;
            if (lead) begin
                dprev <= d;
                same  <= (d == dprev) ? ((same == 5'd31) ? same : same + 5'd1) : 5'd0;
            end
            // registered decision, applied one clock later from dprev (the distance just
            // measured; the next leading edge is at least 2 clocks away): no compare carry
            // chain in front of the enables
            learn <= lead && d == dprev && d != 12'hfff && (d > len || !known || same == 5'd30);
            if (learn) begin
                len      <= dprev;
                known    <= 1'b1;
                thr_line <= dprev - {2'b00, dprev[11:2]};
                thr_long <= {2'b00, dprev[11:2]};
                hold_len <= {1'b0, dprev[11:1]};
            end
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
                    if (i_hs) wlen <= wlen + 12'd1;
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
