// kvm_cpu_muldiv: iterative unit for the M extension (MUL, MULH, MULHSU, MULHU, DIV, DIVU,
// REM, REMU), built around ONE 33-bit adder. No DSP block, so it also fits the HX8K.
//
// Clock: i_clk (clk_sys), synchronous reset i_rst. i_start (one cycle) latches the operands;
// o_busy is then high for 36 cycles and o_result is valid once it falls:
//
//   NEGA     lo  <- -lo   if rs1 is a negative signed operand      (0 - lo on the adder)
//   NEGB     den <- -den  if rs2 is a negative signed operand
//   STEP x32 unsigned shift-add multiply, or restoring division, on {acc, lo}
//   FIX1     lo  <- -lo   if the result is negative (product low word / quotient)
//   FIX2     acc <- -acc  if the result is negative (product high word / remainder)
//
// Every negation is ~x + 1 through the same adder; a 64-bit product is negated as
// lo' = ~lo + 1 and hi' = ~hi + (carry out of the low word), kept in cin.
// The low word of a product does not depend on signedness, so MUL treats both operands as
// unsigned. Division by zero needs no special case: the restoring divider returns an
// all-ones quotient and the dividend as remainder, as the ISA asks, once the quotient
// sign fix is skipped for a zero divisor. Overflow (-2^31 / -1) gives 0x80000000, rem 0.
`default_nettype none

module kvm_cpu_muldiv (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_start,   // begin an operation (one cycle)
    input  wire [2:0]  i_op,      // funct3: 0 mul 1 mulh 2 mulhsu 3 mulhu 4 div 5 divu 6 rem 7 remu
    input  wire [31:0] i_a,       // rs1
    input  wire [31:0] i_b,       // rs2
    output wire        o_busy,
    output wire [31:0] o_result
);
    localparam [2:0] P_IDLE = 3'd0, P_NEGA = 3'd1, P_NEGB = 3'd2, P_STEP = 3'd3,
                     P_FIX1 = 3'd4, P_FIX2 = 3'd5;

    // ---- start: which operands are negative, is the result negative ---------------------
    wire st_div   = i_op[2];
    wire a_signed = (i_op == 3'd1) | (i_op == 3'd2) | (i_op == 3'd4) | (i_op == 3'd6);
    wire b_signed = (i_op == 3'd1) | (i_op == 3'd4) | (i_op == 3'd6);
    wire st_a_neg = a_signed & i_a[31];
    wire st_b_neg = b_signed & i_b[31];
    // DIV: signs differ and divisor not zero; REM: sign of the dividend; MULH[SU]: differ.
    wire st_neg   = st_div ? (i_op[1] ? st_a_neg : ((st_a_neg ^ st_b_neg) & (i_b != 32'd0)))
                           : (st_a_neg ^ st_b_neg);

    // ---- state -----------------------------------------------------------------------------
    reg [2:0]  phase;
    reg [4:0]  count;     // steps left - 1
    reg [2:0]  op;
    reg        a_neg, b_neg, neg;
    reg        cin;       // carry in of the adder for the current phase (registered, so
                          // it does not sit in front of the carry chain); FIX2: the carry
                          // out of FIX1
    reg [31:0] acc;       // product high word / partial remainder
    reg [31:0] lo;        // multiplier -> product low word / dividend -> quotient
    reg [31:0] den;       // multiplicand / divisor

    wire div  = op[2];
    wire step = (phase == P_STEP);

    // ---- the adder: s = x + y + cin ---------------------------------------------------------
    // multiply step: {c,s} = acc + (lo[0] ? den : 0), then {s,lo} shifts right by one
    // divide step:   {acc,lo[31]} - den; no borrow (s[33]) -> keep it and shift in a 1
    // negations:     0 + ~v + 1 (FIX2: + the carry out of FIX1)
    reg  [31:0] y_src;
    always @(*) begin
        case (phase)
            P_NEGA, P_FIX1: y_src = lo;
            P_NEGB:         y_src = den;
            P_FIX2:         y_src = acc;
            default:        y_src = (div | lo[0]) ? den : 32'd0;   // step
        endcase
    end
    wire        inv = ~step | div;                  // subtract / negate
    wire [32:0] x   = step ? (div ? {acc, lo[31]} : {1'b0, acc}) : 33'd0;
    wire [32:0] y   = {step & div, inv ? ~y_src : y_src};
    wire [33:0] s   = {1'b0, x} + {1'b0, y} + {33'd0, cin};
    wire        fits = s[33];                       // divide: divisor fits

    always @(posedge i_clk) begin
        if (i_rst) begin
            phase <= P_IDLE;
        end else begin
            case (phase)
            P_IDLE: if (i_start) begin
                phase <= P_NEGA;
                op    <= i_op;
                a_neg <= st_a_neg;
                b_neg <= st_b_neg;
                neg   <= st_neg;
                acc   <= 32'd0;
                lo    <= i_a;
                den   <= i_b;
                cin   <= 1'b1;
            end
            P_NEGA: begin
                if (a_neg) lo <= s[31:0];
                phase <= P_NEGB;
            end
            P_NEGB: begin
                if (b_neg) den <= s[31:0];
                count <= 5'd31;
                cin   <= div;
                phase <= P_STEP;
            end
            P_STEP: begin
                if (div) begin
                    acc <= fits ? s[31:0] : {acc[30:0], lo[31]};
                    lo  <= {lo[30:0], fits};
                end else begin
                    acc <= s[32:1];
                    lo  <= {s[0], lo[31:1]};
                end
                count <= count - 5'd1;
                if (count == 5'd0) begin
                    cin   <= 1'b1;
                    phase <= P_FIX1;
                end
            end
            P_FIX1: begin                   // product low word or quotient
                if (neg & ~(div & op[1])) lo <= s[31:0];
                cin   <= div | s[32];       // ~lo + 1 carries out iff lo == 0
                phase <= P_FIX2;
            end
            P_FIX2: begin                   // product high word or remainder
                if (neg & (~div | op[1])) acc <= s[31:0];
                phase <= P_IDLE;
            end
            default: phase <= P_IDLE;
            endcase
        end
    end

    assign o_busy   = (phase != P_IDLE);
    // MUL and DIV[U] want lo, MULH[SU][U] and REM[U] want acc
    assign o_result = (div ? ~op[1] : (op[1:0] == 2'd0)) ? lo : acc;
endmodule

`default_nettype wire
