// soc_uart_tx: 8N1 transmitter. Takes a byte when idle and i_valid is high (o_take pulses),
// sends start bit, 8 data bits LSB first, stop bit, each i_div clk_sys cycles long.
// o_tx comes straight from a flip-flop (idle high).
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_uart_tx (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [15:0] i_div,
    input  wire        i_valid,
    input  wire [7:0]  i_data,
    output wire        o_take,
    output wire        o_busy,
    output wire        o_tx
);
    reg [9:0]  shift;     // bit 0 is on the pin
    reg [3:0]  bits_left;
    wire [15:0] cnt;      // cycles left in this bit, i_div down to 1

    assign o_busy = bits_left != 4'd0;
    assign o_take = ~o_busy & i_valid;
    assign o_tx   = shift[0];

    wire bit_end = o_busy & (cnt == 16'd1);
    soc_downcnt #(.W(16)) u_cnt (
        .i_clk(i_clk), .i_rst(i_rst), .i_load(o_take | bit_end), .i_dec(o_busy),
        .i_val(i_div), .o_count(cnt));

    always @(posedge i_clk) begin
        if (i_rst) begin
            shift     <= 10'h3FF;
            bits_left <= 4'd0;
        end else if (o_take) begin
            shift     <= {1'b1, i_data, 1'b0};
            bits_left <= 4'd10;
        end else if (bit_end) begin
            shift     <= {1'b1, shift[9:1]};
            bits_left <= bits_left - 4'd1;
        end
    end
endmodule
`default_nettype wire
