// vid_clk_alive: is a clock running? Seen from clk_sys.
// Clocks: i_clk is the watched clock (may stop at either level); i_clk_sys / i_rst_sys.
// A free-running DIV_BITS counter in the watched domain; its top bit (period 2^DIV_BITS
// clocks) crosses into clk_sys through u_tog (cdc_sync2). No change of that bit for
// DEAD_CYCLES clk_sys cycles = dead. Works for 2^(DIV_BITS-1) / f_clk < DEAD_CYCLES / f_sys
// (slowest clock) and f_clk < 2^(DIV_BITS-1) * f_sys (each level must be sampled).
// Defaults at clk_sys = 12 MHz: dead after 2.7 us; clocks from 3 MHz to about 80 MHz
// (the top bit then stays at each level for 8 clocks, at least one clk_sys period).
`default_nettype none
module vid_clk_alive #(
    parameter DIV_BITS    = 4,
    parameter DEAD_CYCLES = 32
) (
    input  wire i_clk,
    input  wire i_clk_sys,
    input  wire i_rst_sys,
    output reg  o_alive
);
    localparam CW = $clog2(DEAD_CYCLES + 1);
    localparam [CW-1:0] DEAD = DEAD_CYCLES;

    reg [DIV_BITS-1:0] div = {DIV_BITS{1'b0}};
    always @(posedge i_clk) div <= div + 1'b1;

    wire tog;
    cdc_sync2 #(.W(1)) u_tog (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(div[DIV_BITS-1]), .o_q(tog));

    reg          tog_q;
    reg [CW-1:0] quiet;
    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            tog_q   <= 1'b0;
            quiet   <= DEAD;
            o_alive <= 1'b0;
        end else begin
            tog_q <= tog;
            if (tog != tog_q) quiet <= {CW{1'b0}};
            else if (quiet != DEAD) quiet <= quiet + 1'b1;
            o_alive <= (quiet != DEAD);
        end
    end
endmodule
`default_nettype wire
