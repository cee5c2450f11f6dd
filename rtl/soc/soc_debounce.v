// soc_debounce: debounces a vector of already synchronised inputs. The output takes the
// input value once it has differed from the output, unchanged, for CYCLES cycles in a row.
// o_changed pulses for one cycle when the output changes.
// Clocks: i_clk (single domain; i_d must already be synchronised to it).
`default_nettype none
module soc_debounce #(
    parameter W = 4,
    parameter CYCLES = 60000
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire [W-1:0] i_d,
    output reg  [W-1:0] o_q,
    output reg          o_changed
);
    localparam CW = $clog2(CYCLES + 1);
    reg [CW-1:0] cnt;
    reg [W-1:0]  last;

    always @(posedge i_clk) begin
        o_changed <= 1'b0;
        if (i_rst) begin
            o_q  <= {W{1'b0}};
            last <= {W{1'b0}};
            cnt  <= {CW{1'b0}};
        end else begin
            last <= i_d;
            if (i_d == o_q || i_d != last) begin
                cnt <= {CW{1'b0}};
            end else if (cnt == CYCLES[CW-1:0] - 1'b1) begin
                o_q       <= i_d;
                o_changed <= 1'b1;
                cnt       <= {CW{1'b0}};
            end else begin
                cnt <= cnt + 1'b1;
            end
        end
    end
endmodule
`default_nettype wire
