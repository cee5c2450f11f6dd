// soc_uart_rx: 8N1 receiver. The pin goes through a two-flop synchroniser (cdc_sync2, idle
// high). A falling edge starts a frame; the start bit is checked at mid-bit (i_div/2), data
// and stop bits are sampled every i_div cycles after that, i.e. in the middle of each bit.
// o_valid pulses with o_data after a good stop bit; o_ferr pulses when the stop bit is 0
// (the byte is dropped).
// Clocks: i_clk = clk_sys; i_rx is asynchronous.
`default_nettype none
module soc_uart_rx (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [15:0] i_div,
    input  wire        i_rx,
    output reg         o_valid,
    output reg  [7:0]  o_data,
    output reg         o_ferr
);
    wire rx;
    cdc_sync2 #(.W(1), .RESET_VALUE(1'b1)) u_sync (
        .i_clk(i_clk), .i_rst(i_rst), .i_d(i_rx), .o_q(rx));

    localparam [1:0] S_IDLE = 2'd0, S_START = 2'd1, S_DATA = 2'd2, S_STOP = 2'd3;
    reg [1:0]  state;
    reg [2:0]  bitn;
    // cycles left to the next sample, counts down to 1: loads i_div / 2 at the start edge,
    // i_div after the start and each data bit (a soc_downcnt: one logic cell per bit)
    wire [15:0] cnt;
    wire        idle = state == S_IDLE;
    wire        due  = cnt == 16'd1;
    wire        cnt_load = idle ? !rx : due && (state == S_DATA || (state == S_START && !rx));
    soc_downcnt #(.W(16)) u_cnt (
        .i_clk(i_clk), .i_rst(i_rst), .i_load(cnt_load), .i_dec(!idle && !due),
        .i_val(idle ? {1'b0, i_div[15:1]} : i_div), .o_count(cnt));

    always @(posedge i_clk) begin
        o_valid <= 1'b0;
        o_ferr  <= 1'b0;
        if (i_rst) begin
            state  <= S_IDLE;
            bitn   <= 3'd0;
            o_data <= 8'd0;
        end else begin
            case (state)
            S_IDLE:
                if (!rx) state <= S_START;
            S_START:
                if (due) begin
                    if (!rx) begin
                        state <= S_DATA;
                        bitn  <= 3'd0;
                    end else begin
                        state <= S_IDLE;   // high again: a glitch, not a start bit
                    end
                end
            S_DATA:
                if (due) begin
                    o_data <= {rx, o_data[7:1]};
                    bitn   <= bitn + 3'd1;
                    if (bitn == 3'd7) state <= S_STOP;
                end
            default: // S_STOP
                if (due) begin
                    o_valid <= rx;
                    o_ferr  <= ~rx;
                    state   <= S_IDLE;
                end
            endcase
        end
    end
endmodule
`default_nettype wire
