// kvm_cpu_shifter: iterative shifter for SLL/SRL/SRA (and the immediate forms).
//
// Clock: i_clk (clk_sys). i_start loads the value and the amount; then every cycle the
// register shifts by 4 places while at least 4 remain, else by 1. o_busy is high while
// places remain; o_result is valid once o_busy is low. A shift by n takes
// n/4 + n%4 cycles after the start cycle (0 to 10). A barrel shifter would cost ~200
// logic cells; this costs about 70.
`default_nettype none

module kvm_cpu_shifter (
    input  wire        i_clk,
    input  wire        i_start,   // load i_value / i_amount (one cycle)
    input  wire [31:0] i_value,
    input  wire [4:0]  i_amount,
    input  wire        i_right,   // 1: shift right, 0: shift left
    input  wire        i_arith,   // right shifts: 1 = copy the sign bit in (SRA)
    output wire        o_busy,
    output wire [31:0] o_result
);
    reg [31:0] value;
    reg [4:0]  left;      // places still to shift
    reg        right, arith;

    wire       fill = arith & value[31];
    wire       big  = (left[4:2] != 3'd0);   // at least 4 places remain

    always @(posedge i_clk) begin
        if (i_start) begin
            value <= i_value;
            left  <= i_amount;
            right <= i_right;
            arith <= i_arith;
        end else if (o_busy) begin
            if (big) begin
                value <= right ? {{4{fill}}, value[31:4]} : {value[27:0], 4'd0};
                left  <= left - 5'd4;
            end else begin
                value <= right ? {fill, value[31:1]} : {value[30:0], 1'b0};
                left  <= left - 5'd1;
            end
        end
    end

    assign o_busy   = (left != 5'd0);
    assign o_result = value;
endmodule

`default_nettype wire
