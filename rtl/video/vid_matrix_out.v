// vid_matrix_out: the matrix's output domain. Registered source mux, line/frame integrity
// check, frame-boundary gate and blanking, x/y of the output picture.
// Clock: i_clk = the muxed pixel clock (vid_clkmux). i_rst comes from reset_sync and is
// held while the clock is being switched (the "gap"), so every switch starts clean.
// Crossings (clk_sys -> here):
//   u_src (cdc_sync2, no reset) source index, its sync polarities and its csync / interlaced
//         flags: quasi-static, the
//         control changes them only while the muxed clock is off, so they are stable long
//         before this domain leaves reset.
//   u_ctl (cdc_sync2) run / cut levels.
// o_idle goes back to clk_sys (vid_matrix_ctl.u_idle); o_cut_evt through cdc_pulse.
// The selected source's signals are synchronous to the muxed clock (it IS that source's
// clock while selected), so stage P is an ordinary register.
//
// Pipeline: source pins -> P (mux) -> A (vid_csync_sep: clean HS/VS from composite sync,
// else a delay) -> B -> C (+ pass flag) -> outputs: 5 clocks.
// Checks on stage A (active-high sync after polarity), vid_evt_check each: HS period and
// width, DE start and width (against the previous line), VS leading and trailing edge
// position in lines and clocks (against the previous frame, or the previous frame of the same
// field parity for an interlaced source); a missing edge is caught at the
// sample where it was due. The checks' results are registered (they describe sample A and
// arrive with it at B), the gate decision is made on B and applied between C and the
// outputs, so a bad edge is never output.
// Gate: BLANK -> PASS at a VS leading edge when run, the previous frame was complete and
// clean, and line geometry is confirmed (the fallback, index N, is trusted and needs none);
// PASS -> BLANK at a VS leading edge when run drops (the frame is output whole), at once on
// cut, or at once on a check failure (the bad edge itself is not output).
// Blank output: DE low, RGB 0, HS and VS held at the inactive level of the source's polarity.
`default_nettype none
module vid_matrix_out #(
    parameter N  = 4,
    parameter SW = 3
) (
    input  wire             i_clk,
    input  wire             i_rst,
    input  wire [4*N+3:0]   i_r,          // source k = bits [4k+3:4k], k = N: fallback
    input  wire [4*N+3:0]   i_g,
    input  wire [4*N+3:0]   i_b,
    input  wire [N:0]       i_hs,
    input  wire [N:0]       i_vs,
    input  wire [N:0]       i_de,
    input  wire [SW-1:0]    i_src_sys,    // clk_sys, quasi-static
    input  wire             i_hpol_sys,
    input  wire             i_vpol_sys,
    input  wire             i_csync_sys,  // composite sync on the HS pin (quasi-static)
    input  wire             i_ilace_sys,  // interlaced: two field templates (quasi-static)
    input  wire             i_run_sys,    // clk_sys levels
    input  wire             i_cut_sys,
    output reg  [3:0]       o_r,
    output reg  [3:0]       o_g,
    output reg  [3:0]       o_b,
    output reg              o_hs,
    output reg              o_vs,
    output reg              o_de,
    output reg  [11:0]      o_x,
    output reg  [11:0]      o_y,
    output reg              o_frame_start,  // with the first sample of a frame (VS leading edge)
    output reg              o_idle,         // run seen low and output blank
    output reg              o_cut_evt,      // a check failure ended a passing frame
    output wire             o_passing
);
    localparam integer  N_I = N;
    localparam [SW-1:0] FB = N_I[SW-1:0];  // the fallback's source number

    wire [SW-1:0] src;
    wire          hpol, vpol, csync, ilace, run, cut;
    cdc_sync2 #(.W(SW + 4)) u_src (.i_clk(i_clk), .i_rst(1'b0),
        .i_d({i_src_sys, i_hpol_sys, i_vpol_sys, i_csync_sys, i_ilace_sys}),
        .o_q({src, hpol, vpol, csync, ilace}));
    cdc_sync2 #(.W(2)) u_ctl (.i_clk(i_clk), .i_rst(i_rst),
        .i_d({i_run_sys, i_cut_sys}), .o_q({run, cut}));

    // ---- stage P: registered mux, sync normalised to active high
    reg [3:0] p_r, p_g, p_b;
    reg       p_hs, p_vs, p_de;
    always @(posedge i_clk) begin
        p_r  <= i_r[4 * src +: 4];
        p_g  <= i_g[4 * src +: 4];
        p_b  <= i_b[4 * src +: 4];
        p_hs <= i_hs[src] ~^ hpol;
        p_vs <= i_vs[src] ~^ vpol;
        p_de <= i_de[src];
    end

    // ---- stage A: composite sync separated into a clean HS and VS (a delay otherwise)
    wire [3:0] a_r, a_g, a_b;
    wire       a_hs, a_vs, a_de;
    vid_csync_sep u_csep (.i_clk(i_clk), .i_rst(i_rst), .i_csync(csync),
        .i_hs(p_hs), .i_vs(p_vs), .i_de(p_de), .i_rgb({p_r, p_g, p_b}),
        .o_hs(a_hs), .o_vs(a_vs), .o_de(a_de), .o_rgb({a_r, a_g, a_b}));

    // ---- stages B and C (plain delays of A)
    reg [3:0] b_r, b_g, b_b, c_r, c_g, c_b;
    reg       b_hs, b_vs, b_de, c_hs, c_vs, c_de, c_pass;

    // transitions of sample A (checks and position counters)
    wire hs_edge  = a_hs & ~b_hs;
    wire hs_trail = ~a_hs & b_hs;
    wire vs_edge  = a_vs & ~b_vs;
    wire vs_trail = ~a_vs & b_vs;
    wire de_rise  = a_de & ~b_de;
    wire de_fall  = ~a_de & b_de;
    // the same transitions of sample B (one clock later: the gate decision)
    wire b_hs_edge  = b_hs & ~c_hs;
    wire b_hs_trail = ~b_hs & c_hs;
    wire b_vs_edge  = b_vs & ~c_vs;
    wire b_de_rise  = b_de & ~c_de;
    wire b_de_fall  = ~b_de & c_de;

    // ---- position counters (on stage A)
    reg  [11:0] hnext;              // position of sample A: clocks since the HS leading edge, + 1
    reg  [11:0] drun;               // DE run length up to and including B
    reg  [11:0] vcnt;               // HS leading edges since the VS leading edge
    reg         vs_seen;            // a VS leading edge before sample A
    reg         b_vs_seen;          // vs_seen as sample B saw it (at A, one clock earlier)
    reg         dirty;              // gate state, on B

    // ---- every transition checked at its position; a missing one at the sample it is due.
    // Results registered: bad_* / ok_* / vfy_* describe sample B (see vid_evt_check).
    wire bad_hper, bad_hsw, bad_dex, bad_dew, bad_vs, bad_vsw;
    wire vfy_vs, vfy_vsw;           // interlaced: both field templates matched
    wire vfy_hper, vfy_hsw, vfy_dex, vfy_dew;   // = the o_conf of line checks (unused)
    wire ok_hper, ok_hsw, ok_dex, ok_dew, ok_vs, ok_vsw;
    vid_evt_check #(.W(12), .CONFIRM(1)) u_chk_hper (.i_clk(i_clk), .i_rst(i_rst), .i_alt(1'b0),
        .i_evt(hs_edge), .i_due(1'b1), .i_valid(1'b1), .i_pos(hnext),
        .o_bad(bad_hper), .o_conf(ok_hper), .o_verified(vfy_hper));                        // line period
    vid_evt_check #(.W(12), .CONFIRM(1)) u_chk_hsw (.i_clk(i_clk), .i_rst(i_rst), .i_alt(1'b0),
        .i_evt(hs_trail), .i_due(a_hs & b_hs), .i_valid(1'b1), .i_pos(hnext),
        .o_bad(bad_hsw), .o_conf(ok_hsw), .o_verified(vfy_hsw));                          // HS width
    vid_evt_check #(.W(12), .CONFIRM(1)) u_chk_dex (.i_clk(i_clk), .i_rst(i_rst), .i_alt(1'b0),
        .i_evt(de_rise), .i_due(1'b0), .i_valid(1'b1), .i_pos(hnext),
        .o_bad(bad_dex), .o_conf(ok_dex), .o_verified(vfy_dex));                          // DE start in the line
    vid_evt_check #(.W(12), .CONFIRM(1)) u_chk_dew (.i_clk(i_clk), .i_rst(i_rst), .i_alt(1'b0),
        .i_evt(de_fall), .i_due(a_de & b_de), .i_valid(1'b1), .i_pos(drun),
        .o_bad(bad_dew), .o_conf(ok_dew), .o_verified(vfy_dew));                          // active width
    vid_evt_check #(.W(24), .CONFIRM(0), .FIELDS(2)) u_chk_vs (.i_clk(i_clk), .i_rst(i_rst),
        .i_alt(ilace),
        .i_evt(vs_edge), .i_due(1'b1), .i_valid(vs_seen), .i_pos({vcnt, hnext}),
        .o_bad(bad_vs), .o_conf(ok_vs), .o_verified(vfy_vs));                            // frame length, VS phase
    vid_evt_check #(.W(24), .CONFIRM(0), .FIELDS(2)) u_chk_vsw (.i_clk(i_clk), .i_rst(i_rst),
        .i_alt(ilace),
        .i_evt(vs_trail), .i_due(a_vs & b_vs), .i_valid(vs_seen), .i_pos({vcnt, hnext}),
        .o_bad(bad_vsw), .o_conf(ok_vsw), .o_verified(vfy_vsw));                          // VS width

    // ---- gate decision on sample B
    wire any_bad  = bad_hper | bad_hsw | bad_dex | bad_dew | bad_vs | bad_vsw;
    wire unconf   = (b_hs_edge & ~ok_hper) | (b_hs_trail & ~ok_hsw) | (b_de_rise & ~ok_dex) |
                    (b_de_fall & ~ok_dew);
    wire trusted  = (src == FB);
    wire bad      = !trusted && any_bad;
    wire arm_ok   = trusted ||
                    (b_vs_seen && !dirty && !any_bad && ok_hper && ok_hsw && ok_dex && ok_dew &&
                     (!ilace || (vfy_vs && vfy_vsw)));
    wire unused_ok = &{1'b0, ok_vs, ok_vsw, vfy_hper, vfy_hsw, vfy_dex, vfy_dew};

    reg  gate;
    wire gate_n = gate ? !(cut || bad || (b_vs_edge && !run))
                       : (run && !cut && b_vs_edge && arm_ok);

    always @(posedge i_clk) begin
        b_r <= a_r; b_g <= a_g; b_b <= a_b;
        b_hs <= a_hs; b_vs <= a_vs; b_de <= a_de;
        c_r <= b_r; c_g <= b_g; c_b <= b_b;
        c_hs <= b_hs; c_vs <= b_vs; c_de <= b_de;
        if (i_rst) begin
            hnext <= 12'hfff; drun <= 12'd0; vcnt <= 12'd0;
            vs_seen <= 1'b0; b_vs_seen <= 1'b0; dirty <= 1'b1;
            gate <= 1'b0; c_pass <= 1'b0; o_idle <= 1'b1; o_cut_evt <= 1'b0;
        end else begin
            // kept one ahead (no adder in front of the checks): saturates at 4095
            hnext <= hs_edge ? 12'd1 : (hnext == 12'hfff) ? hnext : hnext + 12'd1;
            if (a_de) drun <= b_de ? drun + 12'd1 : 12'd1;
            if (vs_edge) begin
                vcnt    <= hs_edge ? 12'd1 : 12'd0;
                vs_seen <= 1'b1;
            end else if (hs_edge) begin
                vcnt <= (vcnt == 12'hfff) ? vcnt : vcnt + 12'd1;
            end
            b_vs_seen <= vs_seen;
            // A frame is dirty if any check failed or a line event was not yet confirmed.
            if (b_vs_edge) dirty <= 1'b0;
            else if (any_bad || unconf) dirty <= 1'b1;
            gate      <= gate_n;
            c_pass    <= gate_n;
            o_idle    <= !run && !gate_n;
            o_cut_evt <= gate && bad && !cut;
        end
    end
    assign o_passing = gate;

    // ---- outputs and x / y
    wire n_de = c_pass & c_de;
    wire n_hs = c_pass & c_hs;
    wire n_vs = c_pass & c_vs;
    // Sync levels while blank: they change to the current source's inactive levels at the
    // VS edge that can open the gate (run, and the checks armed: for a port after a whole
    // checked frame, for the trusted fallback at once), taken on sample A (vs_edge): two
    // clocks before that sample can be output, so the first passed VS pulse still shows
    // its leading edge. A source switched away before that (a second select right after
    // the first, or while it is still being checked) leaves them alone; otherwise they would
    // flip there and back, a pulse as long as that source was connected. Not on the first VS
    // edge after run: a composite-sync source's separator makes VS edges while it learns the
    // line. Kept through the switch resets; until the first pass (pass_seen, 0 from
    // configuration) they are the current source's levels.
    reg  pass_seen = 1'b0;
    reg  idle_hs, idle_vs;
    always @(posedge i_clk) begin
        if (c_pass) pass_seen <= 1'b1;
        if ((i_rst && !pass_seen) || (!i_rst && run && vs_edge && arm_ok)) begin
            idle_hs <= ~hpol;
            idle_vs <= ~vpol;
        end
    end
    reg  o_vs_act, new_frame;
    always @(posedge i_clk) begin
        if (i_rst) begin
            o_r <= 4'd0; o_g <= 4'd0; o_b <= 4'd0;
            o_hs <= pass_seen ? idle_hs : ~hpol; o_vs <= pass_seen ? idle_vs : ~vpol;
            o_de <= 1'b0; o_vs_act <= 1'b0;
            o_x <= 12'd0; o_y <= 12'd0; o_frame_start <= 1'b0; new_frame <= 1'b0;
        end else begin
            o_r  <= c_pass ? c_r : 4'd0;
            o_g  <= c_pass ? c_g : 4'd0;
            o_b  <= c_pass ? c_b : 4'd0;
            o_hs <= n_hs ? hpol : idle_hs;
            o_vs <= n_vs ? vpol : idle_vs;
            o_de <= n_de;
            o_vs_act      <= n_vs;
            o_frame_start <= n_vs & ~o_vs_act;
            if (n_vs & ~o_vs_act) new_frame <= 1'b1;
            if (n_de) begin
                if (!o_de) begin
                    o_x       <= 12'd0;
                    o_y       <= (new_frame || (n_vs & ~o_vs_act)) ? 12'd0 : o_y + 12'd1;
                    new_frame <= 1'b0;
                end else begin
                    o_x <= o_x + 12'd1;
                end
            end
        end
    end
endmodule
`default_nettype wire
