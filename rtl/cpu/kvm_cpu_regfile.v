// kvm_cpu_regfile: the x registers and the trap CSRs of kvm_cpu, in block RAM.
//
// Clock: i_clk (clk_sys). 64 entries of 32 bits:
//   0 .. 31   x0 .. x31 (x0 reads 0: the RAM starts at zero and the core never writes it)
//   32 .. 39  CSRs that only software and trap entry change: mscratch (32), mepc (33),
//             mcause (34), mtval (35), mtvec (37). The core clears them after reset.
// An iCE40 block RAM is 256 x 16, so the 32 extra entries cost nothing: the two EBR of
// the read port hold 256 entries anyway. Keeping these CSRs here instead of in
// flip-flops saves ~160 flip-flops and most of a wide CSR read multiplexer.
//
// ONE synchronous read port with a read enable: the output changes only at a clock edge
// where i_re is high, so a value read stays on o_rd until the core reads again. Each read
// port costs 2 EBR (a second port would be a second copy of the RAM), so the core reads
// rs2 and rs1 one after the other and keeps rs2 in a register of its own (kvm_cpu.v,
// p2). One synchronous write port. The core never reads and writes the same entry in one
// cycle, so (* no_rw_check *) lets yosys skip the bypass logic.
`default_nettype none

module kvm_cpu_regfile (
    input  wire        i_clk,
    input  wire        i_re,       // read port: latch entry i_ra at this edge
    input  wire [5:0]  i_ra,
    output reg  [31:0] o_rd,
    input  wire        i_we,       // write i_wd to entry i_wa
    input  wire [5:0]  i_wa,
    input  wire [31:0] i_wd
);
    (* no_rw_check *)
    reg [31:0] ram [0:63];

    integer i;
    initial begin
        for (i = 0; i < 64; i = i + 1)
            ram[i] = 32'd0;
    end

    always @(posedge i_clk) begin
        if (i_we)
            ram[i_wa] <= i_wd;
    end

    always @(posedge i_clk) begin
        if (i_re)
            o_rd <= ram[i_ra];
    end
endmodule

`default_nettype wire
