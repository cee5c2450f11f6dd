// vid_background: the overlay's background (T2) when the video matrix feeds the output.
// Internal source (the matrix's fallback, "no signal"): the VIDEO.PATTERN test pattern at
// the raster position, so firmware can paint a solid colour + OSD. A port: its own RGB,
// delayed by the same two clocks as test_pattern and black outside DE (the overlay's rule).
// Clock: i_clk = the matrix's output clock. i_internal_src is a clk_sys level, crossed here
// (u_int, cdc_sync2); it changes only while the output clock is stopped for a switch, and
// the matrix blanks its first frames after a switch, so no mixed pixel is shown.
`default_nettype none
module vid_background #(
    parameter H_ACTIVE = 640, parameter V_ACTIVE = 480
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_internal_src,  // clk_sys: the matrix shows its fallback
    input  wire [11:0] i_x,             // T0 raster position (vid_raster)
    input  wire [11:0] i_y,
    input  wire        i_de,            // T0
    input  wire [11:0] i_rgb,           // T0 stream colour
    input  wire [1:0]  i_pat_mode,      // snapshot configuration
    input  wire [11:0] i_pat_colour,
    output wire [11:0] o_rgb            // T2
);
    wire internal;
    cdc_sync2 #(.W(1)) u_int (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_internal_src), .o_q(internal));

    wire [11:0] pat_rgb;
    test_pattern #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE)) u_pattern (
        .i_clk(i_clk), .i_x(i_x), .i_y(i_y), .i_de(i_de), .i_mode(i_pat_mode),
        .i_colour(i_pat_colour), .o_rgb(pat_rgb));

    reg [11:0] rgb1, rgb2;
    reg        de1;
    always @(posedge i_clk) begin
        rgb1 <= i_rgb;
        de1  <= i_de;
        rgb2 <= de1 ? rgb1 : 12'h000;
    end
    assign o_rgb = internal ? pat_rgb : rgb2;
endmodule
`default_nettype wire
