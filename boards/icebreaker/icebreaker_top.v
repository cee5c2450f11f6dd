// icebreaker_top.v - kvmosd on the iCEBreaker (iCE40UP5K-SG48) with the 1BitSquared
// DVI 12bpp PMOD on PMOD1A+1B.
//
// Clocks:
//   i_clk       12 MHz crystal on pin 35 (the PLL's pad). SB_PLL40_2_PAD passes it
//               through on PLLOUTGLOBALA -> clk_sys (12 MHz, no PLL jitter, so the UART
//               divider stays exact) and makes clk_pix on PLLOUTGLOBALB:
//               12 MHz * (DIVF+1) / 2^DIVQ = 12 * 67 / 32 = 25.125 MHz (VCO 804 MHz).
//   clk_pix     25.125 MHz: 640x480@60 (fH 31.41 kHz, fV 59.82 Hz).
// Reset: the design is held in reset until the PLL reports LOCK and a short
// power-on counter in clk_sys has run out; kvmosd_top synchronises the release
// into each domain. The user button is an input, not a reset.
// Video: VID_N = 0 (no pins left for video inputs: PMOD1A+1B carry the DVI output, PMOD2
// the PS/2 PMOD), so the picture is the internal one and kvmosd_top's o_vid_clk is clk_pix.
// All DVI data and sync pins leave through SB_IO output registers clocked by o_vid_clk;
// the DVI clock pin is driven by a DDR SB_IO so it rises half a pixel
// period after the data changes (mid-eye for the TFP410's rising-edge latch).
// PS/2 (PS/2 PMOD on PMOD2, replacing the snap-off LEDs/buttons): console keyboard and
// mouse and PC port 0's keyboard and mouse, 8 open-drain pins (SB_IO, output enable =
// drive low, D_OUT = 0, internal pull-up). KVM_N (0 or 1, set from boards/boards.mk
// IB_KVM_N) is the number of PC ports built; 0 leaves the KVM block out (pins released).
// The PS/2 inputs are asynchronous; ps2_line_in synchronises them in clk_sys.
`default_nettype none

module icebreaker_top #(
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    // 0: DVI clock pin falls with each data change and rises mid-pixel (TFP410
    // latching on the rising edge). 1: the opposite phase.
    parameter DVI_CLK_INVERT = 0,
    // PC ports of the KVM block: 1 (the pins allow one) or 0 (block absent).
    // Set by boards/boards.mk (IB_KVM_N) through chparam.
    parameter KVM_N = 0
) (
    input  wire       i_clk,          // 12 MHz, pin 35
    input  wire       i_uart_rx,      // from FT2232H channel B
    output wire       o_uart_tx,
    output wire       o_flash_cs_n,
    output wire       o_flash_sck,
    output wire       o_flash_mosi,
    input  wire       i_flash_miso,
    output wire       o_ledr_n,       // red LED, active low
    output wire       o_ledg_n,       // green LED, active low
    input  wire       i_btn_n,        // user button, active low
    // PS/2 PMOD on PMOD2 (open drain, pulled up)
    inout  wire       io_con_kbd_clk,
    inout  wire       io_con_kbd_dat,
    inout  wire       io_con_ms_clk,
    inout  wire       io_con_ms_dat,
    inout  wire       io_pc0_kbd_clk,
    inout  wire       io_pc0_kbd_dat,
    inout  wire       io_pc0_ms_clk,
    inout  wire       io_pc0_ms_dat,
    output wire       o_dvi_clk,
    output wire       o_dvi_hs,
    output wire       o_dvi_vs,
    output wire       o_dvi_de,
    output wire [3:0] o_dvi_r,
    output wire [3:0] o_dvi_g,
    output wire [3:0] o_dvi_b
);

    // ------------------------------------------------------------------ clocks
    wire clk_sys;
    wire clk_pix;
    wire pll_lock;

    SB_PLL40_2_PAD #(
        .FEEDBACK_PATH("SIMPLE"),
        .PLLOUT_SELECT_PORTB("GENCLK"),
        .DIVR(4'd0),
        .DIVF(7'd66),
        .DIVQ(3'd5),
        .FILTER_RANGE(3'd1)
    ) u_pll (
        .PACKAGEPIN(i_clk),
        .PLLOUTCOREA(),
        .PLLOUTGLOBALA(clk_sys),
        .PLLOUTCOREB(),
        .PLLOUTGLOBALB(clk_pix),
        .EXTFEEDBACK(1'b0),
        .DYNAMICDELAY(8'd0),
        .LOCK(pll_lock),
        .BYPASS(1'b0),
        .RESETB(1'b1),
        .LATCHINPUTVALUE(1'b0),
        .SDO(),
        .SDI(1'b0),
        .SCLK(1'b0)
    );

    // ------------------------------------------------------------------ reset
    wire por_done;
    board_por u_por (.i_clk(clk_sys), .i_lock(pll_lock), .o_rst_n(por_done));

    // ------------------------------------------------------------------ core
    wire [7:0] led;
    wire [3:0] vid_r, vid_g, vid_b;
    wire       vid_hs, vid_vs, vid_de;
    wire       vid_clk;                 // clock of vid_* (kvmosd_top o_vid_clk)
    // PS/2 pins, in order: console kbd CLK, DATA, console mouse CLK, DATA,
    // PC 0 kbd CLK, DATA, PC 0 mouse CLK, DATA
    wire [7:0] ps2_in, ps2_low;

    kvmosd_top #(
        .CLK_SYS_HZ(12000000),
        .BOOTROM_HEX(BOOTROM_HEX),
        .KVM_N(KVM_N),
        .VID_N(0)                       // no pins left for video inputs (docs/boards.md)
    ) u_kvmosd (
        .i_clk_sys(clk_sys),
        .i_clk_pix(clk_pix),
        .i_rst_n(por_done),
        .i_uart_rx(i_uart_rx),
        .o_uart_tx(o_uart_tx),
        .o_flash_cs_n(o_flash_cs_n),
        .o_flash_sck(o_flash_sck),
        .o_flash_mosi(o_flash_mosi),
        .i_flash_miso(i_flash_miso),
        .o_led(led),
        .i_btn({3'b000, ~i_btn_n}),
        .o_vid_r(vid_r),
        .o_vid_g(vid_g),
        .o_vid_b(vid_b),
        .o_vid_hs(vid_hs),
        .o_vid_vs(vid_vs),
        .o_vid_de(vid_de),
        .o_vid_clk(vid_clk),
        .i_clk_ref(1'b0),
        .i_vin_clk(1'b0), .i_vin_hs(1'b0), .i_vin_vs(1'b0), .i_vin_de(1'b0),
        .i_vin_r(4'd0), .i_vin_g(4'd0), .i_vin_b(4'd0),
        .i_con_kbd_clk(ps2_in[0]), .i_con_kbd_dat(ps2_in[1]),
        .o_con_kbd_clk_low(ps2_low[0]), .o_con_kbd_dat_low(ps2_low[1]),
        .i_con_ms_clk(ps2_in[2]), .i_con_ms_dat(ps2_in[3]),
        .o_con_ms_clk_low(ps2_low[2]), .o_con_ms_dat_low(ps2_low[3]),
        .i_pc_kbd_clk(ps2_in[4]), .i_pc_kbd_dat(ps2_in[5]),
        .o_pc_kbd_clk_low(ps2_low[4]), .o_pc_kbd_dat_low(ps2_low[5]),
        .i_pc_ms_clk(ps2_in[6]), .i_pc_ms_dat(ps2_in[7]),
        .o_pc_ms_clk_low(ps2_low[6]), .o_pc_ms_dat_low(ps2_low[7])
    );

    // LED 0 red, LED 1 green (main board, active low). GPIO bits 2..7 have no pin.
    assign o_ledr_n   = ~led[0];
    assign o_ledg_n   = ~led[1];
    wire unused_led = &{1'b0, led[7:2]};

    // ------------------------------------------------------------------ PS/2
    board_ps2_pins #(.N(8)) u_ps2_io (
        .io_pin({io_pc0_ms_dat, io_pc0_ms_clk, io_pc0_kbd_dat, io_pc0_kbd_clk,
                 io_con_ms_dat, io_con_ms_clk, io_con_kbd_dat, io_con_kbd_clk}),
        .i_low(ps2_low), .o_in(ps2_in));

    // ------------------------------------------------------------------ video out
    // on the video output clock (kvmosd_top o_vid_clk; with VID_N = 0 that is clk_pix)
    board_dvi_out #(.CLK_INVERT(DVI_CLK_INVERT)) u_dvi (
        .i_clk(vid_clk), .i_r(vid_r), .i_g(vid_g), .i_b(vid_b),
        .i_hs(vid_hs), .i_vs(vid_vs), .i_de(vid_de),
        .o_dvi_clk(o_dvi_clk), .o_dvi_hs(o_dvi_hs), .o_dvi_vs(o_dvi_vs), .o_dvi_de(o_dvi_de),
        .o_dvi_r(o_dvi_r), .o_dvi_g(o_dvi_g), .o_dvi_b(o_dvi_b));

endmodule

`default_nettype wire
