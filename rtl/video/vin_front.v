// vin_front: one video input port's front end for the shared meter engine (vin_engine).
// Only what must run every tick stays per port: each pin (HS or composite sync, VS) is
// synchronised (cdc_sync2: u_cdc_hs, u_cdc_vs), deglitched (a new level must be seen
// GLITCH+1 ticks, as sync_input does) and every filtered edge is kept with its 12-bit time
// stamp: HS edges in a queue of 4 in arrival order (stamp and direction; the engine sees the
// oldest, o_hs*), the VS edge in one slot (with its new level). The engine takes the oldest
// edge of the port (o_vs_first says whether that is the VS edge) and clears it (i_clr_*);
// it rebuilds the full time from the stamp's age, so it may come up to 4095 ticks late
// without losing precision. The HS queue is four deep (two edges of each direction, as
// they alternate): composite sync has same-direction edges 7 us apart where the broad
// pulses end, closer than the engine's round over four ports is guaranteed to be.
// An edge that finds no room (a full HS queue, a full VS slot: a pin toggling faster than
// the engine services the port, noise) is lost and sets o_ovr, which the engine treats as
// noise on this port only.
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
    input  wire        i_clr_hs,         // engine: oldest HS edge consumed (one-tick strobes)
    input  wire        i_clr_vs,
    input  wire        i_clr_ovr,
    output wire        o_hs,             // an HS edge is queued: the oldest ...
    output wire        o_hs_rise,        // ... rose (else fell) ...
    output wire [11:0] o_hs_t,           // ... at o_hs_t
    output reg         o_vs,             // VS changed to o_vs_lvl at o_vs_t
    output reg         o_vs_lvl,
    output reg  [11:0] o_vs_t,
    output wire        o_vs_first,       // the VS edge is older than every queued HS edge
    output reg         o_ovr             // an edge was lost (no room)
);
    localparam GW = $clog2(GLITCH + 2);
    localparam QD = 4;                   // HS queue depth
    wire hs_s, vs_s;
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_hs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_hs), .o_q(hs_s));
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_cdc_vs (.i_clk(i_clk), .i_rst(i_rst), .i_d(i_vs), .o_q(vs_s));

    reg          hs_lvl, vs_lvl;         // filtered levels
    reg [GW-1:0] hs_g, vs_g;             // ticks the pin has differed from the level
    wire hs_chg = (hs_s != hs_lvl) && (hs_g == GLITCH[GW-1:0]);
    wire vs_chg = (vs_s != vs_lvl) && (vs_g == GLITCH[GW-1:0]);

    // the HS queue: entry 0 is the oldest; a taken entry shifts the rest down
    reg [12:0]   q_e [0:QD-1];           // {rose, stamp}
    reg [2:0]    q_n;                    // entries in use
    reg [2:0]    vs_n;                   // queued HS edges older than the VS edge
    wire         pop    = i_clr_hs && q_n != 3'd0;
    wire [2:0]   n_pop  = q_n - {2'd0, pop};
    wire         push   = hs_chg && n_pop != QD[2:0];
    assign o_hs       = q_n != 3'd0;
    assign o_hs_rise  = q_e[0][12];
    assign o_hs_t     = q_e[0][11:0];
    assign o_vs_first = vs_n == 3'd0;

    // (no reset: an entry is only read while it is in use)
    always @(posedge i_clk) begin
        if (pop) begin
            q_e[0] <= q_e[1]; q_e[1] <= q_e[2]; q_e[2] <= q_e[3];
        end
        if (push) q_e[n_pop[1:0]] <= {hs_s, i_now};
    end

    always @(posedge i_clk) begin
        if (i_rst) begin
            hs_lvl <= 1'b1; vs_lvl <= 1'b1; hs_g <= {GW{1'b0}}; vs_g <= {GW{1'b0}};
            o_vs <= 1'b0; o_vs_lvl <= 1'b1; o_ovr <= 1'b0; q_n <= 3'd0; vs_n <= 3'd0;
        end else begin
            hs_g <= (hs_s == hs_lvl || hs_chg) ? {GW{1'b0}} : hs_g + 1'b1;
            vs_g <= (vs_s == vs_lvl || vs_chg) ? {GW{1'b0}} : vs_g + 1'b1;
            if (hs_chg) hs_lvl <= hs_s;
            if (vs_chg) vs_lvl <= vs_s;
            q_n <= n_pop + {2'd0, push};
            // the VS slot: a new edge wins over a clear in the same tick; an HS edge of the
            // same tick counts as the newer one
            if (pop && vs_n != 3'd0) vs_n <= vs_n - 3'd1;
            if (i_clr_vs) o_vs <= 1'b0;
            if (vs_chg) begin
                o_vs <= 1'b1; o_vs_t <= i_now; o_vs_lvl <= vs_s; vs_n <= n_pop;
            end
            if (i_clr_ovr) o_ovr <= 1'b0;
            if ((hs_chg && !push) || (vs_chg && o_vs && !i_clr_vs))
                o_ovr <= 1'b1;
        end
    end
endmodule
`default_nettype wire
