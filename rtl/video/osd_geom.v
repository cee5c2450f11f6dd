// osd_geom: OSD window geometry for the overlay's counters (combinational). Turns the
// register values (signed 12-bit position, size, enable) and the raster geometry into
// what osd_overlay needs: the raster x three before the window's first pixel (its counters
// start at x - 2, from a compare registered one clock early) and the raster y one before
// its first line (positions are signed, down to -(blanking - 1), which start
// the window in the blanking of the previous line / frame; one adder each), size - 1
// clamped to 64 x 32, and one "window on" bit (enable, non-zero size, placeable position).
// Clock: none. video_top uses it in clk_sys with constant geometry (the internal 640x480
// raster, VID_N = 0) or in the output clock after the snapshot with the geometry that
// vid_raster learned from the output stream (VID_N > 0).
`default_nettype none
module osd_geom (
    input  wire        i_en,            // OSD_CTRL.enable
    input  wire [11:0] i_pos_x,         // signed
    input  wire [11:0] i_pos_y,         // signed
    input  wire [7:0]  i_cols,
    input  wire [7:0]  i_rows,
    input  wire [11:0] i_h_active,      // raster geometry
    input  wire [11:0] i_x_neg_min,     // -(h_total - h_active - 1), two's complement
    input  wire [11:0] i_h_m3,          // h_total - 3
    input  wire [11:0] i_v_active,
    input  wire [11:0] i_y_neg_min,     // -(v_total - v_active - 1)
    input  wire [11:0] i_v_m1,          // v_total - 1
    output wire        o_win_on,
    output wire [11:0] o_pos_x_m3,
    output wire [11:0] o_pos_y_m1,
    output wire [5:0]  o_cols_m1,
    output wire [4:0]  o_rows_m1
);
    wire x_ok = i_pos_x[11] ? (i_pos_x >= i_x_neg_min) : (i_pos_x < i_h_active);
    wire y_ok = i_pos_y[11] ? (i_pos_y >= i_y_neg_min) : (i_pos_y < i_v_active);
    assign o_win_on = i_en && (i_cols != 8'd0) && (i_rows != 8'd0) && x_ok && y_ok;
    // x - 3 and y - 1 modulo the line / frame: wrap into the previous line's / frame's blanking
    wire x_wrap = i_pos_x[11] || (i_pos_x[10:2] == 9'd0 && i_pos_x[1:0] != 2'd3);  // x <= 2
    wire y_wrap = i_pos_y[11] || (i_pos_y[10:0] == 11'd0);      // y <= 0
    assign o_pos_x_m3 = i_pos_x + (x_wrap ? i_h_m3 : 12'hFFD);
    assign o_pos_y_m1 = i_pos_y + (y_wrap ? i_v_m1 : 12'hFFF);
    assign o_cols_m1 = (i_cols > 8'd64) ? 6'd63 : i_cols[5:0] - 6'd1;
    assign o_rows_m1 = (i_rows > 8'd32) ? 5'd31 : i_rows[4:0] - 5'd1;
endmodule
`default_nettype wire
