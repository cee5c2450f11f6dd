// vid_evt_check: learns where an event (a sync or DE transition) happens and flags any
// deviation at the very sample where it occurs, for vid_matrix_out.
// Clock: i_clk (the muxed pixel clock), i_rst.
// i_pos is a position counter (e.g. clocks since the HS leading edge). At each i_evt the
// position is learned. o_bad (combinational, same sample) is high when the check is
// confirmed and either the event happens at another position, or the sample at the learned
// position is "due" (i_due: still in the state before the event) without the event, i.e.
// the event is missing. Confirmation: CONFIRM = 1 needs two equal consecutive valid
// measurements; CONFIRM = 0 needs one valid measurement (i_valid: the measurement covered a
// whole period).
// FIELDS = 2 (frame-level checks): with i_alt = 1 (quasi-static, interlaced source) two
// templates are kept and used in turn, one per field, so fields that alternate in line count
// and VS phase each match their own; confirmed once both are known; o_verified once two
// consecutive events (one per field) matched. i_alt = 0: one template.
`default_nettype none
module vid_evt_check #(
    parameter W       = 12,
    parameter CONFIRM = 1,
    parameter FIELDS  = 1
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_alt,
    input  wire         i_evt,
    input  wire         i_due,
    input  wire         i_valid,
    input  wire [W-1:0] i_pos,
    output wire         o_bad,
    output reg          o_conf,
    output wire         o_verified    // FIELDS = 2: the last two events matched their templates
);
    reg [W-1:0] learned;
    reg         known;
    wire        same = (i_pos == learned);
    assign o_bad = o_conf && (i_evt ? !same : (i_due && same));
    generate
    if (FIELDS == 2) begin : g_two
        // learned / known: the template of the next event; other / other_known: the one after
        reg [W-1:0] other;
        reg         other_known;
        reg [1:0]   hits;           // consecutive events that matched a known template
        assign o_verified = (hits == 2'd2);
        always @(posedge i_clk) begin
            if (i_rst) begin
                learned <= {W{1'b0}}; known <= 1'b0; o_conf <= 1'b0;
                other <= {W{1'b0}}; other_known <= 1'b0; hits <= 2'd0;
            end else if (i_evt) begin
                hits <= (i_valid && known && same) ? ((hits == 2'd2) ? hits : hits + 2'd1) : 2'd0;
                if (i_alt) begin
                    learned     <= other;
                    known       <= other_known;
                    other       <= i_pos;
                    other_known <= i_valid;
                    o_conf      <= other_known && i_valid;
                end else begin
                    learned <= i_pos;
                    known   <= i_valid;
                    o_conf  <= (CONFIRM != 0) ? (i_valid && known && same) : i_valid;
                end
            end
        end
    end else begin : g_one
        wire unused_alt = &{1'b0, i_alt};
        assign o_verified = o_conf;
        always @(posedge i_clk) begin
            if (i_rst) begin
                learned <= {W{1'b0}};
                known   <= 1'b0;
                o_conf  <= 1'b0;
            end else if (i_evt) begin
                learned <= i_pos;
                known   <= i_valid;
                o_conf  <= (CONFIRM != 0) ? (i_valid && known && same) : i_valid;
            end
        end
    end
    endgenerate
endmodule
`default_nettype wire
