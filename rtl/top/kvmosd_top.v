// kvmosd_top: board-independent top of kvmosd. Instantiates the SoC (kvm_soc: CPU, memories,
// peripherals) and the video block (video_top) and connects them per docs/interfaces.md:
// the SoC's VIDEO register block and OSD_TEXT/OSD_FONT regions go to video_top's register
// and memory ports, video_top's vsync pulse is the SoC's IRQ_VSYNC source.
// Resets: i_rst_n (board reset / PLL lock, asynchronous, active low) is turned into one
// synchronous-release reset per domain with reset_sync. The SoC builds its own clk_sys
// reset from i_rst_n plus watchdog / software reset; the video block is reset only by the
// board reset, so a CPU reset does not disturb the picture.
// The keyboard/mouse path (kvm_top, clk_sys only, KVM_N PC ports, 0 = absent) hangs on the
// SoC's KVM register port and IRQ_KVM; it is reset with the SoC (board, watchdog and
// software reset: docs/ps2.md "Integration"). PS/2 pins are open collector: *_low = 1 pulls
// the line low, the inputs read the pads.
// Video inputs (VID_N ports, 0 = none: the internal picture only, exactly the design before
// the matrix): every port's sync separator + meter (vin_meters, on i_clk_ref, the VIDIN
// register block at IO block 8) and the video matrix inside video_top, which shows the port
// chosen by VIDEO.SOURCE (or the internal picture) with the OSD on top. o_vid_clk is the
// clock of every o_vid_* output: the matrix's muxed clock, = i_clk_pix when VID_N = 0.
// Clocks: i_clk_sys (SoC, video register side, KVM, matrix control), i_clk_pix (internal
// 25.125 MHz picture), i_clk_ref (meters), i_vin_clk[p] (port p), o_vid_clk (video out).
`default_nettype none
module kvmosd_top #(
    parameter CLK_SYS_HZ = 12000000,
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter KVM_N = 4,                // PC ports (0..8; 0 = no KVM block)
    parameter KVM_POWERUP_MS = 500,     // emulated keyboard/mouse power-up to BAT
    parameter KVM_NP = (KVM_N > 0) ? KVM_N : 1,
    parameter VID_N = 4,                // video input ports (0 = none: internal picture only)
    parameter VID_REF_HZ = 48000000,    // i_clk_ref, the meters' sampling clock
    parameter VIN_ENGINE = 0,           // meters: 0 = sync_port per input, 1 = shared engine
    parameter VID_NP = (VID_N > 0) ? VID_N : 1,
    parameter BOOT_XIP = 0,             // 1: firmware executes in place from flash (HX8K)
    parameter RAM_BYTES = 0             // main RAM; 0 = KVM_RAM_SIZE (UP5K SPRAM)
) (
    input  wire       i_clk_sys, input wire i_clk_pix,
    input  wire       i_rst_n,          // board reset / PLL lock, asynchronous, active low
    input  wire       i_uart_rx,  output wire o_uart_tx,
    output wire       o_flash_cs_n, output wire o_flash_sck,
    output wire       o_flash_mosi, input wire i_flash_miso,
    output wire [7:0] o_led,      input wire [3:0] i_btn,     // 1 = on / pressed
    output wire [3:0] o_vid_r, output wire [3:0] o_vid_g, output wire [3:0] o_vid_b,
    output wire       o_vid_hs, output wire o_vid_vs, output wire o_vid_de,
    output wire       o_vid_clk,        // clock of o_vid_* (matrix output; i_clk_pix if VID_N = 0)
    // video inputs: port p = bit p / bits [4p+3:4p]; RGB/DE synchronous to i_vin_clk[p],
    // HS/VS also sampled asynchronously by the meters (i_clk_ref)
    input  wire       i_clk_ref,        // meter reference clock (VID_REF_HZ)
    input  wire [VID_NP-1:0] i_vin_clk, i_vin_hs, i_vin_vs, i_vin_de,
    input  wire [4*VID_NP-1:0] i_vin_r, i_vin_g, i_vin_b,
    // PS/2, open collector: console keyboard and mouse, then per PC port
    input  wire       i_con_kbd_clk, input wire i_con_kbd_dat,
    output wire       o_con_kbd_clk_low, output wire o_con_kbd_dat_low,
    input  wire       i_con_ms_clk, input wire i_con_ms_dat,
    output wire       o_con_ms_clk_low, output wire o_con_ms_dat_low,
    input  wire [KVM_NP-1:0] i_pc_kbd_clk, input wire [KVM_NP-1:0] i_pc_kbd_dat,
    output wire [KVM_NP-1:0] o_pc_kbd_clk_low, output wire [KVM_NP-1:0] o_pc_kbd_dat_low,
    input  wire [KVM_NP-1:0] i_pc_ms_clk, input wire [KVM_NP-1:0] i_pc_ms_dat,
    output wire [KVM_NP-1:0] o_pc_ms_clk_low, output wire [KVM_NP-1:0] o_pc_ms_dat_low
);
    // video resets: board reset only
    wire rst_vid_sys, rst_vid_pix;
    reset_sync u_rst_vid_sys (.i_clk(i_clk_sys), .i_rst_n(i_rst_n), .o_rst(rst_vid_sys));
    reset_sync u_rst_vid_pix (.i_clk(i_clk_pix), .i_rst_n(i_rst_n), .o_rst(rst_vid_pix));

    wire        vid_reg_sel, vid_mem_sel, vid_reg_ready, vid_mem_ready, irq_vsync;
    wire [16:0] vid_addr;
    wire [31:0] vid_wdata, vid_reg_rdata;
    wire [3:0]  vid_wstrb;
    wire        rst_sys, kvm_sel, kvm_ready, irq_kvm;
    wire [31:0] kvm_rdata;
    wire        vin_sel, vin_ready;
    wire [31:0] vin_rdata;
    wire [VID_NP-1:0] vin_ok, vin_present, vin_hpol, vin_vpol, vin_csync, vin_ilace;

    kvm_soc #(.CLK_SYS_HZ(CLK_SYS_HZ), .BOOTROM_HEX(BOOTROM_HEX), .BOOT_XIP(BOOT_XIP),
              .RAM_BYTES(RAM_BYTES)) u_soc (
        .i_clk_sys(i_clk_sys), .i_rst_n(i_rst_n), .o_rst_sys(rst_sys),
        .i_uart_rx(i_uart_rx), .o_uart_tx(o_uart_tx),
        .o_flash_cs_n(o_flash_cs_n), .o_flash_sck(o_flash_sck),
        .o_flash_mosi(o_flash_mosi), .i_flash_miso(i_flash_miso),
        .o_led(o_led), .i_btn(i_btn),
        .o_vid_reg_sel(vid_reg_sel), .o_vid_mem_sel(vid_mem_sel), .o_vid_addr(vid_addr),
        .o_vid_wdata(vid_wdata), .o_vid_wstrb(vid_wstrb),
        .i_vid_reg_rdata(vid_reg_rdata), .i_vid_reg_ready(vid_reg_ready),
        .i_vid_mem_ready(vid_mem_ready), .i_irq_vsync(irq_vsync),
        .o_kvm_sel(kvm_sel), .i_kvm_rdata(kvm_rdata), .i_kvm_ready(kvm_ready),
        .i_irq_kvm(irq_kvm),
        .o_vin_sel(vin_sel), .i_vin_rdata(vin_rdata), .i_vin_ready(vin_ready));

    // ---- video input meters (VIDIN block); reset by the board reset only, like video
    generate
    if (VID_N > 0) begin : g_vin
        wire rst_ref;
        reset_sync u_rst_ref (.i_clk(i_clk_ref), .i_rst_n(i_rst_n), .o_rst(rst_ref));
        vin_meters #(.N(VID_N), .REF_HZ(VID_REF_HZ), .ENGINE(VIN_ENGINE)) u_vin (
            .i_clk_ref(i_clk_ref), .i_rst_ref(rst_ref), .i_hs(i_vin_hs), .i_vs(i_vin_vs),
            .i_clk_sys(i_clk_sys), .i_rst_sys(rst_vid_sys),
            .i_reg_sel(vin_sel), .i_reg_addr(vid_addr[7:0]),
            .o_reg_rdata(vin_rdata), .o_reg_ready(vin_ready),
            .o_ok(vin_ok), .o_present(vin_present), .o_hpol(vin_hpol), .o_vpol(vin_vpol),
            .o_csync(vin_csync), .o_interlaced(vin_ilace));
    end else begin : g_no_vin
        // no inputs: the VIDIN block reads 0 (INFO.N = 0) and answers at once
        assign vin_rdata = 32'd0;
        assign vin_ready = vin_sel;
        assign {vin_ok, vin_present, vin_hpol, vin_vpol, vin_csync, vin_ilace} = {6*VID_NP{1'b0}};
        wire unused_ref = &{1'b0, i_clk_ref};
    end
    endgenerate
    wire unused_vin = &{1'b0, vin_present};

    kvm_top #(.N(KVM_N), .CLK_HZ(CLK_SYS_HZ), .POWERUP_MS(KVM_POWERUP_MS)) u_kvm (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_reg_sel(kvm_sel), .i_reg_addr(vid_addr[7:0]), .i_reg_wdata(vid_wdata),
        .i_reg_wstrb(vid_wstrb), .o_reg_rdata(kvm_rdata), .o_reg_ready(kvm_ready),
        .o_irq(irq_kvm),
        .i_con_kbd_clk(i_con_kbd_clk), .i_con_kbd_dat(i_con_kbd_dat),
        .o_con_kbd_clk_low(o_con_kbd_clk_low), .o_con_kbd_dat_low(o_con_kbd_dat_low),
        .i_con_ms_clk(i_con_ms_clk), .i_con_ms_dat(i_con_ms_dat),
        .o_con_ms_clk_low(o_con_ms_clk_low), .o_con_ms_dat_low(o_con_ms_dat_low),
        .i_pc_kbd_clk(i_pc_kbd_clk), .i_pc_kbd_dat(i_pc_kbd_dat),
        .o_pc_kbd_clk_low(o_pc_kbd_clk_low), .o_pc_kbd_dat_low(o_pc_kbd_dat_low),
        .i_pc_ms_clk(i_pc_ms_clk), .i_pc_ms_dat(i_pc_ms_dat),
        .o_pc_ms_clk_low(o_pc_ms_clk_low), .o_pc_ms_dat_low(o_pc_ms_dat_low));

    video_top #(.VID_N(VID_N)) u_video (
        .i_clk_sys(i_clk_sys), .i_rst_sys(rst_vid_sys),
        .i_clk_pix(i_clk_pix), .i_rst_pix(rst_vid_pix),
        .i_reg_sel(vid_reg_sel), .i_reg_addr(vid_addr[7:0]),
        .i_reg_wdata(vid_wdata), .i_reg_wstrb(vid_wstrb),
        .o_reg_rdata(vid_reg_rdata), .o_reg_ready(vid_reg_ready),
        .i_mem_sel(vid_mem_sel), .i_mem_addr(vid_addr),
        .i_mem_wdata(vid_wdata), .i_mem_wstrb(vid_wstrb),
        .o_mem_ready(vid_mem_ready),
        .o_irq_vsync(irq_vsync),
        .i_vin_clk(i_vin_clk), .i_vin_hs(i_vin_hs), .i_vin_vs(i_vin_vs), .i_vin_de(i_vin_de),
        .i_vin_r(i_vin_r), .i_vin_g(i_vin_g), .i_vin_b(i_vin_b),
        .i_vin_ok(vin_ok), .i_vin_hpol(vin_hpol), .i_vin_vpol(vin_vpol),
        .i_vin_csync(vin_csync), .i_vin_ilace(vin_ilace),
        .o_clk_vid(o_vid_clk),
        .o_r(o_vid_r), .o_g(o_vid_g), .o_b(o_vid_b),
        .o_hs(o_vid_hs), .o_vs(o_vid_vs), .o_de(o_vid_de));
endmodule
`default_nettype wire
