// osd_overlay: character-cell OSD window over the background picture.
// Clocks: i_clk_sys writes the OSD text and font memories; everything else is clk_pix.
//
// Memories (dual-clock block RAM, 4 byte lanes of 1024 x 8 each, so one 32-bit bus write
// with any byte strobes lands in one clk_sys cycle):
//   text: word w holds cells 2w (lanes 0 glyph, 1 attr) and 2w+1 (lanes 2 glyph, 3 attr)
//   font: word w holds font bytes 4w .. 4w+3 (lane = byte address[1:0]);
//         byte 16*g + r is row r of glyph g, bit 7 = leftmost pixel.
//
// Palette: osd_pal_ram (dual-clock block RAM, written from clk_sys by VIDEO.PALETTE stores,
// effective from the next lookup, not frame-aligned). Only the colour actually shown is
// looked up: the font bit picks fg or bg index first.
//
// Pipeline (T0 = raster position from video_timing, latency 4 clk_pix, syncs delayed alike):
//   T0 -> T1  rel = (x, y) - (pos_x, pos_y); text RAM read at cell {rel_y[8:4], rel_x[8:3]}
//   T1 -> T2  window test; pick the cell's half of the text word; font RAM read at
//             {glyph, rel_y[3:0]}; register fg / bg index and the font bit position
//   T2 -> T3  font bit = font lanes[pos]; palette RAM read at bit ? fg : bg;
//             background (T2 input) registered alongside
//   T3 -> T4  in window ? palette colour : background -> outputs
`default_nettype none
module osd_overlay (
    // OSD memory write port (clk_sys)
    input  wire         i_clk_sys,
    input  wire         i_wr_text,          // write the text word i_wr_addr
    input  wire         i_wr_font,          // write the font word i_wr_addr
    input  wire [9:0]   i_wr_addr,          // 32-bit word index inside the 4 KiB region
    input  wire [31:0]  i_wr_data,
    input  wire [3:0]   i_wr_strb,
    // clk_pix: window configuration (applied at frame boundaries by the register block)
    input  wire         i_clk_pix,
    input  wire [11:0]  i_pos_x,
    input  wire [11:0]  i_pos_y,
    input  wire [6:0]   i_cols,             // 0..64, already clamped; 0 = OSD off
    input  wire [5:0]   i_rows,             // 0..32, already clamped
    // clk_sys: palette write port (VIDEO.PALETTE, byte-lane strobes)
    input  wire [1:0]   i_pal_we,           // [0] writes bits [7:0], [1] bits [11:8]
    input  wire [3:0]   i_pal_addr,
    input  wire [11:0]  i_pal_wdata,
    // clk_pix: raster position and syncs at T0, background colour at T2
    input  wire [11:0]  i_x,
    input  wire [11:0]  i_y,
    input  wire         i_de,
    input  wire         i_hs,
    input  wire         i_vs,
    input  wire [11:0]  i_bg_rgb,           // T2, must be black outside DE
    // clk_pix: T4 outputs
    output reg  [11:0]  o_rgb,
    output reg          o_hs,
    output reg          o_vs,
    output reg          o_de
);
    // ---- memories -------------------------------------------------------------------
    wire [9:0]  text_raddr;
    wire [9:0]  font_raddr;
    wire [31:0] text_q;     // four lanes, T1
    wire [31:0] font_q;     // four lanes, T2

    genvar lane;
    generate
        for (lane = 0; lane < 4; lane = lane + 1) begin : g_lane
            osd_ram_1kx8 u_text (
                .i_wclk(i_clk_sys), .i_we(i_wr_text && i_wr_strb[lane]),
                .i_waddr(i_wr_addr), .i_wdata(i_wr_data[8*lane +: 8]),
                .i_rclk(i_clk_pix), .i_raddr(text_raddr), .o_rdata(text_q[8*lane +: 8]));
            osd_ram_1kx8 u_font (
                .i_wclk(i_clk_sys), .i_we(i_wr_font && i_wr_strb[lane]),
                .i_waddr(i_wr_addr), .i_wdata(i_wr_data[8*lane +: 8]),
                .i_rclk(i_clk_pix), .i_raddr(font_raddr), .o_rdata(font_q[8*lane +: 8]));
        end
    endgenerate

    wire [3:0]  pal_raddr;
    wire [11:0] pal_q;      // T3
    osd_pal_ram u_pal (
        .i_wclk(i_clk_sys), .i_we(i_pal_we), .i_waddr(i_pal_addr), .i_wdata(i_pal_wdata),
        .i_rclk(i_clk_pix), .i_raddr(pal_raddr), .o_rdata(pal_q));

    // Window size in pixels (configuration is static during the active area).
    wire [9:0] win_w = {i_cols, 3'b000};    // 0..512
    wire [9:0] win_h = {i_rows, 4'b0000};   // 0..512

    // ---- T0 -> T1 ---------------------------------------------------------------------
    // The subtraction feeds the text RAM address directly (carry chain, then RAM).
    wire [12:0] rel_x0 = {1'b0, i_x} - {1'b0, i_pos_x};   // bit 12 = left of the window
    wire [12:0] rel_y0 = {1'b0, i_y} - {1'b0, i_pos_y};   // bit 12 = above the window
    // cell index = row*64 + col = {rel_y[8:4], rel_x[8:3]}; word = cell / 2
    assign text_raddr = {rel_y0[8:4], rel_x0[8:4]};
    reg [12:0] rel_x1, rel_y1;
    reg        de1, hs1, vs1;
    always @(posedge i_clk_pix) begin
        rel_x1 <= rel_x0;
        rel_y1 <= rel_y0;
        de1 <= i_de; hs1 <= i_hs; vs1 <= i_vs;
    end

    // ---- T1 -> T2 ---------------------------------------------------------------------
    wire in_win1 = de1 && !rel_x1[12] && !rel_y1[12] &&
                   (rel_x1[11:0] < {2'b00, win_w}) && (rel_y1[11:0] < {2'b00, win_h});
    wire [7:0] glyph1 = rel_x1[3] ? text_q[23:16] : text_q[7:0];
    wire [7:0] attr1  = rel_x1[3] ? text_q[31:24] : text_q[15:8];
    assign font_raddr = {glyph1, rel_y1[3:2]};
    reg        in_win2;
    reg [3:0]  fg2, bg2;
    reg [4:0]  sel2;                    // font bit among the 32 lane bits: row[1:0]*8 + 7-px
    reg        de2, hs2, vs2;
    always @(posedge i_clk_pix) begin
        in_win2 <= in_win1;
        fg2     <= attr1[3:0];
        bg2     <= attr1[7:4];
        sel2    <= {rel_y1[1:0], ~rel_x1[2:0]};
        de2 <= de1; hs2 <= hs1; vs2 <= vs1;
    end

    // ---- T2 -> T3 ---------------------------------------------------------------------
    wire bit2 = font_q[sel2];
    assign pal_raddr = bit2 ? fg2 : bg2;
    reg  [11:0] bg_rgb3;
    reg         in_win3;
    reg         de3, hs3, vs3;
    always @(posedge i_clk_pix) begin
        bg_rgb3 <= i_bg_rgb;
        in_win3 <= in_win2;
        de3 <= de2; hs3 <= hs2; vs3 <= vs2;
    end

    // ---- T3 -> T4 ---------------------------------------------------------------------
    always @(posedge i_clk_pix) begin
        o_rgb <= in_win3 ? pal_q : bg_rgb3;
        o_de  <= de3; o_hs <= hs3; o_vs <= vs3;
    end
endmodule
`default_nettype wire
