// soc_downcnt: W-bit down counter with a parallel load, one logic cell per bit.
// Each clock: i_load loads i_val; otherwise i_dec subtracts 1 (wrapping below 0: callers
// stop at the value they test for); otherwise the counter holds. i_rst (synchronous)
// loads RESET.
// Cells (synthesis): the carry chain computes o_count - 1 (adding all ones: the carry into
// bit i is |o_count[i-1:0]) and each cell's LUT picks "load ? i_val : o_count - 1", so a
// bit costs one LUT + carry + flip-flop cell instead of a subtractor cell plus a
// multiplexer LUT. The carry's I1 is the LUT's I2 (~i_load): while loading, the carries
// are garbage and unused. Simulation (Verilator) uses the plain description.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_downcnt #(
    parameter W = 16,
    parameter [W-1:0] RESET = {W{1'b0}}
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_load,
    input  wire         i_dec,
    input  wire [W-1:0] i_val,
    output reg  [W-1:0] o_count
);
    wire [W-1:0] next;
`ifdef SYNTHESIS
    wire         go = ~i_load;
    /* verilator lint_off UNUSEDSIGNAL */
    wire [W:0]   k;                 // k[i]: carry into bit i = |o_count[i-1:0] (not loading)
    /* verilator lint_on UNUSEDSIGNAL */
    assign k[0] = 1'b0;
    genvar i;
    generate
        for (i = 0; i < W; i = i + 1) begin : g_bit
            SB_CARRY u_c (.CO(k[i + 1]), .I0(o_count[i]), .I1(go), .CI(k[i]));
            // out = I2 ? ~(I1 ^ I3) : I0, i.e. counting ? o_count[i] ^ ~k[i] : i_val[i]
            SB_LUT4 #(.LUT_INIT(16'hCA3A)) u_l (
                .O(next[i]), .I0(i_val[i]), .I1(o_count[i]), .I2(go), .I3(k[i]));
        end
    endgenerate
`else
    assign next = i_load ? i_val : o_count - {{(W-1){1'b0}}, 1'b1};
`endif

    always @(posedge i_clk)
        if (i_rst) o_count <= RESET;
        else if (i_load | i_dec) o_count <= next;
endmodule
`default_nettype wire
