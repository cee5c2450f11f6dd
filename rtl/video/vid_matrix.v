// vid_matrix: N->1 video matrix with a glitch-free clock switch and a fallback generator.
// Clocks:
//   i_clk_sys           control (vid_matrix_ctl), alive detectors, counters
//   i_port_clk[p]       port p's pixel clock; port p's RGB/HS/VS/DE are synchronous to it
//   i_clk_int           internal pixel clock for the fallback raster (vid_fallback)
//   o_clk_pix           the muxed clock (vid_clkmux, on a global buffer); every o_* video
//                       output, o_x/o_y and o_frame_start are synchronous to it
// Pass-through: the selected source's RGB444/HS/VS/DE reach the outputs unchanged, 6
// o_clk_pix clocks later, whole frames only (docs/matrix.md); a composite-sync source
// (meter flag) gets a clean HS and VS derived from its HS pin (vid_csync_sep), an interlaced
// one is checked against two field templates. Status outputs are clk_sys.
// Crossings: see vid_matrix_ctl (u_ok, u_pol, u_idle), vid_clk_alive (u_tog), vid_clkmux
// (enables, u_en_seen), vid_matrix_out (u_src, u_ctl), and here: u_rst_out / u_rst_int
// (reset_sync), u_fb_restart (cdc_pulse clk_sys -> clk_int), u_cut (cdc_pulse out -> clk_sys).
`default_nettype none
module vid_matrix #(
    parameter N              = 4,
    parameter SW             = $clog2(N + 1),
    parameter STOP_TIMEOUT   = 540000,  // clk_sys cycles to wait for a frame end (45 ms @ 12 MHz)
    parameter ALIVE_DIV_BITS = 4,
    parameter DEAD_CYCLES    = 32,      // clk_sys cycles without a port clock edge = dead
    parameter FB_H_ACTIVE = 640, parameter FB_H_FP = 16, parameter FB_H_SYNC = 96,
    parameter FB_H_BP = 48, parameter FB_V_ACTIVE = 480, parameter FB_V_FP = 10,
    parameter FB_V_SYNC = 2, parameter FB_V_BP = 33, parameter FB_H_POL = 0,
    parameter FB_V_POL = 0,
    parameter [11:0] FB_RGB = 12'h000
) (
    input  wire            i_clk_sys,
    input  wire            i_rst_sys,
    input  wire            i_clk_int,
    input  wire [SW-1:0]   i_select,      // clk_sys: port number, >= N = fallback
    input  wire [N-1:0]    i_port_ok,     // meter: present & stable
    input  wire [N-1:0]    i_port_hpol,   // meter: 1 = active high
    input  wire [N-1:0]    i_port_vpol,
    input  wire [N-1:0]    i_port_csync,  // meter: composite sync on the HS pin, quasi-static
    input  wire [N-1:0]    i_port_ilace,  // meter: interlaced, quasi-static
    input  wire [N-1:0]    i_port_clk,
    input  wire [4*N-1:0]  i_port_r,      // port p = bits [4p+3:4p]
    input  wire [4*N-1:0]  i_port_g,
    input  wire [4*N-1:0]  i_port_b,
    input  wire [N-1:0]    i_port_hs,
    input  wire [N-1:0]    i_port_vs,
    input  wire [N-1:0]    i_port_de,
    output wire            o_clk_pix,
    output wire [3:0]      o_r,
    output wire [3:0]      o_g,
    output wire [3:0]      o_b,
    output wire            o_hs,
    output wire            o_vs,
    output wire            o_de,
    output wire [11:0]     o_x,
    output wire [11:0]     o_y,
    output wire            o_frame_start,
    output wire [SW-1:0]   o_cur_source,  // clk_sys from here down
    output wire            o_switching,
    output wire [15:0]     o_switch_count,
    output wire [15:0]     o_forced_count,
    output reg  [15:0]     o_cut_count    // passing frames ended by a failed line/frame check
);
    // ---- port clock activity
    wire [N-1:0] alive;
    genvar p;
    generate
        for (p = 0; p < N; p = p + 1) begin : g_alive
            vid_clk_alive #(.DIV_BITS(ALIVE_DIV_BITS), .DEAD_CYCLES(DEAD_CYCLES)) u_alive (
                .i_clk(i_port_clk[p]), .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
                .o_alive(alive[p]));
        end
    endgenerate

    // ---- control
    wire [N:0]    en_req, en_seen;
    wire [N-1:0]  kill;
    wire          gap, hpol, vpol, csync, ilace, run, cut, fb_restart, idle;
    wire [SW-1:0] src;
    vid_matrix_ctl #(.N(N), .SW(SW), .STOP_TIMEOUT(STOP_TIMEOUT),
        .FB_H_POL(FB_H_POL), .FB_V_POL(FB_V_POL)) u_ctl (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys), .i_select(i_select),
        .i_ok(i_port_ok), .i_hpol(i_port_hpol), .i_vpol(i_port_vpol),
        .i_csync(i_port_csync), .i_ilace(i_port_ilace), .i_alive(alive),
        .i_en_seen(en_seen), .i_idle(idle),
        .o_en_req(en_req), .o_kill(kill), .o_gap(gap), .o_src(src), .o_hpol(hpol),
        .o_vpol(vpol), .o_csync(csync), .o_ilace(ilace), .o_run(run), .o_cut(cut), .o_fb_restart(fb_restart),
        .o_cur_source(o_cur_source), .o_switching(o_switching),
        .o_switch_count(o_switch_count), .o_forced_count(o_forced_count));

    // ---- clock mux: inputs 0..N-1 ports, N internal (never killed: the PLL does not stop)
    vid_clkmux #(.M(N + 1)) u_clkmux (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys), .i_clk({i_clk_int, i_port_clk}),
        .i_en_req(en_req), .i_kill({1'b0, kill}), .o_en_seen(en_seen), .o_clk(o_clk_pix));

    // ---- fallback source on the internal clock
    wire rst_int, fb_restart_int;
    reset_sync u_rst_int (.i_clk(i_clk_int), .i_rst_n(~i_rst_sys), .o_rst(rst_int));
    cdc_pulse u_fb_restart (.i_src_clk(i_clk_sys), .i_src_rst(i_rst_sys), .i_src_pulse(fb_restart),
        .i_dst_clk(i_clk_int), .i_dst_rst(rst_int), .o_dst_pulse(fb_restart_int));
    wire [3:0] fb_r, fb_g, fb_b;
    wire       fb_hs, fb_vs, fb_de;
    vid_fallback #(
        .H_ACTIVE(FB_H_ACTIVE), .H_FP(FB_H_FP), .H_SYNC(FB_H_SYNC), .H_BP(FB_H_BP),
        .V_ACTIVE(FB_V_ACTIVE), .V_FP(FB_V_FP), .V_SYNC(FB_V_SYNC), .V_BP(FB_V_BP),
        .H_POL(FB_H_POL), .V_POL(FB_V_POL), .RGB(FB_RGB)
    ) u_fallback (
        .i_clk(i_clk_int), .i_rst(rst_int), .i_restart(fb_restart_int),
        .o_r(fb_r), .o_g(fb_g), .o_b(fb_b), .o_hs(fb_hs), .o_vs(fb_vs), .o_de(fb_de));

    // ---- output domain (muxed clock), held in reset from the clock gap until 3 clocks
    // after the new clock has been released
    wire rst_out, cut_evt, passing;
    reset_sync u_rst_out (.i_clk(o_clk_pix), .i_rst_n(~(i_rst_sys | gap)), .o_rst(rst_out));
    vid_matrix_out #(.N(N), .SW(SW)) u_out (
        .i_clk(o_clk_pix), .i_rst(rst_out),
        .i_r({fb_r, i_port_r}), .i_g({fb_g, i_port_g}), .i_b({fb_b, i_port_b}),
        .i_hs({fb_hs, i_port_hs}), .i_vs({fb_vs, i_port_vs}), .i_de({fb_de, i_port_de}),
        .i_src_sys(src), .i_hpol_sys(hpol), .i_vpol_sys(vpol),
        .i_csync_sys(csync), .i_ilace_sys(ilace), .i_run_sys(run), .i_cut_sys(cut),
        .o_r(o_r), .o_g(o_g), .o_b(o_b), .o_hs(o_hs), .o_vs(o_vs), .o_de(o_de),
        .o_x(o_x), .o_y(o_y), .o_frame_start(o_frame_start), .o_idle(idle),
        .o_cut_evt(cut_evt), .o_passing(passing));

    // ---- check-failure counter (output domain event -> clk_sys). The source side of the
    // pulse synchroniser is never reset: the output domain's reset must not make a toggle.
    wire cut_sys;
    cdc_pulse u_cut (.i_src_clk(o_clk_pix), .i_src_rst(1'b0), .i_src_pulse(cut_evt),
        .i_dst_clk(i_clk_sys), .i_dst_rst(i_rst_sys), .o_dst_pulse(cut_sys));
    always @(posedge i_clk_sys)
        if (i_rst_sys) o_cut_count <= 16'd0;
        else if (cut_sys) o_cut_count <= o_cut_count + 16'd1;

    wire unused = &{1'b0, passing};
endmodule
`default_nettype wire
