// board_por: board reset for kvmosd_top: o_rst_n stays low until i_lock (the PLLs' LOCK)
// is high and then for 256 more i_clk cycles; losing lock starts it over. iCE40 flip-flops
// are 0 after configuration, so the counter starts at 0 without a reset of its own.
// Clock: i_clk (clk_sys). i_lock is asynchronous (clears the counter at once).
`default_nettype none
module board_por (
    input  wire i_clk,
    input  wire i_lock,
    output wire o_rst_n
);
    reg [7:0] cnt = 8'd0;
    reg       done = 1'b0;
    assign o_rst_n = done;
    always @(posedge i_clk or negedge i_lock) begin
        if (!i_lock) begin
            cnt  <= 8'd0;
            done <= 1'b0;
        end else if (!done) begin
            cnt  <= cnt + 8'd1;
            done <= &cnt;
        end
    end
endmodule
`default_nettype wire
