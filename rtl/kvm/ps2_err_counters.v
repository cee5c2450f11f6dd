// ps2_err_counters: N saturating 8-bit event counters (PS/2 error statistics).
// Counter k adds one in every clock where i_inc[k] is high and stops at 255; i_clear
// zeroes all of them (an increment in the same clock is lost).
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high).
`default_nettype none
module ps2_err_counters #(
    parameter N = 4
) (
    input  wire           i_clk,
    input  wire           i_rst,
    input  wire           i_clear,
    input  wire [N-1:0]   i_inc,
    output wire [8*N-1:0] o_counts      // counter k in bits [8k+7:8k]
);
    genvar k;
    generate
        for (k = 0; k < N; k = k + 1) begin : g_cnt
            reg [7:0] cnt;
            always @(posedge i_clk) begin
                if (i_rst || i_clear)
                    cnt <= 8'd0;
                else if (i_inc[k] && cnt != 8'hff)
                    cnt <= cnt + 8'd1;
            end
            assign o_counts[8*k +: 8] = cnt;
        end
    endgenerate
endmodule
`default_nettype wire
