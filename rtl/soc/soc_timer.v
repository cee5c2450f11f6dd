// soc_timer: 64-bit machine timer (regmap TIMER). MTIME counts clk_sys cycles, MTIMECMP
// resets to all ones; o_irq (mip.MTIP) = MTIME >= MTIMECMP, registered: it follows the
// counters one cycle late (a handler that moves MTIMECMP sees MTIP drop two cycles after
// the write).
// A write to a half of MTIME replaces that half (the other half keeps counting, including
// the carry out of the old low half when the low half is written).
// Registers are selected by offset bits [3:2] (MTIME_LO, MTIME_HI, MTIMECMP_LO,
// MTIMECMP_HI at 0x0..0xC); other offsets read 0 and ignore writes.
// Bus: SoC slave convention, ready in the same cycle.
// Clocks: i_clk = clk_sys.
//
// Cells (synthesis): one logic cell per bit for each 64-bit register, like kvm_cpu_counter.
//   * MTIME: a 64-bit increment carry chain; the cell's LUT is "written ? data : bit ^ carry
//     in". The written half's carry input (LUT I2) is its write enable, so a written half's
//     carries are garbage: one extra carry cell between the halves replaces the carry into
//     bit 32 by &MTIME[31:0] while the low half is written.
//   * MTIMECMP is kept inverted (ncmp = ~MTIMECMP, reset 0 = all ones), so the compare is the
//     carry out of MTIME + ncmp + 1 = MTIME - MTIMECMP: a second 64-bit carry chain on
//     (mtime[i], ncmp[i]) whose cells' LUTs hold ncmp's next value ("written ? ~data :
//     ncmp"), so ncmp's flip-flops share those cells too.
// Written as plain Verilog, yosys spends about twice the cells (a separate compare chain,
// ncmp flip-flops alone, a mux LUT per MTIME bit), so for synthesis the cells are
// instantiated. Simulation (Verilator) uses the plain description.
`default_nettype none
module soc_timer (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_sel,
    input  wire [7:0]  i_addr,
    input  wire [31:0] i_wdata,
    input  wire [3:0]  i_wstrb,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    output reg         o_irq
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    assign o_ready = i_sel;
    // one register per 32-bit word, index = offset[3:2] (regmap order LO, HI, CMP_LO, CMP_HI)
    wire       in_blk = i_addr[7:4] == 4'd0 && i_addr[1:0] == 2'd0;
    wire [1:0] idx    = i_addr[3:2];
    wire       wr     = i_sel & (i_wstrb != 4'b0000) & in_blk;
    // per bit: write enables of the half it belongs to
    wire [63:0] we_tim = {{32{wr & ~idx[1] &  idx[0]}}, {32{wr & ~idx[1] & ~idx[0]}}};
    wire [63:0] we_cmp = {{32{wr &  idx[1] &  idx[0]}}, {32{wr &  idx[1] & ~idx[0]}}};
    wire [63:0] data   = {i_wdata, i_wdata};

    reg  [63:0] mtime, ncmp;
    wire [63:0] mtime_next, ncmp_next;
    wire        ge;                 // MTIME >= MTIMECMP

`ifdef SYNTHESIS
    // MTIME chain: ct[i] = carry into bit i; ct[64] unused. Bit 32 takes cb instead of ct[32].
    /* verilator lint_off UNUSEDSIGNAL */
    wire [64:0] ct;
    wire [64:0] cc;
    /* verilator lint_on UNUSEDSIGNAL */
    wire        cb;
    wire [63:0] ct_in = {ct[63:33], cb, ct[31:0]};
    wire        lo_ones = &mtime[31:0];
    assign ct[0] = 1'b1;
    // Between the halves: CO = I0 & I1 | CI & (I0 | I1). Low half not written (I1 = 1):
    // CI, the true carry (lo_ones implies CI). Written (I1 = 0): every carry of the low half
    // is 1 (I1 = write enable = 1), so CO = lo_ones.
    SB_CARRY u_brk (.CO(cb), .I0(lo_ones), .I1(~we_tim[0]), .CI(ct[32]));
    // compare chain: cc[64] = carry out of mtime + ncmp + 1
    assign cc[0] = 1'b1;
    assign ge    = cc[64];
    genvar i;
    generate
        for (i = 0; i < 64; i = i + 1) begin : g_bit
            SB_CARRY u_ct (.CO(ct[i + 1]), .I0(mtime[i]), .I1(we_tim[i]), .CI(ct_in[i]));
            // out = I2 ? I0 : I1 ^ I3, i.e. written ? data : mtime ^ carry in
            SB_LUT4 #(.LUT_INIT(16'hA3AC)) u_lt (
                .O(mtime_next[i]), .I0(data[i]), .I1(mtime[i]), .I2(we_tim[i]), .I3(ct_in[i]));
            SB_CARRY u_cc (.CO(cc[i + 1]), .I0(mtime[i]), .I1(ncmp[i]), .CI(cc[i]));
            // out = I3 ? ~I0 : I2, i.e. written ? ~data : ncmp (I1 only shares the cell)
            SB_LUT4 #(.LUT_INIT(16'h55F0)) u_lc (
                .O(ncmp_next[i]), .I0(data[i]), .I1(mtime[i]), .I2(ncmp[i]), .I3(we_cmp[i]));
        end
    endgenerate
`else
    wire [63:0] mtime_inc = mtime + 64'd1;
    /* verilator lint_off UNUSEDSIGNAL */
    wire [64:0] diff = {1'b0, mtime} + {1'b0, ncmp} + 65'd1;
    /* verilator lint_on UNUSEDSIGNAL */
    assign mtime_next = (we_tim & data) | (~we_tim & mtime_inc);
    assign ncmp_next  = (we_cmp & ~data) | (~we_cmp & ncmp);
    assign ge         = diff[64];
`endif

    always @(posedge i_clk) begin
        if (i_rst) begin
            mtime <= 64'd0;
            ncmp  <= 64'd0;
            o_irq <= 1'b0;
        end else begin
            mtime <= mtime_next;
            ncmp  <= ncmp_next;
            o_irq <= ge;
        end
    end

    wire [63:0] rd_pair = idx[1] ? ~ncmp : mtime;
    assign o_rdata = ~in_blk ? 32'd0 : idx[0] ? rd_pair[63:32] : rd_pair[31:0];
endmodule
`default_nettype wire
