// ps2_err_counters: N saturating 8-bit event counters (PS/2 error statistics).
// Counter k adds one in every clock where i_inc[k] is high and stops at 255; i_clear
// zeroes all of them (an increment in the same clock is lost).
// ONE_AT_A_TIME = 1: the caller guarantees that at most one i_inc bit is high per clock
// (ps2_host: one event per clock); the counters then share one incrementer and one
// saturation check instead of N of each.
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high).
`default_nettype none
module ps2_err_counters #(
    parameter N = 4,
    parameter ONE_AT_A_TIME = 0
) (
    input  wire           i_clk,
    input  wire           i_rst,
    input  wire           i_clear,
    input  wire [N-1:0]   i_inc,
    output wire [8*N-1:0] o_counts      // counter k in bits [8k+7:8k]
);
    genvar k;
    generate
        if (ONE_AT_A_TIME != 0) begin : g_shared
            // the counter being incremented (all zero when none), plus one, saturated
            reg [7:0] sel;
            integer j;
            always @(*) begin
                sel = 8'd0;
                for (j = 0; j < N; j = j + 1)
                    sel = sel | (o_counts[8*j +: 8] & {8{i_inc[j]}});
            end
            wire [7:0] next = sel + 8'd1;
            wire       full = &sel;
            for (k = 0; k < N; k = k + 1) begin : g_cnt
                reg [7:0] cnt;
                always @(posedge i_clk) begin
                    if (i_rst || i_clear)
                        cnt <= 8'd0;
                    else if (i_inc[k] && !full)
                        cnt <= next;
                end
                assign o_counts[8*k +: 8] = cnt;
            end
        end else begin : g_own
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
        end
    endgenerate
endmodule
`default_nettype wire
