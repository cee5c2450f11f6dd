// reset_sync: asynchronous assert, synchronous release reset for one clock domain.
// Clocks: i_clk is the domain the reset is released in. i_rst_n may come from anywhere
// (board pin, PLL lock, watchdog); o_rst is active high and held for STAGES clocks.
`default_nettype none
module reset_sync #(
    parameter STAGES = 3
) (
    input  wire i_clk,
    input  wire i_rst_n,
    output wire o_rst
);
    reg [STAGES-1:0] rst_pipe;
    always @(posedge i_clk or negedge i_rst_n)
        if (!i_rst_n) rst_pipe <= {STAGES{1'b1}};
        else rst_pipe <= {rst_pipe[STAGES-2:0], 1'b0};
    assign o_rst = rst_pipe[STAGES-1];
endmodule
`default_nettype wire
