// vid_fallback: the matrix's free-running fallback source (no-signal picture).
// Clock: i_clk = the internal pixel clock (25.125 MHz PLL for 640x480@60); i_rst is its
// reset (reset_sync). i_restart (one clk_int cycle) restarts the raster at pixel (0, 0), so
// that its first VS leading edge comes a predictable time later (see docs/matrix.md).
// Raster from video_timing (instantiated, mode = parameters); colour is a solid RGB444
// inside DE and black outside (the OSD draws NO SIGNAL on top, after the matrix).
// All outputs are synchronous to i_clk, like a port's pins to its pixel clock.
`default_nettype none
module vid_fallback #(
    parameter H_ACTIVE = 640, parameter H_FP = 16, parameter H_SYNC = 96, parameter H_BP = 48,
    parameter V_ACTIVE = 480, parameter V_FP = 10, parameter V_SYNC = 2,  parameter V_BP = 33,
    parameter H_POL = 0, parameter V_POL = 0,
    parameter [11:0] RGB = 12'h000
) (
    input  wire       i_clk,
    input  wire       i_rst,
    input  wire       i_restart,
    output wire [3:0] o_r,
    output wire [3:0] o_g,
    output wire [3:0] o_b,
    output wire       o_hs,
    output wire       o_vs,
    output wire       o_de
);
    wire [11:0] x, y;
    wire        frame_start, vblank_start;
    video_timing #(
        .H_ACTIVE(H_ACTIVE), .H_FP(H_FP), .H_SYNC(H_SYNC), .H_BP(H_BP),
        .V_ACTIVE(V_ACTIVE), .V_FP(V_FP), .V_SYNC(V_SYNC), .V_BP(V_BP),
        .H_POL(H_POL), .V_POL(V_POL)
    ) u_timing (
        .i_clk(i_clk), .i_rst(i_rst | i_restart),
        .o_x(x), .o_y(y), .o_de(o_de), .o_hs(o_hs), .o_vs(o_vs),
        .o_frame_start(frame_start), .o_vblank_start(vblank_start));

    assign o_r = o_de ? RGB[11:8] : 4'd0;
    assign o_g = o_de ? RGB[7:4]  : 4'd0;
    assign o_b = o_de ? RGB[3:0]  : 4'd0;

    wire unused = &{1'b0, x, y, frame_start, vblank_start};
endmodule
`default_nettype wire
