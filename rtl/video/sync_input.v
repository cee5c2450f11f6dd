// sync_input: conditions one already-synchronised sync line (HS, VS or composite sync).
//   - deglitch: the level changes only after the new level has been seen GLITCH+1 ticks;
//   - polarity: the active level is the one whose runs are the shorter; every period casts
//     one vote into a saturating counter (VW bits); the polarity flips only when the counter
//     saturates at the other end (hysteresis), so a few odd periods (VESA XOR vsync, AND
//     csync vertical, noise) do not flip it;
//   - output normalised to active high, with leading/trailing strobes;
//   - o_run: length of the current filtered run, aligned with the strobes: 1 in the tick
//     after o_lead / o_trail, then counting; at o_trail it still holds the finished active
//     run (+1), which is what sync_line needs (no second counter there).
// Clocks: i_clk = clk_ref (all logic). i_d must already be synchronised (cdc_sync2).
// Run lengths are counted in units of i_ce ticks (prescaler for slow signals such as VS).
`default_nettype none
module sync_input #(
    parameter RUNW   = 14,  // run-length counter width (saturating)
    parameter VW     = 4,   // polarity vote counter width
    parameter GLITCH = 2    // pulses of GLITCH ticks or fewer are dropped
) (
    input  wire i_clk,
    input  wire i_rst,
    input  wire i_ce,       // run-length count enable
    input  wire i_d,        // synchronised raw sync level
    output reg  o_act,      // 1 while the sync pulse is active (polarity removed)
    output reg  o_lead,     // one-tick strobe: pulse starts
    output reg  o_trail,    // one-tick strobe: pulse ends
    output reg  o_edge,     // one-tick strobe: any filtered edge (activity)
    output reg  o_pol,      // 1 = active high
    output wire [RUNW-1:0] o_run  // current run length (see above), saturating
);
    localparam GW = $clog2(GLITCH + 2);
    localparam [VW-1:0] VMAX = {VW{1'b1}};
    localparam [VW-1:0] VMID = {1'b1, {(VW-1){1'b0}}};
    localparam [VW-1:0] VONE = {{(VW-1){1'b0}}, 1'b1};
    localparam [RUNW-1:0] RMAX = {RUNW{1'b1}};

    reg            lvl;        // filtered raw level
    reg [GW-1:0]   gcnt;
    reg [VW-1:0]   vote;       // saturating: low end active low, high end active high

    wire change = (i_d != lvl) && (gcnt == GLITCH[GW-1:0]);
    wire act_n  = (change ? i_d : lvl) ^ ~o_pol;

    reg [RUNW-1:0] run;        // length of the current run of lvl
    reg [RUNW-1:0] run_low;    // length of the last complete low run
    reg            have_low;

    always @(posedge i_clk) begin
        if (i_rst) begin
            lvl <= 1'b1; gcnt <= {GW{1'b0}}; run <= {RUNW{1'b0}}; run_low <= {RUNW{1'b0}};
            have_low <= 1'b0; vote <= VMID; o_pol <= 1'b0;
            o_act <= 1'b0; o_lead <= 1'b0; o_trail <= 1'b0; o_edge <= 1'b0;
        end else begin
            // deglitch
            if (i_d == lvl) gcnt <= {GW{1'b0}};
            else if (!change) gcnt <= gcnt + 1'b1;
            else gcnt <= {GW{1'b0}};
            if (change) lvl <= i_d;
            // run lengths; one vote per period, at the end of a high run. The run
            // restarts one tick after the change (with the strobes); no change can come
            // in that tick (the glitch filter needs GLITCH+1 ticks), so the votes see the
            // same lengths as a counter restarted at the change itself
            if (o_edge) run <= {{(RUNW-1){1'b0}}, i_ce};
            else if (i_ce && run != RMAX) run <= run + 1'b1;
            if (change) begin
                if (lvl == 1'b0) begin
                    run_low  <= run;
                    have_low <= (run != RMAX);
                end else if (have_low && run != RMAX) begin
                    if (run_low < run) begin          // low runs shorter: active low
                        if (vote != {VW{1'b0}}) vote <= vote - 1'b1;
                        if (vote == VONE || vote == {VW{1'b0}}) o_pol <= 1'b0;
                    end else begin                    // high runs shorter: active high
                        if (vote != VMAX) vote <= vote + 1'b1;
                        if (vote == VMAX - 1'b1 || vote == VMAX) o_pol <= 1'b1;
                    end
                end
            end
            o_edge  <= change;
            o_act   <= act_n;
            o_lead  <= act_n & ~o_act;
            o_trail <= ~act_n & o_act;
        end
    end
    assign o_run = run;
endmodule
`default_nettype wire
