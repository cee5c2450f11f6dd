// kvm_cpu: the kvmosd RV32IM + Zicsr soft core (machine mode only).
//
// Clock: i_clk (clk_sys); reset: i_rst, synchronous, active high. Starts at RESET_PC.
//
// A multicycle core built around ONE adder. Its two inputs are the registers A and B; every
// state loads A and B with what the next state wants to add, and latches the sum (or the
// logic/compare result) in the result register R. The register file's output (p1) and
// the second operand (p2) go into A and B through one small multiplexer; the memory
// address comes from pc or R. Shifts, multiply and divide also run on A, B, R and this
// adder: there is no separate unit.
//
//   FETCH   pc on the bus; the instruction word is decoded into registered flags and the
//           register file (block RAM, one read port) reads one operand at the same edge:
//           rs2 if the instruction needs rs2 in OPER (OP, BRANCH; CSRR[WSC]: rs1),
//           else rs1 (SYSTEM: the CSR entry)                                   (1 + wait)
//   READ    only those rs2-first ones: p2 <- rs2 (CSRR[WSC]: rs1); the port reads rs1
//           (CSRR[WSC]: the CSR entry)                                                (1)
//   OPER    A, B <- the operands (rs1, rs2, immediate, pc, CSR value); a store reads rs2
//           now (copied into p2 in EXEC), its data is needed in MEM only              (1)
//   EXEC    R <- A op B; A, B <- pc and 4 (or the branch/jump target operands)        (1)
//   SHIFT   R shifts in place, 4 places per cycle while >= 4 remain, then 1  (1 + n/4 + n%4)
//   MDSTEP  M extension: 32 multiply / 33 divide steps on A, R and the adder     (32 / 33)
//   MDFIX   M extension: B <- the wanted word (negated: ~word, carry in)                (1)
//   MDEND   M extension: R <- A + B; A, B <- pc and 4                                   (1)
//   MEM     load/store at address R; a load puts the aligned value in R         (1 + wait)
//   CSR     write the new CSR value (R); R <- old value (A + 0)                         (1)
//   WB      rd <- R, pc <- A + B, retire trace, interrupt check (branch not taken: 2)   (1)
//   IRQ, TRAP1..3  trap entry: mtval, mepc, mcause written one per cycle through the
//           register-file write port (they live in block RAM), pc <- mtvec         (4 / 3)
//
// Example, "add x3, x1, x2": FETCH reads x2; READ p2=x2, reads x1; OPER A=x1, B=x2;
// EXEC R=A+B, A=pc, B=4; WB x3=R, pc=A+B. "addi x3, x1, 5" skips READ: FETCH reads x1,
// OPER A=x1, B=5. A branch: OPER A=rs1, B=~rs2 (+1: subtract); EXEC loads A=pc,
// B=offset and registers the decision; WB pc=A+B, or, not taken, WB spends one cycle
// loading A=pc, B=4 and repeats. A jump target with bit 1 set is noticed in WB (sum[1])
// and turns into a trap instead.
//
// Interrupts are checked in WB, after the instruction's CSR write and MRET took effect and
// its bus access completed; mepc is then the pc of the next instruction.
`default_nettype none

module kvm_cpu #(
    parameter [31:0] RESET_PC = 32'h0000_0000
) (
    input  wire        i_clk,
    input  wire        i_rst,
    output wire        o_mem_valid, output wire o_mem_instr,
    output wire [31:0] o_mem_addr,  output wire [31:0] o_mem_wdata,
    output wire [3:0]  o_mem_wstrb,
    input  wire [31:0] i_mem_rdata, input  wire i_mem_ready,
    input  wire        i_irq_timer,     // level: mip.MTIP
    input  wire        i_irq_external,  // level: mip.MEIP
    // retire trace, for verification only (left unconnected in the SoC)
    output reg         o_rt_valid,      // one pulse per retired or trapped instruction
    output reg  [31:0] o_rt_pc,
    output reg  [31:0] o_rt_insn,
    output reg         o_rt_trap,       // 1: this instruction trapped (did not retire)
    output reg  [31:0] o_rt_cause,      // mcause when o_rt_trap
    output reg  [4:0]  o_rt_rd,         // destination register, 0 = no write
    output reg  [31:0] o_rt_rd_wdata    // value written to rd (when rd != 0)
);
    // =====================================================================================
    // States, register-file entries of the CSRs
    // =====================================================================================
    localparam [3:0] S_CLEAR = 4'd0,  S_FETCH  = 4'd1,  S_OPER  = 4'd2,  S_EXEC  = 4'd3,
                     S_SHIFT = 4'd4,  S_MDSTEP = 4'd5,  S_MEM   = 4'd6,  S_CSR   = 4'd7,
                     S_WB    = 4'd8,  S_IRQ    = 4'd9,  S_TRAP1 = 4'd10, S_TRAP2 = 4'd11,
                     S_TRAP3 = 4'd12, S_MDFIX  = 4'd13, S_MDEND = 4'd14, S_READ  = 4'd15;

    // Register-file entries 32 + csr[2:0]: mscratch 0x340, mepc 0x341, mcause 0x342,
    // mtval 0x343, mtvec 0x305.
    localparam [5:0] E_MEPC = 6'd33, E_MCAUSE = 6'd34, E_MTVAL = 6'd35, E_MTVEC = 6'd37;

    reg  [3:0]  state;
    // The simulator (sim/rv-run) sets pc to the ELF entry after reset, hence "public".
    reg  [31:0] pc /* verilator public_flat_rw */;
    reg  [31:0] insn;                 // instruction being executed
    wire [4:0]  rd     = insn[11:7];
    wire [2:0]  funct3 = insn[14:12];

    // the datapath registers
    reg  [31:0] A, B;                 // adder inputs (B already inverted when subtracting)
    reg         cin;                  // adder carry in
    reg  [31:0] R;                    // result / load-store address / value for rd or a CSR

    // =====================================================================================
    // Decode: straight from the bus during FETCH, registered with the instruction
    // =====================================================================================
    wire dc_lui, dc_auipc, dc_jal, dc_jalr, dc_branch, dc_load, dc_store, dc_alu, dc_shift;
    wire dc_muldiv, dc_csr, dc_csr_write, dc_ecall, dc_ebreak, dc_mret, dc_use_rs2, dc_sub;
    wire dc_writes_rd, dc_illegal;
    wire [31:0] dc_imm;

    kvm_cpu_decode u_decode (
        .i_insn(i_mem_rdata),
        .o_lui(dc_lui), .o_auipc(dc_auipc), .o_jal(dc_jal), .o_jalr(dc_jalr),
        .o_branch(dc_branch), .o_load(dc_load), .o_store(dc_store), .o_alu(dc_alu),
        .o_shift(dc_shift), .o_muldiv(dc_muldiv), .o_csr(dc_csr), .o_csr_write(dc_csr_write),
        .o_ecall(dc_ecall), .o_ebreak(dc_ebreak), .o_mret(dc_mret), .o_use_rs2(dc_use_rs2),
        .o_sub(dc_sub), .o_writes_rd(dc_writes_rd), .o_illegal(dc_illegal), .o_imm(dc_imm)
    );

    reg is_lui, is_auipc, is_jal, is_jalr, is_load, is_store, is_alu, is_shift;
    reg is_muldiv, is_csr, csr_write, is_ecall, is_ebreak, is_mret, use_rs2, is_sub;
    reg writes_rd, is_illegal;
    reg [31:0] imm;

    // =====================================================================================
    // Register file (x registers + trap CSRs): ONE read port, so an instruction with two
    // register operands reads them one after the other. The port's output p1 holds the
    // first operand (rs1; SYSTEM: the CSR entry, mepc for MRET and the other funct3 = 0
    // ones) for the rest of the instruction (a store: until OPER, which puts it in A); the
    // second (rs2; CSR with a register source: rs1) is copied into the register p2, which
    // the rest of the core reads.
    //   rs2 first (OP, BRANCH, CSRR[WSC]: they need the second operand in OPER): FETCH
    //       reads it, READ copies it into p2 and reads the first one     (one more cycle)
    //   stores (rs2 is the data, needed in MEM only): FETCH reads rs1, OPER reads rs2,
    //       EXEC copies it into p2                                        (no extra cycle)
    //   the others: FETCH reads the first operand, p2 is not used
    // TRAP1 reads mtvec (used in TRAP2). bus_rs2_first looks at the opcode and funct3 only
    // (it steers the RAM address from the bus word, so it is kept shallow); an illegal
    // instruction with one of these opcodes just takes READ too before it traps.
    // =====================================================================================
    wire        bus_system = (i_mem_rdata[6:2] == 5'b11100);
    wire        bus_rs2_first = (i_mem_rdata[6:2] == 5'b01100)          // OP (and M)
                              | (i_mem_rdata[6:2] == 5'b11000)          // BRANCH
                              | (bus_system & ~i_mem_rdata[14] & (i_mem_rdata[13:12] != 2'd0));
    wire [2:0]  bus_slot   = (i_mem_rdata[14:12] == 3'd0) ? E_MEPC[2:0] : i_mem_rdata[22:20];
    wire [5:0]  bus_first  = bus_system ? {3'b100, bus_slot} : {1'b0, i_mem_rdata[19:15]};
    wire [5:0]  bus_second = {1'b0, bus_system ? i_mem_rdata[19:15] : i_mem_rdata[24:20]};
    wire [5:0]  ra = (state == S_FETCH) ? (bus_rs2_first ? bus_second : bus_first)
                   : (state == S_READ)  ? (is_csr ? {3'b100, insn[22:20]} : {1'b0, insn[19:15]})
                   : (state == S_OPER)  ? {1'b0, insn[24:20]}          // a store's rs2
                   :                      E_MTVEC;                     // TRAP1
    wire        re = (state == S_FETCH) | (state == S_READ) | (state == S_TRAP1)
                   | ((state == S_OPER) & is_store);
    wire [31:0] p1;                   // the read port's output: the first operand
    reg  [31:0] p2;                   // the second operand, copied from the port
    reg  [2:0]  clear_entry;          // after reset: CSR entry being cleared

    // =====================================================================================
    // The adder / ALU
    // =====================================================================================
    wire [31:0] alu_result, sum;
    wire        alu_eq, alu_carry;
    kvm_cpu_alu u_alu (
        .i_a(A), .i_b(B), .i_cin(cin),
        .i_logic((state == S_EXEC) & ((is_alu & funct3[2]) | is_csr)),
        .i_mode(funct3[1:0]),
        .o_result(alu_result), .o_sum(sum),
        .o_eq(alu_eq), .o_carry(alu_carry)
    );

    // branch condition, by funct3: beq bne - - blt bge bltu bgeu. The selects are decoded
    // and registered in FETCH (br_*), so only the compare outputs are late here. The
    // decision goes into one flip-flop only (br_nt, "not taken"): EXEC always prepares the
    // taken target, and a branch that is not taken spends one more WB cycle on pc + 4.
    //
    // Signed compares, with B holding ~rs2: when the signs of A and B are equal the operands'
    // signs differ and lt is A[31], known before the adder; otherwise lt is sum[31]. Both
    // uses of lt (branch, SLT) are split that way, so only one LUT follows sum[31] and one
    // the carry out (ltu = ~carry) before the result is in a flip-flop or R's last LUT.
    reg br_eq, br_lt, br_ltu, br_not, is_ctl, br_nt;
    wire sgn_differ = (A[31] == B[31]);                  // rs1, rs2 signs differ: lt = A[31]
    wire nt_early   = (br_eq & (alu_eq == br_not))       // not taken, known early
                    | (br_lt & sgn_differ & (A[31] == br_not));
    (* keep *) wire nt_lt = nt_early | (br_lt & ~sgn_differ & (sum[31] == br_not));
    wire nt_now     = nt_lt | (br_ltu & (~alu_carry == br_not));   // a branch, not taken
    wire slt_early  = r_lt & sgn_differ & A[31];
    (* keep *) wire slt_lt = slt_early | (r_lt & ~sgn_differ & sum[31]);

    // loads and stores: address = sum in EXEC; funct3[1:0]: 0 byte, 1 half, 2 word
    wire ls_misaligned = (is_load | is_store)
                       & ((funct3[1:0] == 2'd1 && sum[0]) || (funct3[1:0] == 2'd2 && sum[1:0] != 2'd0));
    wire static_exc    = is_illegal | is_ecall | is_ebreak;

    // =====================================================================================
    // CSRs in flip-flops
    // =====================================================================================
    wire [31:0] csr_rdata;
    reg         a_csr;                // OPER: A <- the flip-flop CSR (csr_rdata)
    reg         r_lt, r_ltu;          // EXEC: R <- SLT[I] / SLT[I]U result
    wire        csr_in_ram, irq_pending, irq_ext;
    reg         irq_q;                // the trap being entered is an interrupt ...
    reg         irq_ext_q;            // ... the external one

    kvm_cpu_csr u_csr (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_addr(insn[31:20]), .i_rd(a_csr), .o_rdata(csr_rdata), .o_in_ram(csr_in_ram),
        .i_we((state == S_CSR) & csr_write), .i_wdata(R),
        .i_we_next((state == S_EXEC) & is_csr & csr_write & ~static_exc),  // EXEC -> CSR
        .i_retire((state == S_WB) & ~sum[1] & ~br_nt),
        .i_trap(state == S_TRAP3), .i_mret((state == S_OPER) & is_mret),
        .i_irq_timer(i_irq_timer), .i_irq_external(i_irq_external),
        .o_irq_pending(irq_pending), .o_irq_ext(irq_ext)
    );


    // =====================================================================================
    // M extension on the core's own registers and adder (no separate unit)
    //
    // Operands are made unsigned first (|rs1| in OPER/EXEC), the sign of the result is
    // fixed at the end (MDFIX/MDEND). rs1 stays on the register-file output p1 and rs2 in
    // p2 for the whole instruction, so signs are read from there, and |rs2| never needs a
    // register of its own: B holds rs2 or ~rs2 and the carry in does the rest.
    //   multiply, 32 steps: A = high word, R = multiplier -> low word
    //       {carry, sum} = A + (R[0] ? |rs2| : 0);  A <- {carry, sum[31:1]}, R <- {sum[0], R >> 1}
    //   divide, 33 steps (restoring): R = dividend -> quotient, {top, A} = partial remainder
    //       shifted left by one with the next dividend bit in A[0]
    //       fits = top | carry of A - |rs2|;  remainder' = fits ? sum : A
    //       {top, A} <- {remainder', R[31]},  R <- {R[30:0], fits}
    //     (the first step always sees 0, so it just loads the first dividend bit)
    // =====================================================================================
    reg         md_top;                            // divide: bit 32 of the partial remainder
    reg  [5:0]  md_count;                          // steps left - 1
    wire        md_div    = funct3[2];
    wire        md_a_neg  = p1[31] & ((funct3 == 3'd1) | (funct3 == 3'd2) | (funct3 == 3'd4)
                                      | (funct3 == 3'd6));
    wire        md_b_neg  = p2[31] & ((funct3 == 3'd1) | (funct3 == 3'd4) | (funct3 == 3'd6));
    // result negative: DIV signs differ and divisor not 0; REM dividend; MULH[SU] differ
    wire        md_neg    = (md_div & funct3[1]) ? md_a_neg
                          : (md_a_neg ^ md_b_neg) & (~md_div | (p2 != 32'd0));
    // the wanted word is the low one: MUL (product low), DIV[U] (quotient)
    wire        md_want_lo = md_div ? ~funct3[1] : (funct3[1:0] == 2'd0);
    // B for a step: multiply adds |rs2| (negative rs2: ~rs2 + 1), divide subtracts it
    // (positive rs2: + ~rs2 + 1; negative rs2: + rs2)
    wire        md_b_inv  = md_div ^ md_b_neg;
    (* keep *) wire md_fits = md_top | alu_carry;
    wire        md_rem_top = md_fits ? sum[31] : A[31];  // divide: bit 31 of remainder'
    // multiply: the next step adds when the next multiplier bit (gate) is 1
    wire        md_gate_exec = md_div | sum[0];    // EXEC: R <- sum, next bit is sum[0]
    wire        md_gate_step = md_div | R[1];      // STEP: R shifts right, next bit is R[1]
    wire        md_cin_exec  = md_div ? ~md_b_neg : (md_b_neg & sum[0]);
    wire        md_cin_step  = md_div ? ~md_b_neg : (md_b_neg & R[1]);

    // =====================================================================================
    // Load data: pick the byte / halfword of the bus word at address R and extend it
    // =====================================================================================
    wire [15:0] load_half = R[1] ? i_mem_rdata[31:16] : i_mem_rdata[15:0];
    wire [7:0]  load_byte = R[0] ? load_half[15:8]    : load_half[7:0];
    reg  [31:0] load_value;
    always @(*) begin
        case (funct3)
            3'd0:    load_value = {{24{load_byte[7]}}, load_byte};   // lb
            3'd1:    load_value = {{16{load_half[15]}}, load_half};  // lh
            3'd4:    load_value = {24'd0, load_byte};                // lbu
            3'd5:    load_value = {16'd0, load_half};                // lhu
            default: load_value = i_mem_rdata;                       // lw
        endcase
    end

    // mcause of the trap being entered
    wire [4:0] exc_code = irq_q      ? (irq_ext_q ? 5'd11 : 5'd7)
                        : is_illegal ? 5'd2
                        : is_ebreak  ? 5'd3
                        : is_ecall   ? 5'd11
                        : is_load    ? 5'd4
                        : is_store   ? 5'd6
                        :              5'd0;          // misaligned jump target

    wire wb_write = writes_rd & (rd != 5'd0);

    // The write port always writes R, in the state that has the value in R:
    //   CLEAR 0 to a CSR entry, CSR the new CSR value, WB rd (unless the jump target is
    //   misaligned, sum[1]), TRAP1 mtval, TRAP2 mepc, TRAP3 mcause.
    reg         rf_we;
    reg  [5:0]  rf_wa;
    always @(*) begin
        rf_we = 1'b1;
        case (state)
            S_CLEAR: rf_wa = {3'b100, clear_entry};
            S_CSR:   begin rf_wa = {3'b100, insn[22:20]}; rf_we = csr_write & csr_in_ram; end
            S_TRAP1: rf_wa = E_MTVAL;
            S_TRAP2: rf_wa = E_MEPC;
            S_TRAP3: rf_wa = E_MCAUSE;
            default: begin rf_wa = {1'b0, rd}; rf_we = (state == S_WB) & ~sum[1] & wb_write; end
        endcase
    end

    // mtvec bit 1 and mepc bits 1:0 are not writable: mask them on the way in
    wire        csr_ram_write = (state == S_CSR);
    wire [31:0] rf_wd = {R[31:2],
                         R[1] & ~(csr_ram_write & (insn[22:20] == 3'd5 || insn[22:20] == 3'd1)),
                         R[0] & ~(csr_ram_write & (insn[22:20] == 3'd1))};

    kvm_cpu_regfile u_regfile (
        .i_clk(i_clk),
        .i_re(re), .i_ra(ra), .o_rd(p1),
        .i_we(rf_we), .i_wa(rf_wa), .i_wd(rf_wd)
    );

    // p2 <- the port: in READ (rs2, or a CSR instruction's rs1), in EXEC for a store (rs2)
    always @(posedge i_clk) begin
        if ((state == S_READ) | ((state == S_EXEC) & is_store))
            p2 <= p1;
    end


    // =====================================================================================
    // Datapath: what A, B and R load in each state. Every register is an AND-OR of a few
    // sources picked by one-hot selects (and B can be inverted on the way in), so each
    // register bit costs a couple of LUTs; a register with no select raised loads 0, one
    // with its enable low holds.
    //
    //   A: rs1 (p1), pc, a flip-flop CSR, 0, and the multiply / divide shifts
    //   B: rs2 (p2), imm, rs1, R, A, {top, A >> 1}, small constants; optionally inverted
    //   R: the ALU result, load data, and shifts by 1 or 4 in either direction (shift
    //      instructions, multiply, divide)
    // =====================================================================================
    wire trap_now  = static_exc | ls_misaligned;          // EXEC: the instruction traps
    wire sh_big    = (md_count[4:2] != 3'd0);             // SHIFT: 4 or more places left
    wire sh_busy   = (md_count != 6'd0);                  // SHIFT: places left
    wire sh_fill   = insn[30] & R[31];                    // SRA sign fill
    wire [4:0] shamt = use_rs2 ? p2[4:0] : insn[24:20];

    reg a_en, a_p1, a_p1_hi, a_pc, a_mdiv, a_mmul;
    reg b_en, b_p2, b_imm, b_p1, b_r, b_a, b_atop, b_four, b_trap1, b_vec, b_inv;
    reg r_en, r_alu, r_clr0, r_load, r_shr1, r_shl1, r_shr4, r_shl4;
    always @(*) begin
        {a_p1, a_p1_hi, a_pc, a_csr, a_mdiv, a_mmul} = 6'd0;
        {b_p2, b_imm, b_p1, b_r, b_a, b_atop, b_four, b_trap1, b_vec, b_inv} = 10'd0;
        {r_alu, r_clr0, r_load, r_shr1, r_shl1, r_shr4, r_shl4, r_lt, r_ltu} = 9'd0;
        a_en = 1'b1;
        b_en = 1'b1;
        r_en = 1'b1;
        case (state)
        S_OPER: begin
            // A: rs1, pc, a CSR value, or 0
            if (is_csr) begin
                a_p1  = csr_in_ram;
                a_csr = 1'b1;               // 0 unless a flip-flop CSR
            end else if (is_auipc | is_jal | is_jalr | is_ebreak)
                a_pc = 1'b1;
            else if (!(is_lui | is_ecall | is_illegal | is_muldiv))
                a_p1 = 1'b1;               // rs1; mepc for MRET
            // B: 4 (JAL/JALR link first), 0, |rs1| (M: 0 + |rs1|), rs2 or the immediate
            if (is_jal | is_jalr)
                b_four = 1'b1;
            else if (is_muldiv) begin
                b_p1  = 1'b1;
                b_inv = md_a_neg;
            end else if (!(is_ecall | is_ebreak | is_mret | is_shift)) begin
                b_p2  = use_rs2;
                b_imm = ~use_rs2;
                b_inv = is_sub;
            end
            r_en = 1'b0;
        end
        S_EXEC: begin
            // the result (shifts: rs1 + 0), or SLT[I][U]: the compare bit alone
            r_alu = ~(is_alu & (funct3[2:1] == 2'b01));
            r_lt  =   is_alu & (funct3 == 3'd2);
            r_ltu =   is_alu & (funct3 == 3'd3);
            if (is_csr) begin
                a_en = 1'b0;               // A (the old CSR value) + 0 in the CSR state
            end else if (is_muldiv) begin
                b_p2  = md_gate_exec;      // A = 0, R = |rs1|
                b_inv = md_gate_exec & md_b_inv;
            end else begin
                a_p1   = is_jalr;            // jump / branch target: rs1 or pc + imm
                a_pc   = ~is_jalr;
                b_imm  = ~trap_now & is_ctl;
                b_four = ~trap_now & ~is_ctl;
            end
        end
        S_SHIFT: begin
            a_en   = 1'b0;
            b_en   = 1'b0;
            r_shr1 = sh_busy & ~sh_big &  funct3[2];
            r_shl1 = sh_busy & ~sh_big & ~funct3[2];
            r_shr4 = sh_busy &  sh_big &  funct3[2];
            r_shl4 = sh_busy &  sh_big & ~funct3[2];
            r_en   = sh_busy;
        end
        S_MDSTEP: begin
            a_mdiv     = md_div;
            a_mmul     = ~md_div;
            b_p2       = md_gate_step;
            b_inv      = md_gate_step & md_b_inv;
            r_shl1     = md_div;
            r_shr1     = ~md_div;
        end
        S_MDFIX: begin                      // A = 0, B = the wanted word, negated if needed
            b_r    = md_want_lo;
            b_atop = ~md_want_lo & md_div;
            b_a    = ~md_want_lo & ~md_div;
            b_inv  = md_neg;
            r_en   = 1'b0;
        end
        S_MDEND, S_CSR: begin               // R <- A + B; A, B <- pc, 4
            a_pc   = 1'b1;
            b_four = 1'b1;
            r_alu  = 1'b1;
        end
        S_MEM: begin
            a_en   = 1'b0;
            b_en   = 1'b0;
            r_load = is_load;
            r_en   = is_load & i_mem_ready;
        end
        S_WB: begin
            if (br_nt) begin                // branch not taken: A, B <- pc, 4; WB again
                a_pc   = 1'b1;
                b_four = 1'b1;
                r_en   = 1'b0;
            end else begin                  // misaligned target: R <- it, A <- pc, B <- 0
                a_pc   = sum[1];           // an interrupt: A, B <- 0
                r_alu  = 1'b1;
                r_clr0 = 1'b1;
                r_en   = sum[1];
            end
        end
        S_IRQ: begin                        // R <- mtval = 0; A <- pc (the next instruction)
            a_pc  = 1'b1;
            r_alu = 1'b1;
        end
        S_TRAP1: begin                      // mtval <- R; R <- pc; A <- 0; B <- mcause
            b_trap1 = 1'b1;
            r_alu   = 1'b1;
        end
        S_TRAP2: begin                      // mepc <- R; R <- mcause; A + B = the vector
            a_p1_hi = 1'b1;
            b_vec   = irq_q & p1[0];
            r_alu   = 1'b1;
        end
        default: begin                      // CLEAR, FETCH, READ, TRAP3: nothing to keep
            a_en = 1'b0;
            b_en = 1'b0;
            r_en = 1'b0;
        end
        endcase
    end

    // the divide step's choice (md_fits) comes late, at the end of the carry chain: it gets
    // its own LUT per bit, and that enters A's multiplexer last
    (* keep *) wire [31:0] a_div = {32{a_mdiv}} & (md_fits ? {sum[30:0], R[31]}
                                                           : {A[30:0], R[31]});
    (* keep *) wire [31:0] a_early = ({32{a_p1}}    & p1)
                                   | ({32{a_p1_hi}} & {p1[31:2], 2'b00})
                                   | ({32{a_pc}}    & pc)
                                   | csr_rdata;          // 0 unless a_csr
    wire [31:0] a_next = a_early | a_div | ({32{a_mmul}} & {alu_carry, sum[31:1]});
    wire [31:0] b_src  = ({32{b_p2}}    & p2)
                       | ({32{b_imm}}   & imm)
                       | ({32{b_p1}}    & p1)
                       | ({32{b_r}}     & R)
                       | ({32{b_a}}     & A)
                       | ({32{b_atop}}  & {md_top, A[31:1]})
                       | ({32{b_four}}  & 32'd4)
                       | ({32{b_trap1}} & {irq_q, 26'd0, exc_code})
                       | ({32{b_vec}}   & {25'd0, exc_code, 2'b00});
    wire [31:0] b_next = b_src ^ {32{b_inv}};
    wire        shr_in = (state == S_MDSTEP) ? sum[0] : sh_fill;
    // the compare bit of SLT[I][U] comes late, at the end of the carry chain: it enters R's
    // multiplexer last, after the other sources were ORed together
    wire r_slt_bit = slt_lt | (r_ltu & ~alu_carry);
    (* keep *) wire [31:0] r_early
                       = ({32{r_alu}}  & {alu_result[31:1], alu_result[0] & ~r_clr0})
                       | ({32{r_load}} & load_value)
                       | ({32{r_shr1}} & {shr_in, R[31:1]})
                       | ({32{r_shl1}} & {R[30:0], md_fits & (state == S_MDSTEP)})
                       | ({32{r_shr4}} & {{4{sh_fill}}, R[31:4]})
                       | ({32{r_shl4}} & {R[27:0], 4'd0});
    wire [31:0] r_next = {r_early[31:1], r_early[0] | r_slt_bit};

    always @(posedge i_clk) begin
        if (a_en) A <= a_next;
        if (b_en) B <= b_next;
        if (i_rst)     R <= 32'd0;     // CLEAR writes R (0) to the CSR entries
        else if (r_en) R <= r_next;
    end

    // =====================================================================================
    // The state machine (control; the datapath registers are loaded above)
    // =====================================================================================
    always @(posedge i_clk) begin
        o_rt_valid <= 1'b0;

        if (i_rst) begin
            state       <= S_CLEAR;
            pc          <= RESET_PC;
            clear_entry <= 3'd0;
            irq_q       <= 1'b0;
            br_nt       <= 1'b0;
        end else begin
            case (state)
            // ---- CLEAR: after reset, write 0 to the CSR entries of the register file -----
            S_CLEAR: begin
                clear_entry <= clear_entry + 3'd1;
                if (clear_entry == 3'd7)
                    state <= S_FETCH;
            end

            // ---- FETCH: read the instruction at pc, decode it; the register file reads --
            S_FETCH: begin
                if (i_mem_ready) begin
                    insn      <= i_mem_rdata;
                    is_lui    <= dc_lui;    is_auipc  <= dc_auipc;  is_jal    <= dc_jal;
                    is_jalr   <= dc_jalr;   is_load   <= dc_load;
                    is_store  <= dc_store;  is_alu    <= dc_alu;    is_shift  <= dc_shift;
                    is_muldiv <= dc_muldiv; is_csr    <= dc_csr;    csr_write <= dc_csr_write;
                    is_ecall  <= dc_ecall;  is_ebreak <= dc_ebreak; is_mret   <= dc_mret;
                    use_rs2   <= dc_use_rs2; is_sub   <= dc_sub;
                    writes_rd <= dc_writes_rd; is_illegal <= dc_illegal;
                    imm       <= dc_imm;
                    is_ctl    <= dc_jal | dc_jalr | dc_branch;
                    br_eq     <= dc_branch & (i_mem_rdata[14:13] == 2'd0);
                    br_lt     <= dc_branch & (i_mem_rdata[14:13] == 2'd2);
                    br_ltu    <= dc_branch & (i_mem_rdata[14:13] == 2'd3);
                    br_not    <= dc_branch & i_mem_rdata[12];
                    state     <= bus_rs2_first ? S_READ : S_OPER;
                end
            end

            // ---- READ: p2 <- rs2 (CSR: rs1), the port reads rs1 (CSR: the CSR entry) ---
            S_READ: state <= S_OPER;

            // ---- OPER: load the operands ------------------------------------------------
            S_OPER: begin
                cin   <= is_sub | (is_muldiv & md_a_neg);
                // MRET needs only pc <- mepc + 0 (and the mstatus update, done now)
                state <= is_mret ? S_WB : S_EXEC;
            end

            // ---- EXEC: the operation; prepare the next pc (A + B in WB) ------------------
            S_EXEC: begin
                cin      <= is_muldiv & md_cin_exec;
                md_top   <= 1'b0;
                md_count <= is_muldiv ? (md_div ? 6'd32 : 6'd31) : {1'b0, shamt};
                br_nt    <= nt_now;

                if (trap_now)                   state <= S_TRAP1;   // R = mtval, A = pc
                else if (is_load | is_store)    state <= S_MEM;
                else if (is_shift)              state <= S_SHIFT;
                else if (is_muldiv)             state <= S_MDSTEP;
                else if (is_csr)                state <= S_CSR;
                else                            state <= S_WB;
            end

            // ---- SHIFT: R shifts by 4 while 4 or more places remain, then by 1 -----------
            S_SHIFT: begin
                md_count <= md_count - (sh_big ? 6'd4 : 6'd1);
                if (!sh_busy) state <= S_WB;
            end

            // ---- MDSTEP / MDFIX / MDEND: multiply or divide (see above) ------------------
            S_MDSTEP: begin
                md_top   <= md_rem_top;
                cin      <= md_cin_step;
                md_count <= md_count - 6'd1;
                if (md_count == 6'd0) state <= S_MDFIX;
            end
            S_MDFIX: begin                 // negated 64-bit product high word: ~hi + (lo == 0)
                cin   <= md_neg & (md_want_lo | md_div | (R == 32'd0));
                state <= S_MDEND;
            end
            S_MDEND: begin
                cin   <= 1'b0;
                state <= S_WB;
            end

            // ---- MEM: one bus access at address R ----------------------------------------
            S_MEM: begin
                if (i_mem_ready) state <= S_WB;
            end

            // ---- CSR: write the new CSR value (R), R <- old value (A + 0) ----------------
            S_CSR: state <= S_WB;

            // ---- WB: write rd, pc <- A + B, trace; or a misaligned jump target traps -----
            S_WB: begin
                if (br_nt) begin
                    br_nt <= 1'b0;             // A + B = pc + 4 in the next cycle
                end else if (sum[1]) begin
                    // only a jump or taken branch can get here with bit 1 set
                    state <= S_TRAP1;      // R = the target (JALR clears bit 0), A = pc
                end else begin
                    pc    <= {sum[31:2], 2'b00};

                    o_rt_valid    <= 1'b1;
                    o_rt_pc       <= pc;
                    o_rt_insn     <= insn;
                    o_rt_trap     <= 1'b0;
                    o_rt_cause    <= 32'd0;
                    o_rt_rd       <= wb_write ? rd : 5'd0;
                    o_rt_rd_wdata <= wb_write ? R : 32'd0;

                    if (irq_pending) begin
                        irq_q     <= 1'b1;
                        irq_ext_q <= irq_ext;
                        state     <= S_IRQ;   // A, B = 0
                    end else begin
                        state     <= S_FETCH;
                    end
                end
            end

            // ---- trap entry -------------------------------------------------------------
            S_IRQ:   state <= S_TRAP1;
            S_TRAP1: state <= S_TRAP2;
            S_TRAP2: state <= S_TRAP3;
            S_TRAP3: begin                 // mcause <- R; pc <- vector; trace
                pc    <= {sum[31:2], 2'b00};
                if (!irq_q) begin
                    o_rt_valid    <= 1'b1;
                    o_rt_pc       <= pc;
                    o_rt_insn     <= insn;
                    o_rt_trap     <= 1'b1;
                    o_rt_cause    <= R;
                    o_rt_rd       <= 5'd0;
                    o_rt_rd_wdata <= 32'd0;
                end
                irq_q <= 1'b0;
                state <= S_FETCH;
            end

            default: state <= S_FETCH;
            endcase
        end
    end

    // =====================================================================================
    // Memory bus: FETCH reads at pc, MEM reads or writes at address R
    // =====================================================================================
    wire in_mem = (state == S_MEM);
    reg  [3:0] st_strb;
    always @(*) begin
        case (funct3[1:0])
            2'd0:    st_strb = 4'b0001 << R[1:0];
            2'd1:    st_strb = R[1] ? 4'b1100 : 4'b0011;
            default: st_strb = 4'b1111;
        endcase
    end

    assign o_mem_valid = (state == S_FETCH) | in_mem;
    assign o_mem_instr = (state == S_FETCH);
    assign o_mem_addr  = in_mem ? {R[31:2], 2'b00} : {pc[31:2], 2'b00};
    // store data (rs2, in p2 since EXEC) replicated into every lane; strobes pick
    assign o_mem_wdata = (funct3[1:0] == 2'd0) ? {4{p2[7:0]}}
                       : (funct3[1:0] == 2'd1) ? {2{p2[15:0]}} : p2;
    assign o_mem_wstrb = (in_mem & is_store) ? st_strb : 4'b0000;
endmodule

`default_nettype wire
