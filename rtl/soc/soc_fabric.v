// soc_fabric: everything of the SoC except the CPU: reset controller, bus interconnect,
// boot ROM, RAM, SYSCTL, UART, TIMER, WDT, SPI flash controller, GPIO, and the bus ports
// out to the video block. It is a slave on the CPU bus (docs/interfaces.md) and drives the
// CPU's reset and interrupt lines. The KVM register block (IO block 7) is a further external
// slave port sharing the video port's address / data / strobes (o_kvm_sel, i_kvm_*), and so is
// the VIDIN register block (IO block 8: o_vin_sel, i_vin_*). kvm_soc = kvm_cpu + soc_fabric; the fabric alone is
// also the unit under test of tests/soc/tb_fabric.cpp (bus driven from C++).
// Clocks: i_clk_sys only. i_rst_n is the asynchronous board reset.
`default_nettype none
module soc_fabric #(
    parameter CLK_SYS_HZ = 12000000,
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter [31:0] HW_VERSION = 32'h0001_0000,
    parameter BOOT_XIP = 0,
    parameter RAM_BYTES = 0,            // main RAM size; 0 = KVM_RAM_SIZE (128 KiB SPRAM)
    parameter DEBOUNCE_CYCLES = CLK_SYS_HZ / 200
) (
    input  wire        i_clk_sys,
    input  wire        i_rst_n,
    output wire        o_rst_sys,        // clk_sys reset for the CPU (board | wdt | soft)
    // CPU bus (slave side)
    input  wire        i_mem_valid,
    input  wire [31:0] i_mem_addr,
    input  wire [31:0] i_mem_wdata,
    input  wire [3:0]  i_mem_wstrb,
    output wire [31:0] o_mem_rdata,
    output wire        o_mem_ready,
    output wire        o_irq_timer,
    output wire        o_irq_external,
    // pins
    input  wire        i_uart_rx,
    output wire        o_uart_tx,
    output wire        o_flash_cs_n,
    output wire        o_flash_sck,
    output wire        o_flash_mosi,
    input  wire        i_flash_miso,
    output wire [7:0]  o_led,
    input  wire [3:0]  i_btn,
    // video block slave ports (shared address / data / strobes)
    output wire        o_vid_reg_sel,
    output wire        o_vid_mem_sel,
    output wire [16:0] o_vid_addr,       // [7:0] register offset; [16:0] OSD memory offset
    output wire [31:0] o_vid_wdata,
    output wire [3:0]  o_vid_wstrb,
    input  wire [31:0] i_vid_reg_rdata,
    input  wire        i_vid_reg_ready,
    input  wire        i_vid_mem_ready,
    input  wire        i_irq_vsync,      // clk_sys pulse
    // KVM register block slave port (address o_vid_addr[7:0], o_vid_wdata, o_vid_wstrb)
    output wire        o_kvm_sel,
    input  wire [31:0] i_kvm_rdata,
    input  wire        i_kvm_ready,
    input  wire        i_irq_kvm,        // level
    // VIDIN register block slave port (IO block 8; same shared address / data / strobes)
    output wire        o_vin_sel,
    input  wire [31:0] i_vin_rdata,
    input  wire        i_vin_ready
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */
    localparam ROM_WORDS = KVM_BOOTROM_SIZE / 4;
    // A smaller RAM (HX8K: block RAM) repeats through the RAM region (upper address bits ignored).
    localparam RAM_WORDS = ((RAM_BYTES != 0) ? RAM_BYTES : KVM_RAM_SIZE) / 4;
    localparam ROM_AW = $clog2(ROM_WORDS);
    localparam RAM_AW = $clog2(RAM_WORDS);
    localparam FLASH_AW = $clog2(KVM_FLASH_SIZE);

    // ---- resets ----
    wire rst_por, rst_sys, wdt_fire, soft_req;
    soc_reset u_reset (
        .i_clk(i_clk_sys), .i_rst_n(i_rst_n), .i_req(wdt_fire | soft_req),
        .o_rst_por(rst_por), .o_rst_sys(rst_sys));
    assign o_rst_sys = rst_sys;

    // ---- interconnect ----
    wire        sel_rom, sel_ram, sel_flash, sel_osd, sel_sysctl, sel_uart, sel_timer,
                sel_wdt, sel_spi, sel_gpio, sel_video;
    wire [31:0] rd_rom, rd_ram, rd_flash, rd_sysctl, rd_uart, rd_timer, rd_wdt, rd_spi,
                rd_gpio;
    wire        rdy_rom, rdy_ram, rdy_flash, rdy_sysctl, rdy_uart, rdy_timer, rdy_wdt,
                rdy_spi, rdy_gpio;
    soc_bus u_bus (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_valid(i_mem_valid), .i_addr(i_mem_addr), .i_wstrb(i_mem_wstrb),
        .o_rdata(o_mem_rdata), .o_ready(o_mem_ready),
        .o_sel_rom(sel_rom),       .i_rdata_rom(rd_rom),       .i_ready_rom(rdy_rom),
        .o_sel_ram(sel_ram),       .i_rdata_ram(rd_ram),       .i_ready_ram(rdy_ram),
        .o_sel_flash(sel_flash),   .i_rdata_flash(rd_flash),   .i_ready_flash(rdy_flash),
        .o_sel_osd(sel_osd),                                   .i_ready_osd(i_vid_mem_ready),
        .o_sel_sysctl(sel_sysctl), .i_rdata_sysctl(rd_sysctl), .i_ready_sysctl(rdy_sysctl),
        .o_sel_uart(sel_uart),     .i_rdata_uart(rd_uart),     .i_ready_uart(rdy_uart),
        .o_sel_timer(sel_timer),   .i_rdata_timer(rd_timer),   .i_ready_timer(rdy_timer),
        .o_sel_wdt(sel_wdt),       .i_rdata_wdt(rd_wdt),       .i_ready_wdt(rdy_wdt),
        .o_sel_spi(sel_spi),       .i_rdata_spi(rd_spi),       .i_ready_spi(rdy_spi),
        .o_sel_gpio(sel_gpio),     .i_rdata_gpio(rd_gpio),     .i_ready_gpio(rdy_gpio),
        .o_sel_video(sel_video),   .i_rdata_video(i_vid_reg_rdata),
        .i_ready_video(i_vid_reg_ready),
        .o_sel_kvm(o_kvm_sel),     .i_rdata_kvm(i_kvm_rdata),  .i_ready_kvm(i_kvm_ready),
        .o_sel_vin(o_vin_sel),     .i_rdata_vin(i_vin_rdata),  .i_ready_vin(i_vin_ready));

    wire [7:0] io_off = i_mem_addr[7:0];

    // ---- memories ----
    // BOOT_XIP (HX8K): no boot ROM block RAM; the boot loader executes in place from flash
    // (kvm_soc's reset pc). The BOOTROM region then reads 0.
    generate
        if (BOOT_XIP == 0) begin : g_rom
            soc_bootrom #(.BOOTROM_HEX(BOOTROM_HEX), .WORDS(ROM_WORDS)) u_rom (
                .i_clk(i_clk_sys), .i_rst(rst_sys), .i_sel(sel_rom),
                .i_word(i_mem_addr[ROM_AW+1:2]), .o_rdata(rd_rom), .o_ready(rdy_rom));
        end else begin : g_no_rom
            reg rom_ack;
            always @(posedge i_clk_sys)
                rom_ack <= ~rst_sys & sel_rom & ~rom_ack;
            assign rd_rom  = 32'd0;
            assign rdy_rom = rom_ack;
        end
    endgenerate

    soc_ram #(.WORDS(RAM_WORDS)) u_ram (
        .i_clk(i_clk_sys), .i_rst(rst_sys), .i_sel(sel_ram),
        .i_word(i_mem_addr[RAM_AW+1:2]), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_ram), .o_ready(rdy_ram));

    // ---- peripherals ----
    wire irq_uart, btn_changed;
    soc_sysctl #(.CLK_SYS_HZ(CLK_SYS_HZ), .HW_VERSION(HW_VERSION), .BOOT_XIP(BOOT_XIP)) u_sysctl (
        .i_clk(i_clk_sys), .i_rst(rst_sys), .i_rst_por(rst_por),
        .i_sel(sel_sysctl), .i_addr(io_off), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_sysctl), .o_ready(rdy_sysctl),
        .i_wdt_fire(wdt_fire), .o_soft_req(soft_req),
        .i_irq_uart(irq_uart), .i_irq_vsync(i_irq_vsync), .i_irq_button(btn_changed),
        .i_irq_kvm(i_irq_kvm), .o_irq_ext(o_irq_external));

    soc_uart #(.CLK_SYS_HZ(CLK_SYS_HZ)) u_uart (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_sel(sel_uart), .i_addr(io_off), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_uart), .o_ready(rdy_uart),
        .i_rx(i_uart_rx), .o_tx(o_uart_tx), .o_irq(irq_uart));

    soc_timer u_timer (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_sel(sel_timer), .i_addr(io_off), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_timer), .o_ready(rdy_timer), .o_irq(o_irq_timer));

    soc_wdt #(.TIMEOUT_RESET(CLK_SYS_HZ)) u_wdt (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_sel(sel_wdt), .i_addr(io_off), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_wdt), .o_ready(rdy_wdt), .o_fire(wdt_fire));

    soc_spi u_spi (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_reg_sel(sel_spi), .i_reg_addr(io_off), .i_reg_wdata(i_mem_wdata),
        .i_reg_wstrb(i_mem_wstrb), .o_reg_rdata(rd_spi), .o_reg_ready(rdy_spi),
        .i_win_sel(sel_flash), .i_win_addr(i_mem_addr[FLASH_AW-1:0]),
        .i_win_wstrb(i_mem_wstrb), .o_win_rdata(rd_flash), .o_win_ready(rdy_flash),
        .o_cs_n(o_flash_cs_n), .o_sck(o_flash_sck), .o_mosi(o_flash_mosi),
        .i_miso(i_flash_miso));

    soc_gpio #(.DEBOUNCE_CYCLES(DEBOUNCE_CYCLES)) u_gpio (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .i_sel(sel_gpio), .i_addr(io_off), .i_wdata(i_mem_wdata), .i_wstrb(i_mem_wstrb),
        .o_rdata(rd_gpio), .o_ready(rdy_gpio),
        .o_led(o_led), .i_btn(i_btn), .o_btn_changed(btn_changed));

    // ---- video block ports ----
    assign o_vid_reg_sel = sel_video;
    assign o_vid_mem_sel = sel_osd;
    assign o_vid_addr    = i_mem_addr[16:0] - KVM_OSD_TEXT_BASE[16:0];
    assign o_vid_wdata   = i_mem_wdata;
    assign o_vid_wstrb   = i_mem_wstrb;
endmodule
`default_nettype wire
