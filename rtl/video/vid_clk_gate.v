// vid_clk_gate: one input of the glitch-free clock mux (vid_clkmux).
// Clocks: i_clk is the clock being gated. i_en_req comes from clk_sys (a level);
// i_kill is a registered clk_sys level that clears the enable asynchronously.
//
// Crossing "vid_clk_gate enable": i_en_req (clk_sys) -> two flops on the rising edge of
// i_clk (cdc_meta, cdc_sync) -> en_q on the FALLING edge of i_clk. The gated clock
// o_gclk = i_clk & en_q therefore only changes enable while i_clk is low: a high phase is
// always a whole high phase of i_clk (no runt).
// i_kill (asynchronous clear of all three flops) is asserted by vid_matrix_ctl only when
// i_clk is dead (no edge for microseconds) and its request is off: the gated clock has then
// sat at one level for far longer than any half period, so ending that level cannot make a
// short pulse. While killed, i_en_req is 0, so the flops hold 0 whether or not the clear is
// released near an edge (no recovery problem).
`default_nettype none
module vid_clk_gate (
    input  wire i_clk,
    input  wire i_en_req,
    input  wire i_kill,
    output wire o_en,
    output wire o_gclk
);
    (* keep *) reg cdc_meta;
    reg cdc_sync;
    reg en_q;
    always @(posedge i_clk or posedge i_kill)
        if (i_kill) begin
            cdc_meta <= 1'b0;
            cdc_sync <= 1'b0;
        end else begin
            cdc_meta <= i_en_req;
            cdc_sync <= cdc_meta;
        end
    always @(negedge i_clk or posedge i_kill)
        if (i_kill) en_q <= 1'b0;
        else en_q <= cdc_sync;
    assign o_en   = en_q;
    assign o_gclk = i_clk & en_q;
endmodule
`default_nettype wire
