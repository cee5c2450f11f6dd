// soc_uart: UART register block (regmap UART): 16-byte TX FIFO (flip-flops) and 512-byte RX
// FIFO (one block RAM, sync_fifo with REG_HEAD: host-link frames of up to 270 bytes at 1 Mbaud) around
// soc_uart_tx / soc_uart_rx, baud divider, overrun and framing-error flags. o_irq = RX data available.
// Bus: SoC slave convention, ready in the same cycle. A read of DATA pops the RX FIFO.
// Clocks: i_clk = clk_sys; i_rx is asynchronous (synchronised in soc_uart_rx).
`default_nettype none
module soc_uart #(
    parameter CLK_SYS_HZ = 12000000
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_sel,
    input  wire [7:0]  i_addr,
    input  wire [31:0] i_wdata,
    input  wire [3:0]  i_wstrb,
    output reg  [31:0] o_rdata,
    output wire        o_ready,
    input  wire        i_rx,
    output wire        o_tx,
    output wire        o_irq
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */
    localparam [31:0] DIV_RESET = CLK_SYS_HZ / KVM_UART_BAUD_DEFAULT;
    localparam [15:0] DIV_MIN = 16'd4;   // regmap: DIV >= 4 (a power of two, see div_wr)
    // STATUS / ERRCLR bit positions (regmap UART.STATUS)
    localparam ST_RXAVAIL = 0, ST_TXFULL = 1, ST_TXIDLE = 2, ST_OVR = 3, ST_FERR = 4;

    wire wr = i_sel & (i_wstrb != 4'b0000);
    wire rd = i_sel & (i_wstrb == 4'b0000);
    assign o_ready = i_sel;

    reg [15:0] div;
    reg        ovr, ferr;

    // transmit path
    wire       tx_valid, tx_full, tx_take, tx_busy;
    wire [7:0] tx_data;
    wire [4:0] tx_level;
    sync_fifo #(.WIDTH(8), .AW(4)) u_txfifo (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_push(wr && i_addr == KVM_UART_DATA_OFF[7:0]), .i_data(i_wdata[7:0]),
        .o_full(tx_full), .o_valid(tx_valid), .o_data(tx_data), .i_pop(tx_take),
        .o_level(tx_level));
    wire       tx_empty = ~tx_valid;
    soc_uart_tx u_tx (
        .i_clk(i_clk), .i_rst(i_rst), .i_div(div), .i_valid(~tx_empty), .i_data(tx_data),
        .o_take(tx_take), .o_busy(tx_busy), .o_tx(o_tx));

    // receive path
    wire       rx_valid, rx_ferr, rx_avail, rx_full;
    wire [7:0] rx_byte, rx_data;
    soc_uart_rx u_rx (
        .i_clk(i_clk), .i_rst(i_rst), .i_div(div), .i_rx(i_rx),
        .o_valid(rx_valid), .o_data(rx_byte), .o_ferr(rx_ferr));
    wire [9:0] rx_level;
    sync_fifo #(.WIDTH(8), .AW(9), .REG_HEAD(1), .HEAD_EXTRA(0)) u_rxfifo (
        .i_clk(i_clk), .i_rst(i_rst), .i_push(rx_valid), .i_data(rx_byte),
        .o_full(rx_full), .o_valid(rx_avail), .o_data(rx_data),
        .i_pop(rd && i_addr == KVM_UART_DATA_OFF[7:0]), .o_level(rx_level));
    wire       rx_empty = ~rx_avail;

    assign o_irq = ~rx_empty;

    wire errclr = wr && i_addr == KVM_UART_ERRCLR_OFF[7:0];
    // DIV write value, clamped to DIV_MIN. DIV_MIN = 4 is a power of two, so "below" only
    // looks at the bits above it, and the clamped value only differs in bits [2:0] (no
    // 16-bit comparator and multiplexer).
    localparam DIV_MIN_LOG2 = $clog2(DIV_MIN);
    wire        div_low = i_wdata[15:DIV_MIN_LOG2] == {(16 - DIV_MIN_LOG2){1'b0}};
    wire [15:0] div_wr  = div_low ? DIV_MIN : i_wdata[15:0];
    always @(posedge i_clk) begin
        if (i_rst) begin
            div  <= DIV_RESET[15:0];
            ovr  <= 1'b0;
            ferr <= 1'b0;
        end else begin
            if (wr && i_addr == KVM_UART_DIV_OFF[7:0])
                div <= div_wr;
            if (rx_valid && rx_full) ovr <= 1'b1;
            else if (errclr && i_wdata[ST_OVR]) ovr <= 1'b0;
            if (rx_ferr) ferr <= 1'b1;
            else if (errclr && i_wdata[ST_FERR]) ferr <= 1'b0;
        end
    end

    always @(*) begin
        o_rdata = 32'd0;
        case (i_addr)
        KVM_UART_DATA_OFF[7:0]:   o_rdata = {23'd0, ~rx_empty, rx_empty ? 8'd0 : rx_data};
        KVM_UART_STATUS_OFF[7:0]: begin
            o_rdata[ST_RXAVAIL] = ~rx_empty;
            o_rdata[ST_TXFULL]  = tx_full;
            o_rdata[ST_TXIDLE]  = tx_empty & ~tx_busy;
            o_rdata[ST_OVR]     = ovr;
            o_rdata[ST_FERR]    = ferr;
        end
        KVM_UART_DIV_OFF[7:0]:    o_rdata = {16'd0, div};
        default:                  o_rdata = 32'd0;
        endcase
    end

    wire unused_ok = &{1'b0, tx_level, rx_level};
endmodule
`default_nettype wire
