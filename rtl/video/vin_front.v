// vin_front: one video input port's front end for the shared meter engine (vin_engine).
// Only what must run every tick stays per port: each pin (HS or composite sync, VS) is
// synchronised (cdc_sync2: u_cdc_hs, u_cdc_vs), deglitched (a new level must be seen
// GLITCH+1 ticks, as sync_input does) and every filtered edge is written into a slot with
// its 12-bit time stamp: HS rise, HS fall, VS edge (with its new level). The engine reads
// the slots when it services the port and clears them (i_clr_*); it rebuilds the full time
// from the stamp's age, so it may come up to 4095 ticks late without losing precision.
// The HS slots are two deep (the engine sees the older edge; the newer moves up when it is
// taken): composite sync has same-direction edges 7 us apart where the broad pulses end,
// closer than the engine's round over four ports is guaranteed to be.
// An edge that finds its slot still full (a pin toggling faster than the engine services
// the port: noise) sets o_ovr, which the engine treats as noise on this port only.
// Clock: i_clk = clk_ref. i_hs / i_vs are asynchronous pins.
`default_nettype none
module vin_front #(
    parameter GLITCH = 2                 // pulses of GLITCH ticks or fewer are dropped
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_hs,             // asynchronous pin: HS or composite sync
    input  wire        i_vs,             // asynchronous pin: VS (may be idle)
    input  wire [11:0] i_now,            // engine tick counter, low 12 bits
    input  wire        i_clr_hr,         // engine: slot consumed (one-tick strobes)
    input  wire        i_clr_hf,
    input  wire        i_clr_vs,
    input  wire        i_clr_ovr,
    output reg         o_hr,             // HS rose at o_hr_t
    output reg  [11:0] o_hr_t,
    output reg         o_hf,             // HS fell at o_hf_t
    output reg  [11:0] o_hf_t,
    output reg         o_vs,             // VS changed to o_vs_lvl at o_vs_t
    output reg         o_vs_lvl,
    output reg  [11:0] o_vs_t,
    output reg         o_ovr             // an edge was lost (slot still full)
);
    localparam GW = $clog2(GLITCH + 2);
    wire hs_s, vs_s;
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_hs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_hs), .o_q(hs_s));
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_vs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_vs), .o_q(vs_s));

    reg          hs_lvl, vs_lvl;         // filtered levels
    reg          hr2, hf2;               // the HS slots' second entries
    reg [11:0]   hr2_t, hf2_t;
    reg [GW-1:0] hs_g, vs_g;             // ticks the pin has differed from the level
    wire hs_chg = (hs_s != hs_lvl) && (hs_g == GLITCH[GW-1:0]);
    wire vs_chg = (vs_s != vs_lvl) && (vs_g == GLITCH[GW-1:0]);
    wire hr_set = hs_chg && hs_s;
    wire hf_set = hs_chg && !hs_s;

    always @(posedge i_clk) begin
        if (i_rst) begin
            hs_lvl <= 1'b1; vs_lvl <= 1'b1; hs_g <= {GW{1'b0}}; vs_g <= {GW{1'b0}};
            o_hr <= 1'b0; o_hf <= 1'b0; o_vs <= 1'b0; o_vs_lvl <= 1'b1; o_ovr <= 1'b0;
            o_hr_t <= 12'd0; o_hf_t <= 12'd0; o_vs_t <= 12'd0;
            hr2 <= 1'b0; hf2 <= 1'b0; hr2_t <= 12'd0; hf2_t <= 12'd0;
        end else begin
            hs_g <= (hs_s == hs_lvl || hs_chg) ? {GW{1'b0}} : hs_g + 1'b1;
            vs_g <= (vs_s == vs_lvl || vs_chg) ? {GW{1'b0}} : vs_g + 1'b1;
            if (hs_chg) hs_lvl <= hs_s;
            if (vs_chg) vs_lvl <= vs_s;
            // HS slots, two deep: a taken head is replaced by the second entry, else by a
            // new edge; a new edge goes to the first free entry
            if (i_clr_hr) begin
                o_hr <= hr2 || hr_set; o_hr_t <= hr2 ? hr2_t : i_now;
                hr2  <= hr2 && hr_set; hr2_t <= i_now;
            end else if (hr_set && !o_hr) begin
                o_hr <= 1'b1; o_hr_t <= i_now;
            end else if (hr_set && !hr2) begin
                hr2 <= 1'b1; hr2_t <= i_now;
            end
            if (i_clr_hf) begin
                o_hf <= hf2 || hf_set; o_hf_t <= hf2 ? hf2_t : i_now;
                hf2  <= hf2 && hf_set; hf2_t <= i_now;
            end else if (hf_set && !o_hf) begin
                o_hf <= 1'b1; o_hf_t <= i_now;
            end else if (hf_set && !hf2) begin
                hf2 <= 1'b1; hf2_t <= i_now;
            end
            // the VS slot: a new edge wins over a clear in the same tick
            if (i_clr_vs) o_vs <= 1'b0;
            if (vs_chg) begin o_vs <= 1'b1; o_vs_t <= i_now; o_vs_lvl <= vs_s; end
            if (i_clr_ovr) o_ovr <= 1'b0;
            if ((hr_set && hr2 && !i_clr_hr) || (hf_set && hf2 && !i_clr_hf) ||
                (vs_chg && o_vs && !i_clr_vs))
                o_ovr <= 1'b1;
        end
    end
endmodule
`default_nettype wire
