// soc_gpio: LEDs and buttons (regmap GPIO). OUT drives o_led (1 = on). IN reads the buttons
// after a two-flop synchroniser (cdc_sync2) and soc_debounce. o_btn_changed pulses when the
// debounced value changes (SYSCTL IRQ_BUTTON source).
// Bus: SoC slave convention, ready in the same cycle.
// Clocks: i_clk = clk_sys; i_btn is asynchronous.
`default_nettype none
module soc_gpio #(
    parameter DEBOUNCE_CYCLES = 60000
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_sel,
    input  wire [7:0]  i_addr,
    input  wire [31:0] i_wdata,
    input  wire [3:0]  i_wstrb,
    output reg  [31:0] o_rdata,
    output wire        o_ready,
    output wire [7:0]  o_led,
    input  wire [3:0]  i_btn,
    output wire        o_btn_changed
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    wire wr = i_sel & (i_wstrb != 4'b0000);
    assign o_ready = i_sel;

    reg [7:0] out;
    always @(posedge i_clk)
        if (i_rst) out <= 8'd0;
        else if (wr && i_addr == KVM_GPIO_OUT_OFF[7:0] && i_wstrb[0]) out <= i_wdata[7:0];
    assign o_led = out;

    wire [3:0] btn_sync, btn;
    cdc_sync2 #(.W(4)) u_sync (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_btn), .o_q(btn_sync));
    soc_debounce #(.W(4), .CYCLES(DEBOUNCE_CYCLES)) u_debounce (
        .i_clk(i_clk), .i_rst(i_rst), .i_d(btn_sync), .o_q(btn), .o_changed(o_btn_changed));

    always @(*) begin
        case (i_addr)
        KVM_GPIO_OUT_OFF[7:0]: o_rdata = {24'd0, out};
        KVM_GPIO_IN_OFF[7:0]:  o_rdata = {28'd0, btn};
        default:               o_rdata = 32'd0;
        endcase
    end
    wire unused = &{1'b0, i_wdata[31:8], i_wstrb[3:1]};
endmodule
`default_nettype wire
