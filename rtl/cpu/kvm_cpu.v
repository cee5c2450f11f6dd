// kvm_cpu: the kvmosd RV32IM + Zicsr soft core (machine mode only).
//
// Clock: i_clk (clk_sys); reset: i_rst, synchronous, active high. Starts at RESET_PC.
//
// A multicycle core built around ONE adder. Its two inputs are the registers A and B; every
// state loads A and B with what the next state wants to add, and latches the sum (or the
// logic/compare result) in the result register R. Block-RAM outputs go into A and B
// through one small multiplexer; the memory address comes from pc or R.
//
//   FETCH   pc on the bus; the instruction word is decoded into registered flags and the
//           register file (block RAM) reads rs1/rs2 (or a CSR) at the same edge   (1 + wait)
//   OPER    A, B <- the operands (rs1, rs2, immediate, pc, CSR value)                 (1)
//   EXEC    R <- A op B; A, B <- pc and 4 (or the branch/jump target operands)        (1)
//   SHIFT   iterative shifter (shifts only)                                  (1 + n/4 + n%4)
//   MULDIV  iterative multiplier / divider (M only)                                    (34)
//   MEM     load/store at address R; a load puts the aligned value in R         (1 + wait)
//   CSR     write the new CSR value (R); R <- old value (A + 0)                         (1)
//   WB      rd <- R, pc <- A + B, retire trace, interrupt check                          (1)
//   IRQ, TRAP1..3  trap entry: mtval, mepc, mcause written one per cycle through the
//           register-file write port (they live in block RAM), pc <- mtvec         (4 / 3)
//
// Example, "add x3, x1, x2": FETCH reads x1, x2; OPER A=x1, B=x2; EXEC R=A+B, A=pc, B=4;
// WB x3=R, pc=A+B. A taken branch: OPER A=rs1, B=~rs2 (+1: subtract); EXEC decides and
// loads A=pc, B=offset; WB pc=A+B. A jump target with bit 1 set is noticed in WB (sum[1])
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
                     S_SHIFT = 4'd4,  S_MULDIV = 4'd5,  S_MEM   = 4'd6,  S_CSR   = 4'd7,
                     S_WB    = 4'd8,  S_IRQ    = 4'd9,  S_TRAP1 = 4'd10, S_TRAP2 = 4'd11,
                     S_TRAP3 = 4'd12;

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

    reg is_lui, is_auipc, is_jal, is_jalr, is_branch, is_load, is_store, is_alu, is_shift;
    reg is_muldiv, is_csr, csr_write, is_ecall, is_ebreak, is_mret, use_rs2, is_sub;
    reg writes_rd, is_illegal;
    reg [31:0] imm;

    // =====================================================================================
    // Register file (x registers + trap CSRs). Both ports read at the end of FETCH, from
    // the instruction on the bus: SYSTEM instructions read their CSR on port 1 (MRET and
    // the other funct3 = 0 ones: mepc) and rs1 on port 2. Port 1 reads mtvec in TRAP1.
    // =====================================================================================
    wire        bus_system = (i_mem_rdata[6:2] == 5'b11100);
    wire [2:0]  bus_slot   = (i_mem_rdata[14:12] == 3'd0) ? E_MEPC[2:0] : i_mem_rdata[22:20];
    wire [5:0]  ra1 = (state != S_FETCH) ? E_MTVEC
                    : bus_system ? {3'b100, bus_slot} : {1'b0, i_mem_rdata[19:15]};
    wire [5:0]  ra2 = {1'b0, bus_system ? i_mem_rdata[19:15] : i_mem_rdata[24:20]};
    wire [31:0] p1, p2;               // read port outputs
    reg  [2:0]  clear_entry;          // after reset: CSR entry being cleared

    // =====================================================================================
    // The adder / ALU
    // =====================================================================================
    wire [31:0] alu_result, sum;
    wire        alu_eq, alu_lt, alu_ltu;
    kvm_cpu_alu u_alu (
        .i_a(A), .i_b(B), .i_cin(cin),
        .i_logic((state == S_EXEC) & ((is_alu & funct3[2]) | is_csr)),
        .i_slt((state == S_EXEC) & is_alu & (funct3[2:1] == 2'b01)),
        .i_mode(funct3[1:0]),
        .o_result(alu_result), .o_sum(sum),
        .o_eq(alu_eq), .o_lt(alu_lt), .o_ltu(alu_ltu)
    );

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
    wire taken = is_jal | is_jalr | (is_branch & (cond ^ funct3[0]));

    // loads and stores: address = sum in EXEC; funct3[1:0]: 0 byte, 1 half, 2 word
    wire ls_misaligned = (is_load | is_store)
                       & ((funct3[1:0] == 2'd1 && sum[0]) || (funct3[1:0] == 2'd2 && sum[1:0] != 2'd0));
    wire static_exc    = is_illegal | is_ecall | is_ebreak;

    // =====================================================================================
    // CSRs in flip-flops, shifter, multiplier/divider
    // =====================================================================================
    wire [31:0] csr_rdata;
    wire        csr_in_ram, irq_pending, irq_ext;
    reg         irq_q;                // the trap being entered is an interrupt ...
    reg         irq_ext_q;            // ... the external one

    kvm_cpu_csr u_csr (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_addr(insn[31:20]), .o_rdata(csr_rdata), .o_in_ram(csr_in_ram),
        .i_we((state == S_CSR) & csr_write), .i_wdata(R),
        .i_retire((state == S_WB) & ~sum[1]),
        .i_trap(state == S_TRAP3), .i_mret((state == S_OPER) & is_mret),
        .i_irq_timer(i_irq_timer), .i_irq_external(i_irq_external),
        .o_irq_pending(irq_pending), .o_irq_ext(irq_ext)
    );

    wire        shift_busy;
    wire [31:0] shift_result;
    kvm_cpu_shifter u_shifter (
        .i_clk(i_clk), .i_start((state == S_EXEC) & is_shift),
        .i_value(A), .i_amount(B[4:0]),
        .i_right(funct3[2]), .i_arith(insn[30]),
        .o_busy(shift_busy), .o_result(shift_result)
    );

    wire        md_busy;
    wire [31:0] md_result;
    kvm_cpu_muldiv u_muldiv (
        .i_clk(i_clk), .i_rst(i_rst), .i_start((state == S_EXEC) & is_muldiv),
        .i_op(funct3), .i_a(A), .i_b(B),
        .o_busy(md_busy), .o_result(md_result)
    );

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
        .i_re1((state == S_FETCH) | (state == S_TRAP1)), .i_ra1(ra1), .o_rd1(p1),
        .i_re2(state == S_FETCH), .i_ra2(ra2), .o_rd2(p2),
        .i_we(rf_we), .i_wa(rf_wa), .i_wd(rf_wd)
    );


    // =====================================================================================
    // The state machine
    // =====================================================================================
    always @(posedge i_clk) begin
        o_rt_valid <= 1'b0;

        if (i_rst) begin
            state       <= S_CLEAR;
            pc          <= RESET_PC;
            R           <= 32'd0;
            clear_entry <= 3'd0;
            irq_q       <= 1'b0;
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
                    is_jalr   <= dc_jalr;   is_branch <= dc_branch; is_load   <= dc_load;
                    is_store  <= dc_store;  is_alu    <= dc_alu;    is_shift  <= dc_shift;
                    is_muldiv <= dc_muldiv; is_csr    <= dc_csr;    csr_write <= dc_csr_write;
                    is_ecall  <= dc_ecall;  is_ebreak <= dc_ebreak; is_mret   <= dc_mret;
                    use_rs2   <= dc_use_rs2; is_sub   <= dc_sub;
                    writes_rd <= dc_writes_rd; is_illegal <= dc_illegal;
                    imm       <= dc_imm;
                    state     <= S_OPER;
                end
            end

            // ---- OPER: load the operands ------------------------------------------------
            S_OPER: begin
                // A: rs1, pc, a CSR value, or 0
                if (is_csr)
                    A <= csr_in_ram ? p1 : csr_rdata;
                else if (is_lui | is_ecall | is_illegal)
                    A <= 32'd0;
                else if (is_auipc | is_jal | is_jalr | is_ebreak)
                    A <= pc;
                else
                    A <= p1;               // rs1; mepc for MRET
                // B: 4 (JAL/JALR link first), 0, rs2 or the immediate; inverted to subtract
                if (is_jal | is_jalr)
                    B <= 32'd4;
                else if (is_ecall | is_ebreak | is_mret)
                    B <= 32'd0;
                else if (use_rs2)
                    B <= is_sub ? ~p2 : p2;
                else
                    B <= is_sub ? ~imm : imm;
                cin   <= is_sub;
                // MRET needs only pc <- mepc + 0 (and the mstatus update, done now)
                state <= is_mret ? S_WB : S_EXEC;
            end

            // ---- EXEC: the operation; prepare the next pc (A + B in WB) ------------------
            S_EXEC: begin
                R   <= alu_result;
                cin <= 1'b0;
                if (is_csr) begin
                    B <= 32'd0;            // A (the old CSR value) + 0 in the CSR state
                end else begin
                    A <= is_jalr ? p1 : pc;
                    B <= (static_exc | ls_misaligned) ? 32'd0 : taken ? imm : 32'd4;
                end

                if (static_exc | ls_misaligned) state <= S_TRAP1;   // R = mtval, A = pc
                else if (is_load | is_store)    state <= S_MEM;
                else if (is_shift)              state <= S_SHIFT;
                else if (is_muldiv)             state <= S_MULDIV;
                else if (is_csr)                state <= S_CSR;
                else                            state <= S_WB;
            end

            // ---- SHIFT / MULDIV: wait for the iterative unit -----------------------------
            S_SHIFT: begin
                R <= shift_result;
                if (!shift_busy) state <= S_WB;
            end
            S_MULDIV: begin
                R <= md_result;
                if (!md_busy) state <= S_WB;
            end

            // ---- MEM: one bus access at address R ----------------------------------------
            S_MEM: begin
                if (i_mem_ready) begin
                    if (is_load)
                        R <= load_value;
                    state <= S_WB;
                end
            end

            // ---- CSR: write the new value (R), R <- old value (A + 0) ----------------------
            S_CSR: begin
                R     <= sum;
                A     <= pc;
                B     <= 32'd4;
                state <= S_WB;
            end

            // ---- WB: write rd, pc <- A + B, trace; or a misaligned jump target traps -----
            S_WB: begin
                if (sum[1]) begin
                    // only a jump or taken branch can get here with bit 1 set
                    R     <= {sum[31:1], 1'b0};   // mtval = the target (JALR clears bit 0)
                    A     <= pc;
                    B     <= 32'd0;
                    state <= S_TRAP1;
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
                        A         <= 32'd0;
                        B         <= 32'd0;
                        state     <= S_IRQ;
                    end else begin
                        state     <= S_FETCH;
                    end
                end
            end

            // ---- trap entry -------------------------------------------------------------
            S_IRQ: begin                   // R <- mtval = 0; A <- pc (the next instruction)
                R     <= sum;
                A     <= pc;
                state <= S_TRAP1;
            end
            S_TRAP1: begin                 // mtval <- R; R <- pc; port 1 reads mtvec
                R     <= sum;
                A     <= 32'd0;
                B     <= {irq_q, 26'd0, exc_code};
                state <= S_TRAP2;
            end
            S_TRAP2: begin                 // mepc <- R; R <- mcause; A + B = the vector
                R     <= sum;
                A     <= {p1[31:2], 2'b00};
                B     <= (irq_q & p1[0]) ? {25'd0, exc_code, 2'b00} : 32'd0;
                state <= S_TRAP3;
            end
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
    // store data (rs2, still on read port 2) replicated into every lane; strobes pick
    assign o_mem_wdata = (funct3[1:0] == 2'd0) ? {4{p2[7:0]}}
                       : (funct3[1:0] == 2'd1) ? {2{p2[15:0]}} : p2;
    assign o_mem_wstrb = (in_mem & is_store) ? st_strb : 4'b0000;
endmodule

`default_nettype wire
