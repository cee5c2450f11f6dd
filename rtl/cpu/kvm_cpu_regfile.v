// kvm_cpu_regfile: the 32 x 32-bit integer register file of kvm_cpu.
//
// Clock: i_clk (clk_sys). Two synchronous read ports (data appears the cycle after the
// address, like a block RAM) and one synchronous write port. Yosys maps the array to iCE40
// block RAM; because there are two read ports it keeps one copy per port (2 x 2 EBR).
//
// x0: the array starts at zero (block RAM initial contents) and entry 0 is never written,
// so x0 always reads 0 without any output multiplexer.
`default_nettype none

module kvm_cpu_regfile (
    input  wire        i_clk,
    input  wire [4:0]  i_rs1,      // read port 1 address
    input  wire [4:0]  i_rs2,      // read port 2 address
    output reg  [31:0] o_rs1_data, // value of register i_rs1 one cycle earlier
    output reg  [31:0] o_rs2_data,
    input  wire        i_we,       // write i_rd_data to register i_rd (ignored for x0)
    input  wire [4:0]  i_rd,
    input  wire [31:0] i_rd_data
);
    (* no_rw_check *)
    reg [31:0] regs [0:31];

    integer i;
    initial begin
        for (i = 0; i < 32; i = i + 1)
            regs[i] = 32'd0;
    end

    always @(posedge i_clk) begin
        if (i_we && i_rd != 5'd0)
            regs[i_rd] <= i_rd_data;
    end

    // The core never reads a register in the cycle it writes one, so the read-during-write
    // behaviour does not matter.
    always @(posedge i_clk) begin
        o_rs1_data <= regs[i_rs1];
        o_rs2_data <= regs[i_rs2];
    end
endmodule

`default_nettype wire
