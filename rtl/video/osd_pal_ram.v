// osd_pal_ram: the OSD palette block RAM (one SB_RAM40_4K in 256x16 mode, 32 words
// decoded, bit-granular write mask), dual clock.
// Clocks: i_wclk = clk_sys (VIDEO.PALETTE / ROW_HIDE / BLINK_MASK stores), i_rclk = clk_pix
// (overlay lookups). This RAM is the clock-domain crossing for everything in it: a write
// shows from the next lookup of that word; a lookup in the cycle the word is written
// returns the old or the new value (never another word's).
//   words 0-15  palette entry i: [11:0] RGB444, [13:12] background mode (docs/video.md)
//   words 16-17 ROW_HIDE: bit b of word 16+i hides window text row 16*i + b
//   word  18    BLINK_MASK: bit i = foreground index i blinks
// Write lanes follow the bus byte strobes: i_we[0] writes [7:0], i_we[1] writes [15:8].
// Contents after configuration: the reset palette (the 16 classic PC text colours, all
// opaque), no hidden rows, no blinking; there is no reset input: the video block is only
// reset at power-up, where they already hold.
`default_nettype none
module osd_pal_ram (
    input  wire        i_wclk,
    input  wire [1:0]  i_we,
    input  wire [4:0]  i_waddr,
    input  wire [15:0] i_wdata,
    input  wire        i_rclk,
    input  wire [4:0]  i_raddr,
    output reg  [15:0] o_rdata      // mem[i_raddr] one i_rclk cycle after i_raddr
);
    reg [15:0] mem [0:31];

    integer i;
    initial begin
        for (i = 16; i < 32; i = i + 1)
            mem[i] = 16'h0000;
        mem[0]  = 16'h000; mem[1]  = 16'h00A; mem[2]  = 16'h0A0; mem[3]  = 16'h0AA;
        mem[4]  = 16'hA00; mem[5]  = 16'hA0A; mem[6]  = 16'hA50; mem[7]  = 16'hAAA;
        mem[8]  = 16'h555; mem[9]  = 16'h55F; mem[10] = 16'h5F5; mem[11] = 16'h5FF;
        mem[12] = 16'hF55; mem[13] = 16'hF5F; mem[14] = 16'hFF5; mem[15] = 16'hFFF;
    end

    always @(posedge i_wclk) begin
        if (i_we[0]) mem[i_waddr][7:0]  <= i_wdata[7:0];
        if (i_we[1]) mem[i_waddr][15:8] <= i_wdata[15:8];
    end

    always @(posedge i_rclk)
        o_rdata <= mem[i_raddr];
endmodule
`default_nettype wire
