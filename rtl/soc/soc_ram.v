// soc_ram: main RAM, 32-bit words with byte-lane writes.
//   `ICE40_SPRAM defined (UP5K board build): four SB_SPRAM256KA (16K x 16 each), two in
//   parallel for 32 bits, two banks deep = 128 KiB. Otherwise a behavioural array of
//   WORDS words (block RAM inference / simulation).
// Timing: writes complete in the cycle they are selected (the interconnect answers them
// itself, posted); reads have one wait state (registered RAM output): o_ready is the read
// acknowledge only, a flop, high the cycle after a read is selected.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_ram #(
    parameter WORDS = 32768
) (
    input  wire                     i_clk,
    input  wire                     i_rst,
    input  wire                     i_sel,
    input  wire [$clog2(WORDS)-1:0] i_word,   // word address (byte address / 4)
    input  wire [31:0]              i_wdata,
    input  wire [3:0]               i_wstrb,
    output wire [31:0]              o_rdata,
    output wire                     o_ready
);
    wire is_write = i_wstrb != 4'b0000;
    reg  rd_ack;
    always @(posedge i_clk)
        if (i_rst) rd_ack <= 1'b0;
        else rd_ack <= i_sel & ~is_write & ~rd_ack;
    assign o_ready = rd_ack;

`ifdef ICE40_SPRAM
    // 15-bit word address: [14] bank, [13:0] SPRAM address. WORDS must be 32768 here.
    reg bank_q;
    always @(posedge i_clk)
        bank_q <= i_word[14];
    wire [15:0] dout [0:3];
    genvar g;
    generate
        for (g = 0; g < 4; g = g + 1) begin : g_spram
            // g[0]: low / high half-word, g[1]: bank
            wire       cs  = i_sel & (i_word[14] == g[1]);
            wire [1:0] stb = g[0] ? i_wstrb[3:2] : i_wstrb[1:0];
            SB_SPRAM256KA u_spram (
                .ADDRESS(i_word[13:0]),
                .DATAIN(g[0] ? i_wdata[31:16] : i_wdata[15:0]),
                .MASKWREN({stb[1], stb[1], stb[0], stb[0]}),
                .WREN(is_write),
                .CHIPSELECT(cs),
                .CLOCK(i_clk),
                .STANDBY(1'b0),
                .SLEEP(1'b0),
                .POWEROFF(1'b1),
                .DATAOUT(dout[g])
            );
        end
    endgenerate
    assign o_rdata = bank_q ? {dout[3], dout[2]} : {dout[1], dout[0]};
`else
    // The read register only loads when no write is selected: a write and a read of the
    // same word never share a cycle, so synthesis needs no read-during-write emulation
    // (without this, yosys delays the block RAM writes through ~70 flip-flops and adds a
    // bypass multiplexer).
    reg [31:0] mem [0:WORDS-1];
    reg [31:0] rdata;
    always @(posedge i_clk) begin
        if (i_sel & is_write) begin
            if (i_wstrb[0]) mem[i_word][7:0]   <= i_wdata[7:0];
            if (i_wstrb[1]) mem[i_word][15:8]  <= i_wdata[15:8];
            if (i_wstrb[2]) mem[i_word][23:16] <= i_wdata[23:16];
            if (i_wstrb[3]) mem[i_word][31:24] <= i_wdata[31:24];
        end else begin
            rdata <= mem[i_word];
        end
    end
    assign o_rdata = rdata;
`endif
endmodule
`default_nettype wire
