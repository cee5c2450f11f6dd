// matrix_stat_top: place-and-route harness for vid_matrix (matrix-stat only, not a design
// block). The matrix has about 100 pins at N = 4, more than the UP5K-SG48 has, so each port's
// 15 video bits are shifted in serially on one pin in that port's clock domain, and the
// video outputs are folded into a few registered pins on the muxed clock.
// Clocks: i_clk_sys, i_clk_int, i_port_clk[p]; o_clk_pix domain for the output fold.
`default_nettype none
module matrix_stat_top #(
    parameter N = 4
) (
    input  wire         i_clk_sys,
    input  wire         i_rst_sys,
    input  wire         i_clk_int,
    input  wire [N-1:0] i_port_clk,
    input  wire [N-1:0] i_port_din,    // serial video bits, one pin per port
    input  wire         i_ctl_din,     // serial select / ok / polarity bits (clk_sys)
    output reg  [3:0]   o_vid,
    output wire         o_clk_pix,
    output wire         o_status
);
    localparam SW = $clog2(N + 1);
    wire [4*N-1:0] r, g, b;
    wire [N-1:0]   hs, vs, de;
    genvar p;
    generate
        for (p = 0; p < N; p = p + 1) begin : g_port
            reg [14:0] sh;
            always @(posedge i_port_clk[p]) sh <= {sh[13:0], i_port_din[p]};
            assign r[4*p +: 4] = sh[3:0];
            assign g[4*p +: 4] = sh[7:4];
            assign b[4*p +: 4] = sh[11:8];
            assign hs[p] = sh[12];
            assign vs[p] = sh[13];
            assign de[p] = sh[14];
        end
    endgenerate
    reg [SW+5*N-1:0] ctl;
    always @(posedge i_clk_sys) ctl <= {ctl[SW+5*N-2:0], i_ctl_din};

    wire [3:0]  vr, vg, vb;
    wire        vhs, vvs, vde, vfs, sw;
    wire [11:0] x, y;
    wire [SW-1:0] cur;
    wire [15:0] c0, c1, c2;
    vid_matrix #(.N(N)) u_matrix (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys), .i_clk_int(i_clk_int),
        .i_select(ctl[SW-1:0]), .i_port_ok(ctl[SW +: N]), .i_port_hpol(ctl[SW+N +: N]),
        .i_port_vpol(ctl[SW+2*N +: N]), .i_port_csync(ctl[SW+3*N +: N]),
        .i_port_ilace(ctl[SW+4*N +: N]), .i_port_clk(i_port_clk),
        .i_port_r(r), .i_port_g(g), .i_port_b(b), .i_port_hs(hs), .i_port_vs(vs), .i_port_de(de),
        .o_clk_pix(o_clk_pix), .o_r(vr), .o_g(vg), .o_b(vb), .o_hs(vhs), .o_vs(vvs), .o_de(vde),
        .o_x(x), .o_y(y), .o_frame_start(vfs), .o_cur_source(cur), .o_switching(sw),
        .o_switch_count(c0), .o_forced_count(c1), .o_cut_count(c2));
    always @(posedge o_clk_pix)
        o_vid <= vr ^ vg ^ vb ^ {vhs, vvs, vde, vfs} ^ x[11:8] ^ x[7:4] ^ x[3:0] ^ y[11:8] ^ y[7:4] ^ y[3:0];
    assign o_status = ^{cur, sw, c0, c1, c2};
endmodule
`default_nettype wire
