// ps2_mouse_emu: one emulated PS/2 mouse towards one PC port, on top of ps2_emu_link.
// It answers every host command in hardware and keeps the port's mouse state:
//   FF -> FA, then AA 00 after T_RESET_MS (defaults, ID 0); AA 00 also after power-up
//   F2 -> FA + ID    F3 -> FA, rate -> FA    E8 -> FA, resolution -> FA
//   E6 / E7 scaling 1:1 / 2:1, EA stream, F0 remote, F4 enable, F5 disable, F6 defaults -> FA
//   E9 -> FA + status (mode, enable, scaling, L M R), resolution, rate
//   EB -> FA + one packet with no movement (current buttons)
//   FE -> resend the last byte   unknown, parity or framing error -> FE
// Knock detector on the F3 rates: 200,100,80 -> ID 3 (wheel); then 200,200,80 -> ID 4
// (wheel + buttons 4/5, only from ID 3). Any other command clears the rate history.
// While a parameter is awaited, a byte E6..FF is taken as a new command (not a rate).
// Movement from the router (i_valid / o_ready: i_buttons {B5,B4,M,R,L}, i_dx/i_dy signed
// 10-bit with +Y = up, i_dz signed 8-bit) becomes one packet in the port's format:
//   byte 0 {Yovf, Xovf, Ysign, Xsign, 1, M, R, L}, X, Y (9-bit, saturated, overflow set),
//   ID 3: + Z (8-bit), ID 4: + {0, 0, B5, B4, Z[3:0]} (Z clamped to -8..7).
// A packet goes out only in stream mode with reporting enabled (otherwise it is dropped;
// o_ready stays high so the router never stalls); an inhibit mid-packet resends it whole.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high) = power-up.
`default_nettype none
module ps2_mouse_emu #(
    parameter CLK_HZ       = 12_000_000,
    parameter T_POWERUP_MS = 500,   // power-up to BAT AA 00
    parameter T_RESET_MS   = 5      // FF: FA to AA 00
) (
    input  wire       i_clk,
    input  wire       i_rst,
    // PS/2 lines towards the PC (open collector)
    input  wire       i_clk_in,
    output wire       o_clk_drive_low,
    input  wire       i_data_in,
    output wire       o_data_drive_low,
    // movement from the router
    input  wire       i_valid,
    input  wire [4:0] i_buttons,
    input  wire [9:0] i_dx,
    input  wire [9:0] i_dy,
    input  wire [7:0] i_dz,
    output wire       o_ready,
    // per-port state
    output reg  [2:0] o_id,         // 0, 3 or 4
    output reg  [7:0] o_rate,
    output reg  [1:0] o_res,
    output reg        o_scaling,    // 1 = 2:1
    output reg        o_remote,
    output reg        o_enabled
);
    localparam [1:0] W_NONE = 2'd0, W_RATE = 2'd1, W_RES = 2'd2;
    localparam [9:0] MS_POWERUP = T_POWERUP_MS[9:0];
    localparam [9:0] MS_RESET   = T_RESET_MS[9:0];
    // replies are not stored as bytes: a reply kind, turned into bytes below
    localparam [2:0] R_FE = 3'd0, R_FA = 3'd1, R_ID = 3'd2, R_STAT = 3'd3, R_PKT = 3'd4,
                     R_LAST = 3'd5, R_AA = 3'd6;

    // ---- line engine, chunk sender (it reads tx_bytes, no copy), ms tick ----
    reg         tx_load, tx_whole;
    reg  [3:0]  tx_len;
    reg  [2:0]  tx_kind;
    reg  [39:0] tx_bytes;
    wire        tx_idle, tx_chunk_done;
    wire [7:0]  tx_last;
    wire        rx_valid, rx_error;
    wire [7:0]  rx_data;
    wire        ms_tick;
    ps2_emu_link #(.CLK_HZ(CLK_HZ), .N(5)) u_link (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_clk_in(i_clk_in), .o_clk_drive_low(o_clk_drive_low),
        .i_data_in(i_data_in), .o_data_drive_low(o_data_drive_low),
        .i_load(tx_load), .i_len(tx_len), .i_bytes(tx_bytes), .i_whole(tx_whole),
        .o_idle(tx_idle), .o_chunk_done(tx_chunk_done), .o_last(tx_last),
        .o_rx_valid(rx_valid), .o_rx_data(rx_data), .o_rx_error(rx_error),
        .o_ms_tick(ms_tick)
    );

    // ---- state ----
    reg [1:0]  wait_param;
    reg        bat_pend;
    reg [9:0]  bat_ms;
    reg [7:0]  rate_h1, rate_h2;    // last two F3 rates (knock detector)
    reg [4:0]  btn_q;               // last buttons from the router
    reg [4:0]  btn_r;               // btn_q when the last host byte came (E9, EB replies)
    reg [2:0]  rkind;               // reply being sent
    reg [31:0] pbuf;                // pending packet
    reg [2:0]  plen;
    reg        pkt_ready, data_in_tx;

    wire take_input = o_enabled && !o_remote && !bat_pend;
    assign o_ready = take_input ? !pkt_ready : 1'b1;
    wire in_fire = i_valid && o_ready;

    // ---- packet formatting ----
    wire       x_ovf = i_dx[9] != i_dx[8];
    wire       y_ovf = i_dy[9] != i_dy[8];
    wire [8:0] x9    = x_ovf ? {i_dx[9], {8{~i_dx[9]}}} : i_dx[8:0];
    wire [8:0] y9    = y_ovf ? {i_dy[9], {8{~i_dy[9]}}} : i_dy[8:0];
    wire       z_lo  = i_dz[7] && (i_dz[6:3] != 4'hF);     // below -8
    wire       z_hi  = !i_dz[7] && (i_dz[6:3] != 4'h0);    // above 7
    wire [3:0] z4    = z_lo ? 4'h8 : z_hi ? 4'h7 : i_dz[3:0];
    wire [7:0] b0    = {y_ovf, x_ovf, y9[8], x9[8], 1'b1, i_buttons[2], i_buttons[1],
                        i_buttons[0]};
    wire [7:0] b3    = (o_id == 3'd4) ? {2'b00, i_buttons[4], i_buttons[3], z4} : i_dz;
    wire [7:0] b0_idle = {4'b0000, 1'b1, btn_r[2], btn_r[1], btn_r[0]};
    wire [7:0] b3_idle = (o_id == 3'd4) ? {2'b00, btn_r[4], btn_r[3], 4'h0} : 8'h00;
    wire [2:0] pkt_len = (o_id == 3'd0) ? 3'd3 : 3'd4;

    wire rx_event = rx_valid || rx_error;
    wire is_param = (wait_param != W_NONE) && (rx_data < 8'hE6);
    wire bat_due  = bat_pend && (bat_ms == 10'd0);
    wire data_go  = pkt_ready && !data_in_tx && !bat_pend && (wait_param == W_NONE);
    wire [7:0] status = {1'b0, o_remote, o_enabled, o_scaling, 1'b0, btn_r[0], btn_r[2],
                         btn_r[1]};
    wire knock3 = (rate_h2 == 8'd200) && (rate_h1 == 8'd100) && (rx_data == 8'd80);
    wire knock4 = (rate_h2 == 8'd200) && (rate_h1 == 8'd200) && (rx_data == 8'd80);

    // ---- what to load into the chunk sender this clock ----
    always @(*) begin
        tx_load  = 1'b0;
        tx_whole = 1'b0;
        tx_len   = 4'd1;
        tx_kind  = R_FE;
        if (rx_error) begin
            tx_load = 1'b1;
        end else if (rx_valid) begin
            tx_load = 1'b1; tx_kind = R_FA;
            if (!is_param) begin
                case (rx_data)
                8'hF2: begin tx_len = 4'd2; tx_kind = R_ID; end
                8'hE9: begin tx_len = 4'd4; tx_kind = R_STAT; end
                8'hEB: begin tx_len = {1'b0, pkt_len} + 4'd1; tx_kind = R_PKT; end
                8'hFE: tx_kind = R_LAST;
                8'hFF, 8'hF3, 8'hE8, 8'hE6, 8'hE7, 8'hEA, 8'hF0, 8'hF4, 8'hF5, 8'hF6: ;
                default: tx_kind = R_FE;
                endcase
            end
        end else if (tx_idle && bat_due) begin
            tx_load = 1'b1; tx_len = 4'd2; tx_kind = R_AA;
        end else if (tx_idle && data_go) begin
            tx_load = 1'b1; tx_whole = 1'b1; tx_len = {1'b0, plen};
        end
    end

    // ---- the chunk being sent (held until done or the next host byte) ----
    always @(*) begin
        tx_bytes = {8'h00, pbuf};
        if (!data_in_tx) begin
            case (rkind)
            R_FA:    tx_bytes[7:0]  = 8'hFA;
            R_ID:    tx_bytes[15:0] = {5'd0, o_id, 8'hFA};
            R_STAT:  tx_bytes[31:0] = {o_rate, 6'd0, o_res, status, 8'hFA};
            R_PKT:   tx_bytes       = {b3_idle, 16'h0000, b0_idle, 8'hFA};
            R_LAST:  tx_bytes[7:0]  = tx_last;      // FE: the last byte again
            R_AA:    tx_bytes[15:0] = 16'h00AA;
            default: tx_bytes[7:0]  = 8'hFE;
            endcase
        end
    end

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_id       <= 3'd0;
            o_rate     <= 8'd100;
            o_res      <= 2'd2;
            o_scaling  <= 1'b0;
            o_remote   <= 1'b0;
            o_enabled  <= 1'b0;
            wait_param <= W_NONE;
            bat_pend   <= 1'b1;
            bat_ms     <= MS_POWERUP;
            rate_h1    <= 8'd0;
            rate_h2    <= 8'd0;
            btn_q      <= 5'd0;
            btn_r      <= 5'd0;
            rkind      <= R_FE;
            pbuf       <= 32'h0;
            plen       <= 3'd3;
            pkt_ready  <= 1'b0;
            data_in_tx <= 1'b0;
        end else begin
            if (ms_tick && bat_ms != 10'd0)
                bat_ms <= bat_ms - 10'd1;
            if (in_fire)
                btn_q <= i_buttons;
            if (in_fire && take_input) begin
                pbuf      <= {b3, y9[7:0], x9[7:0], b0};
                plen      <= pkt_len;
                pkt_ready <= 1'b1;
            end
            if (rx_valid)
                btn_r <= btn_q;
            if (tx_load && !tx_whole)
                rkind <= tx_kind;
            if (tx_load && tx_whole)
                data_in_tx <= 1'b1;
            if (tx_chunk_done && data_in_tx) begin
                data_in_tx <= 1'b0;
                pkt_ready  <= 1'b0;
            end
            if (tx_idle && !rx_event && bat_due)
                bat_pend <= 1'b0;
            // host commands
            if (rx_event) begin
                data_in_tx <= 1'b0;         // an interrupted packet stays pending
                bat_pend   <= 1'b0;
                wait_param <= W_NONE;
            end
            if (rx_valid && is_param) begin
                if (wait_param == W_RATE) begin
                    o_rate  <= rx_data;
                    rate_h1 <= rx_data;
                    rate_h2 <= rate_h1;
                    if (knock3 && o_id == 3'd0)
                        o_id <= 3'd3;
                    if (knock4 && o_id == 3'd3)
                        o_id <= 3'd4;
                end else begin
                    o_res <= rx_data[1:0];
                end
            end else if (rx_valid) begin
                if (rx_data != 8'hF3) begin
                    rate_h1 <= 8'd0;
                    rate_h2 <= 8'd0;
                end
                case (rx_data)
                8'hF3: wait_param <= W_RATE;
                8'hE8: wait_param <= W_RES;
                8'hE6: o_scaling <= 1'b0;
                8'hE7: o_scaling <= 1'b1;
                8'hEA: o_remote <= 1'b0;
                8'hF0: o_remote <= 1'b1;
                8'hF4: o_enabled <= 1'b1;
                8'hF5: o_enabled <= 1'b0;
                8'hF6, 8'hFF: begin
                    o_rate    <= 8'd100;
                    o_res     <= 2'd2;
                    o_scaling <= 1'b0;
                    o_remote  <= 1'b0;
                    o_enabled <= 1'b0;
                end
                default: ;
                endcase
                if (rx_data == 8'hFF) begin
                    o_id     <= 3'd0;
                    bat_pend <= 1'b1;
                    bat_ms   <= MS_RESET;
                end
                if (rx_data == 8'hFF || rx_data == 8'hF4 || rx_data == 8'hF5 ||
                    rx_data == 8'hF6 || rx_data == 8'hEA || rx_data == 8'hF0)
                    pkt_ready <= 1'b0;      // clear the output buffer
            end
        end
    end
endmodule
`default_nettype wire
