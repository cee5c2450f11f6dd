// osd_overlay: character-cell OSD window over the background picture.
// Clocks: i_clk_sys writes the OSD text and font memories; everything else is clk_pix.
//
// Memories (dual-clock block RAM, 4 byte lanes of 1024 x 8 each, so one 32-bit bus write
// with any byte strobes lands in one clk_sys cycle):
//   text: word w holds cells 2w (lanes 0 glyph, 1 attr) and 2w+1 (lanes 2 glyph, 3 attr)
//   font: word w holds font bytes 4w .. 4w+3 (lane = byte address[1:0]);
//         byte 16*g + r is row r of glyph g, bit 7 = leftmost pixel.
//
// Pipeline (T0 = raster position from video_timing, latency 4 clk_pix, syncs delayed alike):
//   T0 -> T1  rel = (x, y) - (pos_x, pos_y); text RAM read at cell {rel_y[8:4], rel_x[8:3]}
//   T1 -> T2  window test; pick the cell's half of the text word; font RAM read at
//             {glyph, rel_y[3:0]}; one-hot mask for the font bit; palette lookup of
//             fg / bg by idx[1:0] inside each group of four entries
//   T2 -> T3  palette lookup finished by idx[3:2], window test folded in (background
//             outside); font bit = AND-OR of font lanes and mask
//   T3 -> T4  bit ? on : off -> outputs
`default_nettype none
module osd_overlay (
    // OSD memory write port (clk_sys)
    input  wire         i_clk_sys,
    input  wire         i_wr_text,          // write the text word i_wr_addr
    input  wire         i_wr_font,          // write the font word i_wr_addr
    input  wire [9:0]   i_wr_addr,          // 32-bit word index inside the 4 KiB region
    input  wire [31:0]  i_wr_data,
    input  wire [3:0]   i_wr_strb,
    // clk_pix: configuration (applied at frame boundaries by the register block)
    input  wire         i_clk_pix,
    input  wire         i_osd_en,
    input  wire [11:0]  i_pos_x,
    input  wire [11:0]  i_pos_y,
    input  wire [7:0]   i_cols,             // clamped to 64 here
    input  wire [7:0]   i_rows,             // clamped to 32 here
    input  wire [191:0] i_palette,          // entry i at [12*i +: 12], RGB444
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
    // 4:1 selection of a 12-bit colour.
    function [11:0] pal4(input [47:0] set, input [1:0] idx);
        case (idx)
        2'd0:    pal4 = set[11:0];
        2'd1:    pal4 = set[23:12];
        2'd2:    pal4 = set[35:24];
        default: pal4 = set[47:36];
        endcase
    endfunction

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

    // ---- static window geometry (re-registered; config only changes in blanking) ------
    reg [9:0] win_w;        // columns * 8, 0..512
    reg [9:0] win_h;        // rows * 16, 0..512
    always @(posedge i_clk_pix) begin
        win_w <= (i_cols > 8'd64) ? 10'd512 : {i_cols[6:0], 3'b000};
        win_h <= (i_rows > 8'd32) ? 10'd512 : {i_rows[5:0], 4'b0000};
    end

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
    wire in_win1 = i_osd_en && de1 && !rel_x1[12] && !rel_y1[12] &&
                   (rel_x1[11:0] < {2'b00, win_w}) && (rel_y1[11:0] < {2'b00, win_h});
    wire [7:0] glyph1 = rel_x1[3] ? text_q[23:16] : text_q[7:0];
    wire [7:0] attr1  = rel_x1[3] ? text_q[31:24] : text_q[15:8];
    assign font_raddr = {glyph1, rel_y1[3:2]};
    // Font bit position among the 32 lane bits: lane (= row[1:0]) * 8 + (7 - px).
    wire [4:0] sel1 = {rel_y1[1:0], ~rel_x1[2:0]};
    // Palette lookup, first half: inside each group of four entries select by idx[1:0].
    reg [47:0] fgq1, bgq1;              // group g at [12*g +: 12]
    integer g;
    always @(*)
        for (g = 0; g < 4; g = g + 1) begin
            fgq1[12*g +: 12] = pal4(i_palette[48*g +: 48], attr1[1:0]);
            bgq1[12*g +: 12] = pal4(i_palette[48*g +: 48], attr1[5:4]);
        end
    reg        in_win2;
    reg [47:0] fgq2, bgq2;
    reg [1:0]  fg_hi2, bg_hi2;          // idx[3:2] of fg / bg
    reg [31:0] mask2;
    reg        de2, hs2, vs2;
    always @(posedge i_clk_pix) begin
        in_win2 <= in_win1;
        fgq2    <= fgq1;
        bgq2    <= bgq1;
        fg_hi2  <= attr1[3:2];
        bg_hi2  <= attr1[7:6];
        mask2   <= 32'd1 << sel1;
        de2 <= de1; hs2 <= hs1; vs2 <= vs1;
    end

    // ---- T2 -> T3 ---------------------------------------------------------------------
    // Outside the window both candidates are the background (already black outside DE).
    // Palette lookup, second half: select the group by idx[3:2].
    wire [11:0] pal_fg2 = pal4(fgq2, fg_hi2);
    wire [11:0] pal_bg2 = pal4(bgq2, bg_hi2);
    reg  [11:0] on3, off3;              // colour if the font bit is 1 / 0
    reg         bit3;
    reg         de3, hs3, vs3;
    always @(posedge i_clk_pix) begin
        on3  <= in_win2 ? pal_fg2 : i_bg_rgb;
        off3 <= in_win2 ? pal_bg2 : i_bg_rgb;
        bit3 <= |(font_q & mask2);
        de3 <= de2; hs3 <= hs2; vs3 <= vs2;
    end

    // ---- T3 -> T4 ---------------------------------------------------------------------
    always @(posedge i_clk_pix) begin
        o_rgb <= bit3 ? on3 : off3;
        o_de  <= de3; o_hs <= hs3; o_vs <= vs3;
    end
endmodule
`default_nettype wire
