// board_dvi_out: the 12bpp DVI transmitter pins (TFP410, 1BitSquared DVI PMOD signals).
// The 15 data/sync pins leave through SB_IO output registers on i_clk (the video output
// clock), so they change together a clock-to-out after its rising edge. The clock pin is a
// DDR SB_IO driving 0 after the rising and 1 after the falling edge: a copy of i_clk half a
// period late, rising mid-pixel where the TFP410 latches (CLK_INVERT = 1: the other phase).
// Clock: i_clk (kvmosd_top o_vid_clk).
`default_nettype none
module board_dvi_out #(
    parameter CLK_INVERT = 0
) (
    input  wire       i_clk,
    input  wire [3:0] i_r, input wire [3:0] i_g, input wire [3:0] i_b,
    input  wire       i_hs, input wire i_vs, input wire i_de,
    output wire       o_dvi_clk,
    output wire       o_dvi_hs, output wire o_dvi_vs, output wire o_dvi_de,
    output wire [3:0] o_dvi_r, output wire [3:0] o_dvi_g, output wire [3:0] o_dvi_b
);
    SB_IO #(
        .PIN_TYPE(6'b0101_01)           // registered output, plain input
    ) u_data_io [14:0] (
        .PACKAGE_PIN({o_dvi_de, o_dvi_vs, o_dvi_hs, o_dvi_b, o_dvi_g, o_dvi_r}),
        .OUTPUT_CLK(i_clk),
        .CLOCK_ENABLE(1'b1),
        .D_OUT_0({i_de, i_vs, i_hs, i_b, i_g, i_r})
    );

    SB_IO #(
        .PIN_TYPE(6'b0100_01)           // DDR output, plain input
    ) u_clk_io (
        .PACKAGE_PIN(o_dvi_clk),
        .OUTPUT_CLK(i_clk),
        .CLOCK_ENABLE(1'b1),
        .D_OUT_0(CLK_INVERT ? 1'b1 : 1'b0),
        .D_OUT_1(CLK_INVERT ? 1'b0 : 1'b1)
    );
endmodule
`default_nettype wire
