// kvm_soc: the kvmosd system on chip: kvm_cpu (RV32IM) on the CPU bus of soc_fabric (boot
// ROM, RAM, SYSCTL, UART, TIMER, WDT, SPI flash, GPIO) plus bus ports out to the video
// block (VIDEO registers and OSD text/font memories) and its vsync interrupt, and the KVM
// register block (o_kvm_sel with the video port's address / data / strobes) and its
// level interrupt (IRQ_KVM), and the VIDIN register block (o_vin_sel, same sharing).
// Resets: i_rst_n (board, asynchronous, active low) is combined with watchdog and software
// reset requests inside soc_fabric; the CPU gets that clk_sys reset, and o_rst_sys passes it
// out for the KVM block (reset with the SoC).
// Clocks: i_clk_sys only.
`default_nettype none
module kvm_soc #(
    parameter CLK_SYS_HZ = 12000000,
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter [31:0] HW_VERSION = 32'h0001_0000,
    parameter BOOT_XIP = 0,
    parameter RAM_BYTES = 0,            // main RAM size; 0 = KVM_RAM_SIZE (soc_fabric)
    parameter DEBOUNCE_CYCLES = CLK_SYS_HZ / 200
) (
    input  wire        i_clk_sys,
    input  wire        i_rst_n,
    output wire        o_rst_sys,        // clk_sys reset (board | watchdog | soft)
    input  wire        i_uart_rx,
    output wire        o_uart_tx,
    output wire        o_flash_cs_n,
    output wire        o_flash_sck,
    output wire        o_flash_mosi,
    input  wire        i_flash_miso,
    output wire [7:0]  o_led,
    input  wire [3:0]  i_btn,
    output wire        o_vid_reg_sel,
    output wire        o_vid_mem_sel,
    output wire [16:0] o_vid_addr,
    output wire [31:0] o_vid_wdata,
    output wire [3:0]  o_vid_wstrb,
    input  wire [31:0] i_vid_reg_rdata,
    input  wire        i_vid_reg_ready,
    input  wire        i_vid_mem_ready,
    input  wire        i_irq_vsync,
    output wire        o_kvm_sel,
    input  wire [31:0] i_kvm_rdata,
    input  wire        i_kvm_ready,
    input  wire        i_irq_kvm,
    output wire        o_vin_sel,        // VIDIN register block (IO block 8), like o_kvm_sel
    input  wire [31:0] i_vin_rdata,
    input  wire        i_vin_ready
);
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    wire        rst_sys, mem_valid, mem_instr, mem_ready, irq_timer, irq_ext;
    wire [31:0] mem_addr, mem_wdata, mem_rdata;
    wire [3:0]  mem_wstrb;

    // Retire trace outputs are for CPU verification only.
    /* verilator lint_off PINCONNECTEMPTY */
    // reset pc: the boot ROM, or (BOOT_XIP) the boot loader in the flash window
    kvm_cpu #(.RESET_PC((BOOT_XIP != 0) ? KVM_FLASH_BASE + KVM_FLASH_BOOT_OFFSET
                                        : KVM_BOOTROM_BASE)) u_cpu (
        .i_clk(i_clk_sys), .i_rst(rst_sys),
        .o_mem_valid(mem_valid), .o_mem_instr(mem_instr), .o_mem_addr(mem_addr),
        .o_mem_wdata(mem_wdata), .o_mem_wstrb(mem_wstrb),
        .i_mem_rdata(mem_rdata), .i_mem_ready(mem_ready),
        .i_irq_timer(irq_timer), .i_irq_external(irq_ext),
        .o_rt_valid(), .o_rt_pc(), .o_rt_insn(), .o_rt_trap(), .o_rt_cause(),
        .o_rt_rd(), .o_rt_rd_wdata());
    /* verilator lint_on PINCONNECTEMPTY */

    soc_fabric #(
        .CLK_SYS_HZ(CLK_SYS_HZ), .BOOTROM_HEX(BOOTROM_HEX), .HW_VERSION(HW_VERSION),
        .BOOT_XIP(BOOT_XIP), .RAM_BYTES(RAM_BYTES), .DEBOUNCE_CYCLES(DEBOUNCE_CYCLES)
    ) u_fabric (
        .i_clk_sys(i_clk_sys), .i_rst_n(i_rst_n), .o_rst_sys(rst_sys),
        .i_mem_valid(mem_valid), .i_mem_addr(mem_addr), .i_mem_wdata(mem_wdata),
        .i_mem_wstrb(mem_wstrb), .o_mem_rdata(mem_rdata), .o_mem_ready(mem_ready),
        .o_irq_timer(irq_timer), .o_irq_external(irq_ext),
        .i_uart_rx(i_uart_rx), .o_uart_tx(o_uart_tx),
        .o_flash_cs_n(o_flash_cs_n), .o_flash_sck(o_flash_sck),
        .o_flash_mosi(o_flash_mosi), .i_flash_miso(i_flash_miso),
        .o_led(o_led), .i_btn(i_btn),
        .o_vid_reg_sel(o_vid_reg_sel), .o_vid_mem_sel(o_vid_mem_sel),
        .o_vid_addr(o_vid_addr), .o_vid_wdata(o_vid_wdata), .o_vid_wstrb(o_vid_wstrb),
        .i_vid_reg_rdata(i_vid_reg_rdata), .i_vid_reg_ready(i_vid_reg_ready),
        .i_vid_mem_ready(i_vid_mem_ready), .i_irq_vsync(i_irq_vsync),
        .o_kvm_sel(o_kvm_sel), .i_kvm_rdata(i_kvm_rdata), .i_kvm_ready(i_kvm_ready),
        .i_irq_kvm(i_irq_kvm),
        .o_vin_sel(o_vin_sel), .i_vin_rdata(i_vin_rdata), .i_vin_ready(i_vin_ready));

    assign o_rst_sys = rst_sys;
    wire unused = &{1'b0, mem_instr};
endmodule
`default_nettype wire
