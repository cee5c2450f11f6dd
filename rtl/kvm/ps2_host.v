// ps2_host: host side of one PS/2 link to a console keyboard or mouse.
//  * Receive (device -> host): the device clocks 11 bits (start 0, 8 data LSB first, odd
//    parity, stop 1); each bit is sampled on the falling edge of the de-glitched CLK
//    (ps2_line_in). After the 11th bit: o_rx_valid with o_rx_data, or o_rx_error with
//    o_rx_err: 1 parity, 2 framing (start bit 1 or stop bit 0; wins over parity),
//    3 timeout (more than T_BIT_US between two falling edges inside a frame).
//  * Send (host -> device), o_tx_ready / i_tx_valid / i_tx_data: request-to-send (CLK low
//    T_RTS_US, then DATA low as start bit, CLK held T_RTS2_US more, CLK released); then on
//    each device falling edge the next bit is put on DATA (8 data, parity, stop = released);
//    on the 11th falling edge DATA must be low (device ACK). Ends with o_tx_done, or with
//    o_tx_error and o_tx_err: 1 no ACK, 2 no clock within T_NOCLK_MS after CLK release,
//    3 byte not finished T_BYTE_MS after the first device clock.
//  * i_inhibit: hold CLK low while the FSM is idle or receiving (a frame in progress is
//    dropped without an error). It has no effect during a send; o_tx_ready is low while
//    inhibited. A send waits for a frame being received to finish (or time out).
//  * Error counters (saturating 8 bit) per reason, cleared by i_cnt_clear.
// Timing: a UNIT_US prescaler restarted together with a unit counter (exact times; every
// time parameter must be a multiple of UNIT_US).
// Open-collector lines: *_in is the bus level, *_drive_low pulls the line low.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high). The two bus
// inputs are asynchronous and pass through ps2_line_in (cdc_sync2 + glitch filter).
`default_nettype none
module ps2_host #(
    parameter CLK_HZ     = 12_000_000,
    parameter T_RTS_US   = 110,     // request-to-send: CLK low before DATA low (>= 100 us)
    parameter T_RTS2_US  = 10,      // CLK still low after DATA low
    parameter T_BIT_US   = 250,     // receive: max time between falling edges in a frame
    parameter T_NOCLK_MS = 15,      // send: device must start clocking within this
    parameter T_BYTE_MS  = 2,       // send: first device clock to ACK
    parameter FILT_NS    = 1000,    // glitch filter on CLK and DATA
    parameter UNIT_US    = 10       // timer unit; every time above must be a multiple of it
) (
    input  wire       i_clk,
    input  wire       i_rst,
    // PS/2 lines (open collector)
    input  wire       i_clk_in,
    output wire       o_clk_drive_low,
    input  wire       i_data_in,
    output wire       o_data_drive_low,
    // control
    input  wire       i_inhibit,
    // received bytes
    output reg        o_rx_valid,
    output reg  [7:0] o_rx_data,
    output reg        o_rx_error,
    output reg  [1:0] o_rx_err,
    // bytes to send
    output wire       o_tx_ready,
    input  wire       i_tx_valid,
    input  wire [7:0] i_tx_data,
    output reg        o_tx_done,
    output reg        o_tx_error,
    output reg  [1:0] o_tx_err,
    // error counters
    input  wire       i_cnt_clear,
    output wire [7:0] o_cnt_rx_parity,
    output wire [7:0] o_cnt_rx_frame,
    output wire [7:0] o_cnt_rx_timeout,
    output wire [7:0] o_cnt_tx_noack,
    output wire [7:0] o_cnt_tx_noclk,
    output wire [7:0] o_cnt_tx_timeout
);
    // ---- timing: a UNIT_US prescaler restarted with the timer, so every time is an exact
    // multiple of the unit, and a unit counter ----
    localparam integer KHZ     = CLK_HZ / 1000;
    localparam integer C_UNIT  = KHZ * UNIT_US / 1000;         // cycles per unit
    localparam integer N_RTS   = T_RTS_US / UNIT_US;
    localparam integer N_RTS2  = T_RTS2_US / UNIT_US;
    localparam integer N_BIT   = T_BIT_US / UNIT_US;
    localparam integer N_NOCLK = T_NOCLK_MS * 1000 / UNIT_US;
    localparam integer N_BYTE  = T_BYTE_MS * 1000 / UNIT_US;
    localparam integer C_FILT  = (KHZ * FILT_NS / 1000000 > 1) ? KHZ * FILT_NS / 1000000 : 1;
    localparam integer PW      = $clog2(C_UNIT);
    localparam integer TW      = $clog2(N_NOCLK + 1);
    localparam integer M_UNIT = C_UNIT - 1;
    localparam [PW-1:0] P_LAST = M_UNIT[PW-1:0];
    localparam integer M_RTS = N_RTS - 1;
    localparam [TW-1:0] K_RTS = M_RTS[TW-1:0];
    localparam integer M_RTS2 = N_RTS2 - 1;
    localparam [TW-1:0] K_RTS2 = M_RTS2[TW-1:0];
    localparam integer M_BIT = N_BIT - 1;
    localparam [TW-1:0] K_BIT = M_BIT[TW-1:0];
    localparam integer M_NOCLK = N_NOCLK - 1;
    localparam [TW-1:0] K_NOCLK = M_NOCLK[TW-1:0];
    localparam integer M_BYTE = N_BYTE - 1;
    localparam [TW-1:0] K_BYTE = M_BYTE[TW-1:0];

    localparam [2:0] S_IDLE = 3'd0, S_RX = 3'd1, S_RTS = 3'd2, S_RTS2 = 3'd3,
                     S_TX_WAIT = 3'd4, S_TX_BITS = 3'd5;
    localparam [1:0] RX_PARITY = 2'd1, RX_FRAME = 2'd2, RX_TIMEOUT = 2'd3;
    localparam [1:0] TX_NOACK = 2'd1, TX_NOCLK = 2'd2, TX_TIMEOUT = 2'd3;

    // ---- line input ----
    wire ln_clk, ln_data, ln_fall, ln_rise;
    ps2_line_in #(.FILT_CYC(C_FILT)) u_line (
        .i_clk(i_clk), .i_rst(i_rst), .i_clk_in(i_clk_in), .i_data_in(i_data_in),
        .o_clk(ln_clk), .o_data(ln_data), .o_clk_fall(ln_fall), .o_clk_rise(ln_rise)
    );

    reg [2:0]    state;
    reg [PW-1:0] pre;           // unit prescaler
    reg [TW-1:0] tmr;           // units since the last restart
    reg [3:0]    bitcnt;
    reg [10:0]   sh;            // receive: bits arrive at [10]; send: next bit in [0]
    reg          clk_low, data_low;

    wire [10:0] rx_frame = {ln_data, sh[10:1]};   // after the 11th sample: full frame
    wire        rx_frame_bad = rx_frame[0] | ~rx_frame[10];
    wire        rx_parity_bad = ~^rx_frame[9:1];
    wire        inhibit_ok = (state == S_IDLE) || (state == S_RX);
    wire        tick = (pre == P_LAST);
    // tmr == K: K + 1 units have passed (checked on the tick that would make it K + 1)
    wire        rts_end  = tick && (tmr == K_RTS);
    wire        rts2_end = tick && (tmr == K_RTS2);
    wire        restart  = (state == S_IDLE) || (state == S_RX && ln_fall) ||
                           (state == S_RTS && rts_end) || (state == S_RTS2 && rts2_end) ||
                           (state == S_TX_WAIT && ln_fall);

    always @(posedge i_clk) begin
        if (i_rst || restart) begin
            pre <= {PW{1'b0}};
            tmr <= {TW{1'b0}};
        end else begin
            pre <= tick ? {PW{1'b0}} : pre + 1'b1;
            if (tick)
                tmr <= tmr + 1'b1;
        end
    end

    assign o_clk_drive_low  = clk_low | (i_inhibit & inhibit_ok);
    assign o_data_drive_low = data_low;
    assign o_tx_ready       = (state == S_IDLE) && !i_inhibit;

    always @(posedge i_clk) begin
        o_rx_valid <= 1'b0;
        o_rx_error <= 1'b0;
        o_tx_done  <= 1'b0;
        o_tx_error <= 1'b0;
        if (i_rst) begin
            state    <= S_IDLE;
            bitcnt   <= 4'd0;
            sh       <= 11'd0;
            clk_low  <= 1'b0;
            data_low <= 1'b0;
            o_rx_data <= 8'd0;
            o_rx_err <= 2'd0;
            o_tx_err <= 2'd0;
        end else begin
            case (state)
            S_IDLE: begin
                bitcnt <= 4'd0;
                if (i_tx_valid && !i_inhibit) begin
                    sh      <= {1'b0, 1'b1, ~^i_tx_data, i_tx_data};
                    clk_low <= 1'b1;
                    state   <= S_RTS;
                end else if (ln_fall && !i_inhibit) begin
                    sh     <= rx_frame;
                    bitcnt <= 4'd1;
                    state  <= S_RX;
                end
            end
            S_RX: begin
                if (i_inhibit) begin
                    state <= S_IDLE;
                end else if (ln_fall) begin
                    sh     <= rx_frame;
                    bitcnt <= bitcnt + 4'd1;
                    if (bitcnt == 4'd10) begin
                        state     <= S_IDLE;
                        o_rx_data <= rx_frame[8:1];
                        if (rx_frame_bad) begin
                            o_rx_error <= 1'b1;
                            o_rx_err   <= RX_FRAME;
                        end else if (rx_parity_bad) begin
                            o_rx_error <= 1'b1;
                            o_rx_err   <= RX_PARITY;
                        end else begin
                            o_rx_valid <= 1'b1;
                        end
                    end
                end else if (tick && tmr == K_BIT) begin
                    state      <= S_IDLE;
                    o_rx_error <= 1'b1;
                    o_rx_err   <= RX_TIMEOUT;
                end
            end
            S_RTS: begin                // CLK low
                if (rts_end) begin
                    data_low <= 1'b1;   // start bit
                    state    <= S_RTS2;
                end
            end
            S_RTS2: begin               // CLK and DATA low
                if (rts2_end) begin
                    clk_low <= 1'b0;
                    state   <= S_TX_WAIT;
                end
            end
            S_TX_WAIT: begin            // wait for the device's first clock
                if (ln_fall) begin
                    data_low <= ~sh[0];
                    sh       <= rx_frame;       // shift (what enters at the top is unused)
                    bitcnt   <= 4'd1;
                    state    <= S_TX_BITS;
                end else if (tick && tmr == K_NOCLK) begin
                    data_low   <= 1'b0;
                    state      <= S_IDLE;
                    o_tx_error <= 1'b1;
                    o_tx_err   <= TX_NOCLK;
                end
            end
            S_TX_BITS: begin
                if (ln_fall) begin
                    bitcnt <= bitcnt + 4'd1;
                    if (bitcnt == 4'd10) begin      // 11th falling edge: ACK bit
                        data_low <= 1'b0;
                        state    <= S_IDLE;
                        if (ln_data) begin
                            o_tx_error <= 1'b1;
                            o_tx_err   <= TX_NOACK;
                        end else begin
                            o_tx_done  <= 1'b1;
                        end
                    end else begin
                        data_low <= ~sh[0];         // data 1..7, parity, stop (released)
                        sh       <= rx_frame;
                    end
                end else if (tick && tmr == K_BYTE) begin
                    data_low   <= 1'b0;
                    state      <= S_IDLE;
                    o_tx_error <= 1'b1;
                    o_tx_err   <= TX_TIMEOUT;
                end
            end
            default: state <= S_IDLE;
            endcase
        end
    end

    // ---- error counters: rx parity, rx framing, rx timeout, tx no-ack, tx no-clock, tx timeout
    wire [5:0] inc;
    assign inc[0] = o_rx_error && o_rx_err == RX_PARITY;
    assign inc[1] = o_rx_error && o_rx_err == RX_FRAME;
    assign inc[2] = o_rx_error && o_rx_err == RX_TIMEOUT;
    assign inc[3] = o_tx_error && o_tx_err == TX_NOACK;
    assign inc[4] = o_tx_error && o_tx_err == TX_NOCLK;
    assign inc[5] = o_tx_error && o_tx_err == TX_TIMEOUT;
    // (at most one error event per clock: one FSM drives both o_rx_error and o_tx_error)
    ps2_err_counters #(.N(6), .ONE_AT_A_TIME(1)) u_counters (
        .i_clk(i_clk), .i_rst(i_rst), .i_clear(i_cnt_clear), .i_inc(inc),
        .o_counts({o_cnt_tx_timeout, o_cnt_tx_noclk, o_cnt_tx_noack,
                   o_cnt_rx_timeout, o_cnt_rx_frame, o_cnt_rx_parity})
    );

    wire unused_ok = &{1'b0, ln_clk, ln_rise};
endmodule
`default_nettype wire
