// soc_bootrom: boot ROM in block RAM (512 x 32 bit = 2 KiB by default), initialised from
// BOOTROM_HEX with $readmemh (one 8-hex-digit word per line). Writes are ignored.
// Reads: one wait state (registered block RAM output), ready the cycle after i_sel.
// Simulation only (Verilator): the plusarg +bootrom=FILE overrides BOOTROM_HEX, so one
// simulator binary can run many test programs.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_bootrom #(
    parameter BOOTROM_HEX = "build/soc-firmware/bootrom.hex",
    parameter WORDS = 512
) (
    input  wire                     i_clk,
    input  wire                     i_rst,
    input  wire                     i_sel,
    input  wire [$clog2(WORDS)-1:0] i_word,   // word address (byte address / 4)
    output reg  [31:0]              o_rdata,
    output reg                      o_ready
);
    reg [31:0] mem [0:WORDS-1];

`ifdef VERILATOR
    reg [1023:0] plus_path;
    initial begin
        if ($value$plusargs("bootrom=%s", plus_path))
            $readmemh(plus_path, mem);
        else
            $readmemh(BOOTROM_HEX, mem);
    end
`else
    initial $readmemh(BOOTROM_HEX, mem);
`endif

    always @(posedge i_clk)
        o_rdata <= mem[i_word];

    always @(posedge i_clk)
        if (i_rst) o_ready <= 1'b0;
        else o_ready <= i_sel & ~o_ready;
endmodule
`default_nettype wire
