// soc_bus: CPU bus interconnect. Decodes the CPU address into one slave select per region /
// peripheral block (common/regmap.toml through the generated localparams), routes ready and
// read data back, and answers any unmapped address itself (data 0, writes ignored), so the
// CPU never hangs. Slaves get the full byte address and use its low bits (every region is a
// naturally aligned power of two).
// Timing: nothing the CPU drives reaches o_rdata / o_ready through a slave; only flops and a
// few gates sit between the slaves and the CPU:
//   * ROM and RAM reads: the memories' own registered outputs and ready flops are muxed out
//     directly (one wait state, as before).
//   * Posted writes: a write outside the OSD and IO regions (RAM, or ignored: ROM, FLASH,
//     unmapped) can never stall, so it is answered in the same cycle from the coarse
//     address (bits [31:28]) and the strobes alone. Only RAM is selected for it.
//   * Everything else (IO registers, FLASH window reads, OSD writes, unmapped reads / IO
//     writes) goes through one registered stage: when the slave is ready, its read data and
//     the ready are captured and the CPU sees them one cycle later (one extra wait state).
//     The select is masked in that acknowledge cycle, so a slave sees exactly one
//     completed request (no double FIFO pop / push).
// Assumes each region owns its own 256 MiB block of the address space (regmap: ROM 0x0,
// RAM 0x1, FLASH 0x2, OSD 0x3, IO 0x4).
// OSD_TEXT and OSD_FONT are write-only: only writes are sent to the video memory port, reads
// there are answered here with 0. ROM and FLASH are only selected for reads.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_bus (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_valid,
    input  wire [31:0] i_addr,
    input  wire [3:0]  i_wstrb,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    // memories (ROM and RAM: registered read data and read ready, see above)
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
    output wire        o_sel_video,  input wire [31:0] i_rdata_video,  input wire i_ready_video,
    output wire        o_sel_kvm,    input wire [31:0] i_rdata_kvm,    input wire i_ready_kvm,
    output wire        o_sel_vin,    input wire [31:0] i_rdata_vin,    input wire i_ready_vin
);
    // The generated file defines every map symbol; this module uses only some of them.
    /* verilator lint_off UNUSEDPARAM */
    `include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    // Every peripheral block in the IO region is 256 bytes (regmap.toml [[block]] rule,
    // enforced by tools/gen_regmap.py).
    localparam [31:0] IO_BLOCK_SIZE = 32'h0000_0100;
    localparam [31:0] COARSE_SIZE   = 32'h1000_0000;

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
    wire hit_kvm    = in_region(i_addr, KVM_KVM_BASE, IO_BLOCK_SIZE);
    wire hit_vin    = in_region(i_addr, KVM_VIDIN_BASE, IO_BLOCK_SIZE);

    wire is_write   = i_wstrb != 4'b0000;
    // writes that may wait for their slave: everything in the OSD and IO blocks
    wire may_stall  = in_region(i_addr, KVM_OSD_TEXT_BASE, COARSE_SIZE) |
                      in_region(i_addr, KVM_IO_BASE, COARSE_SIZE);
    wire posted     = is_write & ~may_stall;
    wire mem_read   = ~is_write & (hit_rom | hit_ram);
    wire slow       = ~posted & ~mem_read;      // goes through the registered stage

    // ---- registered stage ----
    reg        ack_q;       // slow request completed last cycle: CPU ready now
    reg [31:0] rdata_q;     // its read data (0 unless ack_q)
    // Selects are masked in the ack cycle. A hit on a registered-stage slave implies `slow`,
    // so the selects do not wait for it (shorter path into the slaves).
    wire       go = i_valid & ~ack_q;

    assign o_sel_rom    = i_valid & hit_rom & ~is_write;
    assign o_sel_ram    = i_valid & hit_ram;
    assign o_sel_flash  = go & hit_flash & ~is_write;
    assign o_sel_osd    = go & hit_osd & is_write;
    assign o_sel_sysctl = go & hit_sysctl;
    assign o_sel_uart   = go & hit_uart;
    assign o_sel_timer  = go & hit_timer;
    assign o_sel_wdt    = go & hit_wdt;
    assign o_sel_spi    = go & hit_spi;
    assign o_sel_gpio   = go & hit_gpio;
    assign o_sel_video  = go & hit_video;
    assign o_sel_kvm    = go & hit_kvm;
    assign o_sel_vin    = go & hit_vin;

    wire hit_slave = (hit_flash & ~is_write) | (hit_osd & is_write) | hit_sysctl | hit_uart |
                     hit_timer | hit_wdt | hit_spi | hit_gpio | hit_video | hit_kvm | hit_vin;
    wire slave_ready = ~hit_slave |              // unmapped: answered here
                       (hit_flash & i_ready_flash) | (hit_osd & i_ready_osd) |
                       (hit_sysctl & i_ready_sysctl) | (hit_uart & i_ready_uart) |
                       (hit_timer & i_ready_timer) | (hit_wdt & i_ready_wdt) |
                       (hit_spi & i_ready_spi) | (hit_gpio & i_ready_gpio) |
                       (hit_video & i_ready_video) | (hit_kvm & i_ready_kvm) |
                       (hit_vin & i_ready_vin);
    wire done = go & slow & slave_ready;

    wire [31:0] slave_rdata =
        ({32{hit_flash}}  & i_rdata_flash)  |
        ({32{hit_sysctl}} & i_rdata_sysctl) | ({32{hit_uart}}  & i_rdata_uart)  |
        ({32{hit_timer}}  & i_rdata_timer)  | ({32{hit_wdt}}   & i_rdata_wdt)   |
        ({32{hit_spi}}    & i_rdata_spi)    | ({32{hit_gpio}}  & i_rdata_gpio)  |
        ({32{hit_video}}  & i_rdata_video)  | ({32{hit_kvm}}   & i_rdata_kvm)   |
        ({32{hit_vin}}    & i_rdata_vin);

    always @(posedge i_clk) begin
        if (i_rst) begin
            ack_q   <= 1'b0;
            rdata_q <= 32'd0;
        end else begin
            ack_q   <= done;
            rdata_q <= (done & ~is_write) ? slave_rdata : 32'd0;
        end
    end

    // ---- back to the CPU: flops and the posted-write term only ----
    wire rom_ack = i_ready_rom;                 // registered in soc_bootrom
    wire ram_ack = i_ready_ram & ~is_write;     // registered read ack in soc_ram
    assign o_ready = ack_q | rom_ack | ram_ack | (i_valid & posted);
    assign o_rdata = ({32{rom_ack}} & i_rdata_rom) | ({32{ram_ack}} & i_rdata_ram) | rdata_q;
endmodule
`default_nettype wire
