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
// Clocks: i_clk_sys (SoC, video register side, KVM), i_clk_pix (video output).
`default_nettype none
module kvmosd_top #(
    parameter CLK_SYS_HZ = 12000000,
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter KVM_N = 4,                // PC ports (0..8; 0 = no KVM block)
    parameter KVM_POWERUP_MS = 500,     // emulated keyboard/mouse power-up to BAT
    parameter KVM_NP = (KVM_N > 0) ? KVM_N : 1
) (
    input  wire       i_clk_sys, input wire i_clk_pix,
    input  wire       i_rst_n,          // board reset / PLL lock, asynchronous, active low
    input  wire       i_uart_rx,  output wire o_uart_tx,
    output wire       o_flash_cs_n, output wire o_flash_sck,
    output wire       o_flash_mosi, input wire i_flash_miso,
    output wire [7:0] o_led,      input wire [3:0] i_btn,     // 1 = on / pressed
    output wire [3:0] o_vid_r, output wire [3:0] o_vid_g, output wire [3:0] o_vid_b,
    output wire       o_vid_hs, output wire o_vid_vs, output wire o_vid_de,
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

    kvm_soc #(.CLK_SYS_HZ(CLK_SYS_HZ), .BOOTROM_HEX(BOOTROM_HEX)) u_soc (
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
        .i_irq_kvm(irq_kvm));

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

    video_top u_video (
        .i_clk_sys(i_clk_sys), .i_rst_sys(rst_vid_sys),
        .i_clk_pix(i_clk_pix), .i_rst_pix(rst_vid_pix),
        .i_reg_sel(vid_reg_sel), .i_reg_addr(vid_addr[7:0]),
        .i_reg_wdata(vid_wdata), .i_reg_wstrb(vid_wstrb),
        .o_reg_rdata(vid_reg_rdata), .o_reg_ready(vid_reg_ready),
        .i_mem_sel(vid_mem_sel), .i_mem_addr(vid_addr),
        .i_mem_wdata(vid_wdata), .i_mem_wstrb(vid_wstrb),
        .o_mem_ready(vid_mem_ready),
        .o_irq_vsync(irq_vsync),
        .o_r(o_vid_r), .o_g(o_vid_g), .o_b(o_vid_b),
        .o_hs(o_vid_hs), .o_vs(o_vid_vs), .o_de(o_vid_de));
endmodule
`default_nettype wire
