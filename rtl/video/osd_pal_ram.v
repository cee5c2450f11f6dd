// osd_pal_ram: the 16-entry RGB444 OSD palette as a dual-clock block RAM (one SB_RAM40_4K
// in 256x16 mode, 16 words used, bit-granular write mask).
// Clocks: i_wclk = clk_sys (VIDEO.PALETTE register writes), i_rclk = clk_pix (overlay
// lookup). This RAM is the palette's clock-domain crossing: a write shows from the next
// lookup of that entry; a lookup in the cycle the entry is written returns the old or the
// new colour (never another entry's).
// Write lanes follow the bus byte strobes: i_we[0] writes [7:0], i_we[1] writes [11:8].
// Contents after configuration are the reset palette (the 16 classic PC text colours);
// there is no reset input: the video block is only reset at power-up, where they already hold.
`default_nettype none
module osd_pal_ram (
    input  wire        i_wclk,
    input  wire [1:0]  i_we,
    input  wire [3:0]  i_waddr,
    input  wire [11:0] i_wdata,
    input  wire        i_rclk,
    input  wire [3:0]  i_raddr,
    output reg  [11:0] o_rdata      // mem[i_raddr] one i_rclk cycle after i_raddr
);
    reg [11:0] mem [0:15];

    initial begin
        mem[0]  = 12'h000; mem[1]  = 12'h00A; mem[2]  = 12'h0A0; mem[3]  = 12'h0AA;
        mem[4]  = 12'hA00; mem[5]  = 12'hA0A; mem[6]  = 12'hA50; mem[7]  = 12'hAAA;
        mem[8]  = 12'h555; mem[9]  = 12'h55F; mem[10] = 12'h5F5; mem[11] = 12'h5FF;
        mem[12] = 12'hF55; mem[13] = 12'hF5F; mem[14] = 12'hFF5; mem[15] = 12'hFFF;
    end

    always @(posedge i_wclk) begin
        if (i_we[0]) mem[i_waddr][7:0]  <= i_wdata[7:0];
        if (i_we[1]) mem[i_waddr][11:8] <= i_wdata[11:8];
    end

    always @(posedge i_rclk)
        o_rdata <= mem[i_raddr];
endmodule
`default_nettype wire
