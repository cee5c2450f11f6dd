// vid_clkmux: glitch-free M-input clock multiplexer (M = ports + internal clock).
// Clocks: i_clk[k] (any, unrelated); i_clk_sys for the control side; o_clk is the selected
// clock on a global buffer.
// Protocol (kept by vid_matrix_ctl): at most one i_en_req bit is high, and a new one is
// raised only after every o_en_seen bit has been seen low. Each input has its own enable
// chain (vid_clk_gate: synchronised on the input's rising edge, changed on its falling
// edge), the output is the OR of the gated clocks, so it is low between the last whole high
// phase of the old clock and the first whole high phase of the new one.
// Crossings: i_en_req -> each clock (vid_clk_gate enable); enables -> clk_sys (u_en_seen,
// cdc_sync2, one independent bit per clock); i_kill is an asynchronous clear (see vid_clk_gate).
`default_nettype none
module vid_clkmux #(
    parameter M = 5
) (
    input  wire         i_clk_sys,
    input  wire         i_rst_sys,
    input  wire [M-1:0] i_clk,
    input  wire [M-1:0] i_en_req,   // clk_sys
    input  wire [M-1:0] i_kill,     // clk_sys, registered
    output wire [M-1:0] o_en_seen,  // clk_sys
    output wire         o_clk
);
    wire [M-1:0] en, gclk;
    genvar k;
    generate
        for (k = 0; k < M; k = k + 1) begin : g_in
            vid_clk_gate u_gate (
                .i_clk(i_clk[k]), .i_en_req(i_en_req[k]), .i_kill(i_kill[k]),
                .o_en(en[k]), .o_gclk(gclk[k]));
        end
    endgenerate

    cdc_sync2 #(.W(M)) u_en_seen (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(en), .o_q(o_en_seen));

    vid_gbuf u_gb (.i_clk(|gclk), .o_clk(o_clk));
endmodule
`default_nettype wire
