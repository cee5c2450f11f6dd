// kvm_cpu_csr: the CSRs of kvm_cpu that live in flip-flops, and the interrupt logic.
//
// Clock: i_clk (clk_sys), synchronous active-high reset i_rst (everything resets to 0).
//
// Here: mstatus (MIE, MPIE; MPP reads 2'b11), misa (constant), mie (MTIE, MEIE), mip
// (read-only view of the interrupt lines), the 64-bit counters mcycle and minstret and
// their read-only mirrors cycle[h] / instret[h]. The other implemented CSRs (mtvec,
// mscratch, mepc, mcause, mtval) are entries of the register-file block RAM; for them
// o_in_ram is 1 and o_rdata is 0, as it is for every unimplemented CSR.
//
// Reads are combinational from i_addr. All writes use one path: i_we with i_wdata, decoded
// by i_addr (the counters' enables are registered from i_we_next instead). Counters: mcycle counts every cycle, minstret every i_retire; a write to a
// half replaces it and that cycle's increment is dropped; a write to minstret[h] also
// drops the increment of the writing instruction's own retire (which comes later).
`default_nettype none

module kvm_cpu_csr (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [11:0] i_addr,
    input  wire        i_rd,          // read: o_rdata is 0 unless this is 1
    output reg  [31:0] o_rdata,       // value of a flip-flop CSR, else 0
    output wire        o_in_ram,      // i_addr is one of the CSRs kept in the register file
    input  wire        i_we,          // write i_wdata to CSR i_addr (flip-flop CSRs only)
    input  wire [31:0] i_wdata,
    input  wire        i_we_next,     // i_we will be 1 in the next cycle (for the counters)
    input  wire        i_retire,      // an instruction retires
    input  wire        i_trap,        // trap entry: MPIE <= MIE, MIE <= 0
    input  wire        i_mret,        // MRET: MIE <= MPIE, MPIE <= 1
    input  wire        i_irq_timer,
    input  wire        i_irq_external,
    output wire        o_irq_pending, // an enabled interrupt is pending and MIE is set
    output wire        o_irq_ext      // it is the external one (priority over timer)
);
    // ---- address decode (the C-mirrors differ from the M-counters in bit 10) -------------
    wire a_mstatus  = (i_addr == 12'h300);
    wire a_misa     = (i_addr == 12'h301);
    wire a_mie      = (i_addr == 12'h304);
    wire a_mip      = (i_addr == 12'h344);
    wire a_counter  = (i_addr[11:8] == 4'hB || i_addr[11:8] == 4'hC)
                   && (i_addr[6:2] == 5'd0) && !i_addr[0];
    wire a_cycle    = a_counter && !i_addr[1] && !i_addr[7];    // B00 / C00
    wire a_cycleh   = a_counter && !i_addr[1] &&  i_addr[7];    // B80 / C80
    wire a_instret  = a_counter &&  i_addr[1] && !i_addr[7];    // B02 / C02
    wire a_instreth = a_counter &&  i_addr[1] &&  i_addr[7];    // B82 / C82
    assign o_in_ram = (i_addr == 12'h305) || (i_addr[11:2] == 10'b0011_0100_00);  // 340-343

    // ---- state -----------------------------------------------------------------------------
    reg        st_mie, st_mpie;     // mstatus bits 3 and 7
    reg        ie_mtie, ie_meie;    // mie bits 7 and 11
    wire [63:0] mcycle, minstret;
    reg        skip_retire;         // minstret was written by the retiring instruction

    // counters: first pick the half (address bit 7), then the counter
    wire [31:0] cyc_half = i_addr[7] ? mcycle[63:32]   : mcycle[31:0];
    wire [31:0] ins_half = i_addr[7] ? minstret[63:32] : minstret[31:0];
    wire        a_cyc    = i_rd & a_counter & ~i_addr[1];
    wire        a_ins    = i_rd & a_counter &  i_addr[1];
    always @(*) begin
        o_rdata = ({32{a_cyc}} & cyc_half) | ({32{a_ins}} & ins_half)
                | ({32{i_rd & a_mstatus}} & {19'd0, 2'b11, 3'd0, st_mpie, 3'd0, st_mie, 3'd0})
                | ({32{i_rd & a_misa}}    & 32'h4000_1100)                 // RV32, I, M
                | ({32{i_rd & a_mie}}     & {20'd0, ie_meie, 3'd0, ie_mtie, 7'd0})
                | ({32{i_rd & a_mip}}     & {20'd0, i_irq_external, 3'd0, i_irq_timer, 7'd0});
    end

    // ---- mstatus / mie ---------------------------------------------------------------------
    always @(posedge i_clk) begin
        if (i_rst) begin
            st_mie  <= 1'b0;
            st_mpie <= 1'b0;
            ie_mtie <= 1'b0;
            ie_meie <= 1'b0;
        end else if (i_trap) begin
            st_mpie <= st_mie;
            st_mie  <= 1'b0;
        end else if (i_mret) begin
            st_mie  <= st_mpie;
            st_mpie <= 1'b1;
        end else if (i_we && a_mstatus) begin
            st_mie  <= i_wdata[3];
            st_mpie <= i_wdata[7];
        end else if (i_we && a_mie) begin
            ie_mtie <= i_wdata[7];
            ie_meie <= i_wdata[11];
        end
    end

    // ---- counters (kvm_cpu_counter.v) --------------------------------------------------------
    // Their write enables drive the counters' carry chains, so they come straight from
    // flip-flops, set a cycle ahead (i_we_next). A write to minstret[h] also drops the
    // increment of the writing instruction's own retire.
    reg we_cycle, we_cycleh, we_instret, we_instreth;
    always @(posedge i_clk) begin
        we_cycle    <= ~i_rst & i_we_next & a_cycle;
        we_cycleh   <= ~i_rst & i_we_next & a_cycleh;
        we_instret  <= ~i_rst & i_we_next & a_instret;
        we_instreth <= ~i_rst & i_we_next & a_instreth;
    end

    kvm_cpu_counter u_mcycle (
        .i_clk(i_clk), .i_rst(i_rst), .i_inc(1'b1),
        .i_we_lo(we_cycle), .i_we_hi(we_cycleh), .i_wdata(i_wdata),
        .o_count(mcycle)
    );
    kvm_cpu_counter u_minstret (
        .i_clk(i_clk), .i_rst(i_rst), .i_inc(i_retire & ~skip_retire),
        .i_we_lo(we_instret), .i_we_hi(we_instreth), .i_wdata(i_wdata),
        .o_count(minstret)
    );

    always @(posedge i_clk) begin
        if (i_rst || we_instret || we_instreth)
            skip_retire <= ~i_rst;
        else if (i_retire)
            skip_retire <= 1'b0;
    end

    // ---- interrupts --------------------------------------------------------------------------
    wire ext   = ie_meie & i_irq_external;
    wire timer = ie_mtie & i_irq_timer;
    assign o_irq_pending = st_mie & (ext | timer);
    assign o_irq_ext     = ext;
endmodule

`default_nettype wire
