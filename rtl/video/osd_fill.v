// osd_fill: hardware fill of a rectangle of OSD text cells with one cell value.
// Clock: i_clk = clk_sys (the text RAM's write clock); no clock-domain crossing here.
//
// i_start (a FILL_CTRL store) latches nothing: the register block stalls FILL_* writes
// while o_busy is high, so i_x .. i_cell hold still for the whole fill. The engine writes
// one 32-bit text word (two cells, word w = cells 2w and 2w+1) per clock, row by row,
// with byte-lane enables for the cells inside the rectangle:
//   columns x .. min(x + w, 64) - 1, rows y .. min(y + h, 32) - 1; w or h = 0: nothing.
// Cycles: rows * (words touched per row); a full 64 x 32 screen takes 1024 clk_sys.
// Arbitration: the owner (video_top) gives the text RAM write port to the engine while
// o_busy is high and holds CPU text stores (bus ready low) until it drops, so a store
// issued after the start is never lost nor overwritten by the fill.
`default_nettype none
module osd_fill (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_start,
    input  wire [5:0]  i_x,
    input  wire [4:0]  i_y,
    input  wire [6:0]  i_w,
    input  wire [5:0]  i_h,
    input  wire [15:0] i_cell,
    output reg         o_busy,
    output wire [9:0]  o_addr,      // text word {row, word column}
    output wire [31:0] o_data,
    output wire [3:0]  o_we         // byte lanes, only while o_busy
);
    // last column / row inside the grid (x + w - 1, y + h - 1, clipped)
    // (only evaluated while w, h >= 1: no underflow)
    wire [7:0] x_end = {2'b00, i_x} + {1'b0, i_w} - 8'd1;
    wire [6:0] y_end = {2'b00, i_y} + {1'b0, i_h} - 7'd1;
    wire [5:0] xl = (x_end[7:6] != 2'b00) ? 6'd63 : x_end[5:0];
    wire [4:0] yl = (y_end[6:5] != 2'b00) ? 5'd31 : y_end[4:0];

    reg [4:0] row;
    reg [4:0] wcol;     // word column 0..31
    wire first = (wcol == i_x[5:1]);
    wire last  = (wcol == xl[5:1]);

    assign o_addr = {row, wcol};
    assign o_data = {i_cell, i_cell};
    // lanes 1:0 = cell 2w (skipped in the first word if x is odd),
    // lanes 3:2 = cell 2w+1 (skipped in the last word if the last column is even)
    wire lo = !(first && i_x[0]);
    wire hi = !(last && !xl[0]);
    assign o_we = {4{o_busy}} & {hi, hi, lo, lo};

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_busy <= 1'b0;
            row    <= 5'd0;
            wcol   <= 5'd0;
        end else if (!o_busy) begin
            o_busy <= i_start && (i_w != 7'd0) && (i_h != 6'd0);
            row    <= i_y;
            wcol   <= i_x[5:1];
        end else if (last) begin
            wcol <= i_x[5:1];
            row  <= row + 5'd1;
            if (row == yl)
                o_busy <= 1'b0;
        end else begin
            wcol <= wcol + 5'd1;
        end
    end
endmodule
`default_nettype wire
