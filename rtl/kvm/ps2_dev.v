// ps2_dev: device side of one PS/2 link towards a PC (the KVM plays keyboard or mouse).
// This block generates CLK (half periods T_HALF_US) for both directions.
//  * Send (device -> host), o_ready / i_valid / i_data: o_ready is high when idle and both
//    lines have been high for T_IDLE_US. 11 bits (start, 8 data LSB first, odd parity,
//    stop); DATA changes T_HOLD_US after CLK rises and T_SETUP_US before CLK falls. Before
//    every falling edge (whole T_SETUP_US) and after every rising edge (from T_CHK_US on)
//    CLK is checked: low means the host inhibits (or starts a request-to-send), so both
//    lines are released and o_tx_aborted pulses; the layer above resends the whole chunk.
//    o_tx_done pulses when the 11th clock has ended.
//  * Receive (host -> device): idle with CLK high and DATA low is the host's request to
//    send. After T_RTS_GAP_US this block clocks; DATA is sampled at each CLK rise (8 data,
//    parity, stop). Stop 1: ACK (DATA low for one more clock). Stop 0: framing error, keep
//    clocking until DATA is high (at most MAX_EXTRA more clocks, then give up without ACK),
//    then ACK. Ends with o_rx_valid / o_rx_data, or o_rx_error with o_rx_err: 1 parity,
//    2 framing (the layer above answers FE). The host pulling CLK low while this block has
//    it released aborts the receive silently.
// Open-collector lines: *_in is the bus level, *_drive_low pulls the line low.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high). The bus inputs
// are asynchronous and pass through ps2_line_in (cdc_sync2 + glitch filter).
`default_nettype none
module ps2_dev #(
    parameter CLK_HZ       = 12_000_000,
    parameter T_HALF_US    = 40,    // CLK low and high time (12.5 kHz)
    parameter T_SETUP_US   = 20,    // DATA change to CLK fall (5..25 us)
    parameter T_CHK_US     = 5,     // after releasing CLK, ignore its level this long
    parameter T_IDLE_US    = 50,    // lines high before a send may start
    parameter T_RTS_GAP_US = 40,    // request-to-send seen -> first clock
    parameter MAX_EXTRA    = 31,    // framing error: extra clocks waiting for DATA high
    parameter FILT_NS      = 1000
) (
    input  wire       i_clk,
    input  wire       i_rst,
    // PS/2 lines (open collector)
    input  wire       i_clk_in,
    output wire       o_clk_drive_low,
    input  wire       i_data_in,
    output wire       o_data_drive_low,
    // bytes to send to the host
    output wire       o_ready,
    input  wire       i_valid,
    input  wire [7:0] i_data,
    output reg        o_tx_done,
    output reg        o_tx_aborted,
    // bytes from the host
    output reg        o_rx_valid,
    output reg  [7:0] o_rx_data,
    output reg        o_rx_error,
    output reg  [1:0] o_rx_err,
    output wire       o_busy
);
    // ---- timing constants (clk_sys cycles) ----
    localparam integer KHZ    = CLK_HZ / 1000;
    localparam integer C_HALF = KHZ * T_HALF_US / 1000;
    localparam integer C_SET  = KHZ * T_SETUP_US / 1000;
    localparam integer C_HOLD = C_HALF - C_SET;
    localparam integer C_CHK  = KHZ * T_CHK_US / 1000;
    localparam integer C_IDLE = KHZ * T_IDLE_US / 1000;
    localparam integer C_GAP  = KHZ * T_RTS_GAP_US / 1000;
    localparam integer C_FILT = (KHZ * FILT_NS / 1000000 > 1) ? KHZ * FILT_NS / 1000000 : 1;
    localparam integer C_MAX  = (C_IDLE > C_HALF) ? ((C_IDLE > C_GAP) ? C_IDLE : C_GAP)
                                                  : ((C_HALF > C_GAP) ? C_HALF : C_GAP);
    localparam integer TW     = $clog2(C_MAX + 1);
    localparam integer M_HALF = C_HALF - 1, M_SET = C_SET - 1, M_HOLD = C_HOLD - 1;
    localparam integer M_GAP  = C_GAP - 1;
    localparam [TW-1:0] K_HALF = M_HALF[TW-1:0];
    localparam [TW-1:0] K_SET  = M_SET[TW-1:0];
    localparam [TW-1:0] K_HOLD = M_HOLD[TW-1:0];
    localparam [TW-1:0] K_CHK  = C_CHK[TW-1:0];
    localparam [TW-1:0] K_IDLE = C_IDLE[TW-1:0];
    localparam [TW-1:0] K_GAP  = M_GAP[TW-1:0];
    localparam integer LAST_BIT = 10 + MAX_EXTRA;
    localparam [5:0] K_LAST = LAST_BIT[5:0];

    localparam [3:0] D_IDLE = 4'd0, D_TX_SET = 4'd1, D_TX_LOW = 4'd2, D_TX_HOLD = 4'd3,
                     D_RX_WAIT = 4'd4, D_RX_LOW = 4'd5, D_RX_HIGH = 4'd6,
                     D_RX_ACKSET = 4'd7, D_RX_ACKLOW = 4'd8, D_RX_ACKEND = 4'd9;
    localparam [1:0] RX_PARITY = 2'd1, RX_FRAME = 2'd2;

    wire ln_clk, ln_data, ln_fall, ln_rise;
    ps2_line_in #(.FILT_CYC(C_FILT)) u_line (
        .i_clk(i_clk), .i_rst(i_rst), .i_clk_in(i_clk_in), .i_data_in(i_data_in),
        .o_clk(ln_clk), .o_data(ln_data), .o_clk_fall(ln_fall), .o_clk_rise(ln_rise)
    );

    reg [3:0]    state;
    reg [TW-1:0] tmr;
    reg [5:0]    bitcnt;
    reg [9:0]    sh;            // send: next bit in [0]; receive: 8 data + parity in [8:0]
    reg          clk_low, data_low, last_bit, frame_err;

    wire idle_lines = ln_clk && ln_data;
    wire host_low   = !ln_clk;          // CLK low while this block releases it
    assign o_clk_drive_low  = clk_low;
    assign o_data_drive_low = data_low;
    assign o_ready = (state == D_IDLE) && (tmr == K_IDLE);
    assign o_busy  = (state != D_IDLE);

    always @(posedge i_clk) begin
        o_tx_done    <= 1'b0;
        o_tx_aborted <= 1'b0;
        o_rx_valid   <= 1'b0;
        o_rx_error   <= 1'b0;
        if (i_rst) begin
            state     <= D_IDLE;
            tmr       <= {TW{1'b0}};
            bitcnt    <= 6'd0;
            sh        <= 10'd0;
            clk_low   <= 1'b0;
            data_low  <= 1'b0;
            last_bit  <= 1'b0;
            frame_err <= 1'b0;
            o_rx_data <= 8'd0;
            o_rx_err  <= 2'd0;
        end else begin
            tmr <= tmr + 1'b1;
            case (state)
            D_IDLE: begin
                bitcnt    <= 6'd0;
                frame_err <= 1'b0;
                if (!idle_lines)
                    tmr <= {TW{1'b0}};
                else if (tmr == K_IDLE)
                    tmr <= K_IDLE;          // saturate
                if (ln_clk && !ln_data) begin                   // request to send
                    tmr   <= {TW{1'b0}};
                    state <= D_RX_WAIT;
                end else if (o_ready && i_valid) begin
                    tmr      <= {TW{1'b0}};
                    data_low <= 1'b1;                           // start bit
                    sh       <= {1'b1, ~^i_data, i_data};
                    state    <= D_TX_SET;
                end
            end
            // ---- send ----
            D_TX_SET: begin             // CLK released, DATA set: last inhibit check
                if (host_low) begin
                    clk_low      <= 1'b0;
                    data_low     <= 1'b0;
                    o_tx_aborted <= 1'b1;
                    tmr          <= {TW{1'b0}};
                    state        <= D_IDLE;
                end else if (tmr == K_SET) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b1;
                    state   <= D_TX_LOW;
                end
            end
            D_TX_LOW: begin
                if (tmr == K_HALF) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b0;
                    bitcnt  <= bitcnt + 6'd1;
                    if (bitcnt == 6'd10) begin      // 11th clock done
                        data_low  <= 1'b0;
                        o_tx_done <= 1'b1;
                        state     <= D_IDLE;
                    end else begin
                        state <= D_TX_HOLD;
                    end
                end
            end
            D_TX_HOLD: begin            // CLK released, DATA still holds the last bit
                if (tmr >= K_CHK && host_low) begin
                    data_low     <= 1'b0;
                    o_tx_aborted <= 1'b1;
                    tmr          <= {TW{1'b0}};
                    state        <= D_IDLE;
                end else if (tmr == K_HOLD) begin
                    tmr      <= {TW{1'b0}};
                    data_low <= ~sh[0];
                    sh       <= {1'b0, sh[9:1]};
                    state    <= D_TX_SET;
                end
            end
            // ---- receive ----
            D_RX_WAIT: begin
                if (!ln_clk || ln_data) begin       // host changed its mind
                    tmr   <= {TW{1'b0}};
                    state <= D_IDLE;
                end else if (tmr == K_GAP) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b1;
                    state   <= D_RX_LOW;
                end
            end
            D_RX_LOW: begin
                if (tmr == K_HALF) begin            // rising edge: sample DATA
                    tmr      <= {TW{1'b0}};
                    clk_low  <= 1'b0;
                    bitcnt   <= bitcnt + 6'd1;
                    last_bit <= ln_data;
                    if (bitcnt < 6'd9)
                        sh <= {1'b0, ln_data, sh[8:1]};
                    else if (!ln_data)
                        frame_err <= 1'b1;
                    state <= D_RX_HIGH;
                end
            end
            D_RX_HIGH: begin
                if (tmr >= K_CHK && host_low) begin
                    tmr   <= {TW{1'b0}};
                    state <= D_IDLE;
                end else if (bitcnt >= 6'd10 && last_bit) begin
                    if (tmr == K_HOLD) begin        // stop bit seen: ACK
                        tmr      <= {TW{1'b0}};
                        data_low <= 1'b1;
                        state    <= D_RX_ACKSET;
                    end
                end else if (bitcnt == K_LAST) begin    // DATA never released: give up
                    tmr        <= {TW{1'b0}};
                    o_rx_data  <= sh[7:0];
                    o_rx_error <= 1'b1;
                    o_rx_err   <= RX_FRAME;
                    state      <= D_IDLE;
                end else if (tmr == K_HALF) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b1;
                    state   <= D_RX_LOW;
                end
            end
            D_RX_ACKSET: begin
                if (tmr == K_SET) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b1;
                    state   <= D_RX_ACKLOW;
                end
            end
            D_RX_ACKLOW: begin
                if (tmr == K_HALF) begin
                    tmr     <= {TW{1'b0}};
                    clk_low <= 1'b0;
                    state   <= D_RX_ACKEND;
                end
            end
            D_RX_ACKEND: begin
                if (tmr == K_HOLD) begin
                    tmr       <= {TW{1'b0}};
                    data_low  <= 1'b0;
                    o_rx_data <= sh[7:0];
                    state     <= D_IDLE;
                    if (frame_err) begin
                        o_rx_error <= 1'b1;
                        o_rx_err   <= RX_FRAME;
                    end else if (~^sh[8:0]) begin
                        o_rx_error <= 1'b1;
                        o_rx_err   <= RX_PARITY;
                    end else begin
                        o_rx_valid <= 1'b1;
                    end
                end
            end
            default: state <= D_IDLE;
            endcase
        end
    end

    wire unused_ok = &{1'b0, ln_fall, ln_rise, sh[9]};
endmodule
`default_nettype wire
