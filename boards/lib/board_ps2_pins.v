// board_ps2_pins: N open-drain PS/2 lines. A pad is driven low (D_OUT_0 = 0) while its
// i_low bit is 1 and released to the pull-up otherwise (internal pull-up on; a real PS/2
// bus needs 5 V pull-ups and a level shifter outside, docs/boards.md); o_in reads the pads.
// No clock: the inputs are asynchronous (ps2_line_in synchronises them in clk_sys).
`default_nettype none
module board_ps2_pins #(
    parameter N = 8
) (
    inout  wire [N-1:0] io_pin,
    input  wire [N-1:0] i_low,
    output wire [N-1:0] o_in
);
    SB_IO #(
        .PIN_TYPE(6'b1010_01),          // output enable (not registered), plain input
        .PULLUP(1'b1)
    ) u_io [N-1:0] (
        .PACKAGE_PIN(io_pin),
        .OUTPUT_ENABLE(i_low),
        .D_OUT_0({N{1'b0}}),
        .D_IN_0(o_in)
    );
endmodule
`default_nettype wire
