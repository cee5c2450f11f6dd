// kvm_cpu: the kvmosd RV32IM + Zicsr soft core (machine mode only).
//
// Clock: i_clk (clk_sys); reset: i_rst, synchronous, active high. Starts at RESET_PC.
//
// A multicycle core: one instruction at a time walks through a small state machine.
//
//   FETCH   put pc on the bus and wait for the instruction word        (1 + wait states)
//   DECODE  decode it into registered flags and the immediate; the register
//           file (block RAM) reads rs1 and rs2 at the end of this cycle  (1)
//   EXEC    ALU, comparisons, branch/jump target, load/store address, CSR
//           access and every exception decision; results go to registers (1)
//   SHIFT   iterative shifter runs (shifts only)                         (1 + n/4 + n%4)
//   MULDIV  iterative multiplier / divider runs (M only)                 (34)
//   MEM     load/store bus access (loads/stores only)                    (1 + wait states)
//   WB      write rd, update pc, emit the retire trace, and take a pending
//           interrupt before the next instruction                        (1)
//
// Every path starts and ends at a register: the block RAM outputs feed one adder or
// comparator, whose result is registered in EXEC; the new pc is written in WB, and the
// fetch address comes straight from the pc register. This keeps the core fast on iCE40
// while costing extra cycles (see docs/cpu.md for the CPI of each class).
//
// Traps: EXEC registers the ingredients of an exception (illegal instruction, ecall, ebreak,
// misaligned jump target, misaligned load/store); WB combines them and enters the handler.
// Interrupts are checked in WB too, after the instruction has finished and its CSR write
// (done in EXEC) took effect, so "csrsi mstatus, 8" is followed at once by a pending
// interrupt.
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
    // State machine and architectural registers
    // =====================================================================================
    localparam [2:0] S_FETCH  = 3'd0, S_DECODE = 3'd1, S_EXEC = 3'd2, S_SHIFT = 3'd3,
                     S_MULDIV = 3'd4, S_MEM    = 3'd5, S_WB   = 3'd6;

    reg  [2:0]  state;
    // The simulator (sim/rv-run) sets pc to the ELF entry after reset, hence "public".
    reg  [31:0] pc /* verilator public_flat_rw */;
    reg  [31:0] insn;                 // instruction being executed
    wire [4:0]  rd     = insn[11:7];
    wire [2:0]  funct3 = insn[14:12];

    // =====================================================================================
    // Decode (combinational from insn, registered during DECODE)
    // =====================================================================================
    wire dc_lui, dc_auipc, dc_jal, dc_jalr, dc_branch, dc_load, dc_store, dc_alu, dc_shift;
    wire dc_muldiv, dc_csr, dc_csr_write, dc_ecall, dc_ebreak, dc_mret, dc_use_rs2, dc_sub;
    wire dc_writes_rd, dc_illegal;
    wire [31:0] dc_imm;

    kvm_cpu_decode u_decode (
        .i_insn(insn),
        .o_lui(dc_lui), .o_auipc(dc_auipc), .o_jal(dc_jal), .o_jalr(dc_jalr),
        .o_branch(dc_branch), .o_load(dc_load), .o_store(dc_store), .o_alu(dc_alu),
        .o_shift(dc_shift), .o_muldiv(dc_muldiv), .o_csr(dc_csr), .o_csr_write(dc_csr_write),
        .o_ecall(dc_ecall), .o_ebreak(dc_ebreak), .o_mret(dc_mret), .o_use_rs2(dc_use_rs2),
        .o_sub(dc_sub), .o_writes_rd(dc_writes_rd), .o_illegal(dc_illegal), .o_imm(dc_imm)
    );

    reg is_lui, is_auipc, is_jal, is_jalr, is_branch, is_load, is_store, is_alu, is_shift;
    reg is_muldiv, is_csr, csr_write, is_ecall, is_ebreak, is_mret, use_rs2, alu_sub;
    reg writes_rd, is_illegal;
    reg [31:0] imm;
    reg [31:0] pc_plus4;

    // =====================================================================================
    // Register file: read addresses come from insn during DECODE, data is ready in EXEC
    // =====================================================================================
    wire [31:0] rs1_val, rs2_val;
    reg         rf_we;
    reg  [31:0] rf_wdata;

    kvm_cpu_regfile u_regfile (
        .i_clk(i_clk),
        .i_rs1(insn[19:15]), .i_rs2(insn[24:20]),
        .o_rs1_data(rs1_val), .o_rs2_data(rs2_val),
        .i_we(rf_we), .i_rd(rd), .i_rd_data(rf_wdata)
    );

    // =====================================================================================
    // EXEC datapath (combinational from registers)
    // =====================================================================================
    wire [31:0] op2 = use_rs2 ? rs2_val : imm;

    wire [31:0] alu_result, alu_sum;
    wire        alu_eq, alu_lt, alu_ltu;
    kvm_cpu_alu u_alu (
        .i_a(rs1_val), .i_b(op2),
        // loads, stores and JALR use the adder for rs1 + imm
        .i_funct3(is_alu ? funct3 : 3'd0), .i_sub(alu_sub),
        .o_result(alu_result), .o_sum(alu_sum),
        .o_eq(alu_eq), .o_lt(alu_lt), .o_ltu(alu_ltu)
    );

    // pc-relative target for branches, JAL and AUIPC
    wire [31:0] pc_rel = pc + imm;

    // branch condition, by funct3: beq bne - - blt bge bltu bgeu
    reg cond;
    always @(*) begin
        case (funct3[2:1])
            2'd0:    cond = alu_eq;
            2'd2:    cond = alu_lt;
            2'd3:    cond = alu_ltu;
            default: cond = 1'b0;
        endcase
    end
    wire taken       = is_jal | is_jalr | (is_branch & (cond ^ funct3[0]));
    wire [31:0] jump_target = is_jalr ? {alu_sum[31:1], 1'b0} : pc_rel;

    // loads and stores: address = rs1 + imm; funct3[1:0]: 0 byte, 1 half, 2 word
    wire [31:0] mem_addr = alu_sum;
    wire mem_misaligned = (funct3[1:0] == 2'd1 && mem_addr[0])
                        | (funct3[1:0] == 2'd2 && mem_addr[1:0] != 2'd0);
    wire ls_misaligned = (is_load | is_store) & mem_misaligned;

    // Exceptions are known in EXEC but only registered there (the pieces below); WB combines
    // them, so that no adder -> compare -> trap -> CSR-enable path exists in one cycle.
    wire        static_exc = is_illegal | is_ecall | is_ebreak;   // known from decode

    // CSR instruction: source is rs1 or the 5-bit immediate (funct3[2]); funct3[1:0] picks
    // write (1), set bits (2), clear bits (3).
    wire [31:0] csr_rdata;
    wire [31:0] csr_src = funct3[2] ? {27'd0, insn[19:15]} : rs1_val;
    reg  [31:0] csr_new;
    always @(*) begin
        case (funct3[1:0])
            2'd1:    csr_new = csr_src;
            2'd2:    csr_new = csr_rdata | csr_src;
            default: csr_new = csr_rdata & ~csr_src;
        endcase
    end

    // =====================================================================================
    // Registers written in EXEC and used later
    // =====================================================================================
    wire        irq_pending;   // from the CSR file
    wire [31:0] irq_cause, irq_vector, exc_vector, mepc;
    reg  [31:0] result;        // value for rd (not for loads, shifts, M)
    reg         taken_q;       // jump or taken branch
    reg  [31:0] target_q;      // its target
    reg         mis_q;         // misaligned load/store
    reg         instret_wr;    // this instruction wrote minstret[h]: no increment

    // ---- WB: the exception, if any, with its mcause and mtval -----------------------------
    wire        jump_mis = taken_q & target_q[1];
    wire        trapped  = static_exc | jump_mis | mis_q;
    reg  [31:0] trap_cause, trap_tval;
    always @(*) begin
        trap_cause = 32'd0;                     // instruction address misaligned
        trap_tval  = target_q;
        if (is_illegal) begin
            trap_cause = 32'd2;  trap_tval = insn;
        end else if (is_ebreak) begin
            trap_cause = 32'd3;  trap_tval = pc;
        end else if (is_ecall) begin
            trap_cause = 32'd11; trap_tval = 32'd0;
        end else if (mis_q) begin
            trap_cause = is_load ? 32'd4 : 32'd6;
            trap_tval  = ls_addr;
        end
    end
    // pc of the next instruction when no interrupt is taken
    wire [31:0] next_pc = trapped ? exc_vector : is_mret ? mepc : taken_q ? target_q : pc_plus4;
    reg  [31:0] ls_addr;       // load/store byte address
    reg  [31:0] st_data;       // store data in its byte lanes
    reg  [3:0]  st_strb;       // store byte enables
    reg  [31:0] load_word;     // raw word read by a load

    // =====================================================================================
    // CSR file, shifter, multiplier/divider
    // =====================================================================================
    wire        in_exec   = (state == S_EXEC);
    wire        in_wb     = (state == S_WB);
    wire        take_irq  = in_wb & irq_pending & ~trapped;

    kvm_cpu_csr u_csr (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_addr(insn[31:20]), .o_rdata(csr_rdata),
        .i_we(in_exec & is_csr & csr_write), .i_wdata(csr_new),
        .i_retire(in_wb & ~trapped & ~instret_wr),
        .i_trap(in_wb & (trapped | irq_pending)),
        .i_trap_cause(trapped ? trap_cause : irq_cause),
        .i_trap_tval(trapped ? trap_tval : 32'd0),
        .i_trap_epc(trapped ? pc : next_pc),
        .i_mret(in_exec & is_mret),
        .i_irq_timer(i_irq_timer), .i_irq_external(i_irq_external),
        .o_irq_pending(irq_pending), .o_irq_cause(irq_cause),
        .o_irq_vector(irq_vector), .o_exc_vector(exc_vector), .o_mepc(mepc)
    );

    wire        shift_busy;
    wire [31:0] shift_result;
    kvm_cpu_shifter u_shifter (
        .i_clk(i_clk), .i_start(in_exec & is_shift),
        .i_value(rs1_val), .i_amount(op2[4:0]),
        .i_right(funct3[2]), .i_arith(insn[30]),
        .o_busy(shift_busy), .o_result(shift_result)
    );

    wire        md_busy;
    wire [31:0] md_result;
    kvm_cpu_muldiv u_muldiv (
        .i_clk(i_clk), .i_rst(i_rst), .i_start(in_exec & is_muldiv),
        .i_op(funct3), .i_a(rs1_val), .i_b(rs2_val),
        .o_busy(md_busy), .o_result(md_result)
    );

    // =====================================================================================
    // Load data: pick the byte / halfword and extend it (used in WB)
    // =====================================================================================
    wire [15:0] load_half = ls_addr[1] ? load_word[31:16] : load_word[15:0];
    wire [7:0]  load_byte = ls_addr[0] ? load_half[15:8]  : load_half[7:0];
    reg  [31:0] load_value;
    always @(*) begin
        case (funct3)
            3'd0:    load_value = {{24{load_byte[7]}}, load_byte};   // lb
            3'd1:    load_value = {{16{load_half[15]}}, load_half};  // lh
            3'd4:    load_value = {24'd0, load_byte};                    // lbu
            3'd5:    load_value = {16'd0, load_half};                   // lhu
            default: load_value = load_word;                                     // lw
        endcase
    end

    // value written to rd in WB
    reg [31:0] wb_value;
    always @(*) begin
        if (is_load)        wb_value = load_value;
        else if (is_shift)  wb_value = shift_result;
        else if (is_muldiv) wb_value = md_result;
        else                wb_value = result;
    end
    wire wb_write = writes_rd & ~trapped & (rd != 5'd0);

    // =====================================================================================
    // The state machine
    // =====================================================================================
    always @(posedge i_clk) begin
        o_rt_valid <= 1'b0;
        rf_we      <= 1'b0;

        if (i_rst) begin
            state <= S_FETCH;
            pc    <= RESET_PC;
        end else begin
            case (state)
            // ---- FETCH: read the instruction at pc ---------------------------------------
            S_FETCH: begin
                if (i_mem_ready) begin
                    insn  <= i_mem_rdata;
                    state <= S_DECODE;
                end
            end

            // ---- DECODE: register the decoded instruction; the register file reads -------
            S_DECODE: begin
                is_lui    <= dc_lui;    is_auipc  <= dc_auipc;  is_jal    <= dc_jal;
                is_jalr   <= dc_jalr;   is_branch <= dc_branch; is_load   <= dc_load;
                is_store  <= dc_store;  is_alu    <= dc_alu;    is_shift  <= dc_shift;
                is_muldiv <= dc_muldiv; is_csr    <= dc_csr;    csr_write <= dc_csr_write;
                is_ecall  <= dc_ecall;  is_ebreak <= dc_ebreak; is_mret   <= dc_mret;
                use_rs2   <= dc_use_rs2; alu_sub  <= dc_sub;
                writes_rd <= dc_writes_rd; is_illegal <= dc_illegal;
                imm       <= dc_imm;
                pc_plus4  <= pc + 32'd4;
                state     <= S_EXEC;
            end

            // ---- EXEC: compute, decide exceptions and the next pc ------------------------
            S_EXEC: begin
                taken_q    <= taken;
                target_q   <= jump_target;
                mis_q      <= ls_misaligned;
                instret_wr <= is_csr & csr_write &
                              (insn[31:20] == 12'hB02 || insn[31:20] == 12'hB82);
                ls_addr    <= mem_addr;
                // store data replicated into every lane; the strobes pick the lanes
                case (funct3[1:0])
                    2'd0:    st_data <= {4{rs2_val[7:0]}};
                    2'd1:    st_data <= {2{rs2_val[15:0]}};
                    default: st_data <= rs2_val;
                endcase
                case (funct3[1:0])
                    2'd0:    st_strb <= 4'b0001 << mem_addr[1:0];
                    2'd1:    st_strb <= mem_addr[1] ? 4'b1100 : 4'b0011;
                    default: st_strb <= 4'b1111;
                endcase
                if (!is_store)
                    st_strb <= 4'b0000;

                if (is_lui)                  result <= imm;
                else if (is_auipc)           result <= pc_rel;
                else if (is_jal | is_jalr)   result <= pc_plus4;
                else if (is_csr)             result <= csr_rdata;
                else                         result <= alu_result;

                if (static_exc | ls_misaligned) state <= S_WB;
                else if (is_load | is_store)    state <= S_MEM;
                else if (is_shift)              state <= S_SHIFT;
                else if (is_muldiv)             state <= S_MULDIV;
                else                            state <= S_WB;
            end

            // ---- SHIFT / MULDIV: wait for the iterative unit -----------------------------
            S_SHIFT:  if (!shift_busy) state <= S_WB;
            S_MULDIV: if (!md_busy)    state <= S_WB;

            // ---- MEM: one bus access for a load or store ---------------------------------
            S_MEM: begin
                if (i_mem_ready) begin
                    load_word <= i_mem_rdata;
                    state     <= S_WB;
                end
            end

            // ---- WB: write rd, trace, move on (or into an interrupt handler) -------------
            S_WB: begin
                rf_we    <= wb_write;
                rf_wdata <= wb_value;
                pc       <= take_irq ? irq_vector : next_pc;

                o_rt_valid    <= 1'b1;
                o_rt_pc       <= pc;
                o_rt_insn     <= insn;
                o_rt_trap     <= trapped;
                o_rt_cause    <= trapped ? trap_cause : 32'd0;   // (not irq: no line)
                o_rt_rd       <= wb_write ? rd : 5'd0;
                o_rt_rd_wdata <= wb_write ? wb_value : 32'd0;

                state <= S_FETCH;
            end

            default: state <= S_FETCH;
            endcase
        end
    end

    // =====================================================================================
    // Memory bus: FETCH reads at pc, MEM reads or writes at the load/store address
    // =====================================================================================
    assign o_mem_valid = (state == S_FETCH) | (state == S_MEM);
    assign o_mem_instr = (state == S_FETCH);
    assign o_mem_addr  = (state == S_MEM) ? {ls_addr[31:2], 2'b00} : {pc[31:2], 2'b00};
    assign o_mem_wdata = st_data;
    assign o_mem_wstrb = (state == S_MEM) ? st_strb : 4'b0000;
endmodule

`default_nettype wire
