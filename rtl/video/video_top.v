// video_top: the video path. The VIDEO register block, the OSD memory write port and the
// hardware fill engine in clk_sys; raster, background and the OSD text overlay in the
// output clock. Ports as in docs/interfaces.md. Details (pipeline, latency, CDC): docs/video.md.
// VID_N = 0: no video inputs. The raster is video_timing on i_clk_pix, the background the
//   test pattern, o_clk_vid = i_clk_pix (the design before the matrix, unchanged).
// VID_N > 0: vid_matrix picks one of the VID_N input ports or its internal fallback raster
//   (on i_clk_pix) by the SOURCE register; the output domain runs on the matrix's muxed clock
//   o_clk_vid. vid_raster derives the full-raster position from the stream, the background is
//   the port's picture or, for the internal source, the test pattern (no-signal screen).
// Clocks: i_clk_sys (registers, OSD memory writes, o_irq_vsync, matrix control),
//         i_clk_pix (internal 640x480 raster; needs 25.125-25.175 MHz),
//         i_vin_clk[p] (port p's pixel clock, its pins are synchronous to it),
//         o_clk_vid (every video output).
`default_nettype none
module video_top #(
    parameter H_ACTIVE = 640, parameter H_FP = 16, parameter H_SYNC = 96, parameter H_BP = 48,
    parameter V_ACTIVE = 480, parameter V_FP = 10, parameter V_SYNC = 2,  parameter V_BP = 33,
    parameter H_POL = 0, parameter V_POL = 0,
    parameter VID_N = 0,                    // video input ports (0 = internal picture only)
    parameter VID_NP = (VID_N > 0) ? VID_N : 1,
    parameter MX_STOP_TIMEOUT = 540000      // vid_matrix STOP_TIMEOUT (clk_sys cycles)
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
    // video inputs (unused with VID_N = 0): port p = bit p / bits [4p+3:4p], its clock's domain
    input  wire [VID_NP-1:0]   i_vin_clk, input wire [VID_NP-1:0] i_vin_hs,
    input  wire [VID_NP-1:0]   i_vin_vs,  input wire [VID_NP-1:0] i_vin_de,
    input  wire [4*VID_NP-1:0] i_vin_r, input wire [4*VID_NP-1:0] i_vin_g,
    input  wire [4*VID_NP-1:0] i_vin_b,
    // port flags from the meters (vin_meters, clk_sys): ok = present and stable, polarities
    input  wire [VID_NP-1:0]   i_vin_ok, input wire [VID_NP-1:0] i_vin_hpol,
    input  wire [VID_NP-1:0]   i_vin_vpol,
    input  wire [VID_NP-1:0]   i_vin_csync,   // composite sync on the HS pin (meter)
    input  wire [VID_NP-1:0]   i_vin_ilace,   // interlaced (meter)
    // video out, o_clk_vid
    output wire        o_clk_vid,
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
    wire [3:0]   sys_source;
    wire [31:0]  sys_matrix;
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
        .i_fill_busy(fill_busy), .i_matrix(sys_matrix), .o_source(sys_source),
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

    // ---- output domain: raster (T0), configuration, background (T2) -----------------------
    // Every signal below except the sys_* ones is in the output clock clk_out.
    wire        clk_out, rst_out;
    wire [11:0] tim_x, tim_y;
    wire        tim_de /* verilator public_flat_rd */;
    wire        tim_hs /* verilator public_flat_rd */;
    wire        tim_vs /* verilator public_flat_rd */;
    wire        frame_start, vblank_start;
    wire [11:0] geo_x_stop_m1, geo_x_rowrd, geo_x_blkrd, geo_y_last, geo_y_vlast;
    wire [1:0]  pix_pat_mode;
    wire [11:0] pix_pat_colour;
    wire [11:0] pix_pos_x_m3, pix_pos_y_m1;
    wire        pix_win_on;
    wire [5:0]  pix_cols_m1;
    wire [4:0]  pix_rows_m1;
    wire [1:0]  pix_scale_m1, pix_blink_rate;
    wire [11:0] bg_rgb;
    localparam [11:0] HA = H_ACTIVE, VA = V_ACTIVE;

    generate
    if (VID_N == 0) begin : g_int
        // ---- internal raster only: video_timing on clk_pix ----
        assign clk_out = i_clk_pix;
        assign rst_out = i_rst_pix;
        video_timing #(
            .H_ACTIVE(H_ACTIVE), .H_FP(H_FP), .H_SYNC(H_SYNC), .H_BP(H_BP),
            .V_ACTIVE(V_ACTIVE), .V_FP(V_FP), .V_SYNC(V_SYNC), .V_BP(V_BP),
            .H_POL(H_POL), .V_POL(V_POL))
        u_timing (
            .i_clk(clk_out), .i_rst(rst_out),
            .o_x(tim_x), .o_y(tim_y), .o_de(tim_de), .o_hs(tim_hs), .o_vs(tim_vs),
            .o_frame_start(frame_start), .o_vblank_start(vblank_start));
        assign geo_x_stop_m1 = HA - 12'd3;
        assign geo_x_rowrd = HA + 12'd3;
        assign geo_x_blkrd = HA + 12'd5;
        assign geo_y_last  = VA - 12'd1;
        assign geo_y_vlast = V_TOTAL - 12'd1;

        // Window geometry on the clk_sys side (constant raster), then the snapshot at the
        // start of vertical blanking: 2+12+12+12+1+6+5+2+2 = 54 bits cross.
        wire        sys_win_on;
        wire [11:0] sys_pos_x_m3, sys_pos_y_m1;
        wire [5:0]  sys_cols_m1;
        wire [4:0]  sys_rows_m1;
        osd_geom u_geom (
            .i_en(sys_osd_en), .i_pos_x(sys_pos_x), .i_pos_y(sys_pos_y),
            .i_cols(sys_cols), .i_rows(sys_rows),
            .i_h_active(HA), .i_x_neg_min(12'd0 - (H_TOTAL - HA - 12'd1)),
            .i_h_m3(H_TOTAL - 12'd3), .i_v_active(VA),
            .i_y_neg_min(12'd0 - (V_TOTAL - VA - 12'd1)), .i_v_m1(V_TOTAL - 12'd1),
            .o_win_on(sys_win_on), .o_pos_x_m3(sys_pos_x_m3), .o_pos_y_m1(sys_pos_y_m1),
            .o_cols_m1(sys_cols_m1), .o_rows_m1(sys_rows_m1));
        localparam CFG_W = 2 + 12 + 12 + 12 + 1 + 6 + 5 + 2 + 2;
        cfg_snapshot #(.W(CFG_W)) u_cfg (
            .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
            .i_cfg({sys_blink_rate, sys_scale_m1, sys_rows_m1, sys_cols_m1, sys_win_on,
                    sys_pos_y_m1, sys_pos_x_m3, sys_pat_colour, sys_pat_mode}),
            .o_freeze(freeze), .o_done(snap_done),
            .i_clk_pix(clk_out), .i_rst_pix(rst_out), .i_snap(vblank_start),
            .o_cfg({pix_blink_rate, pix_scale_m1, pix_rows_m1, pix_cols_m1, pix_win_on,
                    pix_pos_y_m1, pix_pos_x_m3, pix_pat_colour, pix_pat_mode}));

        test_pattern #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE)) u_pattern (
            .i_clk(clk_out), .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_mode(pix_pat_mode),
            .i_colour(pix_pat_colour), .o_rgb(bg_rgb));

        assign sys_matrix = 32'h0000_000F;      // no matrix: always the internal picture
        /* verilator lint_off UNUSEDSIGNAL */
        wire unused_vin = &{1'b0, sys_source, i_vin_clk, i_vin_hs, i_vin_vs, i_vin_de,
                            i_vin_r, i_vin_g, i_vin_b, i_vin_ok, i_vin_hpol, i_vin_vpol,
                            i_vin_csync, i_vin_ilace};
        /* verilator lint_on UNUSEDSIGNAL */
    end else begin : g_mx
        // ---- video matrix: N ports + the internal raster (fallback) on clk_pix ----
        localparam SW = $clog2(VID_N + 1);
        localparam integer  FBI = VID_N;
        localparam [SW-1:0] FB = FBI[SW-1:0];
        localparam [4:0]    N5 = FBI[4:0];
        wire [SW-1:0] select = ({1'b0, sys_source} >= N5) ? FB : sys_source[SW-1:0];
        wire [SW-1:0] cur_source;
        wire          switching;
        wire [15:0]   switch_count, forced_count, cut_count;
        wire [3:0]    m_r, m_g, m_b;
        wire [11:0]   m_x, m_y;
        wire          m_frame_start;
        vid_matrix #(
            .N(VID_N), .STOP_TIMEOUT(MX_STOP_TIMEOUT),
            .FB_H_ACTIVE(H_ACTIVE), .FB_H_FP(H_FP), .FB_H_SYNC(H_SYNC), .FB_H_BP(H_BP),
            .FB_V_ACTIVE(V_ACTIVE), .FB_V_FP(V_FP), .FB_V_SYNC(V_SYNC), .FB_V_BP(V_BP),
            .FB_H_POL(H_POL), .FB_V_POL(V_POL))
        u_matrix (
            .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys), .i_clk_int(i_clk_pix),
            .i_select(select), .i_port_ok(i_vin_ok), .i_port_hpol(i_vin_hpol),
            .i_port_vpol(i_vin_vpol), .i_port_csync(i_vin_csync),
            .i_port_ilace(i_vin_ilace), .i_port_clk(i_vin_clk),
            .i_port_r(i_vin_r), .i_port_g(i_vin_g), .i_port_b(i_vin_b),
            .i_port_hs(i_vin_hs), .i_port_vs(i_vin_vs), .i_port_de(i_vin_de),
            .o_clk_pix(clk_out), .o_r(m_r), .o_g(m_g), .o_b(m_b),
            .o_hs(tim_hs), .o_vs(tim_vs), .o_de(tim_de), .o_x(m_x), .o_y(m_y),
            .o_frame_start(m_frame_start),
            .o_cur_source(cur_source), .o_switching(switching),
            .o_switch_count(switch_count), .o_forced_count(forced_count),
            .o_cut_count(cut_count));
        // MATRIX register: [3:0] source (0xF internal), bit4 switching, [15:8] cuts (sat.),
        // [31:16] switches
        wire [3:0] src4 = (cur_source == FB) ? 4'hF : {{(4 - SW){1'b0}}, cur_source};
        wire [7:0] cut8 = (cut_count[15:8] != 8'd0) ? 8'hFF : cut_count[7:0];
        assign sys_matrix = {switch_count, cut8, 3'd0, switching, src4};

        // output-domain reset (board reset only), named crossing into the muxed clock
        reset_sync u_rst_out (.i_clk(clk_out), .i_rst_n(~i_rst_sys), .o_rst(rst_out));

        // full-raster position and learned geometry (T0)
        wire [11:0] geo_h_active, geo_x_neg_min, geo_h_m3, geo_v_active, geo_y_neg_min;
        wire        geo_valid;      // OSD hidden until the new stream's geometry is learned
        vid_raster #(.H_ACTIVE(H_ACTIVE), .H_TOTAL(H_TOTAL), .V_ACTIVE(V_ACTIVE),
                     .V_TOTAL(V_TOTAL)) u_raster (
            .i_clk(clk_out), .i_rst(rst_out), .i_de(tim_de), .i_y(m_y),
            .i_switching(switching), .o_geo_valid(geo_valid),
            .o_x(tim_x), .o_y(tim_y), .o_frame_start(frame_start),
            .o_vblank_start(vblank_start),
            .o_x_stop_m1(geo_x_stop_m1), .o_x_rowrd(geo_x_rowrd), .o_x_blkrd(geo_x_blkrd),
            .o_y_last(geo_y_last), .o_v_m1(geo_y_vlast), .o_h_active(geo_h_active),
            .o_h_m3(geo_h_m3), .o_x_neg_min(geo_x_neg_min), .o_v_active(geo_v_active),
            .o_y_neg_min(geo_y_neg_min));

        // The snapshot carries the raw register values (2+12+12+12+1+8+8+2+2 = 59 bits);
        // the window geometry is computed after it, against the stream's raster, and
        // registered (one clock after a capture; the raster geometry is quasi-static).
        localparam CFG_W = 2 + 12 + 12 + 12 + 1 + 8 + 8 + 2 + 2;
        wire        raw_en;
        wire [11:0] raw_pos_x, raw_pos_y;
        wire [7:0]  raw_cols, raw_rows;
        cfg_snapshot #(.W(CFG_W)) u_cfg (
            .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
            .i_cfg({sys_blink_rate, sys_scale_m1, sys_rows, sys_cols, sys_osd_en,
                    sys_pos_y, sys_pos_x, sys_pat_colour, sys_pat_mode}),
            .o_freeze(freeze), .o_done(snap_done),
            .i_clk_pix(clk_out), .i_rst_pix(rst_out), .i_snap(vblank_start),
            .o_cfg({pix_blink_rate, pix_scale_m1, raw_rows, raw_cols, raw_en,
                    raw_pos_y, raw_pos_x, pix_pat_colour, pix_pat_mode}));
        wire        g_win_on;
        wire [11:0] g_pos_x_m3, g_pos_y_m1;
        wire [5:0]  g_cols_m1;
        wire [4:0]  g_rows_m1;
        osd_geom u_geom (
            .i_en(raw_en), .i_pos_x(raw_pos_x), .i_pos_y(raw_pos_y),
            .i_cols(raw_cols), .i_rows(raw_rows),
            .i_h_active(geo_h_active), .i_x_neg_min(geo_x_neg_min), .i_h_m3(geo_h_m3),
            .i_v_active(geo_v_active), .i_y_neg_min(geo_y_neg_min), .i_v_m1(geo_y_vlast),
            .o_win_on(g_win_on), .o_pos_x_m3(g_pos_x_m3), .o_pos_y_m1(g_pos_y_m1),
            .o_cols_m1(g_cols_m1), .o_rows_m1(g_rows_m1));
        reg        win_on_q;
        reg [11:0] pos_x_m3_q, pos_y_m1_q;
        reg [5:0]  cols_m1_q;
        reg [4:0]  rows_m1_q;
        always @(posedge clk_out) begin
            if (rst_out) win_on_q <= 1'b0;
            else         win_on_q <= g_win_on && geo_valid;
            pos_x_m3_q <= g_pos_x_m3; pos_y_m1_q <= g_pos_y_m1;
            cols_m1_q  <= g_cols_m1;  rows_m1_q  <= g_rows_m1;
        end
        assign pix_win_on = win_on_q;
        assign pix_pos_x_m3 = pos_x_m3_q;
        assign pix_pos_y_m1 = pos_y_m1_q;
        assign pix_cols_m1 = cols_m1_q;
        assign pix_rows_m1 = rows_m1_q;

        vid_background #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE)) u_bg (
            .i_clk(clk_out), .i_rst(rst_out), .i_internal_src(cur_source == FB),
            .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_rgb({m_r, m_g, m_b}),
            .i_pat_mode(pix_pat_mode), .i_pat_colour(pix_pat_colour), .o_rgb(bg_rgb));

        /* verilator lint_off UNUSEDSIGNAL */
        wire unused_mx = &{1'b0, i_rst_pix, m_x, m_frame_start, forced_count, cut_count[7:0]};
        /* verilator lint_on UNUSEDSIGNAL */
    end
    endgenerate
    assign o_clk_vid = clk_out;

    // ---- frame counter, running flag and vsync interrupt into clk_sys --------------------
    // frame_start = the first DE pixel of each output frame (pixel (0, 0)).
    wire [6:0]  pix_next_frame;
    video_status u_status (
        .i_clk_pix(clk_out), .i_rst_pix(rst_out), .i_frame_start(frame_start),
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .o_irq_vsync(o_irq_vsync), .o_frame(frame), .o_running(running),
        .o_pix_next_frame(pix_next_frame));
    /* verilator lint_off UNUSEDSIGNAL */
    wire [2:0]  pix_next_frame_unused = pix_next_frame[2:0];
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- overlay (output clock; memories written in clk_sys) --------------------------------
    wire [11:0] out_rgb;
    osd_overlay u_osd (
        .i_clk_sys(i_clk_sys),
        .i_text_we(text_we), .i_text_addr(text_addr), .i_text_data(text_data),
        .i_wr_font(wr_font), .i_wr_addr(i_mem_addr[11:2]), .i_wr_data(i_mem_wdata),
        .i_wr_strb(i_mem_wstrb),
        .i_pal_we(pal_we), .i_pal_addr(pal_addr), .i_pal_wdata(pal_wdata),
        .i_clk_pix(clk_out), .i_rst_pix(rst_out),
        .i_win_on(pix_win_on), .i_pos_x_m3(pix_pos_x_m3), .i_pos_y_m1(pix_pos_y_m1),
        .i_cols_m1(pix_cols_m1), .i_rows_m1(pix_rows_m1), .i_scale_m1(pix_scale_m1),
        .i_blink_rate(pix_blink_rate), .i_next_frame(pix_next_frame[6:3]),
        .i_x_stop_m1(geo_x_stop_m1), .i_x_rowrd(geo_x_rowrd), .i_x_blkrd(geo_x_blkrd),
        .i_y_last(geo_y_last), .i_y_vlast(geo_y_vlast),
        .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_hs(tim_hs), .i_vs(tim_vs),
        .i_bg_rgb(bg_rgb),
        .o_rgb(out_rgb), .o_hs(o_hs), .o_vs(o_vs), .o_de(o_de));
    assign {o_r, o_g, o_b} = out_rgb;
endmodule
`default_nettype wire
