// soc_sysctl: identification, reset cause, external interrupt controller, scratch
// (regmap SYSCTL).
//   RESET_CAUSE and SCRATCH live in the por domain (i_rst_por): they survive watchdog and
//   software resets. RESET_CAUSE bit0 is set by the board reset, bit1 by i_wdt_fire, bit2
//   by a SOFT_RESET write with SOFT_RESET_KEY (which also pulses o_soft_req).
//   IRQ_PENDING: bits IRQ_UART_RX and IRQ_KVM are level inputs; bits IRQ_VSYNC and IRQ_BUTTON are
//   event sources (pulse inputs) latched here and cleared by writing 1 to IRQ_PENDING
//   (writes to the level bits are ignored). o_irq_ext = |(PENDING & ENABLE) -> mip.MEIP.
// Bus: SoC slave convention, ready in the same cycle.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_sysctl #(
    parameter CLK_SYS_HZ = 12000000,
    parameter [31:0] HW_VERSION = 32'h0001_0000,
    parameter BOOT_XIP = 0
) (
    input  wire        i_clk,
    input  wire        i_rst,       // clk_sys reset (board, watchdog, software)
    input  wire        i_rst_por,   // board reset only
    input  wire        i_sel,
    input  wire [7:0]  i_addr,
    input  wire [31:0] i_wdata,
    input  wire [3:0]  i_wstrb,
    output reg  [31:0] o_rdata,
    output wire        o_ready,
    input  wire        i_wdt_fire,
    output reg         o_soft_req,
    input  wire        i_irq_uart,     // level
    input  wire        i_irq_vsync,    // pulse
    input  wire        i_irq_button,   // pulse
    input  wire        i_irq_kvm,      // level
    output wire        o_irq_ext
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */
    localparam [31:0] CLK_HZ = CLK_SYS_HZ;
    localparam RC_POR = 0, RC_WDT = 1, RC_SOFT = 2;   // RESET_CAUSE bits (regmap)

    wire wr = i_sel & (i_wstrb != 4'b0000);
    assign o_ready = i_sel;

    // por domain: survives watchdog / software reset
    reg [2:0]  reset_cause;
    reg [31:0] scratch;
    wire soft_hit = wr && i_addr == KVM_SYSCTL_SOFT_RESET_OFF[7:0] &&
                    i_wdata == KVM_SOFT_RESET_KEY;
    always @(posedge i_clk) begin
        if (i_rst_por) begin
            reset_cause <= 3'd0;
            reset_cause[RC_POR] <= 1'b1;
            scratch     <= 32'd0;
        end else begin
            if (wr && i_addr == KVM_SYSCTL_RESET_CAUSE_OFF[7:0])
                reset_cause <= reset_cause & ~i_wdata[2:0];
            if (i_wdt_fire) reset_cause[RC_WDT] <= 1'b1;
            if (soft_hit)   reset_cause[RC_SOFT] <= 1'b1;
            if (wr && i_addr == KVM_SYSCTL_SCRATCH_OFF[7:0]) scratch <= i_wdata;
        end
    end

    // clk_sys domain
    reg [3:0] irq_enable;
    reg       pend_vsync, pend_button;
    wire [3:0] irq_pending;
    assign irq_pending[KVM_IRQ_UART_RX] = i_irq_uart;
    assign irq_pending[KVM_IRQ_VSYNC]   = pend_vsync;
    assign irq_pending[KVM_IRQ_BUTTON]  = pend_button;
    assign irq_pending[KVM_IRQ_KVM]     = i_irq_kvm;
    assign o_irq_ext = |(irq_pending & irq_enable);
    wire pend_clr = wr && i_addr == KVM_SYSCTL_IRQ_PENDING_OFF[7:0];

    always @(posedge i_clk) begin
        if (i_rst) begin
            irq_enable  <= 4'd0;
            pend_vsync  <= 1'b0;
            pend_button <= 1'b0;
            o_soft_req  <= 1'b0;
        end else begin
            if (wr && i_addr == KVM_SYSCTL_IRQ_ENABLE_OFF[7:0]) irq_enable <= i_wdata[3:0];
            if (i_irq_vsync) pend_vsync <= 1'b1;
            else if (pend_clr && i_wdata[KVM_IRQ_VSYNC]) pend_vsync <= 1'b0;
            if (i_irq_button) pend_button <= 1'b1;
            else if (pend_clr && i_wdata[KVM_IRQ_BUTTON]) pend_button <= 1'b0;
            o_soft_req <= soft_hit;
        end
    end

    always @(*) begin
        case (i_addr)
        KVM_SYSCTL_ID_OFF[7:0]:          o_rdata = KVM_SYSCTL_ID_VALUE;
        KVM_SYSCTL_HW_VERSION_OFF[7:0]:  o_rdata = HW_VERSION;
        KVM_SYSCTL_CLK_HZ_OFF[7:0]:      o_rdata = CLK_HZ;
        KVM_SYSCTL_RESET_CAUSE_OFF[7:0]: o_rdata = {29'd0, reset_cause};
        KVM_SYSCTL_IRQ_PENDING_OFF[7:0]: o_rdata = {28'd0, irq_pending};
        KVM_SYSCTL_IRQ_ENABLE_OFF[7:0]:  o_rdata = {28'd0, irq_enable};
        KVM_SYSCTL_SCRATCH_OFF[7:0]:     o_rdata = scratch;
        KVM_SYSCTL_BOOT_MODE_OFF[7:0]:   o_rdata = (BOOT_XIP != 0) ? 32'd1 : 32'd0;
        default:                         o_rdata = 32'd0;
        endcase
    end
endmodule
`default_nettype wire
