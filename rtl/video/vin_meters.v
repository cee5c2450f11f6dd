// vin_meters: every input port's sync separator + meter, all running at once, and the VIDIN
// register block that shows their results to the CPU (common/regmap.toml). Also gives the
// video matrix its per-port quasi-static flags (ok = present and stable, the sync
// polarities, composite sync and interlaced).
// Two implementations with the same registers (docs/sync.md), chosen by ENGINE:
//   0: one sync_port per input (g_ports below), results copied by a snapshot handshake;
//   1: one vin_front per input and ONE shared vin_engine with every port's state in block
//      RAM (g_engine below): about a quarter of the logic at 4 ports (the HX8K build).
//
// Clocks: i_clk_ref (REF_HZ, the meters), i_clk_sys (register port).
// Port pins i_hs / i_vs are asynchronous (synchronised per port by cdc_sync2 in sync_port
// or vin_front).
//
// ENGINE = 1, crossing clk_sys -> clk_ref -> clk_sys (named handshake "meter_rd_cdc"): a
// PORT_* read sets the port and register number, then flips rd_req_toggle (cdc_sync2 into
// clk_ref, u_rd_req); the engine writes the value into its o_rd_data register and copies the
// toggle to its ack (cdc_sync2 into clk_sys, u_rd_ack); the read completes when the ack
// equals the request, so o_rd_data has been stable for two clk_sys cycles. The flags for
// the matrix are the engine's clk_ref registers (the matrix synchronises them, u_ok/u_pol).
// SNAPS counts the engine's polling rounds (every port serviced once more; u_round).
//
// ENGINE = 0, crossing clk_ref -> clk_sys (named snapshot handshake, "meter_cdc_hold"):
//   1. clk_sys flips req_toggle every SNAP_CYCLES (never while a register read is being
//      answered);
//   2. clk_ref sees the flip through cdc_sync2, copies every meter output into
//      meter_cdc_hold in one clock, then flips ack_toggle;
//   3. clk_sys sees the ack flip through cdc_sync2: the hold is settled. clk_sys copies only
//      the matrix flags (sys_flags, 6 bits a port) and counts SNAPS.
// meter_cdc_hold changes only in step 2. Between step 3 and the next step 1 it is static,
// and only then does clk_sys read it in place (register reads wait while a snapshot is in
// flight), so every multi-bit value is stable when sampled, with no second copy in clk_sys
// (that copy cost 81 flip-flops a port). All ports are captured in the same clk_ref clock:
// one coherent picture of every port, which SNAPS numbers.
`default_nettype none
module vin_meters #(
    parameter N           = 2,
    parameter REF_HZ      = 48000000,
    parameter SNAP_CYCLES = 120,        // ENGINE 0: clk_sys cycles between snapshots (10 us at 12 MHz)
    parameter ENGINE      = 0           // 0: sync_port per input; 1: shared vin_engine
) (
    input  wire          i_clk_ref,
    input  wire          i_rst_ref,
    input  wire [N-1:0]  i_hs,          // port pins (HS or composite sync), asynchronous
    input  wire [N-1:0]  i_vs,
    input  wire          i_clk_sys,
    input  wire          i_rst_sys,
    // register port (VIDIN block), same protocol as the other IO blocks
    input  wire          i_reg_sel,
    input  wire [7:0]    i_reg_addr,
    output reg  [31:0]   o_reg_rdata,
    output wire          o_reg_ready,
    // clk_sys flags for the matrix (from the latest snapshot)
    output wire [N-1:0]  o_ok,          // present and stable
    output wire [N-1:0]  o_present,
    output wire [N-1:0]  o_hpol,
    output wire [N-1:0]  o_vpol,
    output wire [N-1:0]  o_csync,       // composite sync on the HS pin
    output wire [N-1:0]  o_interlaced
);
    localparam PW = 13;                 // period bits: up to 8191 ticks (5.9 kHz at 48 MHz)
    localparam LW = 11;
    localparam PB = (N > 1) ? $clog2(N) : 1;

    // register addressing (the same for both implementations)
    localparam integer PORT_SPAN_I = 16 * N;  // bytes of PORT_* registers in use
    localparam [8:0]   PORT_SPAN   = PORT_SPAN_I[8:0];
    wire [7:0]    rd_off  = i_reg_addr - 8'h40;
    wire [2:0]    rd_port = rd_off[6:4];
    wire          rd_is_port = i_reg_addr >= 8'h40 && {1'b0, rd_off} < PORT_SPAN;

    // from the implementation: the addressed port's register value, whether a read may be
    // answered in this clk_sys cycle, the SNAPS count and the matrix flags
    wire [31:0]   port_rdata;
    wire          rd_can;
    wire [31:0]   snaps;
    reg           rd_ready;
    genvar p;
    generate if (ENGINE == 0) begin : g_ports
    localparam RW = 16 + (PW + 4) + LW + LW + PW + PW;  // bits kept per port

    // ---- clk_ref: the meters ---------------------------------------------------------
    wire [RW*N-1:0] ref_now;
        for (p = 0; p < N; p = p + 1) begin : g_port
            wire          hs_n, vs_n, field, line, interlaced, hpol, vpol, csync, locked;
            wire          present, stable;
            wire [PW+3:0] line_x16;
            wire [PW-1:0] line_ticks, hs_ticks;
            wire [LW-1:0] lines_field, lines_frame;
            wire [7:0]    loss;
            sync_port #(.REF_HZ(REF_HZ), .PW(PW), .LW(LW)) u_port (
                .i_clk(i_clk_ref), .i_rst(i_rst_ref), .i_hs(i_hs[p]), .i_vs(i_vs[p]),
                .o_hs(hs_n), .o_vs(vs_n), .o_field(field), .o_line(line),
                .o_line_x16(line_x16), .o_line_ticks(line_ticks), .o_hs_ticks(hs_ticks),
                .o_lines_field(lines_field), .o_lines_frame(lines_frame),
                .o_interlaced(interlaced), .o_hpol(hpol), .o_vpol(vpol), .o_csync(csync),
                .o_locked(locked), .o_present(present), .o_stable(stable),
                .o_loss_count(loss));
            // flags byte: bit0 present, 1 stable, 2 locked, 3 interlaced, 4 hpol, 5 vpol,
            // 6 csync, 7 field (PORT_FLAGS[7:0])
            assign ref_now[RW*p +: RW] = {line_ticks, hs_ticks, lines_field, lines_frame,
                                          line_x16, loss,
                                          field, csync, vpol, hpol, interlaced, locked,
                                          stable, present};
            wire unused_ok = &{1'b0, hs_n, vs_n, line};
        end
    reg  sys_req_toggle;                // clk_sys: request a snapshot (flips)
    wire ref_req;
    reg  ref_req_seen, ref_ack_toggle;
    (* keep *) reg [RW*N-1:0] meter_cdc_hold;
    cdc_sync2 u_req_sync (.i_clk(i_clk_ref), .i_rst(i_rst_ref), .i_d(sys_req_toggle),
                          .o_q(ref_req));
    always @(posedge i_clk_ref) begin
        if (i_rst_ref) begin
            ref_req_seen   <= 1'b0;
            ref_ack_toggle <= 1'b0;
            meter_cdc_hold <= {RW*N{1'b0}};
        end else if (ref_req != ref_req_seen) begin
            ref_req_seen   <= ref_req;
            meter_cdc_hold <= ref_now;
            ref_ack_toggle <= ~ref_ack_toggle;
        end
    end

    // ---- clk_sys: request, wait for the hold to settle, flags ----------------------------
    localparam FW = 6;                  // flags copied per port for the matrix
    reg         sys_ack_seen, sys_waiting;
    reg  [7:0]  sys_wait;
    reg  [31:0] sys_snaps;
    reg  [FW*N-1:0] sys_flags;          // present, stable, interlaced, hpol, vpol, csync
    wire        sys_ack;
    cdc_sync2 u_ack_sync (.i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(ref_ack_toggle),
                          .o_q(sys_ack));
    integer q;
    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            sys_req_toggle <= 1'b0;
            sys_ack_seen   <= 1'b0;
            sys_waiting    <= 1'b0;
            sys_wait       <= 8'd0;
            sys_snaps      <= 32'd0;
            sys_flags      <= {FW*N{1'b0}};
        end else if (sys_waiting) begin
            if (sys_wait != 8'hFF)                 // age of the request (ref_dead below)
                sys_wait <= sys_wait + 8'd1;
            if (sys_ack != sys_ack_seen) begin     // meter_cdc_hold settled
                sys_ack_seen <= sys_ack;
                for (q = 0; q < N; q = q + 1)
                    sys_flags[FW*q +: FW] <= {meter_cdc_hold[RW*q + 6], meter_cdc_hold[RW*q + 5],
                                              meter_cdc_hold[RW*q + 4], meter_cdc_hold[RW*q + 3],
                                              meter_cdc_hold[RW*q + 1], meter_cdc_hold[RW*q + 0]};
                sys_snaps    <= sys_snaps + 32'd1;
                sys_waiting  <= 1'b0;
                sys_wait     <= 8'd0;
            end
        end else if (sys_wait >= SNAP_CYCLES - 1) begin
            if (!i_reg_sel) begin                  // the hold must not move under a read
                sys_req_toggle <= ~sys_req_toggle;
                sys_waiting    <= 1'b1;
                sys_wait       <= 8'd0;
            end
        end else begin
            sys_wait <= sys_wait + 8'd1;
        end
    end

    // the addressed port's fields, read in place from the settled hold
    wire [RW-1:0] rd_r    = meter_cdc_hold[RW*rd_port +: RW];
    reg  [31:0]   rd_field;
    always @(*) begin
        case (rd_off[3:2])
        2'd0:    rd_field = {16'd0, rd_r[15:8], rd_r[7:0]};                  // FLAGS
        2'd1:    rd_field = {{(32-(PW+4)){1'b0}}, rd_r[16 +: PW+4]};         // LINE
        2'd2:    rd_field = {{(16-LW){1'b0}}, rd_r[16+PW+4+LW +: LW],        // LINES
                             {(16-LW){1'b0}}, rd_r[16+PW+4 +: LW]};
        default: rd_field = {{(16-PW){1'b0}}, rd_r[16+PW+4+2*LW+PW +: PW],   // HS
                             {(16-PW){1'b0}}, rd_r[16+PW+4+2*LW +: PW]};
        endcase
    end
    assign port_rdata = rd_field;
    // A read waits while a snapshot is in flight (sys_waiting: the hold may be moving);
    // the request side in turn never starts one while i_reg_sel is high. A handshake takes
    // under 10 clk_sys cycles; one still open after 255 means clk_ref is not running (PLL not
    // locked, simulator without it), so the hold cannot move either and reads go ahead
    // (SNAPS stands still: no fresh values) instead of hanging the bus.
    wire ref_dead = sys_waiting && (sys_wait == 8'hFF);
    assign rd_can = !sys_waiting || ref_dead;
    assign snaps  = sys_snaps;
        for (p = 0; p < N; p = p + 1) begin : g_flags
            assign o_present[p]    = sys_flags[FW*p + 0];
            assign o_ok[p]         = sys_flags[FW*p + 0] & sys_flags[FW*p + 1];
            assign o_interlaced[p] = sys_flags[FW*p + 2];
            assign o_hpol[p]       = sys_flags[FW*p + 3];
            assign o_vpol[p]       = sys_flags[FW*p + 4];
            assign o_csync[p]      = sys_flags[FW*p + 5];
        end
    end else begin : g_engine
    // ---- clk_ref: front ends and the shared engine ------------------------------------
    wire [N-1:0]    hs, hs_rise, vsc, vs_lvl, vs_first, ovr, clr_hs, clr_vs, clr_ovr;
    wire [12*N-1:0] hs_t, vs_t;
    wire [11:0]     now;
        for (p = 0; p < N; p = p + 1) begin : g_front
            vin_front u_front (
                .i_clk(i_clk_ref), .i_rst(i_rst_ref), .i_hs(i_hs[p]), .i_vs(i_vs[p]),
                .i_now(now), .i_clr_hs(clr_hs[p]), .i_clr_vs(clr_vs[p]), .i_clr_ovr(clr_ovr[p]),
                .o_hs(hs[p]), .o_hs_rise(hs_rise[p]), .o_hs_t(hs_t[12*p +: 12]),
                .o_vs(vsc[p]), .o_vs_lvl(vs_lvl[p]), .o_vs_t(vs_t[12*p +: 12]),
                .o_vs_first(vs_first[p]), .o_ovr(ovr[p]));
        end
    // meter_rd_cdc: request (clk_sys) -> engine (clk_ref) -> ack (clk_sys)
    reg           rd_req_toggle, rd_open, rd_done;
    reg  [PB-1:0] rd_req_port;
    reg  [1:0]    rd_req_reg;
    reg  [7:0]    rd_wait;
    wire          ref_req, sys_ack, ref_ack, ref_round, sys_round;
    wire [31:0]   eng_rdata;
    cdc_sync2 u_rd_req (.i_clk(i_clk_ref), .i_rst(i_rst_ref), .i_d(rd_req_toggle), .o_q(ref_req));
    cdc_sync2 u_rd_ack (.i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(ref_ack), .o_q(sys_ack));
    cdc_sync2 u_round  (.i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(ref_round), .o_q(sys_round));
    vin_engine #(.N(N), .PB(PB), .REF_HZ(REF_HZ)) u_engine (
        .i_clk(i_clk_ref), .i_rst(i_rst_ref),
        .i_hs(hs), .i_hs_rise(hs_rise), .i_hs_t(hs_t), .i_vs(vsc), .i_vs_lvl(vs_lvl),
        .i_vs_t(vs_t), .i_vs_first(vs_first), .i_ovr(ovr), .o_now(now),
        .o_clr_hs(clr_hs), .o_clr_vs(clr_vs), .o_clr_ovr(clr_ovr),
        .i_rd_req(ref_req), .i_rd_port(rd_req_port), .i_rd_reg(rd_req_reg),
        .o_rd_data(eng_rdata), .o_rd_ack(ref_ack), .o_round(ref_round),
        .o_present(o_present), .o_ok(o_ok), .o_ilace(o_interlaced), .o_hpol(o_hpol),
        .o_vpol(o_vpol), .o_csync(o_csync));
    // clk_sys side: one request per PORT_* read. An answer still missing after 255 cycles
    // means clk_ref is not running: the read completes with the last value instead of
    // hanging the bus (SNAPS stands still).
    reg        round_seen;
    reg [31:0] sys_snaps;
    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            rd_req_toggle <= 1'b0; rd_open <= 1'b0; rd_done <= 1'b0; rd_wait <= 8'd0;
            rd_req_port <= {PB{1'b0}}; rd_req_reg <= 2'd0;
            round_seen <= 1'b0; sys_snaps <= 32'd0;
        end else begin
            rd_done <= 1'b0;
            if (rd_open) begin
                rd_wait <= rd_wait + 8'd1;
                if (sys_ack == rd_req_toggle || rd_wait == 8'hFF) begin
                    rd_open <= 1'b0;
                    rd_done <= 1'b1;
                end
            end else if (i_reg_sel && rd_is_port && !rd_ready && !rd_done) begin
                rd_req_port   <= rd_port[PB-1:0];
                rd_req_reg    <= rd_off[3:2];
                rd_req_toggle <= ~rd_req_toggle;
                rd_open       <= 1'b1;
                rd_wait       <= 8'd0;
            end
            round_seen <= sys_round;
            if (sys_round != round_seen) sys_snaps <= sys_snaps + 32'd1;
        end
    end
    assign port_rdata = eng_rdata;
    assign rd_can     = !rd_is_port || rd_done;
    wire unused_port  = &{1'b0, rd_port};       // high bits beyond N - 1 (rd_is_port)
    assign snaps      = sys_snaps;
    end endgenerate

    // registered read data, ready one clock after the value may be taken (like the other IO
    // blocks: the CPU holds the select until ready)
    wire rd_go = i_reg_sel && !rd_ready && rd_can;
    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            rd_ready    <= 1'b0;
            o_reg_rdata <= 32'd0;
        end else begin
            rd_ready    <= rd_go;
            o_reg_rdata <= 32'd0;
            if (rd_go) begin
                if (i_reg_addr == 8'h00)
                    o_reg_rdata <= N[31:0];
                else if (i_reg_addr == 8'h04)
                    o_reg_rdata <= REF_HZ[31:0];
                else if (i_reg_addr == 8'h08)
                    o_reg_rdata <= snaps;
                else if (rd_is_port)
                    o_reg_rdata <= port_rdata;
            end
        end
    end
    assign o_reg_ready = rd_ready;
endmodule
`default_nettype wire
