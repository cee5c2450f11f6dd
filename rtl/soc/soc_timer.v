// soc_timer: 64-bit machine timer (regmap TIMER). MTIME counts clk_sys cycles, MTIMECMP
// resets to all ones; o_irq (mip.MTIP) = MTIME >= MTIMECMP, registered: it follows the
// counters one cycle late (a handler that moves MTIMECMP sees MTIP drop two cycles after
// the write).
// A write to a half of MTIME replaces that half (the other half keeps counting).
// Registers are selected by offset bits [3:2] (MTIME_LO, MTIME_HI, MTIMECMP_LO,
// MTIMECMP_HI at 0x0..0xC); other offsets read 0 and ignore writes.
// Bus: SoC slave convention, ready in the same cycle.
// Clocks: i_clk = clk_sys.
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
    wire       wr_cmp = wr & idx[1];
    wire       wr_tim = wr & ~idx[1];

    // MTIMECMP is kept inverted (ncmp = ~MTIMECMP, reset 0 = all ones), so the compare is
    // the carry out of MTIME + ~MTIMECMP + 1 = MTIME - MTIMECMP: a bare carry chain.
    reg  [63:0] mtime, ncmp;
    wire [63:0] mtime_inc = mtime + 64'd1;
    wire [64:0] diff = {1'b0, mtime} + {1'b0, ncmp} + 65'd1;

    always @(posedge i_clk) begin
        if (i_rst) begin
            mtime    <= 64'd0;
            ncmp     <= 64'd0;
            o_irq    <= 1'b0;
        end else begin
            mtime[31:0]  <= (wr_tim & ~idx[0]) ? i_wdata : mtime_inc[31:0];
            mtime[63:32] <= (wr_tim &  idx[0]) ? i_wdata : mtime_inc[63:32];
            if (wr_cmp & ~idx[0]) ncmp[31:0]  <= ~i_wdata;
            if (wr_cmp &  idx[0]) ncmp[63:32] <= ~i_wdata;
            o_irq <= diff[64];          // MTIME >= MTIMECMP
        end
    end

    wire [63:0] rd_pair = idx[1] ? ~ncmp : mtime;
    wire unused = &{1'b0, diff[63:0]};
    assign o_rdata = ~in_blk ? 32'd0 : idx[0] ? rd_pair[63:32] : rd_pair[31:0];
endmodule
`default_nettype wire
