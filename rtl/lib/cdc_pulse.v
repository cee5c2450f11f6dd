// cdc_pulse: carries single-cycle pulses from one clock domain to another with a toggle
// flip-flop and a two-flop synchroniser. Pulses closer together than about three
// destination clocks may merge; use it for events such as "frame started".
// Clocks: i_src_clk (source pulse), i_dst_clk (destination pulse).
`default_nettype none
module cdc_pulse (
    input  wire i_src_clk,
    input  wire i_src_rst,
    input  wire i_src_pulse,
    input  wire i_dst_clk,
    input  wire i_dst_rst,
    output wire o_dst_pulse
);
    reg src_toggle;
    always @(posedge i_src_clk)
        if (i_src_rst) src_toggle <= 1'b0;
        else if (i_src_pulse) src_toggle <= ~src_toggle;

    wire dst_toggle;
    cdc_sync2 #(.W(1)) u_sync_toggle (
        .i_clk(i_dst_clk), .i_rst(i_dst_rst), .i_d(src_toggle), .o_q(dst_toggle));

    reg dst_toggle_q;
    always @(posedge i_dst_clk)
        if (i_dst_rst) dst_toggle_q <= 1'b0;
        else dst_toggle_q <= dst_toggle;

    assign o_dst_pulse = dst_toggle ^ dst_toggle_q;
endmodule
`default_nettype wire
