// soc_bus: CPU bus interconnect. Decodes the CPU address into one slave select per region /
// peripheral block (common/regmap.toml through the generated localparams), routes ready and
// read data back, and answers any unmapped address itself: ready in the same cycle, data 0,
// writes ignored, so the CPU never hangs. Slaves get the full byte address and use its low
// bits (every region is a naturally aligned power of two). Purely combinational.
// OSD_TEXT and OSD_FONT are write-only: only writes are sent to the video memory port, reads
// there are answered here with 0.
// Clocks: none (combinational, clk_sys domain).
`default_nettype none
module soc_bus (
    input  wire        i_valid,
    input  wire [31:0] i_addr,
    input  wire [3:0]  i_wstrb,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    // memories
    output wire        o_sel_rom,    input wire [31:0] i_rdata_rom,    input wire i_ready_rom,
    output wire        o_sel_ram,    input wire [31:0] i_rdata_ram,    input wire i_ready_ram,
    output wire        o_sel_flash,  input wire [31:0] i_rdata_flash,  input wire i_ready_flash,
    output wire        o_sel_osd,                                      input wire i_ready_osd,
    // peripheral blocks in the IO region
    output wire        o_sel_sysctl, input wire [31:0] i_rdata_sysctl, input wire i_ready_sysctl,
    output wire        o_sel_uart,   input wire [31:0] i_rdata_uart,   input wire i_ready_uart,
    output wire        o_sel_timer,  input wire [31:0] i_rdata_timer,  input wire i_ready_timer,
    output wire        o_sel_wdt,    input wire [31:0] i_rdata_wdt,    input wire i_ready_wdt,
    output wire        o_sel_spi,    input wire [31:0] i_rdata_spi,    input wire i_ready_spi,
    output wire        o_sel_gpio,   input wire [31:0] i_rdata_gpio,   input wire i_ready_gpio,
    output wire        o_sel_video,  input wire [31:0] i_rdata_video,  input wire i_ready_video
);
    // The generated file defines every map symbol; this module uses only some of them.
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    // Every peripheral block in the IO region is 256 bytes (regmap.toml [[block]] rule,
    // enforced by tools/gen_regmap.py).
    localparam [31:0] IO_BLOCK_SIZE = 32'h0000_0100;

    // Address a lies in [base, base+size), for aligned power-of-two regions.
    function automatic in_region(input [31:0] a, input [31:0] base, input [31:0] size);
        in_region = ((a ^ base) & ~(size - 32'd1)) == 32'd0;
    endfunction

    wire hit_rom    = in_region(i_addr, KVM_BOOTROM_BASE, KVM_BOOTROM_SIZE);
    wire hit_ram    = in_region(i_addr, KVM_RAM_BASE, KVM_RAM_SIZE);
    wire hit_flash  = in_region(i_addr, KVM_FLASH_BASE, KVM_FLASH_SIZE);
    wire hit_osd    = in_region(i_addr, KVM_OSD_TEXT_BASE, KVM_OSD_TEXT_SIZE) |
                      in_region(i_addr, KVM_OSD_FONT_BASE, KVM_OSD_FONT_SIZE);
    wire hit_sysctl = in_region(i_addr, KVM_SYSCTL_BASE, IO_BLOCK_SIZE);
    wire hit_uart   = in_region(i_addr, KVM_UART_BASE, IO_BLOCK_SIZE);
    wire hit_timer  = in_region(i_addr, KVM_TIMER_BASE, IO_BLOCK_SIZE);
    wire hit_wdt    = in_region(i_addr, KVM_WDT_BASE, IO_BLOCK_SIZE);
    wire hit_spi    = in_region(i_addr, KVM_SPI_BASE, IO_BLOCK_SIZE);
    wire hit_gpio   = in_region(i_addr, KVM_GPIO_BASE, IO_BLOCK_SIZE);
    wire hit_video  = in_region(i_addr, KVM_VIDEO_BASE, IO_BLOCK_SIZE);

    wire is_write   = i_wstrb != 4'b0000;
    wire osd_write  = hit_osd & is_write;
    wire hit_any    = hit_rom | hit_ram | hit_flash | osd_write | hit_sysctl | hit_uart |
                      hit_timer | hit_wdt | hit_spi | hit_gpio | hit_video;

    assign o_sel_rom    = i_valid & hit_rom;
    assign o_sel_ram    = i_valid & hit_ram;
    assign o_sel_flash  = i_valid & hit_flash;
    assign o_sel_osd    = i_valid & osd_write;
    assign o_sel_sysctl = i_valid & hit_sysctl;
    assign o_sel_uart   = i_valid & hit_uart;
    assign o_sel_timer  = i_valid & hit_timer;
    assign o_sel_wdt    = i_valid & hit_wdt;
    assign o_sel_spi    = i_valid & hit_spi;
    assign o_sel_gpio   = i_valid & hit_gpio;
    assign o_sel_video  = i_valid & hit_video;

    assign o_ready = i_valid & (~hit_any |
                     (hit_rom & i_ready_rom) | (hit_ram & i_ready_ram) |
                     (hit_flash & i_ready_flash) | (osd_write & i_ready_osd) |
                     (hit_sysctl & i_ready_sysctl) | (hit_uart & i_ready_uart) |
                     (hit_timer & i_ready_timer) | (hit_wdt & i_ready_wdt) |
                     (hit_spi & i_ready_spi) | (hit_gpio & i_ready_gpio) |
                     (hit_video & i_ready_video));

    assign o_rdata = ({32{hit_rom}}    & i_rdata_rom)    | ({32{hit_ram}}   & i_rdata_ram)   |
                     ({32{hit_flash}}  & i_rdata_flash)  |
                     ({32{hit_sysctl}} & i_rdata_sysctl) | ({32{hit_uart}}  & i_rdata_uart)  |
                     ({32{hit_timer}}  & i_rdata_timer)  | ({32{hit_wdt}}   & i_rdata_wdt)   |
                     ({32{hit_spi}}    & i_rdata_spi)    | ({32{hit_gpio}}  & i_rdata_gpio)  |
                     ({32{hit_video}}  & i_rdata_video);
endmodule
`default_nettype wire
