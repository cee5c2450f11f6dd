// video_top: the video path. Raster timing, test-pattern background and the OSD
// text overlay in clk_pix; the VIDEO register block, the OSD memory write port and the
// hardware fill engine in clk_sys. Ports as in docs/interfaces.md. Details (pipeline, latency, CDC): docs/video.md.
// Clocks: i_clk_sys (registers, OSD memory writes, o_irq_vsync),
//         i_clk_pix (video outputs; 640x480@60 needs 25.125-25.175 MHz).
`default_nettype none
module video_top #(
    parameter H_ACTIVE = 640, parameter H_FP = 16, parameter H_SYNC = 96, parameter H_BP = 48,
    parameter V_ACTIVE = 480, parameter V_FP = 10, parameter V_SYNC = 2,  parameter V_BP = 33,
    parameter H_POL = 0, parameter V_POL = 0
) (
    input  wire        i_clk_sys, input wire i_rst_sys,
    input  wire        i_clk_pix, input wire i_rst_pix,
    // VIDEO register block (KVM_VIDEO_BASE), clk_sys
    input  wire        i_reg_sel,  input wire [7:0] i_reg_addr,
    input  wire [31:0] i_reg_wdata, input wire [3:0] i_reg_wstrb,
    output wire [31:0] o_reg_rdata, output wire o_reg_ready,
    // OSD memories, write-only, clk_sys: i_mem_addr[16] = 0 text, 1 font
    input  wire        i_mem_sel,  input wire [16:0] i_mem_addr,
    input  wire [31:0] i_mem_wdata, input wire [3:0] i_mem_wstrb,
    output wire        o_mem_ready,
    output wire        o_irq_vsync,
    // video out, clk_pix
    output wire [3:0]  o_r, output wire [3:0] o_g, output wire [3:0] o_b,
    output wire        o_hs, output wire o_vs, output wire o_de
);
    localparam [11:0] H_TOTAL = H_ACTIVE + H_FP + H_SYNC + H_BP;
    localparam [11:0] V_TOTAL = V_ACTIVE + V_FP + V_SYNC + V_BP;

    // ---- clk_sys: registers --------------------------------------------------------------
    wire         freeze, snap_done;
    wire [31:0]  frame;
    wire         running;
    wire [1:0]   sys_pat_mode;
    wire [11:0]  sys_pat_colour;
    wire         sys_osd_en;
    wire [1:0]   sys_scale_m1, sys_blink_rate;
    wire [11:0]  sys_pos_x, sys_pos_y;
    wire [7:0]   sys_cols, sys_rows;
    wire [5:0]   fill_x;
    wire [4:0]   fill_y;
    wire [6:0]   fill_w;
    wire [5:0]   fill_h;
    wire [15:0]  fill_cell;
    wire         fill_start, fill_busy;
    wire [1:0]   pal_we;
    wire [4:0]   pal_addr;
    wire [15:0]  pal_wdata;

    video_regs #(.H_ACTIVE(H_ACTIVE), .H_TOTAL(H_TOTAL), .V_ACTIVE(V_ACTIVE), .V_TOTAL(V_TOTAL))
    u_regs (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys),
        .i_sel(i_reg_sel), .i_addr(i_reg_addr), .i_wdata(i_reg_wdata), .i_wstrb(i_reg_wstrb),
        .o_rdata(o_reg_rdata), .o_ready(o_reg_ready),
        .i_freeze(freeze), .i_snap_done(snap_done), .i_frame(frame), .i_running(running),
        .i_fill_busy(fill_busy),
        .o_pat_mode(sys_pat_mode),
        .o_pat_colour(sys_pat_colour), .o_osd_en(sys_osd_en),
        .o_scale_m1(sys_scale_m1), .o_blink_rate(sys_blink_rate),
        .o_pos_x(sys_pos_x), .o_pos_y(sys_pos_y),
        .o_cols(sys_cols), .o_rows(sys_rows),
        .o_fill_x(fill_x), .o_fill_y(fill_y), .o_fill_w(fill_w), .o_fill_h(fill_h),
        .o_fill_cell(fill_cell), .o_fill_start(fill_start),
        .o_pal_we(pal_we), .o_pal_addr(pal_addr), .o_pal_wdata(pal_wdata));

    // ---- clk_sys: OSD memory writes (write-only; reads are ignored) -------------------------
    // Only the 4 KiB inside each region and whole words are decoded: the byte offset
    // [1:0] is always 0 on this bus and [15:12] alias (see docs/video.md).
    /* verilator lint_off UNUSEDSIGNAL */
    wire [5:0] mem_addr_unused = {i_mem_addr[15:12], i_mem_addr[1:0]};
    /* verilator lint_on UNUSEDSIGNAL */
    wire mem_wr  = i_mem_sel && (|i_mem_wstrb);
    // Text stores wait while the fill engine owns the text RAM write port (never lost);
    // font stores and reads always complete at once.
    wire text_stall = mem_wr && !i_mem_addr[16] && fill_busy;
    assign o_mem_ready = i_mem_sel && !text_stall;
    wire wr_text = mem_wr && !i_mem_addr[16] && !fill_busy;
    wire wr_font = mem_wr && i_mem_addr[16];

    // ---- clk_sys: hardware rectangle fill through the text RAM write port ---------------
    wire [9:0]  fill_addr;
    wire [31:0] fill_data;
    wire [3:0]  fill_we;
    osd_fill u_fill (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_start(fill_start),
        .i_x(fill_x), .i_y(fill_y), .i_w(fill_w), .i_h(fill_h), .i_cell(fill_cell),
        .o_busy(fill_busy), .o_addr(fill_addr), .o_data(fill_data), .o_we(fill_we));
    wire [3:0]  text_we   = fill_busy ? fill_we : ({4{wr_text}} & i_mem_wstrb);
    wire [9:0]  text_addr = fill_busy ? fill_addr : i_mem_addr[11:2];
    wire [31:0] text_data = fill_busy ? fill_data : i_mem_wdata;

    // ---- clk_pix: timing -----------------------------------------------------------------
    wire [11:0] tim_x, tim_y;
    wire        tim_de /* verilator public_flat_rd */;
    wire        tim_hs /* verilator public_flat_rd */;
    wire        tim_vs /* verilator public_flat_rd */;
    wire        frame_start, vblank_start;
    video_timing #(
        .H_ACTIVE(H_ACTIVE), .H_FP(H_FP), .H_SYNC(H_SYNC), .H_BP(H_BP),
        .V_ACTIVE(V_ACTIVE), .V_FP(V_FP), .V_SYNC(V_SYNC), .V_BP(V_BP),
        .H_POL(H_POL), .V_POL(V_POL))
    u_timing (
        .i_clk(i_clk_pix), .i_rst(i_rst_pix),
        .o_x(tim_x), .o_y(tim_y), .o_de(tim_de), .o_hs(tim_hs), .o_vs(tim_vs),
        .o_frame_start(frame_start), .o_vblank_start(vblank_start));

    // ---- configuration crossing: snapshot at the start of vertical blanking -----------------
    // Window geometry is turned into what the overlay's counters need on the clk_sys side:
    // the raster x two before the window's first pixel and the raster y one before its first
    // line (positions are signed 12-bit, down to -(blanking - 1), which start the window in
    // the blanking of the previous line / frame; one adder each), size - 1 clamped to 64 x 32,
    // and one "window on" bit (OSD_CTRL.enable, non-zero size, placeable position).
    // 2+12+12+12+1+6+5+2+2 = 54 bits cross. The palette RAM (palette, ROW_HIDE, BLINK_MASK)
    // does not go through the snapshot.
    localparam [11:0] X_NEG_MIN = 12'd0 - (H_TOTAL - H_ACTIVE - 12'd1);   // two's complement
    localparam [11:0] Y_NEG_MIN = 12'd0 - (V_TOTAL - V_ACTIVE - 12'd1);
    localparam [11:0] H_M2 = H_TOTAL - 12'd2, V_M1 = V_TOTAL - 12'd1;
    wire        x_ok = sys_pos_x[11] ? (sys_pos_x >= X_NEG_MIN) : (sys_pos_x < H_ACTIVE);
    wire        y_ok = sys_pos_y[11] ? (sys_pos_y >= Y_NEG_MIN) : (sys_pos_y < V_ACTIVE);
    wire        sys_win_on = sys_osd_en && (sys_cols != 8'd0) && (sys_rows != 8'd0) && x_ok && y_ok;
    // x - 2 and y - 1 modulo the line / frame: wrap into the previous line's / frame's blanking
    wire        x_wrap = sys_pos_x[11] || (sys_pos_x[10:1] == 10'd0);      // x <= 1
    wire        y_wrap = sys_pos_y[11] || (sys_pos_y[10:0] == 11'd0);      // y <= 0
    wire [11:0] sys_pos_x_m2 = sys_pos_x + (x_wrap ? H_M2 : 12'hFFE);
    wire [11:0] sys_pos_y_m1 = sys_pos_y + (y_wrap ? V_M1 : 12'hFFF);
    wire [5:0]  sys_cols_m1 = (sys_cols > 8'd64) ? 6'd63 : sys_cols[5:0] - 6'd1;
    wire [4:0]  sys_rows_m1 = (sys_rows > 8'd32) ? 5'd31 : sys_rows[4:0] - 5'd1;
    localparam CFG_W = 2 + 12 + 12 + 12 + 1 + 6 + 5 + 2 + 2;
    wire [1:0]   pix_pat_mode;
    wire [11:0]  pix_pat_colour;
    wire [11:0]  pix_pos_x_m2, pix_pos_y_m1;
    wire         pix_win_on;
    wire [5:0]   pix_cols_m1;
    wire [4:0]   pix_rows_m1;
    wire [1:0]   pix_scale_m1, pix_blink_rate;
    cfg_snapshot #(.W(CFG_W)) u_cfg (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .i_cfg({sys_blink_rate, sys_scale_m1, sys_rows_m1, sys_cols_m1, sys_win_on,
                sys_pos_y_m1, sys_pos_x_m2, sys_pat_colour, sys_pat_mode}),
        .o_freeze(freeze), .o_done(snap_done),
        .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix), .i_snap(vblank_start),
        .o_cfg({pix_blink_rate, pix_scale_m1, pix_rows_m1, pix_cols_m1, pix_win_on,
                pix_pos_y_m1, pix_pos_x_m2, pix_pat_colour, pix_pat_mode}));

    // ---- frame counter, running flag and vsync interrupt into clk_sys --------------------
    wire [31:0] pix_next_frame;
    video_status u_status (
        .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix), .i_frame_start(frame_start),
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .o_irq_vsync(o_irq_vsync), .o_frame(frame), .o_running(running),
        .o_pix_next_frame(pix_next_frame));
    /* verilator lint_off UNUSEDSIGNAL */
    wire [27:0] pix_next_frame_unused = {pix_next_frame[31:7], pix_next_frame[2:0]};
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- clk_pix: background and overlay -------------------------------------------------
    wire [11:0] bg_rgb;
    test_pattern #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE)) u_pattern (
        .i_clk(i_clk_pix), .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_mode(pix_pat_mode),
        .i_colour(pix_pat_colour), .o_rgb(bg_rgb));

    wire [11:0] out_rgb;
    osd_overlay #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE), .V_TOTAL(V_TOTAL)) u_osd (
        .i_clk_sys(i_clk_sys),
        .i_text_we(text_we), .i_text_addr(text_addr), .i_text_data(text_data),
        .i_wr_font(wr_font), .i_wr_addr(i_mem_addr[11:2]), .i_wr_data(i_mem_wdata),
        .i_wr_strb(i_mem_wstrb),
        .i_pal_we(pal_we), .i_pal_addr(pal_addr), .i_pal_wdata(pal_wdata),
        .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix),
        .i_win_on(pix_win_on), .i_pos_x_m2(pix_pos_x_m2), .i_pos_y_m1(pix_pos_y_m1),
        .i_cols_m1(pix_cols_m1), .i_rows_m1(pix_rows_m1), .i_scale_m1(pix_scale_m1),
        .i_blink_rate(pix_blink_rate), .i_next_frame(pix_next_frame[6:3]),
        .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_hs(tim_hs), .i_vs(tim_vs),
        .i_bg_rgb(bg_rgb),
        .o_rgb(out_rgb), .o_hs(o_hs), .o_vs(o_vs), .o_de(o_de));
    assign {o_r, o_g, o_b} = out_rgb;
endmodule
`default_nettype wire
