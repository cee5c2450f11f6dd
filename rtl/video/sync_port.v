// sync_port: one input port's sync separator plus its meter (sync_sep + sync_meter), the
// unit instantiated per video input by vin_meters (and the top of tests/sync).
// Clocks: i_clk = clk_ref (REF_HZ); i_hs / i_vs are asynchronous port pins.
`default_nettype none
module sync_port #(
    parameter REF_HZ = 48000000,
    parameter PW     = 13,
    parameter LW     = 11
) (
    input  wire          i_clk,
    input  wire          i_rst,
    input  wire          i_hs,
    input  wire          i_vs,
    output wire          o_hs,
    output wire          o_vs,
    output wire          o_field,
    output wire          o_line,
    output wire [PW+3:0] o_line_x16,
    output wire [PW-1:0] o_line_ticks,
    output wire [PW-1:0] o_hs_ticks,
    output wire [LW-1:0] o_lines_field,
    output wire [LW-1:0] o_lines_frame,
    output wire          o_interlaced,
    output wire          o_hpol,
    output wire          o_vpol,
    output wire          o_csync,
    output wire          o_locked,
    output wire          o_present,
    output wire          o_stable,
    output wire [7:0]    o_loss_count
);
    wire line, real_edge, vstart, activity, ce1k, locked, csync, hpol, vpol, field;
    wire [PW-1:0] period, hsw;
    wire [PW+3:0] span16;
    wire          span_ok;
    sync_sep #(.REF_HZ(REF_HZ), .PW(PW)) u_sep (
        .i_clk(i_clk), .i_rst(i_rst), .i_hs(i_hs), .i_vs(i_vs),
        .o_hs(o_hs), .o_vs(o_vs), .o_field(field), .o_csync_mode(csync),
        .o_hpol(hpol), .o_vpol(vpol), .o_locked(locked),
        .o_line(line), .o_real(real_edge), .o_vstart(vstart), .o_activity(activity), .o_ce1k(ce1k),
        .o_period(period), .o_hsw(hsw),
        .o_span16(span16), .o_span_ok(span_ok));
    sync_meter #(.REF_HZ(REF_HZ), .PW(PW), .LW(LW)) u_meter (
        .i_clk(i_clk), .i_rst(i_rst), .i_ce(ce1k), .i_locked(locked), .i_line(line), .i_span16(span16),
        .i_vstart(vstart), .i_field(field), .i_activity(activity), .i_hsw(hsw),
        .i_hpol(hpol), .i_vpol(vpol), .i_csync(csync),
        .o_line_x16(o_line_x16), .o_line_ticks(o_line_ticks), .o_hs_ticks(o_hs_ticks),
        .o_lines_field(o_lines_field), .o_lines_frame(o_lines_frame),
        .o_interlaced(o_interlaced), .o_field(o_field), .o_hpol(o_hpol), .o_vpol(o_vpol),
        .o_csync(o_csync), .o_locked(o_locked), .o_present(o_present), .o_stable(o_stable),
        .o_loss_count(o_loss_count));
    assign o_line = line;
    wire unused_ok = &{1'b0, period, real_edge, span_ok};
endmodule
`default_nettype wire
