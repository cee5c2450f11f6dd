// vid_gbuf: puts a fabric-generated clock onto an iCE40 global buffer (SB_GB).
// Clocks: none of its own; i_clk is any clock, o_clk is the same clock on a global net.
// Synthesis (yosys defines SYNTHESIS) instantiates SB_GB; simulation (Verilator) is a wire.
`default_nettype none
module vid_gbuf (
    input  wire i_clk,
    output wire o_clk
);
`ifdef SYNTHESIS
    SB_GB u_gb (.USER_SIGNAL_TO_GLOBAL_BUFFER(i_clk), .GLOBAL_BUFFER_OUTPUT(o_clk));
`else
    assign o_clk = i_clk;
`endif
endmodule
`default_nettype wire
