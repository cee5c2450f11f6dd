// ps2_kbd_emu: one emulated PS/2 keyboard towards one PC port, on top of ps2_emu_link.
// It answers every host command in hardware (no firmware involved) and keeps the port's
// keyboard state:
//   BAT: AA after power-up (T_POWERUP_MS) and after FF (FA, then AA after T_RESET_MS)
//   F2 -> FA AB 83      ED -> FA, option byte -> FA (LEDs)   F3 -> FA, param -> FA
//   F0 -> FA, param: 00 -> FA + current set (01/02/03), 1..3 -> FA (set stored), else FE
//   F4 enable / F5 disable + defaults / F6 defaults -> FA (all three clear the buffer)
//   EE -> EE   FE -> resend the last byte   unknown, parity or framing error -> FE
// While a parameter is awaited, a byte with bit 7 set is a new command.
// Scan codes from the router (i_valid / i_data / o_ready, set 2) are gathered into
// chunks: E0 and F0 are prefixes, E1 takes two more final bytes (Pause), any other byte
// ends the chunk (6 bytes at most). A chunk goes out only while enabled, BAT is done and
// no parameter is awaited; if the host inhibits or sends a command mid-chunk, the whole
// chunk is sent again (after the command's reply). While disabled (or during BAT) input
// is accepted and dropped so the router never stalls. Replies take priority over data.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high) = power-up.
`default_nettype none
module ps2_kbd_emu #(
    parameter CLK_HZ       = 12_000_000,
    parameter T_POWERUP_MS = 500,   // power-up to BAT AA
    parameter T_RESET_MS   = 5      // FF: FA to AA
) (
    input  wire       i_clk,
    input  wire       i_rst,
    // PS/2 lines towards the PC (open collector)
    input  wire       i_clk_in,
    output wire       o_clk_drive_low,
    input  wire       i_data_in,
    output wire       o_data_drive_low,
    // scan codes from the router
    input  wire       i_valid,
    input  wire [7:0] i_data,
    output wire       o_ready,
    // per-port state
    output reg  [2:0] o_leds,       // bit0 Scroll, bit1 Num, bit2 Caps
    output reg        o_leds_wr,    // pulse: the PC set the LEDs
    output reg  [6:0] o_typematic,
    output reg  [1:0] o_scan_set,
    output reg        o_enabled
);
    localparam [6:0] TYPEMATIC_DEFAULT = 7'h2B;     // 500 ms, 10.9 cps
    localparam [1:0] W_NONE = 2'd0, W_LEDS = 2'd1, W_TYPE = 2'd2, W_SET = 2'd3;
    localparam [9:0] MS_POWERUP = T_POWERUP_MS[9:0];
    localparam [9:0] MS_RESET   = T_RESET_MS[9:0];

    // replies are not stored as bytes: a reply kind, turned into bytes below
    localparam [2:0] R_FE = 3'd0, R_FA = 3'd1, R_SET = 3'd2, R_ID = 3'd3, R_EE = 3'd4,
                     R_LAST = 3'd5, R_AA = 3'd6;

    // ---- line engine, chunk sender (it reads tx_bytes, no copy), ms tick ----
    reg         tx_load, tx_whole;
    reg  [3:0]  tx_len;
    reg  [2:0]  tx_kind;
    reg  [47:0] tx_bytes;
    wire        tx_idle, tx_chunk_done;
    wire [7:0]  tx_last;
    wire        rx_valid, rx_error;
    wire [7:0]  rx_data;
    wire        ms_tick;
    ps2_emu_link #(.CLK_HZ(CLK_HZ), .N(6)) u_link (
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
    reg [47:0] cbuf;            // scan-code chunk being gathered / sent
    reg [2:0]  rkind;           // reply being sent
    reg [3:0]  clen;
    reg        e1_more;         // E1 seen: one more final byte belongs to the chunk
    reg        chunk_ready, data_in_tx;

    wire take_input = o_enabled && !bat_pend;
    assign o_ready = take_input ? !chunk_ready : 1'b1;

    wire in_fire   = i_valid && o_ready && take_input;
    wire in_prefix = (i_data == 8'hE0) || (i_data == 8'hF0) || (i_data == 8'hE1);
    wire in_ends   = (!in_prefix && !e1_more) || (clen == 4'd5);

    wire rx_event  = rx_valid || rx_error;
    wire is_param  = (wait_param != W_NONE) && !rx_data[7];
    wire can_send  = tx_idle && !rx_event;
    wire bat_due   = bat_pend && (bat_ms == 10'd0);
    wire data_go   = chunk_ready && !data_in_tx && !bat_pend && (wait_param == W_NONE);

    // ---- what to load into the chunk sequencer this clock ----
    always @(*) begin
        tx_load  = 1'b0;
        tx_whole = 1'b0;
        tx_len   = 4'd1;
        tx_kind  = R_FE;
        if (rx_error) begin
            tx_load = 1'b1;
        end else if (rx_valid) begin
            tx_load = 1'b1; tx_kind = R_FA;
            if (is_param) begin
                if (wait_param == W_SET) begin
                    if (rx_data == 8'h00) begin
                        tx_len = 4'd2; tx_kind = R_SET;
                    end else if (rx_data > 8'h03) begin
                        tx_kind = R_FE;
                    end
                end
            end else begin
                case (rx_data)
                8'hF2: begin tx_len = 4'd3; tx_kind = R_ID; end
                8'hEE: tx_kind = R_EE;
                8'hFE: tx_kind = R_LAST;
                8'hFF, 8'hED, 8'hF3, 8'hF0, 8'hF4, 8'hF5, 8'hF6: ;
                default: tx_kind = R_FE;
                endcase
            end
        end else if (tx_idle && bat_due) begin
            tx_load = 1'b1; tx_kind = R_AA;
        end else if (tx_idle && data_go) begin
            tx_load = 1'b1; tx_whole = 1'b1; tx_len = clen;
        end
    end

    // ---- the chunk being sent (held until done or the next host byte) ----
    always @(*) begin
        tx_bytes = cbuf;                    // upper bytes: don't care for replies
        if (!data_in_tx) begin
            case (rkind)
            R_FA:    tx_bytes[7:0]  = 8'hFA;
            R_SET:   tx_bytes[15:0] = {6'd0, o_scan_set, 8'hFA};
            R_ID:    tx_bytes[23:0] = 24'h83ABFA;
            R_EE:    tx_bytes[7:0]  = 8'hEE;
            R_LAST:  tx_bytes[7:0]  = tx_last;      // FE: the last byte again
            R_AA:    tx_bytes[7:0]  = 8'hAA;
            default: tx_bytes[7:0]  = 8'hFE;
            endcase
        end
    end

    always @(posedge i_clk) begin
        o_leds_wr <= 1'b0;
        if (i_rst) begin
            o_leds      <= 3'd0;
            o_typematic <= TYPEMATIC_DEFAULT;
            o_scan_set  <= 2'd2;
            o_enabled   <= 1'b1;
            wait_param  <= W_NONE;
            bat_pend    <= 1'b1;
            bat_ms      <= MS_POWERUP;
            cbuf        <= 48'h0;
            rkind       <= R_FE;
            clen        <= 4'd0;
            e1_more     <= 1'b0;
            chunk_ready <= 1'b0;
            data_in_tx  <= 1'b0;
        end else begin
            if (ms_tick && bat_ms != 10'd0)
                bat_ms <= bat_ms - 10'd1;
            // gather input into a chunk, or drop it
            if (!take_input) begin
                clen    <= 4'd0;
                e1_more <= 1'b0;
            end else if (in_fire) begin
                cbuf[clen[2:0]*8 +: 8] <= i_data;
                clen <= clen + 4'd1;
                if (i_data == 8'hE1)
                    e1_more <= 1'b1;
                else if (!in_prefix)
                    e1_more <= 1'b0;
                if (in_ends)
                    chunk_ready <= 1'b1;
            end
            // sender bookkeeping
            if (tx_load && !tx_whole)
                rkind <= tx_kind;
            if (tx_load && tx_whole)
                data_in_tx <= 1'b1;
            if (tx_chunk_done && data_in_tx) begin
                data_in_tx  <= 1'b0;
                chunk_ready <= 1'b0;
                clen        <= 4'd0;
                e1_more     <= 1'b0;
            end
            if (can_send && bat_due)
                bat_pend <= 1'b0;
            // host commands
            if (rx_event) begin
                data_in_tx <= 1'b0;         // an interrupted chunk stays pending
                bat_pend   <= 1'b0;
                wait_param <= W_NONE;
            end
            if (rx_valid && is_param) begin
                case (wait_param)
                W_LEDS: begin o_leds <= rx_data[2:0]; o_leds_wr <= 1'b1; end
                W_TYPE: o_typematic <= rx_data[6:0];
                W_SET:  if (rx_data != 8'h00 && rx_data <= 8'h03) o_scan_set <= rx_data[1:0];
                default: ;
                endcase
            end else if (rx_valid) begin
                case (rx_data)
                8'hED: wait_param <= W_LEDS;
                8'hF3: wait_param <= W_TYPE;
                8'hF0: wait_param <= W_SET;
                8'hFF: begin
                    o_leds      <= 3'd0;
                    o_leds_wr   <= 1'b1;
                    o_typematic <= TYPEMATIC_DEFAULT;
                    o_scan_set  <= 2'd2;
                    o_enabled   <= 1'b1;
                    bat_pend    <= 1'b1;
                    bat_ms      <= MS_RESET;
                end
                8'hF4: o_enabled <= 1'b1;
                8'hF5: begin o_enabled <= 1'b0; o_typematic <= TYPEMATIC_DEFAULT; end
                8'hF6: o_typematic <= TYPEMATIC_DEFAULT;
                default: ;
                endcase
                if (rx_data == 8'hFF || rx_data == 8'hF4 || rx_data == 8'hF5 ||
                    rx_data == 8'hF6) begin         // clear the output buffer
                    chunk_ready <= 1'b0;
                    clen        <= 4'd0;
                    e1_more     <= 1'b0;
                end
            end
        end
    end
endmodule
`default_nettype wire
