// vin_engine: ONE sync separator + meter shared by N video input ports (docs/sync.md,
// "Shared engine"): a small microprogrammed machine. The rules (sync_input + sync_line +
// sync_sep + sync_meter's, restated for events) are the program rtl/video/vin_ucode.asm,
// assembled by tools/vin_ucasm.py into vin_ucode.vh; this file is the machine that runs it.
//
//   state RAM   (one EBR) every port's state, 64 words of 16 bits a port; an instruction
//               reads one word (Q) and may write one
//   F           the served port's 32 one-bit flags, loaded from its words 0/1 when a service
//               starts and stored when it ends
//   A, C/Z/N    accumulator and the flags of the last arithmetic instruction
//   one adder   (16 bits + carry) for every add, subtract and compare
//   program     (two EBR) 512 x 16-bit instructions, in block RAM
//   constants   the immediates' operands are words of every port's state (UK_WORD0 up),
//               set when the FPGA is configured and never written; sti and incs have
//               small tables of their own (vin_ucode.vh)
//
// Pipeline: IR1 (the fetched instruction) gives the state-RAM read address; one cycle later
// IR2 executes with that word. Jumps, calls, returns and most branches are taken from IR1
// at no cost; a branch on the flags of the instruction just before it is decided in IR2
// and, taken, drops one cycle. The state RAM has no bypass: an instruction does not read
// the word that the one before it writes (tools/vin_ucasm.py refuses such a program).
//
// Per port service: load F (2 cycles), then actions: the selection stage (2 cycles: the
// oldest edge, which vin_front keeps in order, then its time T) and the program from DEC,
// which chooses and does the action (an edge, an overrun, a predicted line start, a long
// pulse, the poll) and returns with `next`. The service ends (F stored, 2 cycles) when no edge, overrun,
// poll or flag refresh is pending for the port (`next`, `end`, or the poll's `out`).
// A service takes at most MAX_EDGES edges, so a noise storm on one port cannot starve the
// others. A register read loads F and runs the program from RD0 + register.
//
// Edges come from vin_front with 12-bit stamps; the engine rebuilds the full time (24
// bits) from the stamp's age, so its own delay does not matter (up to 4095 ticks).
//
// Clock: i_clk = clk_ref (REF_HZ). All inputs are clk_ref except i_rd_req (a toggle already
// through cdc_sync2 in the caller) with i_rd_port / i_rd_reg, which the caller holds stable
// while a request is open (handshake "meter_rd_cdc", vin_meters).
`default_nettype none
module vin_engine #(
    parameter N          = 4,
    parameter PB         = (N > 1) ? $clog2(N) : 1,
    parameter REF_HZ     = 48000000,
    parameter LINE_MIN   = REF_HZ / 200000,      // 200 kHz maximum line rate
    parameter LINE_MAX   = REF_HZ / 12000,       // 12 kHz minimum: 16 lines fit 16 bits
    parameter POLL_BITS  = 11,                   // one port polled every 2^POLL_BITS ticks
    parameter MAX_EDGES  = 4
) (
    input  wire            i_clk,
    input  wire            i_rst,
    // vin_front slots, port p = bit p / bits [12p+11:12p]
    input  wire [N-1:0]    i_hs,             // the oldest queued HS edge ...
    input  wire [N-1:0]    i_hs_rise,
    input  wire [12*N-1:0] i_hs_t,
    input  wire [N-1:0]    i_vs,             // the VS edge ...
    input  wire [N-1:0]    i_vs_lvl,
    input  wire [12*N-1:0] i_vs_t,
    input  wire [N-1:0]    i_vs_first,       // ... is older than every queued HS edge
    input  wire [N-1:0]    i_ovr,
    output wire [11:0]     o_now,
    output wire [N-1:0]    o_clr_hs,
    output wire [N-1:0]    o_clr_vs,
    output wire [N-1:0]    o_clr_ovr,
    // register read: a change of i_rd_req asks for register i_rd_reg of port i_rd_port
    // (0 FLAGS, 1 LINE, 2 LINES, 3 HS, the VIDIN PORT_* layout); o_rd_ack := i_rd_req
    // when o_rd_data holds it. The high half is at most 13 bits (LINES' field count
    // <= 2047, HS' line in ticks <= 4096): its top 3 bits are always 0
    input  wire            i_rd_req,
    input  wire [PB-1:0]   i_rd_port,
    input  wire [1:0]      i_rd_reg,
    output wire [31:0]     o_rd_data,
    output reg             o_rd_ack,
    output reg             o_round,          // toggles at each poll of port N-1 (a round)
    // per-port flags, clk_ref registers (quasi-static for the matrix, which synchronises)
    output reg  [N-1:0]    o_present,
    output reg  [N-1:0]    o_ok,             // present and stable
    output reg  [N-1:0]    o_ilace,
    output reg  [N-1:0]    o_hpol,
    output reg  [N-1:0]    o_vpol,
    output reg  [N-1:0]    o_csync
);
    localparam AW = PB + 6;                  // state RAM address: port, word
    localparam integer PRES_I = ((REF_HZ / 1000 + 1023) / 1024) * 1024;  // 1 ms, as sync_meter
    localparam integer VTO_I  = (REF_HZ / 64 / 25 + 15) / 16;            // 40 ms in 1024 ticks
    // the program's @PARAM constants
    localparam [15:0] UP_LINE_MIN = LINE_MIN[15:0];
    localparam [15:0] UP_LINE_MAX = LINE_MAX[15:0];
    localparam [15:0] UP_PRES     = PRES_I[15:0];
    localparam [15:0] UP_VS_TO    = VTO_I[15:0];
`include "rtl/video/vin_ucode.vh"        // generated: tools/vin_ucasm.py

    // ---- time: 24-bit tick counter; stamps are its low 12 bits
    reg [23:0] now;
    always @(posedge i_clk) now <= i_rst ? 24'd0 : now + 24'd1;
    assign o_now = now[11:0];

    // ---- sequencer
    localparam [3:0] S_CLEAR = 4'd0, S_IDLE = 4'd1, S_LF0 = 4'd2, S_LF1 = 4'd3,
                     S_AGE = 4'd4, S_SEL = 4'd5, S_RUN = 4'd6, S_SF0 = 4'd7, S_SF1 = 4'd8;
    reg [3:0]    state;
    reg [PB-1:0] cur, rr;
    reg          for_rd, rd_seen, f_hi;
    reg [AW-1:0] clr_a;
    reg [N-1:0]  poll_due;
    reg [POLL_BITS-1:0] poll_div;
    reg [PB-1:0] poll_p;
    reg [2:0]    n_edges;
    wire [N-1:0] need    = i_hs | i_vs | i_ovr | poll_due;
    wire         rd_pend = i_rd_req != rd_seen;
    wire         run     = state == S_RUN;

    // ---- selection stage: the oldest edge of the current port and its stamp, T[11:0]
    // (S_AGE), then T[23:12] (S_SEL). The front keeps the edges in order: no comparing of
    // ages.
    reg          p_ovr;
    reg [1:0]    e_kind;                      // 0 none, 1 HS, 2 VS
    reg          e_rise, e_lvl;
    reg [23:0]   t;                           // the action's time (T): the edge's, or now
    wire         c_hs = i_hs[cur], c_vs = i_vs[cur], c_ovr = i_ovr[cur];
    wire         c_vs_sel = c_vs && (!c_hs || i_vs_first[cur]);
    // the stamps as arrays: indexing by cur is then an N:1 multiplexer (a part select
    // [12*cur +: 12] makes yosys build a barrel shifter, about 300 LUTs more)
    wire [11:0]  hs_ts [0:N-1];
    wire [11:0]  vs_ts [0:N-1];
    genvar gs;
    generate
        for (gs = 0; gs < N; gs = gs + 1) begin : g_ts
            assign hs_ts[gs] = i_hs_t[12*gs +: 12];
            assign vs_ts[gs] = i_vs_t[12*gs +: 12];
        end
    endgenerate
    wire [11:0]  c_t = c_vs_sel ? vs_ts[cur] : hs_ts[cur];

    // ---- program ROM and the two instruction registers
    reg  [15:0] ir1, ir2;
    reg  [8:0]  pc1;
    reg         v2;                           // ir2 is to be executed
    reg  [8:0]  rom_a;
    reg  [8:0]  ret0;                         // the return address (one level of call)
    always @(posedge i_clk) ir1 <= uc_rom[rom_a];

    // instruction fields (the formats: tools/vin_ucasm.py)
    wire        x_bb   = ir2[15];
    wire [2:0]  x_maj  = ir2[14:12];
    wire [2:0]  x_sub  = ir2[11:9];
    wire        x_alu  = !x_bb && x_maj == 3'd0;
    wire        x_incs = !x_bb && x_maj == 3'd1;
    wire        x_st   = !x_bb && x_maj == 3'd2;
    wire        x_imm  = !x_bb && x_maj == 3'd3;
    wire        x_bit  = !x_bb && x_maj == 3'd4;
    wire        x_br   = !x_bb && (x_maj == 3'd5 || x_maj == 3'd6);
    wire        x_misc = !x_bb && x_maj == 3'd7 && !ir2[11];
    wire [3:0]  x_m    = ir2[3:0];
    wire [4:0]  x_bn   = x_bb ? ir2[13:9] : ir2[4:0];
    wire        x_clre = run && v2 && x_misc && x_m == UM_CLRE;
    wire        x_clro = run && v2 && x_misc && x_m == UM_CLRO;

    // ---- IR2's datapath controls, decoded from IR1 into flip-flops one clock early (IR2
    // is IR1 one clock later, always), so the adder and the result multiplexer start from
    // registers, not behind the instruction decode (it was the clk_ref critical path:
    // IR2 -> decode -> adder -> result -> Z flag). ctl_of decodes one instruction.
    localparam CT_Q = 0, CT_TSUB = 1, CT_SUB = 2, CT_LDQ = 3, CT_DECS = 4, CT_INCS = 5,
               CT_ANDI = 6, CT_SHR = 7, CT_CLAMP = 8, CT_W = 9;
    function [CT_W-1:0] ctl_of(input [15:9] ir);    // (the fields that choose)
        reg alu, incs, imm;
        begin
            alu  = !ir[15] && ir[14:12] == 3'd0;
            incs = !ir[15] && ir[14:12] == 3'd1;
            imm  = !ir[15] && ir[14:12] == 3'd3;
            ctl_of = {CT_W{1'b0}};
            ctl_of[CT_Q]     = incs || (alu && ir[11:9] == UW_DECS);   // X = Q, Y = 1
            ctl_of[CT_TSUB]  = alu && ir[11:9] == UW_TSUB;             // X = T
            ctl_of[CT_SUB]   = (alu && ir[11:9] != UW_ADD) ||
                               (imm && (ir[11:9] == UI_CMPI || ir[11:9] == UI_CLAMP));
            ctl_of[CT_LDQ]   = (alu && ir[11:9] == UW_LD) || (imm && ir[11:9] == UI_LDI);
            ctl_of[CT_DECS]  = alu && ir[11:9] == UW_DECS;
            ctl_of[CT_INCS]  = incs;
            ctl_of[CT_ANDI]  = imm && ir[11:9] == UI_ANDI;
            ctl_of[CT_SHR]   = imm && ir[11:9] == UI_SHR;
            ctl_of[CT_CLAMP] = imm && ir[11:9] == UI_CLAMP;
        end
    endfunction
    reg  [CT_W-1:0] ct;                       // ctl_of(IR2)
    reg  [15:0]     kv;                       // IR2's constant: sti's, or incs' limit
    always @(posedge i_clk) begin
        ct <= ctl_of(ir1[15:9]);
        kv <= (!ir1[15] && ir1[14:12] == 3'd2) ? uc_sconst({ir1[9], ir1[2:0]})
                                                : uc_iconst({ir1[10:9], ir1[2:0]});
    end

    // ---- state RAM (one block RAM up to 4 ports)
    reg  [15:0]   ram [0:(1 << AW) - 1];
    integer       ram_i;
    initial                                   // the immediates' constants, every port
        for (ram_i = 0; ram_i < (1 << AW); ram_i = ram_i + 1)
            ram[ram_i] = uc_kword(ram_i[5:0]);
    reg  [15:0]   ram_q;
    reg           ram_we;
    reg  [AW-1:0] ram_wa, ram_ra;
    reg  [15:0]   ram_wd;
    always @(posedge i_clk)
        if (ram_we) ram[ram_wa] <= ram_wd;
    always @(posedge i_clk)
        if (!(ram_we && ram_wa == ram_ra)) ram_q <= ram[ram_ra];
    wire [15:0] q = ram_q;

    // ---- register read data
    reg  [15:0] rd_lo;
    reg  [12:0] rd_hi;
    assign o_rd_data = {3'b000, rd_hi, rd_lo};

    // ---- datapath
    reg  [15:0] a;
    reg         fc, fz, fn, tb;
    reg  [31:0] f;
    // the adder: X + (Y or ~Y) + sub, X = A / T[15:0] / Q, Y = Q (a word, or an
    // immediate's constant word) / 1
    wire        asub = ct[CT_SUB];
    wire [15:0] ax = ct[CT_Q] ? q : ct[CT_TSUB] ? t[15:0] : a;
    wire [15:0] ay = ct[CT_Q] ? 16'd1 : q;
    wire [16:0] sum = {1'b0, ax} + {1'b0, ay ^ {16{asub}}} + {16'd0, asub};
    // the result: the sum, or Q, A, A & Q, A >> Q, a saturated Q (incs/decs)
    reg  [15:0] res;
    always @(*) begin
        res = sum[15:0];
        if (ct[CT_LDQ])                                    // ld, ldi
            res = q;
        else if (ct[CT_DECS] && !sum[16])                  // Q - 1 borrowed: Q is 0
            res = q;
        else if (ct[CT_INCS] && q == kv)
            res = q;
        else if (ct[CT_ANDI])
            res = a & q;
        else if (ct[CT_SHR])
            res = q[0] ? a >> 3 : q[2] ? a >> 4 : a >> 2;  // shr 2, 3, 4 only
        else if (ct[CT_CLAMP])
            res = (tb || sum[16]) ? q : a;                 // a - k, no borrow: a >= k
    end
    // branch conditions: the ALU flags, TB, and the action's edge (set before the program
    // runs). A branch on TB or FULL is never right after the tst / clre / clro that changes
    // it (tools/vin_ucasm.py refuses such a program): the registers have no bypass.
    function cond_of(input [3:0] c);
        case (c)
        UC_AL:    cond_of = 1'b1;
        UC_C:     cond_of = fc;
        UC_NC:    cond_of = !fc;
        UC_Z:     cond_of = fz;
        UC_NZ:    cond_of = !fz;
        UC_N:     cond_of = fn;
        UC_NTB:   cond_of = !tb;
        UC_LVL:   cond_of = e_lvl;
        UC_OVR:   cond_of = p_ovr;
        UC_FULL:  cond_of = n_edges == MAX_EDGES[2:0];
        UC_EVS:   cond_of = e_kind == 2'd2;
        UC_EHS:   cond_of = e_kind == 2'd1;
        UC_RISE:  cond_of = e_rise;
        UC_NLVL:  cond_of = !e_lvl;
        UC_NN:    cond_of = !fn;
        default:  cond_of = poll_due[cur];       // UC_PDUE
        endcase
    endfunction
    // a branch decided late (in IR2) is always one on C/Z/N (the others are taken at fetch)
    function cond_alu(input [3:0] c);
        case (c)
        UC_C:     cond_alu = fc;
        UC_NC:    cond_alu = !fc;
        UC_Z:     cond_alu = fz;
        UC_NZ:    cond_alu = !fz;
        UC_N:     cond_alu = fn;
        default:  cond_alu = !fn;                // UC_NN
        endcase
    endfunction
    reg bsrc;
    always @(*) begin
        case (ir2[8:5])
        US_ZERO:  bsrc = 1'b0;
        US_ONE:   bsrc = 1'b1;
        US_TB:    bsrc = tb;
        US_NTB:   bsrc = !tb;
        US_C:     bsrc = fc;
        US_Z:     bsrc = fz;
        US_NZ:    bsrc = !fz;
        US_RISE:  bsrc = e_rise;
        default:  bsrc = !e_rise;                // US_NRISE
        endcase
    end
    // ---- control flow. Jumps, calls, returns, flag-bit branches and branches on anything
    // but the ALU flags are taken when the instruction is fetched (IR1), with the values
    // the instruction in IR2 leaves: no lost cycle (no bypass: a bb / bnb does not test the
    // flag that the bw just before it writes; the assembler checks). A branch on C/Z/N right
    // after an arithmetic instruction is decided in IR2; taken, it drops the instruction in
    // IR1.
    wire        x_end  = v2 && x_misc && (x_m == UM_NEXT || x_m == UM_OUT || x_m == UM_END ||
                                          x_m == UM_RDACK);
    wire        x_flg  = v2 && (x_alu || x_incs || x_imm);        // IR2 sets C/Z/N
    reg         r2;                           // IR2 was decided in IR1
    wire        late   = v2 && !r2 && x_br &&
                         cond_alu({x_maj == 3'd6, ir2[11:9]});
    wire        y_bb   = ir1[15];
    wire [2:0]  y_maj  = ir1[14:12];
    wire [3:0]  y_c    = {y_maj == 3'd6, ir1[11:9]};
    wire        y_br   = !y_bb && (y_maj == 3'd5 || y_maj == 3'd6);
    wire        y_call = !y_bb && y_maj == 3'd7 && ir1[11];
    wire        y_ret  = !y_bb && y_maj == 3'd7 && !ir1[11] && ir1[3:0] == UM_RET;
    wire        y_alu  = y_c == UC_C || y_c == UC_NC || y_c == UC_Z || y_c == UC_NZ ||
                         y_c == UC_N || y_c == UC_NN;
    wire        act1   = run && !late && !x_end;
    wire        y_now  = y_bb || y_call || y_ret || (y_br && !(y_alu && x_flg));
    wire        y_take = act1 && (y_call || (y_bb && f[ir1[13:9]] == ir1[14]) ||
                                  (y_br && !(y_alu && x_flg) && cond_of(y_c)));

    // ---- fetch address: the entry points, or the next instruction of the running program
    always @(*) begin
        if (state == S_SEL)
            rom_a = UE_DEC;
        else if (state == S_LF1)
            rom_a = UE_RD0 + {7'd0, i_rd_reg};
        else if (late)
            rom_a = ir2[8:0];
        else if (act1 && y_ret)
            rom_a = ret0;
        else if (y_take)
            rom_a = ir1[8:0];
        else
            rom_a = pc1 + 9'd1;
    end

    // ---- state RAM ports
    always @(*) begin
        ram_ra = {cur, ir1[8:3]};              // the word (every format: bits 8:3)
        if (state == S_LF0) ram_ra = {cur, UWD_FL};
        if (state == S_LF1) ram_ra = {cur, UWD_FL2};
        ram_we = 1'b0;
        ram_wa = {cur, ir2[8:3]};
        ram_wd = res;
        case (state)
        S_CLEAR: begin                    // (the constant words keep their values)
            ram_we = clr_a[5:0] < UK_WORD0; ram_wa = clr_a; ram_wd = uc_init(clr_a[5:0]);
        end
        S_SF0:   begin ram_we = 1'b1; ram_wa = {cur, UWD_FL};  ram_wd = f[15:0]; end
        S_SF1:   begin ram_we = 1'b1; ram_wa = {cur, UWD_FL2}; ram_wd = f[31:16]; end
        S_RUN: begin
            ram_we = v2 && (x_st || x_incs || (x_alu && x_sub == UW_DECS));
            if (x_st)
                case (ir2[11:10])
                UST_ST:   ram_wd = a;
                UST_STT:  ram_wd = t[15:0];
                UST_STTH: ram_wd = {2'b00, t[23:10]};
                default:  ram_wd = kv;
                endcase
        end
        default: ;
        endcase
    end

    // ---- the slot clears: with the instruction that consumes them
    genvar g;
    generate
        for (g = 0; g < N; g = g + 1) begin : g_clr
            wire here = cur == g;
            assign o_clr_hs[g]  = here && x_clre && e_kind == 2'd1;
            assign o_clr_vs[g]  = here && x_clre && e_kind == 2'd2;
            assign o_clr_ovr[g] = here && x_clro;
        end
    endgenerate

    always @(posedge i_clk) begin
        if (i_rst) begin
            state <= S_CLEAR; clr_a <= {AW{1'b0}}; cur <= {PB{1'b0}}; rr <= {PB{1'b0}};
            for_rd <= 1'b0; rd_seen <= 1'b0; f_hi <= 1'b0; v2 <= 1'b0;
            poll_due <= {N{1'b0}}; poll_div <= {POLL_BITS{1'b0}}; poll_p <= {PB{1'b0}};
            n_edges <= 3'd0; rd_lo <= 16'd0; rd_hi <= 13'd0; o_rd_ack <= 1'b0; o_round <= 1'b0;
            o_present <= {N{1'b0}}; o_ok <= {N{1'b0}}; o_ilace <= {N{1'b0}};
            o_hpol <= {N{1'b0}}; o_vpol <= {N{1'b0}}; o_csync <= {N{1'b0}};
            e_kind <= 2'd0; a <= 16'd0; f <= 32'd0; tb <= 1'b0;
            fc <= 1'b0; fz <= 1'b0; fn <= 1'b0;
        end else begin
            // poll requests, round robin, one every 2^POLL_BITS ticks (set at the end)
            poll_div <= poll_div + 1'b1;
            if (&poll_div)
                poll_p <= (poll_p == N[PB-1:0] - 1'b1) ? {PB{1'b0}} : poll_p + 1'b1;
            // the instruction pipeline
            pc1 <= rom_a;
            ir2 <= ir1;
            v2  <= run && !late && !x_end;
            r2  <= y_now;
            if (act1 && y_call) ret0 <= pc1 + 9'd1;
            f_hi <= state == S_LF1;
            if (f_hi) f[31:16] <= q;
            case (state)
            S_CLEAR: begin                   // every port's state to its initial value
                clr_a <= clr_a + 1'b1;
                if (&clr_a) state <= S_IDLE;
            end
            S_IDLE: begin
                rr <= (rr == N[PB-1:0] - 1'b1) ? {PB{1'b0}} : rr + 1'b1;
                if (rd_pend) begin
                    cur <= i_rd_port; for_rd <= 1'b1; state <= S_LF0;
                end else if (need[rr]) begin
                    cur <= rr; for_rd <= 1'b0; n_edges <= 3'd0; state <= S_LF0;
                end
            end
            S_LF0: state <= S_LF1;
            S_LF1: begin
                f[15:0] <= q;
                state   <= for_rd ? S_RUN : S_AGE;
            end
            S_AGE: begin
                p_ovr  <= c_ovr;
                e_kind <= c_vs_sel ? 2'd2 : c_hs ? 2'd1 : 2'd0;
                e_rise <= i_hs_rise[cur];
                e_lvl  <= i_vs_lvl[cur];
                t[11:0] <= (c_vs || c_hs) ? c_t : now[11:0];   // (the program is not running)
                state  <= S_SEL;
            end
            S_SEL: begin
                // T: the latest time before now whose low 12 bits are the stamp: the edge's
                // time (its age is under 4095 ticks), or (no edge) the tick of S_AGE
                t[23:12] <= now[23:12] - {11'd0, t[11:0] >= now[11:0]};
                state <= S_RUN;
            end
            S_RUN: if (v2) begin
                if (x_alu || x_incs || x_imm) begin
                    if (!(x_alu && x_sub == UW_CMP) && !(x_imm && x_sub == UI_CMPI)) a <= res;
                    fc <= sum[16];
                    fz <= res == 16'd0;
                    fn <= res[15];
                end
                if (x_bit) begin
                    if (ir2[11]) f[x_bn] <= bsrc;
                    else tb <= f[x_bn];
                end
                if (x_misc)
                    case (x_m)
                    // the next action, or the end of the service when nothing is left
                    // that needs one now (a prediction or a long pulse that falls due
                    // meanwhile is taken, in time order, at the port's next service)
                    UM_NEXT:  state <= (c_hs || c_vs || c_ovr || poll_due[cur] || f[31])
                                       ? S_AGE : S_SF0;
                    UM_END:   state <= S_SF0;
                    UM_CLRE,
                    UM_CLRO:  n_edges <= n_edges + 3'd1;
                    UM_RDLO:  rd_lo <= a;
                    UM_RDHI:  rd_hi <= a[12:0];
                    UM_RDFL:  rd_lo <= {a[7:0], f[31:24]};
                    UM_RDACK: begin
                        rd_seen <= i_rd_req; o_rd_ack <= i_rd_req; state <= S_IDLE;
                    end
                    UM_OUT: begin
                        o_present[cur] <= f[24];
                        o_ok[cur]      <= f[25];
                        o_ilace[cur]   <= f[27];
                        o_hpol[cur]    <= f[28];
                        o_vpol[cur]    <= f[29];
                        o_csync[cur]   <= f[30];
                        poll_due[cur]  <= 1'b0;
                        if (cur == N[PB-1:0] - 1'b1 && poll_due[cur]) o_round <= ~o_round;
                        state <= S_SF0;
                    end
                    default: ;
                    endcase
            end
            S_SF0: state <= S_SF1;
            S_SF1: state <= S_IDLE;
            default: state <= S_IDLE;
            endcase
            // a poll request made in this same tick wins over the clear above
            if (&poll_div) poll_due[poll_p] <= 1'b1;
        end
    end
endmodule
`default_nettype wire
