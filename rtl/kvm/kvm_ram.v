// kvm_ram: simple dual-port RAM, one write port and one synchronous read port (read data
// one clock after the address), written so that yosys maps it to iCE40 block RAM.
// A read of the address being written in the same clock returns the old contents.
// Clock: i_clk = clk_sys. No reset (contents start undefined; users clear them).
`default_nettype none
module kvm_ram #(
    parameter W  = 8,       // data width
    parameter AW = 8        // address width (2**AW words)
) (
    input  wire          i_clk,
    input  wire          i_we,
    input  wire [AW-1:0] i_waddr,
    input  wire [W-1:0]  i_wdata,
    input  wire          i_re,
    input  wire [AW-1:0] i_raddr,
    output reg  [W-1:0]  o_rdata
);
    reg [W-1:0] mem [0:(1<<AW)-1];

    always @(posedge i_clk) begin
        if (i_we)
            mem[i_waddr] <= i_wdata;
        if (i_re)
            o_rdata <= mem[i_raddr];
    end
endmodule
`default_nettype wire
