// soc_wdt: watchdog (regmap WDT). While disabled COUNT follows TIMEOUT. CTRL.enable is sticky
// (only a reset clears it). When enabled COUNT counts down each cycle; KICK with
// WDT_KICK_KEY reloads it from TIMEOUT. When it reaches 0, o_fire pulses: the reset
// controller then resets the clk_sys domain (this block included) and SYSCTL records it.
// Bus: SoC slave convention, ready in the same cycle.
// COUNT is a soc_downcnt (decrement and reload in one logic cell per bit).
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_wdt #(
    parameter [31:0] TIMEOUT_RESET = 32'd12000000
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_sel,
    input  wire [7:0]  i_addr,
    input  wire [31:0] i_wdata,
    input  wire [3:0]  i_wstrb,
    output reg  [31:0] o_rdata,
    output wire        o_ready,
    output reg         o_fire
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    wire wr = i_sel & (i_wstrb != 4'b0000);
    assign o_ready = i_sel;

    reg         enable;
    reg  [31:0] timeout;
    wire [31:0] count;
    wire kick = wr && i_addr == KVM_WDT_KICK_OFF[7:0] && i_wdata == KVM_WDT_KICK_KEY;

    // COUNT loads TIMEOUT while disabled or kicked, else counts down and holds at 0
    wire load = !enable || kick;
    wire zero = count == 32'd0;
    soc_downcnt #(.W(32), .RESET(TIMEOUT_RESET)) u_count (
        .i_clk(i_clk), .i_rst(i_rst), .i_load(load), .i_dec(!zero), .i_val(timeout),
        .o_count(count));

    always @(posedge i_clk) begin
        if (i_rst) begin
            enable  <= 1'b0;
            timeout <= TIMEOUT_RESET;
            o_fire  <= 1'b0;
        end else begin
            if (wr && i_addr == KVM_WDT_CTRL_OFF[7:0] && i_wdata[0]) enable <= 1'b1;
            if (wr && i_addr == KVM_WDT_TIMEOUT_OFF[7:0]) timeout <= i_wdata;
            o_fire <= enable && zero;
        end
    end

    always @(*) begin
        case (i_addr)
        KVM_WDT_CTRL_OFF[7:0]:    o_rdata = {31'd0, enable};
        KVM_WDT_TIMEOUT_OFF[7:0]: o_rdata = timeout;
        KVM_WDT_COUNT_OFF[7:0]:   o_rdata = count;
        default:                  o_rdata = 32'd0;
        endcase
    end
endmodule
`default_nettype wire
