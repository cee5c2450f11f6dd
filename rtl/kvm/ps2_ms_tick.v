// ps2_ms_tick: one-clock pulse every millisecond, used by the emulated keyboard and mouse
// for their BAT (power-on self-test) delays.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high).
`default_nettype none
module ps2_ms_tick #(
    parameter CLK_HZ = 12_000_000
) (
    input  wire i_clk,
    input  wire i_rst,
    output reg  o_tick
);
    localparam integer C_MS = CLK_HZ / 1000;
    localparam integer W    = $clog2(C_MS);
    localparam integer M_MS = C_MS - 1;
    localparam [W-1:0] LAST = M_MS[W-1:0];

    reg [W-1:0] cnt;

    always @(posedge i_clk) begin
        o_tick <= 1'b0;
        if (i_rst) begin
            cnt <= {W{1'b0}};
        end else if (cnt == LAST) begin
            cnt    <= {W{1'b0}};
            o_tick <= 1'b1;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end
endmodule
`default_nettype wire
