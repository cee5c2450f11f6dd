// kvm_cpu_muldiv: iterative unit for the M extension (MUL, MULH, MULHSU, MULHU, DIV, DIVU,
// REM, REMU). No DSP block is used, so the same code fits the HX8K.
//
// Clock: i_clk (clk_sys). Timing: the start cycle, then 32 step cycles, then one finish
// cycle; o_busy is high during those 33 cycles after i_start and o_result is valid when it
// falls. Total: 34 cycles counting the start cycle.
//
// Method, in sign-magnitude form:
//   1. start:  take the absolute value of the signed operands (two negators).
//   2. steps:  32 rounds of unsigned shift-add multiply or restoring division, both on one
//              33-bit adder.
//   3. finish: pick the wanted half (product high/low, quotient/remainder) and negate it if
//              the true result is negative.
// The low word of a product does not depend on signedness, so MUL uses the raw operands.
// Division by zero needs no special case: the restoring divider naturally returns an
// all-ones quotient and the dividend as remainder, which is what the ISA asks for once the
// quotient sign fix is skipped when the divisor is zero. Overflow (-2^31 / -1) gives
// quotient 0x80000000 and remainder 0 the same way.
`default_nettype none

module kvm_cpu_muldiv (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_start,   // begin an operation (one cycle)
    input  wire [2:0]  i_op,      // funct3: 0 mul 1 mulh 2 mulhsu 3 mulhu 4 div 5 divu 6 rem 7 remu
    input  wire [31:0] i_a,       // rs1
    input  wire [31:0] i_b,       // rs2
    output wire        o_busy,
    output reg  [31:0] o_result
);
    // ---- start: operand signs and magnitudes -------------------------------------------
    wire op_div   = i_op[2];
    wire a_signed = (i_op == 3'd1) | (i_op == 3'd2) | (i_op == 3'd4) | (i_op == 3'd6);
    wire b_signed = (i_op == 3'd1) | (i_op == 3'd4) | (i_op == 3'd6);
    wire a_neg    = a_signed & i_a[31];
    wire b_neg    = b_signed & i_b[31];
    wire [31:0] a_abs = a_neg ? (~i_a + 32'd1) : i_a;
    wire [31:0] b_abs = b_neg ? (~i_b + 32'd1) : i_b;
    // Is the final result negative?  DIV: signs differ (and divisor not zero); REM: sign of
    // the dividend; MULH/MULHSU: signs differ (b_neg is 0 for MULHSU).
    wire res_neg  = op_div ? (i_op[1] ? a_neg : ((a_neg ^ b_neg) & (i_b != 32'd0)))
                           : (a_neg ^ b_neg);

    // ---- state ---------------------------------------------------------------------------
    reg        running;   // step phase
    reg        finishing; // finish phase
    reg [5:0]  count;     // steps left
    reg [2:0]  op;
    reg        neg;
    reg [31:0] acc;       // product high word / partial remainder
    reg [31:0] lo;        // multiplier |a| -> product low word / dividend -> quotient
    reg [31:0] den;       // multiplicand |b| / divisor

    // ---- one step ---------------------------------------------------------------------------
    // multiply: {c,s} = acc + (lo[0] ? den : 0), then shift {c,s,lo} right by one
    // divide:   t = {acc,lo[31]} - den; if no borrow keep t and shift in a 1, else shift in 0
    wire        div_mode = op[2];
    wire [32:0] add_x = div_mode ? {acc, lo[31]} : {1'b0, acc};
    wire [32:0] add_y = div_mode ? ~{1'b0, den} : (lo[0] ? {1'b0, den} : 33'd0);
    wire [33:0] add_s = {1'b0, add_x} + {1'b0, add_y} + {33'd0, div_mode};
    wire        fits  = add_s[33];   // divide: carry out = no borrow = divisor fits

    // ---- finish: select and fix the sign ---------------------------------------------------
    wire [31:0] sel   = div_mode ? (op[1] ? acc : lo) : ((op[1:0] == 2'd0) ? lo : acc);
    // A product is negated as a 64-bit number: the high word gets +1 only if the low is 0.
    wire        cin   = div_mode | (lo == 32'd0);
    wire [31:0] fixed = neg ? (~sel + {31'd0, cin}) : sel;

    always @(posedge i_clk) begin
        if (i_rst) begin
            running   <= 1'b0;
            finishing <= 1'b0;
        end else if (i_start) begin
            running   <= 1'b1;
            finishing <= 1'b0;
            count     <= 6'd32;
            op        <= i_op;
            neg       <= res_neg;
            acc       <= 32'd0;
            // multiply: |a| is the multiplier, |b| the multiplicand (the product is the
            // same either way); divide: |a| is the dividend, |b| the divisor
            lo        <= a_abs;
            den       <= b_abs;
        end else if (running) begin
            if (div_mode) begin
                acc <= fits ? add_s[31:0] : {acc[30:0], lo[31]};
                lo  <= {lo[30:0], fits};
            end else begin
                acc <= add_s[32:1];
                lo  <= {add_s[0], lo[31:1]};
            end
            count <= count - 6'd1;
            if (count == 6'd1) begin
                running   <= 1'b0;
                finishing <= 1'b1;
            end
        end else if (finishing) begin
            finishing <= 1'b0;
            o_result  <= fixed;
        end
    end

    assign o_busy = running | finishing;
endmodule

`default_nettype wire
