// soc_fifo_ram: synchronous FIFO in one iCE40 block RAM (512 x 8 by default), with the head
// entry always presented on o_data (show-ahead), like soc_fifo but deep.
// The RAM read port continuously reads the entry at the read pointer (or the one after it
// when popping), so o_data is the head from the cycle after each push/pop. A pushed entry
// becomes visible (o_empty low) one cycle after the push, once the RAM has it.
// Push when full and pop when empty are ignored.
// Clocks: i_clk (single domain).
`default_nettype none
module soc_fifo_ram #(
    parameter W = 8,
    parameter DEPTH_LOG2 = 9
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_push,
    input  wire [W-1:0] i_data,
    input  wire         i_pop,
    output reg  [W-1:0] o_data,
    output wire         o_empty,
    output wire         o_full
);
    localparam DEPTH = 1 << DEPTH_LOG2;
    // Collisions (read of the entry being written) are never used: that entry is not yet
    // visible (wp_seen), so no read-during-write emulation is needed.
    (* no_rw_check *)
    reg [W-1:0]        mem [0:DEPTH-1];
    reg [DEPTH_LOG2:0] wp, rp;
    reg [DEPTH_LOG2:0] wp_seen;     // wp one cycle late: entries the RAM port can show

    assign o_empty = wp_seen == rp;
    assign o_full  = (wp[DEPTH_LOG2] != rp[DEPTH_LOG2]) &&
                     (wp[DEPTH_LOG2-1:0] == rp[DEPTH_LOG2-1:0]);
    wire do_push = i_push && !o_full;
    wire do_pop  = i_pop && !o_empty;
    wire [DEPTH_LOG2:0] rp_next = rp + {{DEPTH_LOG2{1'b0}}, do_pop};

    always @(posedge i_clk)
        if (do_push) mem[wp[DEPTH_LOG2-1:0]] <= i_data;

    always @(posedge i_clk)
        o_data <= mem[rp_next[DEPTH_LOG2-1:0]];

    always @(posedge i_clk) begin
        if (i_rst) begin
            wp      <= {(DEPTH_LOG2 + 1){1'b0}};
            rp      <= {(DEPTH_LOG2 + 1){1'b0}};
            wp_seen <= {(DEPTH_LOG2 + 1){1'b0}};
        end else begin
            if (do_push) wp <= wp + 1'b1;
            rp      <= rp_next;
            wp_seen <= wp;
        end
    end
endmodule
`default_nettype wire
