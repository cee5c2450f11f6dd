// kvm_regs: the KVM register block (common/regmap.toml, block KVM) for kvm_top.
// Slave port per the SoC convention (as video_regs): o_ready = i_sel, so every access
// completes in the cycle it is selected; reads are combinational from the state below.
// soc_bus shows a slave each request for exactly one selected cycle, so the side effect
// of reading SNOOP (pop one entry) happens exactly once per CPU load.
// Registers (offsets from the generated kvmosd_regs.vh):
//   CTRL    rw  [5:0] BLOCK, SNOOP_MOUSE, KBD_RAW, MS_RAW, inhibit kbd, inhibit mouse
//   SELECT  rw  [3:0] read back as written; the router gets it only when < N
//   STATUS  ro  snoop valid / overflow / LED request / inject ready, LED byte, ports, N
//   SNOOP   ro  pops one entry: [31] valid, [23:0] entry; 0 when empty
//   SNOOP_LEVEL ro  entries waiting (array + output register)
//   CLEAR   wo  bit0 overflow, bit1 LED ack, bit2 console error counters + rx error bits
//   CON_TX  wo  [7:0] byte, [8] 0 keyboard / 1 mouse; ignored unless that tx_ready
//   CON_STATUS ro  per device: tx_ready, tx_done, tx_error (sticky, cleared by a new
//               send), [5:4] error code, bit6 rx error seen (sticky, CLEAR bit2)
//   ERR_KBD/ERR_MS ro  rx parity, rx framing, rx timeout, tx errors (sum, saturating)
//   INJECT  wo  one-byte holding register (STATUS bit3 = empty); port >= N is dropped
//   MS_ID   rw  [2:0]   FILTER rw [9:0]   PORT[i] ro  (i_port_state, 0 for i >= N)
// Byte strobes are honoured (unwritten lanes keep their value; wo registers see 0 there).
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high), all registers 0.
`default_nettype none
module kvm_regs #(
    parameter N  = 4,
    parameter PW = (N > 1) ? $clog2(N) : 1,
    parameter LW = 9                    // snoop level width (router SNOOP_AW + 1)
) (
    input  wire            i_clk,
    input  wire            i_rst,
    // register port
    input  wire            i_sel,
    input  wire [7:0]      i_addr,
    input  wire [31:0]     i_wdata,
    input  wire [3:0]      i_wstrb,
    output reg  [31:0]     o_rdata,
    output wire            o_ready,
    output wire            o_irq,
    // control
    output wire            o_block,
    output wire            o_snoop_mouse,
    output wire            o_kbd_raw,
    output wire            o_ms_raw,
    output wire            o_inh_kbd,
    output wire            o_inh_ms,
    output reg  [PW-1:0]   o_select,
    output reg  [2:0]      o_ms_id,
    output wire            o_filt_en,
    output wire [8:0]      o_filt_key,
    output wire            o_ovf_clear,     // pulses (CLEAR)
    output wire            o_led_ack,
    output wire            o_cnt_clear,
    // router status and snoop
    input  wire            i_snoop_valid,
    input  wire [23:0]     i_snoop_data,
    output wire            o_snoop_pop,
    input  wire [LW-1:0]   i_snoop_level,
    input  wire            i_snoop_overflow,
    input  wire            i_led_req,
    input  wire [7:0]      i_led_byte,
    input  wire [PW-1:0]   i_kbd_port,
    input  wire [PW-1:0]   i_ms_port,
    // inject
    output reg             o_inj_valid,
    output reg  [7:0]      o_inj_data,
    output reg             o_inj_last,
    output reg  [PW-1:0]   o_inj_port,
    input  wire            i_inj_ready,
    // console senders (ps2_host), [0] keyboard, [1] mouse
    input  wire [1:0]      i_tx_ready,
    output wire [1:0]      o_tx_valid,
    output wire [7:0]      o_tx_data,
    input  wire [1:0]      i_tx_done,
    input  wire [1:0]      i_tx_error,
    input  wire [3:0]      i_tx_err,        // {mouse, keyboard} codes
    input  wire [1:0]      i_rx_error,
    input  wire [47:0]     i_cnt_kbd,       // ps2_host counters {tx_to, noclk, noack, rx_to, frame, parity}
    input  wire [47:0]     i_cnt_ms,
    // per-port state, PORT[i] = i_port_state[32*i +: 32]
    input  wire [32*N-1:0] i_port_state
);
    /* verilator lint_off UNUSEDPARAM */
`include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */
    localparam [7:0] A_CTRL    = KVM_KVM_CTRL_OFF[7:0];
    localparam [7:0] A_SELECT  = KVM_KVM_SELECT_OFF[7:0];
    localparam [7:0] A_STATUS  = KVM_KVM_STATUS_OFF[7:0];
    localparam [7:0] A_SNOOP   = KVM_KVM_SNOOP_OFF[7:0];
    localparam [7:0] A_LEVEL   = KVM_KVM_SNOOP_LEVEL_OFF[7:0];
    localparam [7:0] A_CLEAR   = KVM_KVM_CLEAR_OFF[7:0];
    localparam [7:0] A_CON_TX  = KVM_KVM_CON_TX_OFF[7:0];
    localparam [7:0] A_CON_ST  = KVM_KVM_CON_STATUS_OFF[7:0];
    localparam [7:0] A_ERR_KBD = KVM_KVM_ERR_KBD_OFF[7:0];
    localparam [7:0] A_ERR_MS  = KVM_KVM_ERR_MS_OFF[7:0];
    localparam [7:0] A_INJECT  = KVM_KVM_INJECT_OFF[7:0];
    localparam [7:0] A_MS_ID   = KVM_KVM_MS_ID_OFF[7:0];
    localparam [7:0] A_FILTER  = KVM_KVM_FILTER_OFF[7:0];
    localparam [7:0] A_PORT    = KVM_KVM_PORT_OFF[7:0];
    localparam [7:0] N8 = N[7:0];
    localparam [4:0] N5 = N[4:0];

    reg  [5:0] ctrl;
    reg  [3:0] select_q;
    reg  [9:0] filter;
    reg  [1:0] tx_done_q, tx_err_q, rx_err_q;
    reg  [3:0] tx_code_q;

    assign o_ready       = i_sel;
    assign o_block       = ctrl[0];
    assign o_snoop_mouse = ctrl[1];
    assign o_kbd_raw     = ctrl[2];
    assign o_ms_raw      = ctrl[3];
    assign o_inh_kbd     = ctrl[4];
    assign o_inh_ms      = ctrl[5];
    assign o_filt_en     = filter[9];
    assign o_filt_key    = filter[8:0];
    assign o_irq         = i_snoop_valid || i_led_req;

    wire is_write = |i_wstrb;
    wire rd       = i_sel && !is_write;
    wire wr       = i_sel && is_write;
    wire [31:0] mask = {{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
    wire [31:0] wval = (o_rdata & ~mask) | (i_wdata & mask);
    wire        unused_wval = &{1'b0, wval[31:16], wval[11:10]};

    // tx error counts summed into one saturating byte
    function automatic [7:0] sat_sum3(input [7:0] a, input [7:0] b, input [7:0] c);
        reg [9:0] s;
        begin
            s = {2'b00, a} + {2'b00, b} + {2'b00, c};
            sat_sum3 = (s[9:8] != 2'b00) ? 8'hFF : s[7:0];
        end
    endfunction
    wire [31:0] err_kbd = {sat_sum3(i_cnt_kbd[47:40], i_cnt_kbd[39:32], i_cnt_kbd[31:24]),
                           i_cnt_kbd[23:0]};
    wire [31:0] err_ms  = {sat_sum3(i_cnt_ms[47:40], i_cnt_ms[39:32], i_cnt_ms[31:24]),
                           i_cnt_ms[23:0]};

    wire [3:0]  kport4 = {{(4-PW){1'b0}}, i_kbd_port};
    wire [3:0]  mport4 = {{(4-PW){1'b0}}, i_ms_port};
    wire [7:0]  con_kbd = {1'b0, rx_err_q[0], tx_code_q[1:0], 1'b0, tx_err_q[0], tx_done_q[0],
                           i_tx_ready[0]};
    wire [7:0]  con_ms  = {1'b0, rx_err_q[1], tx_code_q[3:2], 1'b0, tx_err_q[1], tx_done_q[1],
                           i_tx_ready[1]};
    wire [LW:0] level   = {1'b0, i_snoop_level} + {{LW{1'b0}}, i_snoop_valid};
    wire        is_port = (i_addr[7:5] == A_PORT[7:5]);
    wire [2:0]  port_i  = i_addr[4:2];

    always @(*) begin
        o_rdata = 32'd0;
        if (is_port) begin
            if ({2'b00, port_i} < N5)
                o_rdata = i_port_state[32*port_i +: 32];
        end else case (i_addr)
        A_CTRL:    o_rdata = {26'd0, ctrl};
        A_SELECT:  o_rdata = {28'd0, select_q};
        A_STATUS:  o_rdata = {N8, mport4, kport4, i_led_byte, 4'd0, !o_inj_valid, i_led_req,
                              i_snoop_overflow, i_snoop_valid};
        A_SNOOP:   o_rdata = i_snoop_valid ? {8'h80, i_snoop_data} : 32'd0;
        A_LEVEL:   o_rdata = {{(31-LW){1'b0}}, level};
        A_CON_ST:  o_rdata = {16'd0, con_ms, con_kbd};
        A_ERR_KBD: o_rdata = err_kbd;
        A_ERR_MS:  o_rdata = err_ms;
        A_MS_ID:   o_rdata = {29'd0, o_ms_id};
        A_FILTER:  o_rdata = {22'd0, filter};
        default:   o_rdata = 32'd0;
        endcase
    end

    assign o_snoop_pop = rd && i_addr == A_SNOOP && i_snoop_valid;
    wire   clr_hit     = wr && i_addr == A_CLEAR;
    assign o_ovf_clear = clr_hit && wval[0];
    assign o_led_ack   = clr_hit && wval[1];
    assign o_cnt_clear = clr_hit && wval[2];
    wire   tx_hit      = wr && i_addr == A_CON_TX;
    assign o_tx_valid  = {tx_hit && wval[8] && i_tx_ready[1], tx_hit && !wval[8] && i_tx_ready[0]};
    assign o_tx_data   = wval[7:0];
    wire   inj_hit     = wr && i_addr == A_INJECT && !o_inj_valid &&
                         ({1'b0, wval[15:12]} < N5);

    integer d;
    always @(posedge i_clk) begin
        if (i_rst) begin
            ctrl <= 6'd0; select_q <= 4'd0; o_select <= {PW{1'b0}}; o_ms_id <= 3'd0;
            filter <= 10'd0; tx_done_q <= 2'b00; tx_err_q <= 2'b00; tx_code_q <= 4'd0;
            rx_err_q <= 2'b00; o_inj_valid <= 1'b0; o_inj_data <= 8'd0; o_inj_last <= 1'b0;
            o_inj_port <= {PW{1'b0}};
        end else begin
            if (wr && i_addr == A_CTRL)   ctrl <= wval[5:0];
            if (wr && i_addr == A_MS_ID)  o_ms_id <= wval[2:0];
            if (wr && i_addr == A_FILTER) filter <= wval[9:0];
            if (wr && i_addr == A_SELECT) begin
                select_q <= wval[3:0];
                if ({1'b0, wval[3:0]} < N5)
                    o_select <= wval[PW-1:0];
            end
            // console senders: a new send clears the sticky results
            for (d = 0; d < 2; d = d + 1) begin
                if (o_tx_valid[d]) begin
                    tx_done_q[d] <= 1'b0; tx_err_q[d] <= 1'b0;
                end
                if (i_tx_done[d])
                    tx_done_q[d] <= 1'b1;
                if (i_tx_error[d]) begin
                    tx_err_q[d] <= 1'b1; tx_code_q[2*d +: 2] <= i_tx_err[2*d +: 2];
                end
                if (o_cnt_clear)
                    rx_err_q[d] <= 1'b0;
                if (i_rx_error[d])
                    rx_err_q[d] <= 1'b1;
            end
            // inject holding register
            if (o_inj_valid && i_inj_ready)
                o_inj_valid <= 1'b0;
            if (inj_hit) begin
                o_inj_valid <= 1'b1; o_inj_data <= wval[7:0]; o_inj_last <= wval[8];
                o_inj_port <= wval[12 +: PW];
            end
        end
    end
endmodule
`default_nettype wire
