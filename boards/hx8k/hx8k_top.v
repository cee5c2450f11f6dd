// hx8k_top.v - kvmosd on the iCE40-HX8K breakout board (iCE40HX8K-B-EVN, CT256):
// four RGB444 video input ports, the DVI 12bpp output, and the PS/2 pins (console
// keyboard and mouse, four PC ports) on the J1-J4 headers (pin map: hx8k.pcf, docs/boards.md).
//
// Clocks:
//   i_clk        12 MHz oscillator on J3 (GBIN6) -> clk_sys directly (the UART divider
//                for 1 Mbaud stays exact) and the reference of both PLLs.
//   clk_pix      25.125 MHz = 12 * 67 / 32 (SB_PLL40_CORE, VCO 804 MHz): the internal
//                picture (640x480@60 fallback with the OSD).
//   clk_ref      48 MHz = 12 * 64 / 16 (the second SB_PLL40_CORE, VCO 768 MHz): the sync
//                meters' sampling clock (VID_REF_HZ).
//   i_vin_clk[p] each video port's own pixel clock, on a GBIN pad (J5, H11, H14, P9).
//   vid_clk      kvmosd_top o_vid_clk: the matrix's glitch-free muxed clock (a port's clock
//                or clk_pix); every DVI output register runs on it.
// Reset: held until clk_pix's PLL locks plus 256 clk_sys cycles (board_por), as on the
// iCEBreaker; kvmosd_top synchronises the release into every domain.
// Memory: no SPRAM on the HX8K, so the main RAM is RAM_BYTES of block RAM and the firmware
// executes in place from the SPI flash window (BOOT_XIP = 1, SYSCTL.BOOT_MODE = 1; the XIP
// image is build/soc-firmware/firmware-xip.img, docs/flash-layout.md).
// PS/2: KVM_N PC ports of the KVM block (boards.mk HX_KVM_N); all 20 pins are assigned
// (open drain, SB_IO output enable = drive low, pull-up on); the pins of absent ports
// are released.
`default_nettype none

module hx8k_top #(
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter DVI_CLK_INVERT = 0,       // as icebreaker_top: 0 = clock rises mid-pixel
    parameter KVM_N = 0,                // PC ports of the KVM block: 0..4
    parameter VID_N = 4,                // video input ports built: 0..4 (pins for 4)
    parameter VIN_ENGINE = 0,           // meters: 0 = sync_port per port, 1 = shared vin_engine
    parameter RAM_BYTES = 4096          // main RAM in block RAM (8 EBR)
) (
    input  wire        i_clk,           // 12 MHz, J3
    input  wire        i_uart_rx,       // FT2232H channel B
    output wire        o_uart_tx,
    output wire        o_flash_cs_n,
    output wire        o_flash_sck,
    output wire        o_flash_mosi,
    input  wire        i_flash_miso,
    output wire [7:0]  o_led,           // D2..D9, active high
    // video inputs, port p: clock, syncs (either polarity, or csync on HS), DE, RGB444
    input  wire [3:0]  i_vin_clk,
    input  wire [3:0]  i_vin_hs,
    input  wire [3:0]  i_vin_vs,
    input  wire [3:0]  i_vin_de,
    input  wire [15:0] i_vin_r,         // port p = [4p+3:4p]
    input  wire [15:0] i_vin_g,
    input  wire [15:0] i_vin_b,
    // PS/2 (open drain): console keyboard and mouse, then PC ports 0..3
    inout  wire        io_con_kbd_clk,
    inout  wire        io_con_kbd_dat,
    inout  wire        io_con_ms_clk,
    inout  wire        io_con_ms_dat,
    inout  wire [3:0]  io_pc_kbd_clk,
    inout  wire [3:0]  io_pc_kbd_dat,
    inout  wire [3:0]  io_pc_ms_clk,
    inout  wire [3:0]  io_pc_ms_dat,
    // DVI 12bpp output (TFP410)
    output wire        o_dvi_clk,
    output wire        o_dvi_hs,
    output wire        o_dvi_vs,
    output wire        o_dvi_de,
    output wire [3:0]  o_dvi_r,
    output wire [3:0]  o_dvi_g,
    output wire [3:0]  o_dvi_b
);
    localparam KN = (KVM_N > 0) ? KVM_N : 1;
    localparam VN = (VID_N > 0) ? VID_N : 1;

    // ------------------------------------------------------------------ clocks
    wire clk_sys, clk_pix, clk_ref, lock_pix;

    // J3 is GBIN6: the pad drives the global network (clk_sys) directly.
    SB_GB_IO #(
        .PIN_TYPE(6'b0000_01)           // plain input
    ) u_clk_io (
        .PACKAGE_PIN(i_clk),
        .GLOBAL_BUFFER_OUTPUT(clk_sys)
    );

    SB_PLL40_CORE #(
        .FEEDBACK_PATH("SIMPLE"),
        .DIVR(4'd0), .DIVF(7'd66), .DIVQ(3'd5), .FILTER_RANGE(3'd1)
    ) u_pll_pix (
        .REFERENCECLK(clk_sys), .PLLOUTCORE(), .PLLOUTGLOBAL(clk_pix),
        .EXTFEEDBACK(1'b0), .DYNAMICDELAY(8'd0), .LOCK(lock_pix),
        .BYPASS(1'b0), .RESETB(1'b1), .LATCHINPUTVALUE(1'b0),
        .SDO(), .SDI(1'b0), .SCLK(1'b0)
    );

    SB_PLL40_CORE #(
        .FEEDBACK_PATH("SIMPLE"),
        .DIVR(4'd0), .DIVF(7'd63), .DIVQ(3'd4), .FILTER_RANGE(3'd1)
    ) u_pll_ref (
        .REFERENCECLK(clk_sys), .PLLOUTCORE(), .PLLOUTGLOBAL(clk_ref),
        .EXTFEEDBACK(1'b0), .DYNAMICDELAY(8'd0), .LOCK(),
        .BYPASS(1'b0), .RESETB(1'b1), .LATCHINPUTVALUE(1'b0),
        .SDO(), .SDI(1'b0), .SCLK(1'b0)
    );

    // ------------------------------------------------------------------ reset
    // Only clk_pix's PLL gates the reset: the LOCK of the second PLL failed to route at this
    // device fill (nextpnr 0.4, "no route for lock_ref"). The meters on clk_ref need no
    // lock: they re-acquire every source by themselves, and their reset_sync releases on
    // clk_ref's own edges once it runs.
    wire por_done;
    board_por u_por (.i_clk(clk_sys), .i_lock(lock_pix), .o_rst_n(por_done));

    // ------------------------------------------------------------------ core
    wire [3:0] vid_r, vid_g, vid_b;
    wire       vid_hs, vid_vs, vid_de, vid_clk;
    // PS/2 pins: [3:0] console kbd CLK, DATA, mouse CLK, DATA; then per PC port p
    // [4p+7:4p+4] kbd CLK, DATA, mouse CLK, DATA
    wire [19:0] ps2_in, ps2_low;
    wire [KN-1:0] pc_kbd_clk, pc_kbd_dat, pc_ms_clk, pc_ms_dat;
    wire [KN-1:0] pc_kbd_clk_low, pc_kbd_dat_low, pc_ms_clk_low, pc_ms_dat_low;

    kvmosd_top #(
        .CLK_SYS_HZ(12000000),
        .BOOTROM_HEX(BOOTROM_HEX),
        .KVM_N(KVM_N),
        .VID_N(VID_N),
        .VID_REF_HZ(48000000),
        .VIN_ENGINE(VIN_ENGINE),
        .BOOT_XIP(1),
        .RAM_BYTES(RAM_BYTES)
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
        .o_led(o_led),
        .i_btn(4'd0),
        .o_vid_r(vid_r), .o_vid_g(vid_g), .o_vid_b(vid_b),
        .o_vid_hs(vid_hs), .o_vid_vs(vid_vs), .o_vid_de(vid_de),
        .o_vid_clk(vid_clk),
        .i_clk_ref(clk_ref),
        .i_vin_clk(i_vin_clk[VN-1:0]), .i_vin_hs(i_vin_hs[VN-1:0]),
        .i_vin_vs(i_vin_vs[VN-1:0]), .i_vin_de(i_vin_de[VN-1:0]),
        .i_vin_r(i_vin_r[4*VN-1:0]), .i_vin_g(i_vin_g[4*VN-1:0]), .i_vin_b(i_vin_b[4*VN-1:0]),
        .i_con_kbd_clk(ps2_in[0]), .i_con_kbd_dat(ps2_in[1]),
        .o_con_kbd_clk_low(ps2_low[0]), .o_con_kbd_dat_low(ps2_low[1]),
        .i_con_ms_clk(ps2_in[2]), .i_con_ms_dat(ps2_in[3]),
        .o_con_ms_clk_low(ps2_low[2]), .o_con_ms_dat_low(ps2_low[3]),
        .i_pc_kbd_clk(pc_kbd_clk), .i_pc_kbd_dat(pc_kbd_dat),
        .o_pc_kbd_clk_low(pc_kbd_clk_low), .o_pc_kbd_dat_low(pc_kbd_dat_low),
        .i_pc_ms_clk(pc_ms_clk), .i_pc_ms_dat(pc_ms_dat),
        .o_pc_ms_clk_low(pc_ms_clk_low), .o_pc_ms_dat_low(pc_ms_dat_low)
    );

    genvar gp;
    generate
        for (gp = 0; gp < 4; gp = gp + 1) begin : g_pc
            if (gp < KVM_N) begin : g_built
                assign {pc_ms_dat[gp], pc_ms_clk[gp], pc_kbd_dat[gp], pc_kbd_clk[gp]} =
                    ps2_in[4*gp+7:4*gp+4];
                assign ps2_low[4*gp+7:4*gp+4] = {pc_ms_dat_low[gp], pc_ms_clk_low[gp],
                                                 pc_kbd_dat_low[gp], pc_kbd_clk_low[gp]};
            end else begin : g_absent
                assign ps2_low[4*gp+7:4*gp+4] = 4'b0000;   // released
            end
        end
    endgenerate
    generate
        if (KVM_N == 0) begin : g_no_kvm    // the 1-wide dummy port reads an idle line
            assign {pc_ms_dat, pc_ms_clk, pc_kbd_dat, pc_kbd_clk} = 4'b1111;
        end
    endgenerate
    wire unused_pc = &{1'b0, ps2_in[19:4], pc_kbd_clk_low, pc_kbd_dat_low, pc_ms_clk_low, pc_ms_dat_low};

    // ------------------------------------------------------------------ PS/2 pins
    board_ps2_pins #(.N(20)) u_ps2_io (
        .io_pin({io_pc_ms_dat[3], io_pc_ms_clk[3], io_pc_kbd_dat[3], io_pc_kbd_clk[3],
                 io_pc_ms_dat[2], io_pc_ms_clk[2], io_pc_kbd_dat[2], io_pc_kbd_clk[2],
                 io_pc_ms_dat[1], io_pc_ms_clk[1], io_pc_kbd_dat[1], io_pc_kbd_clk[1],
                 io_pc_ms_dat[0], io_pc_ms_clk[0], io_pc_kbd_dat[0], io_pc_kbd_clk[0],
                 io_con_ms_dat, io_con_ms_clk, io_con_kbd_dat, io_con_kbd_clk}),
        .i_low(ps2_low), .o_in(ps2_in));

    // ------------------------------------------------------------------ video out
    // on the muxed video clock (docs/boards.md "Video output timing")
    board_dvi_out #(.CLK_INVERT(DVI_CLK_INVERT)) u_dvi (
        .i_clk(vid_clk), .i_r(vid_r), .i_g(vid_g), .i_b(vid_b),
        .i_hs(vid_hs), .i_vs(vid_vs), .i_de(vid_de),
        .o_dvi_clk(o_dvi_clk), .o_dvi_hs(o_dvi_hs), .o_dvi_vs(o_dvi_vs), .o_dvi_de(o_dvi_de),
        .o_dvi_r(o_dvi_r), .o_dvi_g(o_dvi_g), .o_dvi_b(o_dvi_b));

endmodule

`default_nettype wire
