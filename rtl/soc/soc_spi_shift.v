// soc_spi_shift: SPI mode-0 shift engine for W bits, MSB first. i_start loads i_data and
// clocks W bits: MOSI changes while SCK is low, MISO is sampled as SCK rises. Each SCK
// half-period lasts i_half+1 clk_sys cycles; SCK idles low and ends low. o_done pulses
// in the cycle after the last falling edge, with o_rx holding the W bits read.
// i_abort stops a transfer at once (SCK low).
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
    input  wire [W-1:0] i_data,
    output reg          o_busy,
    output reg          o_done,
    output reg  [W-1:0] o_rx,
    output reg          o_sck,
    output wire         o_mosi,
    input  wire         i_miso
);
    localparam CW = $clog2(W + 1);
    reg [W-1:0]  shift;
    reg [CW-1:0] bits_left;
    reg [7:0]    cnt;

    assign o_mosi = shift[W-1];

    always @(posedge i_clk) begin
        o_done <= 1'b0;
        if (i_rst || i_abort) begin
            o_busy    <= 1'b0;
            o_sck     <= 1'b0;
            bits_left <= {CW{1'b0}};
            cnt       <= 8'd0;
            if (i_rst) begin
                shift <= {W{1'b0}};
                o_rx  <= {W{1'b0}};
            end
        end else if (!o_busy) begin
            if (i_start) begin
                shift     <= i_data;
                o_busy    <= 1'b1;
                bits_left <= W[CW-1:0];
                cnt       <= i_half;
            end
        end else if (cnt != 8'd0) begin
            cnt <= cnt - 8'd1;
        end else begin
            cnt <= i_half;
            if (!o_sck) begin
                o_sck <= 1'b1;
                o_rx  <= {o_rx[W-2:0], i_miso};
            end else begin
                o_sck     <= 1'b0;
                shift     <= {shift[W-2:0], 1'b0};
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
