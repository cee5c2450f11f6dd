// kvm_fifo: synchronous first-word-fall-through FIFO on kvm_ram (block RAM).
// Write: i_push with i_data (ignored when o_full). Read: o_valid/o_data show the head,
// i_pop removes it. Capacity is 2**AW words in the RAM plus one in the output register.
// o_level counts the words in the RAM (not the output register).
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high) empties the FIFO.
`default_nettype none
module kvm_fifo #(
    parameter W  = 8,
    parameter AW = 4
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_push,
    input  wire [W-1:0] i_data,
    output wire         o_full,
    output reg          o_valid,
    output wire [W-1:0] o_data,
    input  wire         i_pop,
    output wire [AW:0]  o_level
);
    reg  [AW:0] wp, rp;
    wire        mem_empty = (wp == rp);
    wire        load      = !mem_empty && (!o_valid || i_pop);
    wire        push_ok   = i_push && !o_full;

    assign o_level = wp - rp;
    assign o_full  = (o_level[AW] == 1'b1);

    kvm_ram #(.W(W), .AW(AW)) u_mem (
        .i_clk(i_clk), .i_we(push_ok), .i_waddr(wp[AW-1:0]), .i_wdata(i_data),
        .i_re(load), .i_raddr(rp[AW-1:0]), .o_rdata(o_data)
    );

    always @(posedge i_clk) begin
        if (i_rst) begin
            wp      <= {(AW+1){1'b0}};
            rp      <= {(AW+1){1'b0}};
            o_valid <= 1'b0;
        end else begin
            if (push_ok)
                wp <= wp + 1'b1;
            if (load) begin
                rp      <= rp + 1'b1;
                o_valid <= 1'b1;
            end else if (i_pop) begin
                o_valid <= 1'b0;
            end
        end
    end
endmodule
`default_nettype wire
