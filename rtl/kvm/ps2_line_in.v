// ps2_line_in: receive side of one PS/2 port's two open-collector lines (CLK, DATA).
// Both bus levels are asynchronous: they pass through cdc_sync2 (u_sync_lines), then a
// glitch filter per line: a filtered level changes only after the synchronised input has
// held the new level for FILT_CYC consecutive clocks (about 1 us is plenty at PS/2 speed).
// o_clk_fall / o_clk_rise pulse for one clock when the filtered CLK changes.
// Latency from the pin to the filtered level: 2 + FILT_CYC clocks.
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high); lines reset to idle (1).
`default_nettype none
module ps2_line_in #(
    parameter FILT_CYC = 12
) (
    input  wire i_clk,
    input  wire i_rst,
    input  wire i_clk_in,       // CLK bus level (asynchronous)
    input  wire i_data_in,      // DATA bus level (asynchronous)
    output reg  o_clk,          // filtered CLK
    output reg  o_data,         // filtered DATA
    output reg  o_clk_fall,     // one-clock pulse: filtered CLK went 1 -> 0
    output reg  o_clk_rise      // one-clock pulse: filtered CLK went 0 -> 1
);
    localparam integer CW = $clog2(FILT_CYC + 1);
    localparam integer M_LAST = FILT_CYC - 1;
    localparam [CW-1:0] LAST = M_LAST[CW-1:0];

    wire [1:0] sync;            // [0] CLK, [1] DATA
    cdc_sync2 #(.W(2), .RESET_VALUE(2'b11)) u_sync_lines (
        .i_clk(i_clk), .i_rst(i_rst), .i_d({i_data_in, i_clk_in}), .o_q(sync)
    );

    reg [CW-1:0] clk_cnt, data_cnt;

    always @(posedge i_clk) begin
        o_clk_fall <= 1'b0;
        o_clk_rise <= 1'b0;
        if (i_rst) begin
            o_clk    <= 1'b1;
            o_data   <= 1'b1;
            clk_cnt  <= {CW{1'b0}};
            data_cnt <= {CW{1'b0}};
        end else begin
            if (sync[0] == o_clk) begin
                clk_cnt <= {CW{1'b0}};
            end else if (clk_cnt == LAST) begin
                clk_cnt    <= {CW{1'b0}};
                o_clk      <= sync[0];
                o_clk_fall <= ~sync[0];
                o_clk_rise <= sync[0];
            end else begin
                clk_cnt <= clk_cnt + 1'b1;
            end
            if (sync[1] == o_data) begin
                data_cnt <= {CW{1'b0}};
            end else if (data_cnt == LAST) begin
                data_cnt <= {CW{1'b0}};
                o_data   <= sync[1];
            end else begin
                data_cnt <= data_cnt + 1'b1;
            end
        end
    end
endmodule
`default_nettype wire
