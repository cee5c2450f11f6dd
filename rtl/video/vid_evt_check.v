// vid_evt_check: learns where an event (a sync or DE transition) happens and flags any
// deviation at the very sample where it occurs (reported one clock later), for vid_matrix_out.
// Clock: i_clk (the muxed pixel clock), i_rst.
// i_pos is a position counter (e.g. clocks since the HS leading edge). At each i_evt the
// position is learned. o_bad (one clock late, for the previous sample) is high when the check is
// confirmed and either the event happens at another position, or the sample at the learned
// position is "due" (i_due: still in the state before the event) without the event, i.e.
// the event is missing. Confirmation: CONFIRM = 1 needs two equal consecutive valid
// measurements; CONFIRM = 0 needs one valid measurement (i_valid: the measurement covered a
// whole period).
// FIELDS = 2 (frame-level checks): with i_alt = 1 (quasi-static, interlaced source) two
// templates are kept and used in turn, one per field, so fields that alternate in line count
// and VS phase each match their own; confirmed once both are known; o_verified once two
// consecutive events (one per field) matched. i_alt = 0: one template.
// Outputs are one clock late (timing: the position compare ends in a flip-flop, not in the
// gate decision): o_bad is the result for the previous sample, o_conf and o_verified are the
// values that previous sample saw (before its own event updated them), so a user that
// decides one clock later sees exactly the same-cycle behaviour, delayed.
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
    output wire         o_bad,        // all three: for / as seen by the previous sample
    output wire         o_conf,
    output wire         o_verified    // FIELDS = 2: the last two events matched their templates
);
    // Templates (learned / known, and other / other_known for two fields) are updated at the
    // event itself. The compare ends in flip-flops: bad_q, and the event's update values
    // conf_nq / hit_q for conf / hits, the only state that depends on it, which are updated
    // one clock later: during the next clock conf and hits still hold the values the event's
    // sample saw, which is what o_conf / o_verified report (conf_x: those values now).
    reg [W-1:0] learned;
    reg         known, conf;
    reg         evt_q, conf_nq, hit_q, bad_q;
    wire        same   = (i_pos == learned);
    wire        conf_n;                             // conf after an event at this sample
    wire        conf_x = evt_q ? conf_nq : conf;    // conf during the next clock = now, unshifted
    assign o_bad  = bad_q;
    assign o_conf = conf;
    always @(posedge i_clk) begin
        if (i_rst) begin
            evt_q <= 1'b0; conf_nq <= 1'b0; hit_q <= 1'b0; bad_q <= 1'b0;
            conf  <= 1'b0;
        end else begin
            evt_q   <= i_evt;
            bad_q   <= conf_x && (i_evt ? !same : (i_due && same));
            conf_nq <= conf_n;
            hit_q   <= i_valid && known && same;
            if (evt_q) conf <= conf_nq;
        end
    end
    generate
    if (FIELDS == 2) begin : g_two
        // learned / known: the template of the next event; other / other_known: the one after
        reg [W-1:0] other;
        reg         other_known;
        reg [1:0]   hits;           // consecutive events that matched a known template
        assign o_verified = (hits == 2'd2);
        assign conf_n = i_alt ? (other_known && i_valid)
                              : ((CONFIRM != 0) ? (i_valid && known && same) : i_valid);
        always @(posedge i_clk) begin
            if (i_rst) begin
                learned <= {W{1'b0}}; known <= 1'b0;
                other <= {W{1'b0}}; other_known <= 1'b0; hits <= 2'd0;
            end else begin
                if (evt_q) hits <= hit_q ? ((hits == 2'd2) ? hits : hits + 2'd1) : 2'd0;
                if (i_evt) begin
                    if (i_alt) begin
                        learned     <= other;
                        known       <= other_known;
                        other       <= i_pos;
                        other_known <= i_valid;
                    end else begin
                        learned <= i_pos;
                        known   <= i_valid;
                    end
                end
            end
        end
    end else begin : g_one
        wire unused = &{1'b0, i_alt, hit_q};
        assign o_verified = conf;
        assign conf_n = (CONFIRM != 0) ? (i_valid && known && same) : i_valid;
        always @(posedge i_clk) begin
            if (i_rst) begin
                learned <= {W{1'b0}};
                known   <= 1'b0;
            end else if (i_evt) begin
                learned <= i_pos;
                known   <= i_valid;
            end
        end
    end
    endgenerate
endmodule
`default_nettype wire
