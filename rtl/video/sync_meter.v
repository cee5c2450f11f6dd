// sync_meter: measures one port from the sync_sep strobes; every result is a register
// (no bus yet: a CPU-facing register block reads these later through a CDC snapshot).
//   o_line_x16    span of 16 consecutive real hsync periods (ticks; /16 = line period with
//                 4 fractional bits; measured by sync_line, which also predicts with it);
//                 o_line_ticks = rounded line period; 0 until measured
//   o_hs_ticks    hsync width (ticks, equalising pulses excluded)
//   o_lines_field lines between the last two vertical starts; o_lines_frame = that, or the
//                 sum of the last two fields when interlaced
//   o_interlaced  field alternated on the last two vertical starts
//   o_present     any HS/VS edge within PRESENT_TICKS (counted in i_ce units of CE_TICKS
//                 ticks, so the timer is 6 bits, not 16); o_stable: locked, present, and the
//                 same lines/frame and line period (+-STAB_TOL ticks) for N_STABLE fields
//   o_loss_count  number of times the horizontal lock was lost (saturates)
// Clocks: i_clk = clk_ref, same domain as sync_sep.
// Cost notes: o_line_x16 and o_hs_ticks are the registers of sync_line itself (it clears
// its span when the lock is lost), the previous field count is the output register, the
// presence timer counts 1024-tick units, and the period comparison is one subtraction with
// a range test (no absolute value).
`default_nettype none
module sync_meter #(
    parameter REF_HZ        = 48000000,
    parameter PW            = 13,
    parameter LW            = 11,                // line counter width
    parameter PRESENT_TICKS = REF_HZ / 1000,     // 1 ms without edges = no signal
    parameter STAB_TOL      = 2,
    parameter N_STABLE      = 3,
    parameter CE_TICKS      = 1024               // ticks per i_ce pulse
) (
    input  wire            i_clk,
    input  wire            i_rst,
    input  wire            i_ce,             // one tick every CE_TICKS (presence timer)
    input  wire            i_locked,
    input  wire            i_line,
    input  wire [PW+3:0]   i_span16,
    input  wire            i_vstart,
    input  wire            i_field,
    input  wire            i_activity,
    input  wire [PW-1:0]   i_hsw,
    input  wire            i_hpol,
    input  wire            i_vpol,
    input  wire            i_csync,
    output wire [PW+3:0]   o_line_x16,
    output wire [PW-1:0]   o_line_ticks,
    output wire [PW-1:0]   o_hs_ticks,
    output reg  [LW-1:0]   o_lines_field,
    output reg  [LW-1:0]   o_lines_frame,
    output reg             o_interlaced,
    output reg             o_field,
    output reg             o_hpol,
    output reg             o_vpol,
    output reg             o_csync,
    output reg             o_locked,
    output reg             o_present,
    output reg             o_stable,
    output reg  [7:0]      o_loss_count
);
    localparam PU = (PRESENT_TICKS + CE_TICKS - 1) / CE_TICKS;   // in i_ce units
    localparam TW = $clog2(PU + 1);
    localparam [TW-1:0] PT = PU[TW-1:0];
    localparam [LW-1:0] LMAX = {LW{1'b1}};

    // --- line period: 16-line span measured by sync_line (a register there, 0 until the
    // first span after a lock). Rounding cannot overflow: a span is 16 lines of at most
    // LINE_MAX + 1 ticks, far below 2^(PW+4) - 8.
    assign o_line_x16   = i_span16;
    assign o_line_ticks = o_line_x16[PW+3:4] + {{(PW-1){1'b0}}, o_line_x16[3]};
    assign o_hs_ticks   = i_hsw;

    // --- lines per field / frame, interlace, stability
    reg [LW-1:0] lcnt;
    reg          vseen;           // a vertical start was seen since lock (counting valid)
    reg [1:0]    alt;             // consecutive field alternations
    reg [PW-1:0] prev_ticks;
    reg [LW-1:0] prev_frame;      // kept through a lock loss (o_lines_frame is cleared)
    localparam SW = $clog2(N_STABLE + 1);
    localparam [SW-1:0] NST = N_STABLE;
    reg [SW-1:0] stab;           // matching fields in a row, saturating at N_STABLE
    wire [LW-1:0] lcnt_end  = lcnt;
    wire          alt_now   = i_field != o_field;
    wire [1:0]    alt_n     = alt_now ? ((alt == 2'd3) ? 2'd3 : alt + 1'b1) : 2'd0;
    wire          il_n      = alt_n >= 2'd2;
    // the previous field is o_lines_field (only summed after two vertical starts, when it
    // is valid again after a lock loss)
    wire [LW-1:0] frame_n   = il_n ? o_lines_field + lcnt_end : lcnt_end;
    // |ticks - prev| <= STAB_TOL: one subtraction, then a range test on its bits
    localparam KS = $clog2(STAB_TOL + 1);
    localparam [KS-1:0] ST_LO = STAB_TOL;
    localparam [KS-1:0] ST_NEG = (1 << KS) - STAB_TOL;
    wire [PW:0]   dt        = {1'b0, o_line_ticks} - {1'b0, prev_ticks};
    wire          same_t    = (dt[PW:KS] == {(PW+1-KS){1'b0}} && dt[KS-1:0] <= ST_LO) ||
                              (dt[PW:KS] == {(PW+1-KS){1'b1}} && dt[KS-1:0] >= ST_NEG);
    always @(posedge i_clk) begin
        if (i_rst) begin
            lcnt <= {LW{1'b0}}; vseen <= 1'b0; alt <= 2'd0;
            prev_ticks <= {PW{1'b0}}; prev_frame <= {LW{1'b0}}; stab <= {SW{1'b0}};
            o_lines_field <= {LW{1'b0}}; o_lines_frame <= {LW{1'b0}}; o_interlaced <= 1'b0;
            o_field <= 1'b0;
        end else if (!i_locked || (lcnt == LMAX)) begin
            // no lock, or no vertical sync for too long: nothing per field to report
            lcnt <= {LW{1'b0}}; vseen <= 1'b0; alt <= 2'd0; stab <= {SW{1'b0}};
            o_lines_field <= {LW{1'b0}}; o_lines_frame <= {LW{1'b0}}; o_interlaced <= 1'b0;
        end else if (i_vstart) begin
            lcnt  <= i_line ? {{(LW-1){1'b0}}, 1'b1} : {LW{1'b0}};
            vseen <= 1'b1;
            o_field <= i_field;
            if (vseen) begin
                alt           <= alt_n;
                o_interlaced  <= il_n;
                o_lines_field <= lcnt_end;
                o_lines_frame <= frame_n;
                prev_frame    <= frame_n;
                prev_ticks    <= o_line_ticks;
                if (frame_n == prev_frame && same_t) begin
                    if (stab != NST) stab <= stab + 1'b1;
                end else begin
                    stab <= {SW{1'b0}};
                end
            end
        end else if (i_line) begin
            lcnt <= lcnt + 1'b1;
        end
    end

    // --- presence, lock-loss counter, registered copies
    reg [TW-1:0] idle;
    always @(posedge i_clk) begin
        if (i_rst) begin
            idle <= PT; o_present <= 1'b0; o_stable <= 1'b0; o_loss_count <= 8'd0;
            o_locked <= 1'b0; o_hpol <= 1'b0; o_vpol <= 1'b0;
            o_csync <= 1'b0;
        end else begin
            if (i_activity) idle <= {TW{1'b0}};
            else if (i_ce && idle != PT) idle <= idle + 1'b1;
            o_present <= idle != PT;
            o_stable  <= i_locked && (idle != PT) && (stab == NST);
            o_locked  <= i_locked;
            if (o_locked && !i_locked && o_loss_count != 8'hff) o_loss_count <= o_loss_count + 1'b1;
            o_hpol  <= i_hpol;
            o_vpol  <= i_vpol;
            o_csync <= i_csync;
        end
    end
endmodule
`default_nettype wire
