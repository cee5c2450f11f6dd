// video_top: the thin video path. Raster timing, test-pattern background and the OSD
// text overlay in clk_pix; the VIDEO register block and the OSD memory write port in
// clk_sys. Ports as in docs/interfaces.md. Details (pipeline, latency, CDC): docs/video.md.
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
    wire         freeze;
    wire [31:0]  frame;
    wire         running;
    wire [1:0]   sys_pat_mode;
    wire [11:0]  sys_pat_colour;
    wire         sys_osd_en;
    wire [11:0]  sys_pos_x, sys_pos_y;
    wire [7:0]   sys_cols, sys_rows;
    wire [1:0]   pal_we;
    wire [3:0]   pal_addr;
    wire [11:0]  pal_wdata;

    video_regs #(.H_ACTIVE(H_ACTIVE), .H_TOTAL(H_TOTAL), .V_ACTIVE(V_ACTIVE), .V_TOTAL(V_TOTAL))
    u_regs (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys),
        .i_sel(i_reg_sel), .i_addr(i_reg_addr), .i_wdata(i_reg_wdata), .i_wstrb(i_reg_wstrb),
        .o_rdata(o_reg_rdata), .o_ready(o_reg_ready),
        .i_freeze(freeze), .i_frame(frame), .i_running(running),
        .o_pat_mode(sys_pat_mode),
        .o_pat_colour(sys_pat_colour), .o_osd_en(sys_osd_en), .o_pos_x(sys_pos_x), .o_pos_y(sys_pos_y),
        .o_cols(sys_cols), .o_rows(sys_rows),
        .o_pal_we(pal_we), .o_pal_addr(pal_addr), .o_pal_wdata(pal_wdata));

    // ---- clk_sys: OSD memory writes (write-only, always ready; reads are ignored) ----------
    // Only the 4 KiB inside each region and whole words are decoded: the byte offset
    // [1:0] is always 0 on this bus and [15:12] alias (see docs/video.md).
    /* verilator lint_off UNUSEDSIGNAL */
    wire [5:0] mem_addr_unused = {i_mem_addr[15:12], i_mem_addr[1:0]};
    /* verilator lint_on UNUSEDSIGNAL */
    assign o_mem_ready = i_mem_sel;
    wire mem_wr  = i_mem_sel && (|i_mem_wstrb);
    wire wr_text = mem_wr && !i_mem_addr[16];
    wire wr_font = mem_wr && i_mem_addr[16];

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
    // The window size is clamped (64 x 32) and OSD_CTRL.enable folded in (off = 0 columns)
    // on the clk_sys side, so only what the overlay uses crosses: 2+12+12+12+7+6 = 51 bits.
    // The palette does not go through the snapshot (block RAM, see osd_pal_ram).
    wire [6:0] sys_win_cols = !sys_osd_en ? 7'd0 : (sys_cols > 8'd64) ? 7'd64 : sys_cols[6:0];
    wire [5:0] sys_win_rows = (sys_rows > 8'd32) ? 6'd32 : sys_rows[5:0];
    localparam CFG_W = 2 + 12 + 12 + 12 + 7 + 6;
    wire [1:0]   pix_pat_mode;
    wire [11:0]  pix_pat_colour;
    wire [11:0]  pix_pos_x, pix_pos_y;
    wire [6:0]   pix_cols;
    wire [5:0]   pix_rows;
    cfg_snapshot #(.W(CFG_W)) u_cfg (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .i_cfg({sys_win_rows, sys_win_cols, sys_pos_y, sys_pos_x, sys_pat_colour, sys_pat_mode}),
        .o_freeze(freeze),
        .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix), .i_snap(vblank_start),
        .o_cfg({pix_rows, pix_cols, pix_pos_y, pix_pos_x, pix_pat_colour, pix_pat_mode}));

    // ---- frame counter, running flag and vsync interrupt into clk_sys --------------------
    video_status u_status (
        .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix), .i_frame_start(frame_start),
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .o_irq_vsync(o_irq_vsync), .o_frame(frame), .o_running(running));

    // ---- clk_pix: background and overlay -------------------------------------------------
    wire [11:0] bg_rgb;
    test_pattern #(.H_ACTIVE(H_ACTIVE), .V_ACTIVE(V_ACTIVE)) u_pattern (
        .i_clk(i_clk_pix), .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_mode(pix_pat_mode),
        .i_colour(pix_pat_colour), .o_rgb(bg_rgb));

    wire [11:0] out_rgb;
    osd_overlay u_osd (
        .i_clk_sys(i_clk_sys), .i_wr_text(wr_text), .i_wr_font(wr_font),
        .i_wr_addr(i_mem_addr[11:2]), .i_wr_data(i_mem_wdata), .i_wr_strb(i_mem_wstrb),
        .i_clk_pix(i_clk_pix), .i_pos_x(pix_pos_x), .i_pos_y(pix_pos_y),
        .i_cols(pix_cols), .i_rows(pix_rows),
        .i_pal_we(pal_we), .i_pal_addr(pal_addr), .i_pal_wdata(pal_wdata),
        .i_x(tim_x), .i_y(tim_y), .i_de(tim_de), .i_hs(tim_hs), .i_vs(tim_vs),
        .i_bg_rgb(bg_rgb),
        .o_rgb(out_rgb), .o_hs(o_hs), .o_vs(o_vs), .o_de(o_de));
    assign {o_r, o_g, o_b} = out_rgb;
endmodule
`default_nettype wire
