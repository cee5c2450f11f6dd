// cfg_snapshot: frame-boundary handshake that copies a wide, quasi-static configuration
// bus from clk_sys registers into clk_pix registers, whole or not at all.
// Clocks: i_clk_sys (source registers, freeze), i_clk_pix (request, capture).
//
//   1. clk_pix: i_snap (start of vertical blanking) -> cdc_pulse -> clk_sys
//   2. clk_sys: o_freeze goes high (the register block stalls writes, so i_cfg holds
//      still); one clock later the request toggle flips -> cdc_sync2 -> clk_pix
//   3. clk_pix: toggle change seen -> o_cfg <= i_cfg (stable for >= 3 clk_pix by now),
//      then a done pulse -> cdc_pulse -> clk_sys
//   4. clk_sys: done (or a 255-cycle timeout, if clk_pix stopped) -> o_freeze low, and
//      o_done pulses for one cycle (the popup timer counts these)
// The whole exchange takes about 10 clk_sys cycles, far inside vertical blanking, so the
// new configuration applies from the next frame's first pixel. The only unsynchronised
// path is i_cfg -> o_cfg, sampled only while frozen (named: cfg_cdc_hold).
`default_nettype none
module cfg_snapshot #(
    parameter W = 8,
    parameter [W-1:0] RESET_VALUE = {W{1'b0}}
) (
    input  wire         i_clk_sys,
    input  wire         i_rst_sys,
    input  wire [W-1:0] i_cfg,          // clk_sys registers
    output reg          o_freeze,       // clk_sys: hold i_cfg still while high
    output reg          o_done,         // clk_sys: one-cycle pulse as the freeze ends
    input  wire         i_clk_pix,
    input  wire         i_rst_pix,
    input  wire         i_snap,         // clk_pix pulse: take a snapshot now
    output reg  [W-1:0] o_cfg           // clk_pix copy
);
    // ---- clk_sys side -------------------------------------------------------------------
    wire sys_req, sys_done;
    cdc_pulse u_req (
        .i_src_clk(i_clk_pix), .i_src_rst(i_rst_pix), .i_src_pulse(i_snap),
        .i_dst_clk(i_clk_sys), .i_dst_rst(i_rst_sys), .o_dst_pulse(sys_req));

    reg       sys_toggle;       // flips once i_cfg is frozen
    reg       sys_armed;        // freeze seen for one clock, toggle flipped
    reg [7:0] sys_timeout;
    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            o_freeze    <= 1'b0;
            o_done      <= 1'b0;
            sys_armed   <= 1'b0;
            sys_toggle  <= 1'b0;
            sys_timeout <= 8'd0;
        end else if (!o_freeze) begin
            o_done      <= 1'b0;
            o_freeze    <= sys_req;
            sys_armed   <= 1'b0;
            sys_timeout <= 8'd0;
        end else if (!sys_armed) begin
            sys_armed   <= 1'b1;
            sys_toggle  <= ~sys_toggle;
        end else if (sys_done || sys_timeout == 8'hFF) begin
            o_freeze    <= 1'b0;
            o_done      <= 1'b1;
        end else begin
            sys_timeout <= sys_timeout + 8'd1;
        end
    end

    // ---- clk_pix side -------------------------------------------------------------------
    wire pix_toggle;
    cdc_sync2 #(.W(1)) u_toggle (
        .i_clk(i_clk_pix), .i_rst(i_rst_pix), .i_d(sys_toggle), .o_q(pix_toggle));

    reg pix_toggle_q;
    reg pix_done;
    wire cfg_cdc_hold = pix_toggle ^ pix_toggle_q;   // i_cfg is frozen: capture it
    always @(posedge i_clk_pix) begin
        if (i_rst_pix) begin
            pix_toggle_q <= 1'b0;
            pix_done     <= 1'b0;
            o_cfg        <= RESET_VALUE;
        end else begin
            pix_toggle_q <= pix_toggle;
            pix_done     <= cfg_cdc_hold;
            if (cfg_cdc_hold)
                o_cfg <= i_cfg;
        end
    end

    cdc_pulse u_done (
        .i_src_clk(i_clk_pix), .i_src_rst(i_rst_pix), .i_src_pulse(pix_done),
        .i_dst_clk(i_clk_sys), .i_dst_rst(i_rst_sys), .o_dst_pulse(sys_done));
endmodule
`default_nettype wire
