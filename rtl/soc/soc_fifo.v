// soc_fifo: small synchronous FIFO (flip-flops, combinational read of the head entry).
// Push when full and pop when empty are ignored.
// Clocks: i_clk (single domain).
`default_nettype none
module soc_fifo #(
    parameter W = 8,
    parameter DEPTH_LOG2 = 4
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_push,
    input  wire [W-1:0] i_data,
    input  wire         i_pop,
    output wire [W-1:0] o_data,
    output wire         o_empty,
    output wire         o_full
);
    localparam DEPTH = 1 << DEPTH_LOG2;
    reg [W-1:0]        mem [0:DEPTH-1];
    reg [DEPTH_LOG2:0] wp, rp;

    assign o_empty = wp == rp;
    assign o_full  = (wp[DEPTH_LOG2] != rp[DEPTH_LOG2]) &&
                     (wp[DEPTH_LOG2-1:0] == rp[DEPTH_LOG2-1:0]);
    assign o_data  = mem[rp[DEPTH_LOG2-1:0]];

    always @(posedge i_clk)
        if (i_push && !o_full) mem[wp[DEPTH_LOG2-1:0]] <= i_data;

    always @(posedge i_clk) begin
        if (i_rst) begin
            wp <= {(DEPTH_LOG2 + 1){1'b0}};
            rp <= {(DEPTH_LOG2 + 1){1'b0}};
        end else begin
            if (i_push && !o_full) wp <= wp + 1'b1;
            if (i_pop && !o_empty) rp <= rp + 1'b1;
        end
    end
endmodule
`default_nettype wire
