// kvm_top: the whole keyboard/mouse path of kvmosd, in clk_sys only.
//   u_con_kbd, u_con_ms   ps2_host towards the console keyboard and mouse
//   u_router              kvm_router: console -> selected port, snoop FIFO, inject, filter
//   g_port[i]             per PC port: ps2_kbd_emu + ps2_mouse_emu (i = 0..N-1)
//   u_regs                kvm_regs: the KVM register block (common/regmap.toml)
// Register port: the SoC slave convention, same protocol as video_top's register port
// (o_reg_ready = i_reg_sel). o_irq (level) = snoop FIFO not empty OR LED request pending.
// Pins are open collector: *_low = 1 pulls the line low, otherwise it is released (the
// pad's pull-up); the inputs read the pad. Per-port vectors are [NP-1:0], NP = max(N, 1).
// N = 0: the block is absent: registers read 0 (STATUS[31:24] = N = 0 tells firmware),
// o_irq = 0, every line released, the inputs unused.
// The console keyboard is inhibited (CLK held low) while the router's input FIFO is
// nearly full (o_kbd_hold) or CTRL bit4 is set; the console mouse while CTRL bit5 is set.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high); the pins are
// asynchronous and pass through cdc_sync2 inside each ps2_line_in.
`default_nettype none
module kvm_top #(
    parameter N          = 4,           // PC ports, 0..8
    parameter CLK_HZ     = 12_000_000,
    parameter POWERUP_MS = 500,         // emulated keyboard/mouse: power-up to BAT
    parameter NP         = (N > 0) ? N : 1
) (
    input  wire          i_clk,
    input  wire          i_rst,
    // KVM register block
    input  wire          i_reg_sel,
    input  wire [7:0]    i_reg_addr,
    input  wire [31:0]   i_reg_wdata,
    input  wire [3:0]    i_reg_wstrb,
    output wire [31:0]   o_reg_rdata,
    output wire          o_reg_ready,
    output wire          o_irq,
    // console keyboard and mouse
    input  wire          i_con_kbd_clk,
    input  wire          i_con_kbd_dat,
    output wire          o_con_kbd_clk_low,
    output wire          o_con_kbd_dat_low,
    input  wire          i_con_ms_clk,
    input  wire          i_con_ms_dat,
    output wire          o_con_ms_clk_low,
    output wire          o_con_ms_dat_low,
    // PC ports
    input  wire [NP-1:0] i_pc_kbd_clk,
    input  wire [NP-1:0] i_pc_kbd_dat,
    output wire [NP-1:0] o_pc_kbd_clk_low,
    output wire [NP-1:0] o_pc_kbd_dat_low,
    input  wire [NP-1:0] i_pc_ms_clk,
    input  wire [NP-1:0] i_pc_ms_dat,
    output wire [NP-1:0] o_pc_ms_clk_low,
    output wire [NP-1:0] o_pc_ms_dat_low
);
    generate
        if (N == 0) begin : g_none
            assign o_reg_rdata = 32'd0;
            assign o_reg_ready = i_reg_sel;
            assign o_irq = 1'b0;
            assign o_con_kbd_clk_low = 1'b0; assign o_con_kbd_dat_low = 1'b0;
            assign o_con_ms_clk_low  = 1'b0; assign o_con_ms_dat_low  = 1'b0;
            assign o_pc_kbd_clk_low  = 1'b0; assign o_pc_kbd_dat_low  = 1'b0;
            assign o_pc_ms_clk_low   = 1'b0; assign o_pc_ms_dat_low   = 1'b0;
            wire unused = &{1'b0, i_clk, i_rst, i_reg_addr, i_reg_wdata, i_reg_wstrb,
                            i_con_kbd_clk, i_con_kbd_dat, i_con_ms_clk, i_con_ms_dat,
                            i_pc_kbd_clk, i_pc_kbd_dat, i_pc_ms_clk, i_pc_ms_dat};
        end else begin : g_kvm
            localparam PW = (N > 1) ? $clog2(N) : 1;
            localparam SNOOP_AW = 8;

            // ---- register block outputs ----
            wire          block, snoop_mouse, kbd_raw, ms_raw, inh_kbd, inh_ms, filt_en;
            wire          ovf_clear, led_ack, cnt_clear, snoop_pop;
            wire [PW-1:0] select;
            wire [2:0]    ms_id;
            wire [8:0]    filt_key;
            wire          inj_valid, inj_last, inj_ready;
            wire [7:0]    inj_data;
            wire [PW-1:0] inj_port;
            wire [1:0]    tx_valid;
            wire [7:0]    tx_data;

            // ---- console hosts ----
            wire          kbd_hold;
            wire [1:0]    rx_valid, rx_error, tx_ready, tx_done, tx_error;
            wire [15:0]   rx_data;
            wire [3:0]    rx_err, tx_err;
            wire [47:0]   cnt_kbd, cnt_ms;

            ps2_host #(.CLK_HZ(CLK_HZ)) u_con_kbd (
                .i_clk(i_clk), .i_rst(i_rst),
                .i_clk_in(i_con_kbd_clk), .o_clk_drive_low(o_con_kbd_clk_low),
                .i_data_in(i_con_kbd_dat), .o_data_drive_low(o_con_kbd_dat_low),
                .i_inhibit(kbd_hold || inh_kbd),
                .o_rx_valid(rx_valid[0]), .o_rx_data(rx_data[7:0]),
                .o_rx_error(rx_error[0]), .o_rx_err(rx_err[1:0]),
                .o_tx_ready(tx_ready[0]), .i_tx_valid(tx_valid[0]), .i_tx_data(tx_data),
                .o_tx_done(tx_done[0]), .o_tx_error(tx_error[0]), .o_tx_err(tx_err[1:0]),
                .i_cnt_clear(cnt_clear),
                .o_cnt_rx_parity(cnt_kbd[7:0]), .o_cnt_rx_frame(cnt_kbd[15:8]),
                .o_cnt_rx_timeout(cnt_kbd[23:16]), .o_cnt_tx_noack(cnt_kbd[31:24]),
                .o_cnt_tx_noclk(cnt_kbd[39:32]), .o_cnt_tx_timeout(cnt_kbd[47:40]));

            ps2_host #(.CLK_HZ(CLK_HZ)) u_con_ms (
                .i_clk(i_clk), .i_rst(i_rst),
                .i_clk_in(i_con_ms_clk), .o_clk_drive_low(o_con_ms_clk_low),
                .i_data_in(i_con_ms_dat), .o_data_drive_low(o_con_ms_dat_low),
                .i_inhibit(inh_ms),
                .o_rx_valid(rx_valid[1]), .o_rx_data(rx_data[15:8]),
                .o_rx_error(rx_error[1]), .o_rx_err(rx_err[3:2]),
                .o_tx_ready(tx_ready[1]), .i_tx_valid(tx_valid[1]), .i_tx_data(tx_data),
                .o_tx_done(tx_done[1]), .o_tx_error(tx_error[1]), .o_tx_err(tx_err[3:2]),
                .i_cnt_clear(cnt_clear),
                .o_cnt_rx_parity(cnt_ms[7:0]), .o_cnt_rx_frame(cnt_ms[15:8]),
                .o_cnt_rx_timeout(cnt_ms[23:16]), .o_cnt_tx_noack(cnt_ms[31:24]),
                .o_cnt_tx_noclk(cnt_ms[39:32]), .o_cnt_tx_timeout(cnt_ms[47:40]));

            // ---- router ----
            wire               led_req, snoop_valid, snoop_ovf;
            wire [7:0]         led_byte;
            wire [PW-1:0]      kbd_port, ms_port;
            wire [23:0]        snoop_data;
            wire [SNOOP_AW:0]  snoop_level;
            wire [N-1:0]       k_valid, k_ready, leds_wr, m_valid, m_ready;
            wire [7:0]         k_data;
            wire [3*N-1:0]     leds;
            wire [4:0]         m_buttons;
            wire [9:0]         m_dx, m_dy;
            wire [7:0]         m_dz;

            kvm_router #(.N(N), .PW(PW), .CLK_HZ(CLK_HZ), .SNOOP_AW(SNOOP_AW)) u_router (
                .i_clk(i_clk), .i_rst(i_rst),
                .i_kbd_rx_valid(rx_valid[0]), .i_kbd_rx_data(rx_data[7:0]), .o_kbd_hold(kbd_hold),
                .i_ms_rx_valid(rx_valid[1]), .i_ms_rx_data(rx_data[15:8]), .i_ms_id(ms_id),
                .i_kbd_raw(kbd_raw), .i_ms_raw(ms_raw), .i_filt_en(filt_en), .i_filt_key(filt_key),
                .o_led_req(led_req), .o_led_byte(led_byte), .i_led_ack(led_ack),
                .i_select(select), .i_block(block), .o_kbd_port(kbd_port), .o_ms_port(ms_port),
                .i_inject_valid(inj_valid), .i_inject_data(inj_data), .i_inject_last(inj_last),
                .i_inject_port(inj_port), .o_inject_ready(inj_ready),
                .o_snoop_valid(snoop_valid), .o_snoop_data(snoop_data), .i_snoop_pop(snoop_pop),
                .o_snoop_level(snoop_level), .i_snoop_mouse_en(snoop_mouse),
                .o_snoop_overflow(snoop_ovf), .i_snoop_ovf_clear(ovf_clear),
                .o_kbd_valid(k_valid), .o_kbd_data(k_data), .i_kbd_ready(k_ready),
                .i_port_leds(leds), .i_port_leds_wr(leds_wr),
                .o_ms_valid(m_valid), .o_ms_buttons(m_buttons), .o_ms_dx(m_dx), .o_ms_dy(m_dy),
                .o_ms_dz(m_dz), .i_ms_ready(m_ready));

            // ---- per-port emulation ----
            wire [32*N-1:0] port_state;
            genvar i;
            for (i = 0; i < N; i = i + 1) begin : g_port
                wire [6:0] typematic;
                wire [1:0] scan_set, ms_res;
                wire [2:0] port_ms_id;
                wire [7:0] ms_rate;
                wire       kbd_en, ms_scaling, ms_remote, ms_en;
                ps2_kbd_emu #(.CLK_HZ(CLK_HZ), .T_POWERUP_MS(POWERUP_MS)) u_kbd (
                    .i_clk(i_clk), .i_rst(i_rst),
                    .i_clk_in(i_pc_kbd_clk[i]), .o_clk_drive_low(o_pc_kbd_clk_low[i]),
                    .i_data_in(i_pc_kbd_dat[i]), .o_data_drive_low(o_pc_kbd_dat_low[i]),
                    .i_valid(k_valid[i]), .i_data(k_data), .o_ready(k_ready[i]),
                    .o_leds(leds[3*i +: 3]), .o_leds_wr(leds_wr[i]), .o_typematic(typematic),
                    .o_scan_set(scan_set), .o_enabled(kbd_en));
                ps2_mouse_emu #(.CLK_HZ(CLK_HZ), .T_POWERUP_MS(POWERUP_MS)) u_ms (
                    .i_clk(i_clk), .i_rst(i_rst),
                    .i_clk_in(i_pc_ms_clk[i]), .o_clk_drive_low(o_pc_ms_clk_low[i]),
                    .i_data_in(i_pc_ms_dat[i]), .o_data_drive_low(o_pc_ms_dat_low[i]),
                    .i_valid(m_valid[i]), .i_buttons(m_buttons), .i_dx(m_dx), .i_dy(m_dy),
                    .i_dz(m_dz), .o_ready(m_ready[i]),
                    .o_id(port_ms_id), .o_rate(ms_rate), .o_res(ms_res), .o_scaling(ms_scaling),
                    .o_remote(ms_remote), .o_enabled(ms_en));
                // PORT[i]: [2:0] LEDs, [4:3] set, [11:5] typematic, [14:12] mouse ID,
                // [15] reporting enabled, [23:16] rate, [25:24] resolution
                assign port_state[32*i +: 32] = {6'd0, ms_res, ms_rate, ms_en, port_ms_id,
                                                 typematic, scan_set, leds[3*i +: 3]};
                wire unused_port = &{1'b0, kbd_en, ms_scaling, ms_remote};
            end

            // ---- registers ----
            kvm_regs #(.N(N), .PW(PW), .LW(SNOOP_AW + 1)) u_regs (
                .i_clk(i_clk), .i_rst(i_rst),
                .i_sel(i_reg_sel), .i_addr(i_reg_addr), .i_wdata(i_reg_wdata),
                .i_wstrb(i_reg_wstrb), .o_rdata(o_reg_rdata), .o_ready(o_reg_ready), .o_irq(o_irq),
                .o_block(block), .o_snoop_mouse(snoop_mouse), .o_kbd_raw(kbd_raw),
                .o_ms_raw(ms_raw), .o_inh_kbd(inh_kbd), .o_inh_ms(inh_ms), .o_select(select),
                .o_ms_id(ms_id), .o_filt_en(filt_en), .o_filt_key(filt_key),
                .o_ovf_clear(ovf_clear), .o_led_ack(led_ack), .o_cnt_clear(cnt_clear),
                .i_snoop_valid(snoop_valid), .i_snoop_data(snoop_data), .o_snoop_pop(snoop_pop),
                .i_snoop_level(snoop_level), .i_snoop_overflow(snoop_ovf),
                .i_led_req(led_req), .i_led_byte(led_byte), .i_kbd_port(kbd_port),
                .i_ms_port(ms_port),
                .o_inj_valid(inj_valid), .o_inj_data(inj_data), .o_inj_last(inj_last),
                .o_inj_port(inj_port), .i_inj_ready(inj_ready),
                .i_tx_ready(tx_ready), .o_tx_valid(tx_valid), .o_tx_data(tx_data),
                .i_tx_done(tx_done), .i_tx_error(tx_error), .i_tx_err(tx_err),
                .i_rx_error(rx_error), .i_cnt_kbd(cnt_kbd), .i_cnt_ms(cnt_ms),
                .i_port_state(port_state));

            wire unused = &{1'b0, rx_err};
        end
    endgenerate
endmodule
`default_nettype wire
