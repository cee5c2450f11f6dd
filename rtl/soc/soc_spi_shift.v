// soc_spi_shift: SPI mode-0 shift engine for W bits, MSB first. i_start loads i_data and
// clocks W bits: MOSI changes while SCK is low, MISO is sampled as SCK rises. Each SCK
// half-period lasts i_half+1 clk_sys cycles; SCK idles low and ends low. o_done pulses
// in the cycle after the last falling edge, with o_rx holding the W bits read.
// i_abort stops a transfer at once (SCK low). i_short (sampled with i_start) makes the
// transfer 8 bits long: the top byte of i_data goes out and the 8 bits read end up in
// o_rx[7:0] (the SPI manual engine's bytes; the read window uses all W bits).
// One shift register does both directions: MISO enters at bit 0 on each rising edge, and a
// separate MOSI flop takes the next outgoing bit on each falling edge (0 after the last).
// So o_rx is that register: it holds the received bits once o_done has pulsed, and only
// then (while o_busy it is a mix of both directions).
// Clocks: i_clk = clk_sys; i_miso is sampled directly (it is only read while this engine
// drives SCK, so it is synchronous to our own clock).
`default_nettype none
module soc_spi_shift #(
    parameter W = 8
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire [7:0]   i_half,
    input  wire         i_start,
    input  wire         i_abort,
    input  wire         i_short,
    input  wire [W-1:0] i_data,
    output reg          o_busy,
    output reg          o_done,
    output wire [W-1:0] o_rx,
    output reg          o_sck,
    output reg          o_mosi,
    input  wire         i_miso
);
    localparam CW = $clog2(W + 1);
    localparam [CW-1:0] SHORT_BITS = 8;     // i_short transfers (W >= 8)
    reg [W-1:0]  shift;
    reg [CW-1:0] bits_left;
    wire [7:0]   cnt;           // clk_sys cycles left in this SCK half-period, minus 1
    wire         half_end = o_busy & (cnt == 8'd0);
    soc_downcnt #(.W(8)) u_cnt (
        .i_clk(i_clk), .i_rst(i_rst | i_abort), .i_load((~o_busy & i_start) | half_end),
        .i_dec(o_busy), .i_val(i_half), .o_count(cnt));

    assign o_rx = shift;

    always @(posedge i_clk) begin
        o_done <= 1'b0;
        if (i_rst || i_abort) begin
            o_busy    <= 1'b0;
            o_sck     <= 1'b0;
            bits_left <= {CW{1'b0}};
            if (i_rst) begin
                shift  <= {W{1'b0}};
                o_mosi <= 1'b0;
            end
        end else if (!o_busy) begin
            if (i_start) begin
                shift     <= i_data;
                o_mosi    <= i_data[W-1];
                o_busy    <= 1'b1;
                bits_left <= i_short ? SHORT_BITS : W[CW-1:0];
            end
        end else if (half_end) begin
            if (!o_sck) begin
                o_sck <= 1'b1;
                shift <= {shift[W-2:0], i_miso};
            end else begin
                o_sck     <= 1'b0;
                // next bit out (shift[W-1] after the rising edge's shift); 0 when done
                o_mosi    <= shift[W-1] & (bits_left != {{(CW-1){1'b0}}, 1'b1});
                bits_left <= bits_left - 1'b1;
                if (bits_left == {{(CW-1){1'b0}}, 1'b1}) begin
                    o_busy <= 1'b0;
                    o_done <= 1'b1;
                end
            end
        end
    end
endmodule
`default_nettype wire
