// cdc_sync2: two-flop synchroniser for a level (or a Gray-coded / quasi-static bus).
// Clocks: i_clk is the destination domain. i_d comes from any other domain.
// Use only for single bits, Gray codes, or buses that are held stable long enough
// for every bit to settle (quasi-static configuration, guarded by a handshake).
`default_nettype none
module cdc_sync2 #(
    parameter W = 1,
    parameter [W-1:0] RESET_VALUE = {W{1'b0}}
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire [W-1:0] i_d,
    output wire [W-1:0] o_q
);
    (* keep *) reg [W-1:0] cdc_meta;
    reg [W-1:0] cdc_sync;
    always @(posedge i_clk) begin
        if (i_rst) begin
            cdc_meta <= RESET_VALUE;
            cdc_sync <= RESET_VALUE;
        end else begin
            cdc_meta <= i_d;
            cdc_sync <= cdc_meta;
        end
    end
    assign o_q = cdc_sync;
endmodule
`default_nettype wire
