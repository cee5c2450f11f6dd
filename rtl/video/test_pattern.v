// test_pattern: background picture behind the OSD, two registered stages.
// Clock: i_clk = clk_pix. i_x / i_y describe pixel T; o_rgb is that pixel's colour two
// clocks later; it is black (0x000) whenever i_de is low, so blanking costs the overlay
// nothing.
// i_mode = VIDEO.PATTERN[1:0], i_colour = VIDEO.PATTERN[15:4]:
//   i_mode = 0: 8 vertical bars, bar = min(7, x / (H_ACTIVE/8)), colours white, yellow, cyan,
//              green, magenta, red, blue, black (channels 0 or 15)
//           1: grid: 0xFFF where x%32 == 0, y%32 == 0, x == H_ACTIVE-1 or y == V_ACTIVE-1,
//              else 0x333
//           2: solid colour i_colour (RGB444, R in [11:8])
//           3: black
`default_nettype none
module test_pattern #(
    parameter H_ACTIVE = 640,
    parameter V_ACTIVE = 480
) (
    input  wire        i_clk,
    input  wire [11:0] i_x,
    input  wire [11:0] i_y,
    input  wire        i_de,
    input  wire [1:0]  i_mode,
    input  wire [11:0] i_colour,
    output reg  [11:0] o_rgb
);
    localparam [11:0] BAR_W  = H_ACTIVE / 8;
    localparam [11:0] X_LAST = H_ACTIVE - 1;
    localparam [11:0] Y_LAST = V_ACTIVE - 1;

    // Bar index without magnitude compares: stage 1 flags "x is 0" and "x is a bar
    // boundary k*BAR_W (k = 1..7)"; stage 2 counts boundaries along the line. x advances by
    // one every clock (video_timing), so the running count equals min(7, x / BAR_W).
    reg     bnd;
    integer k;
    always @(*) begin
        bnd = 1'b0;
        for (k = 1; k < 8; k = k + 1)
            if (i_x == BAR_W * k[11:0])
                bnd = 1'b1;
    end
    wire grid_line = (i_x[4:0] == 5'd0) || (i_y[4:0] == 5'd0) ||
                     (i_x == X_LAST) || (i_y == Y_LAST);

    // Stage 1: bar index, grid flag, pattern selection.
    reg        start1, bnd1;
    reg        grid1;
    reg        de1;
    reg [1:0]  mode1;
    reg [11:0] colour1;
    always @(posedge i_clk) begin
        start1  <= (i_x == 12'd0);
        bnd1    <= bnd;
        grid1   <= grid_line;
        de1     <= i_de;
        mode1   <= i_mode;
        colour1 <= i_colour;
    end

    // Stage 2: bar count and colour. Bars: white, yellow, cyan, green, magenta, red, blue,
    // black.
    reg  [2:0]  bar2;
    wire [2:0]  bar = start1 ? 3'd0 : bnd1 ? bar2 + 3'd1 : bar2;
    always @(posedge i_clk)
        bar2 <= bar;
    wire [11:0] bar_rgb  = {{4{~bar[1]}}, {4{~bar[2]}}, {4{~bar[0]}}};
    wire [11:0] grid_rgb = grid1 ? 12'hFFF : 12'h333;
    always @(posedge i_clk) begin
        if (!de1)
            o_rgb <= 12'h000;
        else case (mode1)
        2'd0:    o_rgb <= bar_rgb;
        2'd1:    o_rgb <= grid_rgb;
        2'd2:    o_rgb <= colour1;
        default: o_rgb <= 12'h000;
        endcase
    end
endmodule
`default_nettype wire
