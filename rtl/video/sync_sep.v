// sync_sep: sync separator for one video input port.
//   i_hs carries HS or composite sync, i_vs carries VS or nothing (any polarity each, found
//   by sync_input). If VS has toggled within the last ~40 ms the port is in separate-sync
//   mode, else HS is treated as composite sync: an active run that reaches a quarter of the
//   measured line (broad pulse, XOR vsync, AND/OR vsync low) starts the vertical interval.
//   sync_line regenerates the line starts (half-line edges ignored, missing hsyncs bridged).
//   The field is taken from where the vertical pulse began in the line: within a quarter
//   line of the line start = field 0, near mid-line = field 1 (fake-progressive 240p/288p
//   always gives field 0). Only one vertical start per 16 lines is taken.
//   Outputs are clean, active high: o_hs (estimated hsync width from each line start),
//   o_vs (VS itself in separate mode; VS_LINES lines from the vertical start in csync mode).
// Clocks: everything on i_clk = clk_ref (REF_HZ). i_hs/i_vs are asynchronous: they enter
//   through rtl/lib/cdc_sync2.v. The port's pixel clock is never used.
`default_nettype none
module sync_sep #(
    parameter REF_HZ     = 48000000,
    parameter PW         = 13,                 // tick counter width: 2^PW > LINE_MAX
    parameter LINE_MIN   = REF_HZ / 200000,    // 200 kHz maximum line rate
    parameter LINE_MAX   = REF_HZ / 10000,     // 10 kHz minimum line rate
    parameter GLITCH     = 2,                  // input glitch filter (ticks)
    parameter VS_LINES   = 3,                  // regenerated vsync width in csync mode
    parameter VS_TIMEOUT = REF_HZ / 64 / 25    // VS idle 40 ms (in 64-tick units): csync mode
) (
    input  wire          i_clk,       // clk_ref
    input  wire          i_rst,       // synchronous to clk_ref, active high
    input  wire          i_hs,        // asynchronous: HS or composite sync
    input  wire          i_vs,        // asynchronous: VS (may be absent / constant)
    output wire          o_hs,        // regenerated hsync, active high
    output reg           o_vs,        // regenerated vsync, active high
    output reg           o_field,     // 0: vertical began at a line start, 1: mid-line
    output wire          o_csync_mode,
    output wire          o_hpol,      // 1 = HS (or csync) active high
    output wire          o_vpol,      // 1 = VS active high (csync mode: = o_hpol)
    output wire          o_locked,    // horizontal lock
    // for sync_meter
    output wire          o_line,      // strobe: regenerated line start
    output wire          o_real,      // strobe: real hsync edge
    output reg           o_vstart,    // strobe: vertical start (o_field valid with it)
    output wire          o_activity,  // strobe: any filtered edge on HS or VS
    output wire          o_ce1k,      // one tick in 1024 (slow timers: VS runs, VS idle, meter)
    output wire [PW-1:0] o_period,
    output wire [PW+3:0] o_span16,    // 16 real line periods (ticks)
    output wire          o_span_ok,
    output wire [PW-1:0] o_hsw
);
    // VS run lengths and the VS idle timer count 1024-tick units (21 us at 48 MHz):
    // 11 bits reach 43 ms, as 15 bits of 64-tick units did
    localparam VRW = 11;
    localparam VTO = (VS_TIMEOUT + 15) / 16;          // VS_TIMEOUT is in 64-tick units
    localparam [VRW-1:0] VS_TO = VTO[VRW-1:0];

    wire hs_s, vs_s;
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_hs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_hs), .o_q(hs_s));
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_vs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_vs), .o_q(vs_s));

    reg [9:0] pre;                 // 1024-tick prescaler for VS run lengths and timeout
    always @(posedge i_clk) pre <= i_rst ? 10'd0 : pre + 1'b1;
    wire ce1k = &pre;
    assign o_ce1k = ce1k;

    wire hs_act, hs_lead, hs_trail, hs_edge;
    wire [PW-1:0]  hs_run;
    wire [VRW-1:0] vs_run;
    wire vs_act, vs_lead, vs_trail, vs_edge;
    sync_input #(.RUNW(PW), .VW(4), .GLITCH(GLITCH)) u_in_hs (
        .i_clk(i_clk), .i_rst(i_rst), .i_ce(1'b1), .i_d(hs_s),
        .o_act(hs_act), .o_lead(hs_lead), .o_trail(hs_trail), .o_edge(hs_edge), .o_pol(o_hpol), .o_run(hs_run));
    sync_input #(.RUNW(VRW), .VW(2), .GLITCH(GLITCH)) u_in_vs (
        .i_clk(i_clk), .i_rst(i_rst), .i_ce(ce1k), .i_d(vs_s),
        .o_act(vs_act), .o_lead(vs_lead), .o_trail(vs_trail), .o_edge(vs_edge), .o_pol(vs_pol), .o_run(vs_run));
    wire vs_pol;

    // separate-sync detection: VS edges seen recently
    reg [VRW-1:0] vs_idle;
    always @(posedge i_clk)
        if (i_rst) vs_idle <= VS_TO;
        else if (vs_edge) vs_idle <= {VRW{1'b0}};
        else if (ce1k && vs_idle != VS_TO) vs_idle <= vs_idle + 1'b1;
    wire sep_mode = vs_idle != VS_TO;
    assign o_csync_mode = ~sep_mode;
    assign o_vpol = sep_mode ? vs_pol : o_hpol;
    assign o_activity = hs_edge | vs_edge;

    wire          long_run;
    wire [PW-1:0] pos;
    wire          mid, lead_mid;
    sync_line #(.PW(PW), .LINE_MIN(LINE_MIN), .LINE_MAX(LINE_MAX)) u_line (
        .i_clk(i_clk), .i_rst(i_rst), .i_act(hs_act), .i_lead(hs_lead), .i_trail(hs_trail), .i_run(hs_run),
        .o_locked(o_locked), .o_line(o_line), .o_real(o_real), .o_period(o_period),
        .o_span16(o_span16), .o_span_ok(o_span_ok),
        .o_pos(pos), .o_hsw(o_hsw), .o_long(long_run), .o_mid(mid), .o_lead_mid(lead_mid));

    // vertical start and field
    reg [4:0] since_v;             // regenerated lines since the last vertical start (sat)
    reg [1:0] vs_left;             // csync mode: regenerated vsync lines still to go
    wire      armed = since_v[4];  // >= 16 lines
    wire      vfield = sep_mode ? mid : lead_mid;   // began in the middle half of a line
    wire      vstart = o_locked && armed && (sep_mode ? vs_lead : long_run);
    always @(posedge i_clk) begin
        if (i_rst) begin
            since_v <= 5'd0; vs_left <= 2'd0; o_vs <= 1'b0; o_field <= 1'b0; o_vstart <= 1'b0;
        end else begin
            o_vstart <= vstart;
            if (vstart) begin
                since_v <= 5'd0;
                o_field <= vfield;
            end else if (o_line && !since_v[4]) begin
                since_v <= since_v + 1'b1;
            end
            if (!o_locked) since_v <= 5'd16;
            if (sep_mode) begin
                o_vs    <= vs_act;
                vs_left <= 2'd0;
            end else if (vstart) begin
                o_vs    <= 1'b1;
                vs_left <= VS_LINES[1:0];
            end else if (o_line && vs_left != 2'd0) begin
                vs_left <= vs_left - 1'b1;
                if (vs_left == 2'd1) o_vs <= 1'b0;
            end
        end
    end

    // regenerated hsync: estimated width (at least 1 tick) from every line start. No width
    // counter: the pulse ends when the line position passes the width. A predicted line
    // starts with pos one higher (it began 1 tick late), so its end test is taken one
    // tick later (registered) to give the same width.
    reg hs_on, hs_real, hs_past_d;
    wire hs_past = pos > o_hsw;
    always @(posedge i_clk)
        if (i_rst) begin
            hs_on <= 1'b0; hs_real <= 1'b0; hs_past_d <= 1'b0;
        end else begin
            hs_past_d <= hs_past;
            if (o_line) begin
                hs_on   <= 1'b1;
                hs_real <= o_real;
            end else if (hs_real ? hs_past : hs_past_d) begin
                hs_on <= 1'b0;
            end
        end
    assign o_hs = hs_on;

    wire unused_ok = &{1'b0, vs_trail, vs_run};
endmodule
`default_nettype wire
