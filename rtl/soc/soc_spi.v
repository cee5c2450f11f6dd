// soc_spi: SPI flash controller (regmap SPI). Contains the read window (soc_spi_window,
// FLASH region slave) and the manual byte path for erase and program; both share one
// shift engine (soc_spi_shift, 32 bits, 8-bit transfers for the manual bytes). CTRL.manual
// = 1 gives the engine and the pins to the manual bytes (CS from CTRL.cs) and pauses the
// window.
// Manual DATA: a write shifts out [7:0] (only in manual mode); a read returns the last byte
// shifted in. Both wait (ready held low) while a byte is in flight, so back-to-back
// accesses need no polling; STATUS.busy is there for firmware that prefers to poll.
// Entering manual mode: the manual CS only goes low, and DATA writes are only accepted,
// after MAN_SETTLE cycles of manual mode, so a read burst the window had open is always
// ended by CS high before a manual command starts.
// Bus: two SoC slaves: register block (i_reg_*) and read window (i_win_*).
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_spi (
    input  wire        i_clk,
    input  wire        i_rst,
    // register block
    input  wire        i_reg_sel,
    input  wire [7:0]  i_reg_addr,
    input  wire [31:0] i_reg_wdata,
    input  wire [3:0]  i_reg_wstrb,
    output reg  [31:0] o_reg_rdata,
    output wire        o_reg_ready,
    // read window
    input  wire        i_win_sel,
    input  wire [23:0] i_win_addr,
    input  wire [3:0]  i_win_wstrb,
    output wire [31:0] o_win_rdata,
    output wire        o_win_ready,
    // flash pins
    output wire        o_cs_n,
    output wire        o_sck,
    output wire        o_mosi,
    input  wire        i_miso
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */
    localparam CTRL_MANUAL = 0, CTRL_CS = 1;   // CTRL bits (regmap SPI.CTRL)

    localparam [1:0] MAN_SETTLE = 2'd3;
    reg        manual, man_cs;
    reg [7:0]  clkdiv;
    reg [1:0]  settle;
    wire       settled = settle == MAN_SETTLE;
    always @(posedge i_clk)
        if (i_rst || !manual) settle <= 2'd0;
        else if (!settled) settle <= settle + 2'd1;

    // One shift engine (32 bits) for both: the window's words, and the manual bytes
    // (i_short: 8 bits, received byte in sh_rx[7:0]). The window asks for transfers only
    // while not paused, the manual path only in manual mode; the window's abort (its
    // S_IDLE / S_GAP, where it also sits while paused) is ignored once manual mode has
    // settled, and during settling it ends any burst transfer still in flight.
    wire        man_go = manual & settled;      // the engine belongs to the manual bytes
    wire        sh_busy, sh_done, w_start, w_abort;
    wire [31:0] sh_rx, w_data;
    wire        m_busy  = sh_busy & man_go;
    wire        is_data = i_reg_addr == KVM_SPI_DATA_OFF[7:0];
    wire        wr      = i_reg_sel & (i_reg_wstrb != 4'b0000);
    assign o_reg_ready = i_reg_sel & ~(is_data & (m_busy | (manual & ~settled)));
    wire        wr_ok   = wr & o_reg_ready;
    wire        m_start = wr_ok && is_data && manual;

    soc_spi_shift #(.W(32)) u_shift (
        .i_clk(i_clk), .i_rst(i_rst), .i_half(clkdiv),
        .i_start(m_start | w_start), .i_abort(w_abort & ~man_go), .i_short(manual),
        .i_data(manual ? {i_reg_wdata[7:0], 24'd0} : w_data),
        .o_busy(sh_busy), .o_done(sh_done), .o_rx(sh_rx),
        .o_sck(o_sck), .o_mosi(o_mosi), .i_miso(i_miso));

    // DATA reads the last manual byte: straight from the engine in the cycle it is done
    // (a waiting DATA read completes then), after that from a copy (the window reuses the
    // engine's register later)
    reg  [7:0] m_rx_q;
    wire       m_done = sh_done & man_go;
    wire [7:0] m_rx   = m_done ? sh_rx[7:0] : m_rx_q;
    always @(posedge i_clk)
        if (i_rst) m_rx_q <= 8'd0;
        else if (m_done) m_rx_q <= sh_rx[7:0];

    always @(posedge i_clk) begin
        if (i_rst) begin
            manual <= 1'b0;
            man_cs <= 1'b0;
            clkdiv <= 8'd0;
        end else begin
            if (wr_ok && i_reg_addr == KVM_SPI_CTRL_OFF[7:0]) begin
                manual <= i_reg_wdata[CTRL_MANUAL];
                man_cs <= i_reg_wdata[CTRL_CS];
            end
            if (wr_ok && i_reg_addr == KVM_SPI_CLKDIV_OFF[7:0]) clkdiv <= i_reg_wdata[7:0];
        end
    end

    always @(*) begin
        case (i_reg_addr)
        KVM_SPI_CTRL_OFF[7:0]:   o_reg_rdata = {30'd0, man_cs, manual};
        KVM_SPI_DATA_OFF[7:0]:   o_reg_rdata = {24'd0, m_rx};
        KVM_SPI_STATUS_OFF[7:0]: o_reg_rdata = {31'd0, m_busy};
        KVM_SPI_CLKDIV_OFF[7:0]: o_reg_rdata = {24'd0, clkdiv};
        default:                 o_reg_rdata = 32'd0;
        endcase
    end

    wire w_cs_n;
    soc_spi_window u_window (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_sel(i_win_sel), .i_addr(i_win_addr), .i_wstrb(i_win_wstrb),
        .o_rdata(o_win_rdata), .o_ready(o_win_ready),
        .i_pause(manual), .o_cs_n(w_cs_n),
        .o_sh_start(w_start), .o_sh_abort(w_abort), .o_sh_data(w_data),
        .i_sh_done(sh_done), .i_sh_rx(sh_rx));

    assign o_cs_n = manual ? ~(man_cs & settled) : w_cs_n;
endmodule
`default_nettype wire
