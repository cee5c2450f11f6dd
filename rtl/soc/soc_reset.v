// soc_reset: builds the two clk_sys resets of the SoC.
//   o_rst_por: board reset only (power-on / button / PLL lock). Resets state that must
//              survive a watchdog or software reset (SYSCTL.RESET_CAUSE, SYSCTL.SCRATCH).
//   o_rst_sys: board reset OR a watchdog / software reset request. Resets the CPU and all
//              SoC peripherals. A request is stretched to HOLD_CYCLES cycles by a counter in
//              the por domain, then released synchronously by reset_sync.
// Clocks: i_clk = clk_sys. i_rst_n is asynchronous (board), i_req is a clk_sys pulse.
`default_nettype none
module soc_reset #(
    parameter HOLD_CYCLES = 16
) (
    input  wire i_clk,
    input  wire i_rst_n,
    input  wire i_req,
    output wire o_rst_por,
    output wire o_rst_sys
);
    reset_sync u_por (.i_clk(i_clk), .i_rst_n(i_rst_n), .o_rst(o_rst_por));

    // Request stretcher (por domain, so the reset it causes does not clear it).
    localparam CW = $clog2(HOLD_CYCLES + 1);
    reg [CW-1:0] hold_cnt;
    reg          hold;
    always @(posedge i_clk) begin
        if (o_rst_por) begin
            hold     <= 1'b0;
            hold_cnt <= {CW{1'b0}};
        end else if (i_req) begin
            hold     <= 1'b1;
            hold_cnt <= HOLD_CYCLES[CW-1:0];
        end else if (hold_cnt != {CW{1'b0}}) begin
            hold_cnt <= hold_cnt - 1'b1;
        end else begin
            hold <= 1'b0;
        end
    end

    // hold is a flop output: no glitches on the asynchronous assert path.
    reset_sync u_sys (.i_clk(i_clk), .i_rst_n(i_rst_n & ~hold), .o_rst(o_rst_sys));
endmodule
`default_nettype wire
