// osd_ram_1kx8: 1024 x 8 simple dual-port RAM with independent clocks (two iCE40
// SB_RAM40_4K in 512x8 mode). Write port on i_wclk (clk_sys), registered read port on
// i_rclk (clk_pix): o_rdata shows mem[i_raddr] one i_rclk cycle after i_raddr.
// This RAM is the crossing for OSD text and font data; reading a word in the cycle it is
// being written may return the old or the new byte (never a mix of other addresses).
`default_nettype none
module osd_ram_1kx8 (
    input  wire       i_wclk,
    input  wire       i_we,
    input  wire [9:0] i_waddr,
    input  wire [7:0] i_wdata,
    input  wire       i_rclk,
    input  wire [9:0] i_raddr,
    output reg  [7:0] o_rdata
);
    reg [7:0] mem [0:1023];

    always @(posedge i_wclk)
        if (i_we)
            mem[i_waddr] <= i_wdata;

    always @(posedge i_rclk)
        o_rdata <= mem[i_raddr];
endmodule
`default_nettype wire
