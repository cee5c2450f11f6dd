// kvm_cpu_alu: the single-cycle part of the integer ALU of kvm_cpu (combinational).
//
// No clock. One 33-bit adder does add, subtract and every comparison: when i_sub is set it
// computes a - b = a + ~b + 1 and the carry out tells "a >= b" as unsigned numbers.
// Shifts are not here (kvm_cpu_shifter, iterative) and neither are M instructions
// (kvm_cpu_muldiv).
`default_nettype none

module kvm_cpu_alu (
    input  wire [31:0] i_a,
    input  wire [31:0] i_b,
    input  wire [2:0]  i_funct3,  // OP/OP-IMM funct3: 0 add/sub, 2 slt, 3 sltu, 4 xor, 6 or, 7 and
    input  wire        i_sub,     // subtract (SUB, SLT[U], branches)
    output reg  [31:0] o_result,  // result of the operation selected by i_funct3
    output wire [31:0] o_sum,     // adder output: a + b, or a - b when i_sub
    output wire        o_eq,      // a == b
    output wire        o_lt,      // a < b signed   (valid when i_sub)
    output wire        o_ltu      // a < b unsigned (valid when i_sub)
);
    wire [31:0] b_inv = i_sub ? ~i_b : i_b;
    wire [32:0] sum33 = {1'b0, i_a} + {1'b0, b_inv} + {32'd0, i_sub};

    assign o_sum = sum33[31:0];
    assign o_eq  = (i_a == i_b);
    // a - b borrows (no carry out) exactly when a < b unsigned.
    assign o_ltu = ~sum33[32];
    // Same signs: a - b cannot overflow, its sign answers. Different signs: a < b iff a < 0.
    assign o_lt  = (i_a[31] != i_b[31]) ? i_a[31] : sum33[31];

    always @(*) begin
        case (i_funct3)
            3'd2:    o_result = {31'd0, o_lt};
            3'd3:    o_result = {31'd0, o_ltu};
            3'd4:    o_result = i_a ^ i_b;
            3'd6:    o_result = i_a | i_b;
            3'd7:    o_result = i_a & i_b;
            default: o_result = o_sum;    // 0: add/sub (1 and 5 are shifts, not used)
        endcase
    end
endmodule

`default_nettype wire
