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
`default_nettype none
module vid_evt_check #(
    parameter W       = 12,
    parameter CONFIRM = 1
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_evt,
    input  wire         i_due,
    input  wire         i_valid,
    input  wire [W-1:0] i_pos,
    output wire         o_bad,
    output reg          o_conf
);
    reg [W-1:0] learned;
    reg         known;
    wire        same = (i_pos == learned);
    assign o_bad = o_conf && (i_evt ? !same : (i_due && same));
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
endmodule
`default_nettype wire
