// kvm_cpu_decode: instruction decoder of kvm_cpu (combinational, no clock).
//
// Turns the 32-bit instruction into one flag per instruction class, the immediate, and an
// "illegal" flag. Every class flag is 0 when the instruction is illegal, so the core needs
// no priority logic. Illegal means: an opcode we do not implement, a reserved funct3/funct7
// combination, an unknown SYSTEM instruction, or a CSR instruction that would write a
// read-only CSR (csr[11:10] == 2'b11). FENCE, FENCE.I and WFI decode to no class at all:
// they execute as no-ops.
`default_nettype none

module kvm_cpu_decode (
    input  wire [31:0] i_insn,
    output wire        o_lui,
    output wire        o_auipc,
    output wire        o_jal,
    output wire        o_jalr,
    output wire        o_branch,
    output wire        o_load,
    output wire        o_store,
    output wire        o_alu,       // OP / OP-IMM except shifts and M
    output wire        o_shift,     // SLL[I], SRL[I], SRA[I]
    output wire        o_muldiv,    // M extension
    output wire        o_csr,       // CSRRW[I] / CSRRS[I] / CSRRC[I]
    output wire        o_csr_write, // ... that writes the CSR
    output wire        o_ecall,
    output wire        o_ebreak,
    output wire        o_mret,
    output wire        o_use_rs2,   // second operand is read port 2 (OP, BRANCH, CSRR[WSC]),
                                    // else the immediate
    output wire        o_sub,       // second operand is inverted: SUB, SLT[I][U], branches
                                    // (the adder subtracts), CSRRC[I] (AND with ~source)
    output wire        o_writes_rd, // the instruction writes rd (when it does not trap)
    output wire        o_illegal,
    output reg  [31:0] o_imm        // immediate; CSR[RWSC]I: zero-extended uimm;
                                    // illegal: the instruction itself (for mtval)
);
    wire [6:0] opcode = i_insn[6:0];
    wire [2:0] f3     = i_insn[14:12];
    wire [6:0] f7     = i_insn[31:25];
    wire [4:0] rs1    = i_insn[19:15];

    // ---- major opcodes (RV32 base opcode map) --------------------------------------------
    wire op_lui    = (opcode == 7'b0110111);
    wire op_auipc  = (opcode == 7'b0010111);
    wire op_jal    = (opcode == 7'b1101111);
    wire op_jalr   = (opcode == 7'b1100111);
    wire op_branch = (opcode == 7'b1100011);
    wire op_load   = (opcode == 7'b0000011);
    wire op_store  = (opcode == 7'b0100011);
    wire op_imm    = (opcode == 7'b0010011);
    wire op_reg    = (opcode == 7'b0110011);
    wire op_fence  = (opcode == 7'b0001111);
    wire op_system = (opcode == 7'b1110011);

    // ---- which funct fields are defined ----------------------------------------------------
    wire f3_shift  = (f3 == 3'd1) | (f3 == 3'd5);
    // OP-IMM: SLLI needs funct7 0, SRLI/SRAI need funct7 0 or 0100000.
    wire imm_ok    = !f3_shift || f7 == 7'd0 || (f3 == 3'd5 && f7 == 7'b0100000);
    // OP: funct7 0 everything, 0100000 SUB/SRA, 0000001 the M extension.
    wire reg_m     = (f7 == 7'b0000001);
    wire reg_ok    = f7 == 7'd0 || reg_m || (f7 == 7'b0100000 && (f3 == 3'd0 || f3 == 3'd5));

    // SYSTEM with funct3 0: only these exact encodings exist here.
    wire sys_ecall  = (i_insn == 32'h0000_0073);
    wire sys_ebreak = (i_insn == 32'h0010_0073);
    wire sys_mret   = (i_insn == 32'h3020_0073);
    wire sys_wfi    = (i_insn == 32'h1050_0073);
    // CSR instructions: funct3 1,2,3 (register source) and 5,6,7 (immediate source).
    // CSRRW[I] always writes; CSRRS[I]/CSRRC[I] write unless rs1 / uimm is 0.
    wire sys_csr    = op_system && f3[1:0] != 2'd0;
    wire csr_write  = (f3[1:0] == 2'd1) || rs1 != 5'd0;
    wire csr_ro     = (i_insn[31:30] == 2'b11);

    wire legal =
          op_lui | op_auipc | op_jal
        | (op_jalr   && f3 == 3'd0)
        | (op_branch && f3 != 3'd2 && f3 != 3'd3)
        | (op_load   && f3 != 3'd3 && f3 != 3'd6 && f3 != 3'd7)
        | (op_store  && !f3[2] && f3[1:0] != 2'd3)
        | (op_imm    && imm_ok)
        | (op_reg    && reg_ok)
        | (op_fence  && f3[2:1] == 2'b00)
        | (op_system && (sys_ecall | sys_ebreak | sys_mret | sys_wfi))
        | (sys_csr   && !(csr_ro && csr_write));

    assign o_illegal   = !legal;
    assign o_lui       = legal & op_lui;
    assign o_auipc     = legal & op_auipc;
    assign o_jal       = legal & op_jal;
    assign o_jalr      = legal & op_jalr;
    assign o_branch    = legal & op_branch;
    assign o_load      = legal & op_load;
    assign o_store     = legal & op_store;
    assign o_alu       = legal & (op_imm | (op_reg & !reg_m)) & !f3_shift;
    assign o_shift     = legal & (op_imm | (op_reg & !reg_m)) & f3_shift;
    assign o_muldiv    = legal & op_reg & reg_m;
    assign o_csr       = legal & sys_csr;
    assign o_csr_write = csr_write;
    assign o_ecall     = legal & sys_ecall;
    assign o_ebreak    = legal & sys_ebreak;
    assign o_mret      = legal & sys_mret;
    assign o_use_rs2   = legal & (op_reg | op_branch | (sys_csr & !f3[2]));
    assign o_sub       = o_branch | (o_alu & (f3 == 3'd2 | f3 == 3'd3))
                       | (o_alu & op_reg & f7 == 7'b0100000)
                       | (o_csr & f3[1:0] == 2'd3);
    assign o_writes_rd = o_lui | o_auipc | o_jal | o_jalr | o_load | o_alu | o_shift
                       | o_muldiv | o_csr;

    // ---- immediates: the five formats --------------------------------------------------------
    always @(*) begin
        if (!legal)                                     // mtval of an illegal instruction
            o_imm = i_insn;
        else if (sys_csr)                               // CSR immediate forms: uimm
            o_imm = {27'd0, rs1};
        else if (op_store)                                   // S
            o_imm = {{20{i_insn[31]}}, i_insn[31:25], i_insn[11:7]};
        else if (op_branch)                             // B
            o_imm = {{19{i_insn[31]}}, i_insn[31], i_insn[7], i_insn[30:25], i_insn[11:8], 1'b0};
        else if (op_lui | op_auipc)                     // U
            o_imm = {i_insn[31:12], 12'd0};
        else if (op_jal)                                // J
            o_imm = {{11{i_insn[31]}}, i_insn[31], i_insn[19:12], i_insn[20], i_insn[30:21], 1'b0};
        else                                            // I
            o_imm = {{20{i_insn[31]}}, i_insn[31:20]};
    end
endmodule

`default_nettype wire
