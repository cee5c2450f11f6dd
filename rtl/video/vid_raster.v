// vid_raster: full-raster position for the overlay, derived from the matrix output stream.
// The matrix gives x / y only inside DE; the overlay's window counters and blanking read
// slots need positions in the blanking too (x three before the first pixel, the line before
// the first line, the last blanking line). This block runs a raster counter like
// video_timing, phase-locked to the stream, and learns the stream's geometry:
//   h_total  clocks between DE rises of consecutive active lines
//   h_active DE width (x at the DE fall)
//   v_total  lines between first active lines; v_active = last DE line's y + 1
// x wraps at the learned h_total, y at the learned v_total; every DE rise re-aligns them
// (x = 0, y = the matrix's y), so a stable stream gives exactly video_timing's positions
// (x = 0 at the first DE pixel, y = 0 on the first DE line). After a switch the first
// lines (horizontal) and the first frame (vertical) use the previous source's geometry.
// Clock: i_clk = the matrix's output clock. All inputs are the matrix's registered outputs
// for the same sample (T0); o_x / o_y are registers describing that sample (T0).
// Reset values: the internal raster (parameters), so the fallback is right from the start.
// o_geo_valid: the geometry describes the current stream. Cleared at the end of the old
// source's last active area once a switch has begun (i_switching, clk_sys, crossed by u_sw,
// cdc_sync2; that frame is output whole and keeps its OSD), at the latest at the new
// stream's first frame start; set at the third first-line event
// of the new stream: the first re-aligns, the second learns v_total / v_active, and from the
// third frame on even windows that start in the previous frame's blanking (OSD_POS.y <= 0)
// are placed right. video_top gates the OSD window with it.
`default_nettype none
module vid_raster #(
    parameter H_ACTIVE = 640, parameter H_TOTAL = 800,
    parameter V_ACTIVE = 480, parameter V_TOTAL = 525
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_de,            // matrix o_de (T0)
    input  wire [11:0] i_y,             // matrix o_y (T0, valid while i_de)
    input  wire        i_switching,     // clk_sys: the matrix is switching sources
    output reg         o_geo_valid,
    output reg  [11:0] o_x,             // T0 raster position, blanking included
    output reg  [11:0] o_y,
    output wire        o_frame_start,   // T0 is the first DE pixel of a frame
    output reg         o_vblank_start,  // T0 is (0, v_active)
    // learned geometry, registered, quasi-static
    output reg  [11:0] o_x_stop_m1,     // h_active - 3
    output reg  [11:0] o_x_rowrd,       // h_active + 3
    output reg  [11:0] o_x_blkrd,       // h_active + 5
    output wire [11:0] o_y_last,        // v_active - 1
    output wire [11:0] o_v_m1,          // v_total - 1
    output wire [11:0] o_h_active,
    output reg  [11:0] o_h_m3,          // h_total - 3
    output reg  [11:0] o_x_neg_min,     // -(h_total - h_active - 1)
    output reg  [11:0] o_v_active,
    output reg  [11:0] o_y_neg_min      // -(v_total - v_active - 1)
);
    localparam [11:0] HA = H_ACTIVE, HT_M1 = H_TOTAL - 1, VA_M1 = V_ACTIVE - 1, VT_M1 = V_TOTAL - 1;

    reg         de_q, vseen;            // vseen: a first line has been seen (vcnt valid)
    reg  [11:0] hcnt, vcnt, h_act, h_tot_m1, v_tot_m1, y_last, ylast_q;
    wire        de_rise = i_de && !de_q;
    wire        de_fall = !i_de && de_q;
    wire        first   = de_rise && (i_y == 12'd0);
    wire        wrap    = !de_rise && (o_x == h_tot_m1);   // next sample starts a line
    assign o_frame_start = first;
    wire        switching;
    reg  [1:0]  nfirst;                 // first-line events since the switch (saturates at 3)
    reg         sw_seen;                // a switch began; its new stream has not started yet
    cdc_sync2 #(.W(1)) u_sw (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_switching), .o_q(switching));

    always @(posedge i_clk) begin
        if (i_rst) begin
            de_q <= 1'b0; vseen <= 1'b0; nfirst <= 2'd0; o_geo_valid <= 1'b0; sw_seen <= 1'b1;
            o_x <= HT_M1; o_y <= VT_M1; o_vblank_start <= 1'b0;
            hcnt <= 12'hFFF; vcnt <= 12'hFFF; ylast_q <= VA_M1;
            h_act <= HA; h_tot_m1 <= HT_M1; v_tot_m1 <= VT_M1; y_last <= VA_M1;
        end else begin
            de_q <= i_de;
            // raster position (predicted; re-aligned at DE rises)
            o_x <= de_rise ? 12'd1 : wrap ? 12'd0 : o_x + 12'd1;
            if (de_rise)   o_y <= i_y;
            else if (wrap) o_y <= (o_y == v_tot_m1) ? 12'd0 : o_y + 12'd1;
            o_vblank_start <= wrap && (o_y == y_last);
            // learning
            hcnt <= de_rise ? 12'd0 : (hcnt == 12'hFFF) ? hcnt : hcnt + 12'd1;
            if (de_rise && i_y != 12'd0 && hcnt != 12'hFFF) h_tot_m1 <= hcnt;
            if (de_fall) h_act <= o_x;
            if (de_rise) ylast_q <= i_y;
            // The old source's last frame is still output (whole) after the switch began:
            // keep its geometry until the first frame that starts once the switch is over.
            if (switching) begin
                sw_seen <= 1'b1;
                if (o_vblank_start) o_geo_valid <= 1'b0;   // the old frame's picture is done
            end else if (first && sw_seen) begin
                sw_seen     <= 1'b0;
                nfirst      <= 2'd1;
                o_geo_valid <= 1'b0;
            end else if (first && nfirst != 2'd3) begin
                nfirst      <= nfirst + 2'd1;
                o_geo_valid <= (nfirst == 2'd2);
            end
            if (switching && !first) begin
                vseen  <= 1'b0;                 // do not learn across two sources
            end else if (first) begin
                vcnt   <= 12'hFFF;         // -1: the wrap into line 1 makes it 0
                vseen  <= 1'b1;
                y_last <= ylast_q;
                if (vseen) v_tot_m1 <= vcnt;
            end else if (wrap && vcnt != 12'hFFE) begin
                vcnt <= vcnt + 12'd1;
            end
        end
    end

    // derived geometry, one more register stage (only read by quasi-static logic); the
    // plain copies are the learning registers themselves (a copy would cost a logic cell a bit)
    assign o_y_last   = y_last;
    assign o_v_m1     = v_tot_m1;
    assign o_h_active = h_act;
    always @(posedge i_clk) begin
        o_x_stop_m1 <= h_act - 12'd3;
        o_x_rowrd   <= h_act + 12'd3;
        o_x_blkrd   <= h_act + 12'd5;
        o_h_m3      <= h_tot_m1 - 12'd2;
        o_x_neg_min <= h_act - h_tot_m1;
        o_v_active  <= y_last + 12'd1;
        o_y_neg_min <= y_last + 12'd1 - v_tot_m1;
    end
endmodule
`default_nettype wire
