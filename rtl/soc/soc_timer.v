// soc_timer: 64-bit machine timer (regmap TIMER). MTIME counts clk_sys cycles, MTIMECMP resets
// to all ones; o_irq (mip.MTIP) = MTIME >= MTIMECMP (combinational, so a handler that
// moves MTIMECMP sees MTIP drop on the next cycle).
// A write to a half of MTIME replaces that half (the other half keeps counting).
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
    output reg  [31:0] o_rdata,
    output wire        o_ready,
    output wire        o_irq
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    wire wr = i_sel & (i_wstrb != 4'b0000);
    assign o_ready = i_sel;

    reg [63:0] mtime, mtimecmp;
    wire [63:0] mtime_inc = mtime + 64'd1;
    assign o_irq = mtime >= mtimecmp;

    always @(posedge i_clk) begin
        if (i_rst) begin
            mtime    <= 64'd0;
            mtimecmp <= {64{1'b1}};
        end else begin
            mtime <= mtime_inc;
            if (wr && i_addr == KVM_TIMER_MTIME_LO_OFF[7:0])    mtime[31:0]     <= i_wdata;
            if (wr && i_addr == KVM_TIMER_MTIME_HI_OFF[7:0])    mtime[63:32]    <= i_wdata;
            if (wr && i_addr == KVM_TIMER_MTIMECMP_LO_OFF[7:0]) mtimecmp[31:0]  <= i_wdata;
            if (wr && i_addr == KVM_TIMER_MTIMECMP_HI_OFF[7:0]) mtimecmp[63:32] <= i_wdata;
        end
    end

    always @(*) begin
        case (i_addr)
        KVM_TIMER_MTIME_LO_OFF[7:0]:    o_rdata = mtime[31:0];
        KVM_TIMER_MTIME_HI_OFF[7:0]:    o_rdata = mtime[63:32];
        KVM_TIMER_MTIMECMP_LO_OFF[7:0]: o_rdata = mtimecmp[31:0];
        KVM_TIMER_MTIMECMP_HI_OFF[7:0]: o_rdata = mtimecmp[63:32];
        default:                        o_rdata = 32'd0;
        endcase
    end
endmodule
`default_nettype wire
