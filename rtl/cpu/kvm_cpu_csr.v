// kvm_cpu_csr: machine-mode control and status registers of kvm_cpu, trap entry and MRET.
//
// Clock: i_clk (clk_sys), synchronous active-high reset i_rst (all CSRs reset to 0).
// Reads are combinational (address from the instruction being executed). A write, a trap
// entry, or an MRET happens at the clock edge; the core never asks for two in one cycle.
//
// Implemented: mstatus (MIE, MPIE; MPP reads 2'b11), misa, mie (MTIE, MEIE), mip (read-only
// view of the interrupt lines), mtvec (MODE bit 0: 0 direct, 1 vectored; bit 1 reads 0),
// mscratch, mepc (bits 1:0 read 0), mcause, mtval, mcycle[h], minstret[h] and the read-only
// mirrors cycle[h] / instret[h]. Every other address reads 0 and ignores writes (the core
// decoder has already trapped writes to the read-only range csr[11:10] == 2'b11).
`default_nettype none

module kvm_cpu_csr (
    input  wire        i_clk,
    input  wire        i_rst,
    // CSR instruction
    input  wire [11:0] i_addr,
    output reg  [31:0] o_rdata,       // value of CSR i_addr before this cycle's write
    input  wire        i_we,
    input  wire [31:0] i_wdata,
    // events
    input  wire        i_retire,      // an instruction retires: minstret += 1
    input  wire        i_trap,        // enter a trap (exception or interrupt)
    input  wire [31:0] i_trap_cause,
    input  wire [31:0] i_trap_tval,
    /* verilator lint_off UNUSEDSIGNAL */  // bits 1:0 of a pc are always 0
    input  wire [31:0] i_trap_epc,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire        i_mret,        // return from trap: MIE <= MPIE, MPIE <= 1
    // interrupts
    input  wire        i_irq_timer,
    input  wire        i_irq_external,
    output wire        o_irq_pending, // an enabled interrupt is pending and MIE is set
    output wire [31:0] o_irq_cause,   // its mcause (external has priority over timer)
    output wire [31:0] o_irq_vector,  // where it goes
    output wire [31:0] o_exc_vector,  // where exceptions go (mtvec base)
    output wire [31:0] o_mepc
);
    // ---- CSR addresses -------------------------------------------------------------------
    localparam [11:0] A_MSTATUS  = 12'h300, A_MISA     = 12'h301, A_MIE      = 12'h304,
                      A_MTVEC    = 12'h305, A_MSCRATCH = 12'h340, A_MEPC     = 12'h341,
                      A_MCAUSE   = 12'h342, A_MTVAL    = 12'h343, A_MIP      = 12'h344,
                      A_MCYCLE   = 12'hB00, A_MINSTRET = 12'hB02, A_MCYCLEH  = 12'hB80,
                      A_MINSTRETH = 12'hB82, A_CYCLE   = 12'hC00, A_INSTRET  = 12'hC02,
                      A_CYCLEH   = 12'hC80, A_INSTRETH = 12'hC82;

    // ---- state -----------------------------------------------------------------------------
    reg        st_mie, st_mpie;     // mstatus.MIE (bit 3), mstatus.MPIE (bit 7)
    reg        ie_mtie, ie_meie;    // mie bits 7 and 11
    reg [29:0] tvec_base;           // mtvec[31:2]
    reg        tvec_mode;           // mtvec[0]
    reg [31:0] mscratch;
    reg [29:0] mepc;                // mepc[31:2]
    reg [31:0] mcause, mtval;
    reg [63:0] mcycle, minstret;

    wire [31:0] mstatus = {19'd0, 2'b11, 3'd0, st_mpie, 3'd0, st_mie, 3'd0};
    wire [31:0] mie     = {20'd0, ie_meie, 3'd0, ie_mtie, 7'd0};
    wire [31:0] mip     = {20'd0, i_irq_external, 3'd0, i_irq_timer, 7'd0};

    // ---- read ------------------------------------------------------------------------------
    always @(*) begin
        case (i_addr)
            A_MSTATUS:               o_rdata = mstatus;
            A_MISA:                  o_rdata = 32'h4000_1100;    // MXL=1 (32-bit), I, M
            A_MIE:                   o_rdata = mie;
            A_MTVEC:                 o_rdata = {tvec_base, 1'b0, tvec_mode};
            A_MSCRATCH:              o_rdata = mscratch;
            A_MEPC:                  o_rdata = {mepc, 2'b00};
            A_MCAUSE:                o_rdata = mcause;
            A_MTVAL:                 o_rdata = mtval;
            A_MIP:                   o_rdata = mip;
            A_MCYCLE,   A_CYCLE:     o_rdata = mcycle[31:0];
            A_MCYCLEH,  A_CYCLEH:    o_rdata = mcycle[63:32];
            A_MINSTRET, A_INSTRET:   o_rdata = minstret[31:0];
            A_MINSTRETH, A_INSTRETH: o_rdata = minstret[63:32];
            default:                 o_rdata = 32'd0;            // incl. mhartid, mvendorid...
        endcase
    end

    // ---- write, trap, mret -----------------------------------------------------------------
    always @(posedge i_clk) begin
        if (i_rst) begin
            st_mie    <= 1'b0;
            st_mpie   <= 1'b0;
            ie_mtie   <= 1'b0;
            ie_meie   <= 1'b0;
            tvec_base <= 30'd0;
            tvec_mode <= 1'b0;
            mscratch  <= 32'd0;
            mepc      <= 30'd0;
            mcause    <= 32'd0;
            mtval     <= 32'd0;
        end else if (i_trap) begin
            mepc    <= i_trap_epc[31:2];
            mcause  <= i_trap_cause;
            mtval   <= i_trap_tval;
            st_mpie <= st_mie;
            st_mie  <= 1'b0;
        end else if (i_mret) begin
            st_mie  <= st_mpie;
            st_mpie <= 1'b1;
        end else if (i_we) begin
            case (i_addr)
                A_MSTATUS: begin
                    st_mie  <= i_wdata[3];
                    st_mpie <= i_wdata[7];
                end
                A_MIE: begin
                    ie_mtie <= i_wdata[7];
                    ie_meie <= i_wdata[11];
                end
                A_MTVEC: begin
                    tvec_base <= i_wdata[31:2];
                    tvec_mode <= i_wdata[0];
                end
                A_MSCRATCH: mscratch <= i_wdata;
                A_MEPC:     mepc     <= i_wdata[31:2];
                A_MCAUSE:   mcause   <= i_wdata;
                A_MTVAL:    mtval    <= i_wdata;
                default: ;
            endcase
        end
    end

    // ---- counters: a CSR write wins over the increment of the same cycle -------------------
    always @(posedge i_clk) begin
        if (i_rst) begin
            mcycle   <= 64'd0;
            minstret <= 64'd0;
        end else begin
            if (i_we && i_addr == A_MCYCLE)
                mcycle[31:0] <= i_wdata;
            else if (i_we && i_addr == A_MCYCLEH)
                mcycle[63:32] <= i_wdata;
            else
                mcycle <= mcycle + 64'd1;

            if (i_we && i_addr == A_MINSTRET)
                minstret[31:0] <= i_wdata;
            else if (i_we && i_addr == A_MINSTRETH)
                minstret[63:32] <= i_wdata;
            else if (i_retire)
                minstret <= minstret + 64'd1;
        end
    end

    // ---- interrupts --------------------------------------------------------------------------
    wire take_ext   = ie_meie & i_irq_external;
    wire take_timer = ie_mtie & i_irq_timer;
    assign o_irq_pending = st_mie & (take_ext | take_timer);
    assign o_irq_cause   = take_ext ? 32'h8000_000B : 32'h8000_0007;
    // vectored mode: base + 4 * cause code
    assign o_irq_vector  = {tvec_base + (tvec_mode ? {26'd0, o_irq_cause[3:0]} : 30'd0), 2'b00};
    assign o_exc_vector  = {tvec_base, 2'b00};
    assign o_mepc        = {mepc, 2'b00};
endmodule

`default_nettype wire
