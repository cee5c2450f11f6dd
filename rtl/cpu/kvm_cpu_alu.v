// kvm_cpu_alu: the one adder of kvm_cpu and the logic operations (combinational, no clock).
//
// Every addition of the core goes through this adder: ALU add/sub/compare, pc + 4, branch
// and jump targets, load/store addresses, CSR moves and trap entry values. Both inputs come
// straight from the operand registers A and B of the core, so nothing but the carry chain
// and one or two LUT levels sits between two registers.
//
// Subtraction: the core stores B already inverted (~b) and sets i_cin, so a - b = a + ~b + 1
// needs no XOR in front of the carry chain. The carry out then says "a >= b" unsigned.
//
// Logic (i_mode = funct3[1:0]): 00 xor, 01 pass b, 10 or, 11 and. OP funct3 4/6/7 map to
// xor/or/and; CSRRW/CSRRS/CSRRC (funct3 1/2/3) map to pass/or/and, with B = ~source for
// CSRRC, so "and" clears the source bits.
`default_nettype none

module kvm_cpu_alu (
    input  wire [31:0] i_a,
    input  wire [31:0] i_b,       // second operand, already inverted when subtracting
    input  wire        i_cin,     // carry in: 1 when subtracting
    input  wire        i_logic,   // result = logic operation selected by i_mode
    input  wire [1:0]  i_mode,
    output wire [31:0] o_result,
    output wire [31:0] o_sum,     // a + b + cin
    output wire        o_eq,      // a == original b      (valid when subtracting)
    output wire        o_carry    // carry out of a + b + cin (bit 32); subtracting: a >= b
                                  // unsigned (the core makes the signed compare of it)
);
    wire [32:0] sum33 = {1'b0, i_a} + {1'b0, i_b} + {32'd0, i_cin};
    assign o_sum = sum33[31:0];

    // a - b borrows (no carry out) exactly when a < b unsigned.
    assign o_carry = sum33[32];
    // a == b  <=>  a ^ ~b is all ones; in parallel with the carry chain.
    assign o_eq  = &(i_a ^ i_b);

    reg [31:0] logic_out;
    always @(*) begin
        case (i_mode)
            2'd0:    logic_out = i_a ^ i_b;
            2'd1:    logic_out = i_b;
            2'd2:    logic_out = i_a | i_b;
            default: logic_out = i_a & i_b;
        endcase
    end

    // (SLT[U] results and branch decisions are made of o_sum[31] / o_carry by the core)
    assign o_result = i_logic ? logic_out : o_sum;
endmodule

`default_nettype wire
