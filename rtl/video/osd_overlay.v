// osd_overlay: character-cell OSD window over the background picture.
// Clocks: i_clk_sys writes the OSD text, font and palette memories; everything else is
// clk_pix (configuration from cfg_snapshot, static during the active area).
//
// Memories (dual-clock block RAM, the only crossings in this module):
//   text: 4 byte lanes of 1024 x 8; word w holds cells 2w (lanes 0 glyph, 1 attr) and
//         2w+1 (lanes 2 glyph, 3 attr); attr = {bg[3:0], fg[3:0]}
//   font: 4 byte lanes of 1024 x 8; byte 16*g + r is row r of glyph g, bit 7 leftmost
//   palette RAM (osd_pal_ram): words 0-15 palette {bg mode[13:12], RGB444}, 16-17 ROW_HIDE,
//         18 BLINK_MASK. The pixel pipeline reads one palette entry per pixel (the colour
//         shown); in horizontal blanking two free read slots fetch the ROW_HIDE word of the
//         next line (every line) and BLINK_MASK (last line of vertical blanking, with the
//         blink phase, so blinking is frame-aligned).
//
// Window position by counters, not subtraction: the window starts at raster x pos_x - 2
// and line pos_y - 1 (i_pos_x_m3 is the raster x three before the window's first pixel,
// i_pos_y_m1 the raster y one before its first line; computed by osd_geom, for positions
// left of / above the picture they lie in the blanking of the previous line / frame);
// i_win_on gates the start. Horizontal counters (sub-pixel, glyph column, cell column)
// advance each clock, vertical ones (sub-line, glyph row, cell row) once per line at
// x = H_ACTIVE - 2; integer scale s = i_scale_m1 + 1 is the sub-pixel / sub-line count.
// The counters are registers describing the pixel one ahead of T0 (T-1), so they address
// the text RAM directly and the text arrives with the T0 pixel.
// The start / stop compares are registered, so no 12-bit compare sits in front of the
// counters: x is compared one clock early against the position less one (pos_x - 3,
// i_x_stop_m1 = H_ACTIVE - 3; x counts up by one, so the flag holds exactly when x is
// pos_x - 2 / H_ACTIVE - 2; after a DE rise x is 1, also where vid_raster re-aligns a
// stream's x); y is stable from x = 0 of a line, so the vertical compares (read at
// x = H_ACTIVE - 2 only) are simply registered.
//
// Pipeline (T0 = raster position from video_timing, latency 4 clk_pix, syncs delayed alike):
//   T-1       text RAM read at {cell row, cell column / 2} (counter registers)
//   T0 -> T1  window flag (counters active, row not hidden, DE); pick the cell's half of
//             the text word; font RAM read at {glyph, row[3:2]}; register fg / bg index,
//             font bit position, blink (BLINK_MASK[fg] & off frame)
//   T1 -> T2  font bit = font lanes[pos] & !blink (the 32:1 select has its own stage)
//   T2 -> T3  palette RAM read at bit ? fg : bg (or a blanking read slot's word);
//             background (T2 input) registered alongside
//   T3 -> T4  not in window: background; fg pixel or opaque bg: palette colour;
//             transparent bg: background; shaded bg: (video >> 1 or 2) + (colour >> 1)
//             per channel (shifts and a 4-bit add, no multiplier) -> outputs
`default_nettype none
module osd_overlay (
    // OSD memory write ports (clk_sys)
    input  wire         i_clk_sys,
    input  wire [3:0]   i_text_we,          // text RAM byte lanes (CPU or fill engine)
    input  wire [9:0]   i_text_addr,
    input  wire [31:0]  i_text_data,
    input  wire         i_wr_font,          // write the font word i_wr_addr
    input  wire [9:0]   i_wr_addr,          // 32-bit word index inside the 4 KiB region
    input  wire [31:0]  i_wr_data,
    input  wire [3:0]   i_wr_strb,
    // clk_sys: palette RAM write port (PALETTE, ROW_HIDE, BLINK_MASK; byte-lane strobes)
    input  wire [1:0]   i_pal_we,           // [0] writes bits [7:0], [1] bits [15:8]
    input  wire [4:0]   i_pal_addr,
    input  wire [15:0]  i_pal_wdata,
    // clk_pix: window configuration (applied at frame boundaries by the register block)
    input  wire         i_clk_pix,
    input  wire         i_rst_pix,
    input  wire         i_win_on,           // window shown at all
    input  wire [11:0]  i_pos_x_m3,         // x three before the window's first pixel
    input  wire [11:0]  i_pos_y_m1,         // y one before the window's first line
    input  wire [5:0]   i_cols_m1,          // columns - 1 (0..63)
    input  wire [4:0]   i_rows_m1,          // rows - 1 (0..31)
    input  wire [1:0]   i_scale_m1,         // scale - 1
    input  wire [1:0]   i_blink_rate,       // off phase = frame bit (3 + rate)
    input  wire [3:0]   i_next_frame,       // bits [6:3] of the next frame's FRAME number
    // clk_pix: raster geometry (constants, or learned from the stream by vid_raster)
    input  wire [11:0]  i_x_stop_m1,        // H_ACTIVE - 3 (stop at H_ACTIVE - 2: T-1 pixel H_ACTIVE - 1 is the last active)
    input  wire [11:0]  i_x_rowrd,          // H_ACTIVE + 3: ROW_HIDE read slot (T2 at x = W + 5)
    input  wire [11:0]  i_x_blkrd,          // H_ACTIVE + 5: BLINK_MASK read slot (T2 at x = W + 7)
    input  wire [11:0]  i_y_last,           // V_ACTIVE - 1
    input  wire [11:0]  i_y_vlast,          // V_TOTAL - 1
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
                .i_wclk(i_clk_sys), .i_we(i_text_we[lane]),
                .i_waddr(i_text_addr), .i_wdata(i_text_data[8*lane +: 8]),
                .i_rclk(i_clk_pix), .i_raddr(text_raddr), .o_rdata(text_q[8*lane +: 8]));
            osd_ram_1kx8 u_font (
                .i_wclk(i_clk_sys), .i_we(i_wr_font && i_wr_strb[lane]),
                .i_waddr(i_wr_addr), .i_wdata(i_wr_data[8*lane +: 8]),
                .i_rclk(i_clk_pix), .i_raddr(font_raddr), .o_rdata(font_q[8*lane +: 8]));
        end
    endgenerate

    wire [4:0]  pal_raddr;
    wire [15:0] pal_q;      // T3 (or a blanking read slot's word)
    osd_pal_ram u_pal (
        .i_wclk(i_clk_sys), .i_we(i_pal_we), .i_waddr(i_pal_addr), .i_wdata(i_pal_wdata),
        .i_rclk(i_clk_pix), .i_raddr(pal_raddr), .o_rdata(pal_q));

    // ---- window counters (state of the pixel at T-1, one ahead of the raster) -------------
    reg       hact;         // T-1 pixel is inside the window's columns
    reg [1:0] hsub;         // sub-pixel 0..scale-1
    reg [2:0] hpix;         // glyph column 0..7
    reg [5:0] hcol;         // cell column
    reg       vact;         // line is inside the window's rows
    reg [1:0] vsub;         // sub-line 0..scale-1
    reg [3:0] vgrow;        // glyph row 0..15
    reg [4:0] vrow;         // cell row
    reg       row_hide;     // ROW_HIDE bit of vrow (read in the previous line's blanking)

    // start / stop flags (see the header): each holds in the clock where T0 is at the
    // start / stop position
    reg  x_start_q, x_stop_q, y_start_q, y_stop_q;
    reg  de1;                                   // DE at T1 (T0 DE rise: i_de && !de1)
    always @(posedge i_clk_pix) begin
        x_start_q <= (i_de && !de1) ? (i_pos_x_m3 == 12'd0)    // next x = 1 = pos_x - 2
                                    : (i_x == i_pos_x_m3);     // next x = pos_x - 2
        x_stop_q  <= (i_x == i_x_stop_m1);      // next x = H_ACTIVE - 2
        y_start_q <= (i_y == i_pos_y_m1);
        y_stop_q  <= (i_y == i_y_last);
    end
    wire h_start = i_win_on && x_start_q;
    wire h_stop  = x_stop_q;
    wire v_start = i_win_on && y_start_q;
    wire v_stop  = y_stop_q;
    always @(posedge i_clk_pix) begin
        if (i_rst_pix) begin
            hact <= 1'b0; hsub <= 2'd0; hpix <= 3'd0; hcol <= 6'd0;
        end else if (h_start) begin
            hact <= 1'b1; hsub <= 2'd0; hpix <= 3'd0; hcol <= 6'd0;
        end else if (h_stop || !i_win_on) begin   // window switched off: stop at once
            hact <= 1'b0;
        end else if (hact) begin
            if (hsub == i_scale_m1) begin
                hsub <= 2'd0;
                hpix <= hpix + 3'd1;
                if (hpix == 3'd7) begin
                    hcol <= hcol + 6'd1;
                    if (hcol == i_cols_m1)
                        hact <= 1'b0;
                end
            end else begin
                hsub <= hsub + 2'd1;
            end
        end
    end
    always @(posedge i_clk_pix) begin
        if (i_rst_pix) begin
            vact <= 1'b0; vsub <= 2'd0; vgrow <= 4'd0; vrow <= 5'd0;
        end else if (h_stop) begin             // state for the next line
            if (v_start) begin
                vact <= 1'b1; vsub <= 2'd0; vgrow <= 4'd0; vrow <= 5'd0;
            end else if (v_stop || !i_win_on) begin
                vact <= 1'b0;
            end else if (vact) begin
                if (vsub == i_scale_m1) begin
                    vsub  <= 2'd0;
                    vgrow <= vgrow + 4'd1;
                    if (vgrow == 4'd15) begin
                        vrow <= vrow + 5'd1;
                        if (vrow == i_rows_m1)
                            vact <= 1'b0;
                    end
                end else begin
                    vsub <= vsub + 2'd1;
                end
            end
        end
    end

    // ---- T-1 -> T0: text RAM read -------------------------------------------------------
    assign text_raddr = {vrow, hcol[5:1]};
    reg       win0, half0;
    reg [2:0] pix0;
    reg [3:0] grow0;
    always @(posedge i_clk_pix) begin
        win0  <= hact && vact && !row_hide;
        half0 <= hcol[0];
        pix0  <= hpix;
        grow0 <= vgrow;
    end

    // ---- blanking read slots of the palette RAM (flags at T1, T2, T3) -------------------
    reg rdr1, rdr2, rdr3;       // ROW_HIDE word 16 + vrow[4]
    reg rdb1, rdb2, rdb3;       // BLINK_MASK word 18 (last line before the frame)
    reg [15:0] blink_mask;
    reg        blink_off;       // this frame is an off frame for blinking cells
    always @(posedge i_clk_pix) begin
        rdr1 <= (i_x == i_x_rowrd);
        rdb1 <= (i_x == i_x_blkrd) && (i_y == i_y_vlast);
        rdr2 <= rdr1; rdb2 <= rdb1;
        rdr3 <= rdr2; rdb3 <= rdb2;
        if (rdr3)
            row_hide <= pal_q[vrow[3:0]];
        if (i_rst_pix) begin
            blink_mask <= 16'd0;
            blink_off  <= 1'b0;
        end else if (rdb3) begin
            blink_mask <= pal_q;
            blink_off  <= i_next_frame[i_blink_rate];
        end
    end

    // ---- T0 -> T1 ---------------------------------------------------------------------
    wire [7:0] glyph0 = half0 ? text_q[23:16] : text_q[7:0];
    wire [7:0] attr0  = half0 ? text_q[31:24] : text_q[15:8];
    assign font_raddr = {glyph0, grow0[3:2]};
    reg        in_win1;
    reg [3:0]  fg1, bg1;
    reg [4:0]  sel1;                    // font bit among the 32 lane bits: row[1:0]*8 + 7-px
    reg        blink1;
    reg        hs1, vs1;
    always @(posedge i_clk_pix) begin
        in_win1 <= win0 && i_de;
        fg1     <= attr0[3:0];
        bg1     <= attr0[7:4];
        sel1    <= {grow0[1:0], ~pix0};
        blink1  <= blink_off && blink_mask[attr0[3:0]];
        de1 <= i_de; hs1 <= i_hs; vs1 <= i_vs;
    end

    // ---- T1 -> T2 ---------------------------------------------------------------------
    // In a blanking read slot fg2 = bg2 = the word's low address bits and rd2 sets bit 4.
    reg        bit2, in_win2, rd2;
    reg [3:0]  fg2, bg2;
    reg        de2, hs2, vs2;
    wire [3:0] rd_lo = rdb1 ? 4'b0010 : {3'b000, vrow[4]};
    always @(posedge i_clk_pix) begin
        bit2    <= font_q[sel1] && !blink1;
        in_win2 <= in_win1;
        rd2     <= rdr1 || rdb1;
        fg2     <= (rdr1 || rdb1) ? rd_lo : fg1;
        bg2     <= (rdr1 || rdb1) ? rd_lo : bg1;
        de2 <= de1; hs2 <= hs1; vs2 <= vs1;
    end

    // ---- T2 -> T3 ---------------------------------------------------------------------
    assign pal_raddr = {rd2, bit2 ? fg2 : bg2};
    reg  [11:0] bg_rgb3;
    reg         in_win3, fgpix3;
    reg         de3, hs3, vs3;
    always @(posedge i_clk_pix) begin
        bg_rgb3 <= i_bg_rgb;
        in_win3 <= in_win2;
        fgpix3  <= bit2;
        de3 <= de2; hs3 <= hs2; vs3 <= vs2;
    end

    // ---- T3 -> T4 ---------------------------------------------------------------------
    wire [1:0]  mode3 = fgpix3 ? 2'd0 : pal_q[13:12];   // fg pixels are always opaque
    wire [11:0] col3  = pal_q[11:0];
    reg  [11:0] shade3;
    integer ch;
    always @(*) begin
        for (ch = 0; ch < 3; ch = ch + 1)
            shade3[4*ch +: 4] = (mode3[0] ? {2'b00, bg_rgb3[4*ch+2 +: 2]}
                                          : {1'b0, bg_rgb3[4*ch+1 +: 3]})
                              + {1'b0, col3[4*ch+1 +: 3]};
    end
    always @(posedge i_clk_pix) begin
        if (!in_win3 || mode3 == 2'd1)
            o_rgb <= bg_rgb3;
        else if (mode3 == 2'd0)
            o_rgb <= col3;
        else
            o_rgb <= shade3;
        o_de <= de3; o_hs <= hs3; o_vs <= vs3;
    end
endmodule
`default_nettype wire
