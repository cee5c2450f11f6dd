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
// Timing: one bit clock serves send, receive and ACK: a phase counter in UNIT_US units over
// one bit (DATA change at phase 0, CLK fall at T_SETUP_US, rise T_HALF_US later), driven by
// a unit prescaler that restarts with every sequence, so every time is exact. All T_*_US
// must be multiples of UNIT_US, and T_SETUP_US < T_HALF_US.
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
    parameter FILT_NS      = 1000,
    parameter UNIT_US      = 5      // timer unit; every T_*_US must be a multiple of it
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
    // ---- timing: a UNIT_US prescaler (restarted with every phase sequence, so times are
    // exact multiples of the unit) and a small phase counter in units ----
    localparam integer KHZ    = CLK_HZ / 1000;
    localparam integer C_UNIT = KHZ * UNIT_US / 1000;          // cycles per unit
    localparam integer C_FILT = (KHZ * FILT_NS / 1000000 > 1) ? KHZ * FILT_NS / 1000000 : 1;
    localparam integer N_HALF = T_HALF_US / UNIT_US;
    localparam integer N_SET  = T_SETUP_US / UNIT_US;
    localparam integer N_CHK  = T_CHK_US / UNIT_US;
    localparam integer N_IDLE = T_IDLE_US / UNIT_US;
    localparam integer N_GAP  = T_RTS_GAP_US / UNIT_US;
    localparam integer N_PER  = 2 * N_HALF;                     // one bit: 2 half periods
    localparam integer N_MAX  = (N_PER > N_IDLE) ? ((N_PER > N_GAP) ? N_PER : N_GAP)
                                                 : ((N_IDLE > N_GAP) ? N_IDLE : N_GAP);
    localparam integer UW     = $clog2(N_MAX + 1);
    localparam integer PW     = $clog2(C_UNIT);
    // phase u within one bit (0 .. N_PER-1): DATA changes when u becomes 0, CLK falls
    // when u becomes N_SET, rises when u becomes N_SET + N_HALF; CLK is checked from
    // N_CHK units after the rise up to the fall.
    localparam integer M_UNIT = C_UNIT - 1;
    localparam integer M_FALL = N_SET - 1, M_RISE = N_SET + N_HALF - 1, M_PER = N_PER - 1;
    localparam integer M_CHK  = N_SET + N_HALF + N_CHK, M_GAP = N_GAP - 1;
    localparam [PW-1:0] P_LAST = M_UNIT[PW-1:0];
    localparam [UW-1:0] U_FALL = M_FALL[UW-1:0], U_RISE = M_RISE[UW-1:0];
    localparam [UW-1:0] U_LAST = M_PER[UW-1:0], U_CHK = M_CHK[UW-1:0];
    localparam [UW-1:0] U_SET  = N_SET[UW-1:0], U_IDLE = N_IDLE[UW-1:0];
    localparam [UW-1:0] U_GAP  = M_GAP[UW-1:0];
    localparam integer LAST_BIT = 9 + MAX_EXTRA;
    localparam [5:0] K_LAST = LAST_BIT[5:0];

    localparam [1:0] M_IDLE = 2'd0, M_TX = 2'd1, M_GAPW = 2'd2, M_RX = 2'd3;
    localparam [1:0] RX_PARITY = 2'd1, RX_FRAME = 2'd2;

    wire ln_clk, ln_data, ln_fall, ln_rise;
    ps2_line_in #(.FILT_CYC(C_FILT)) u_line (
        .i_clk(i_clk), .i_rst(i_rst), .i_clk_in(i_clk_in), .i_data_in(i_data_in),
        .o_clk(ln_clk), .o_data(ln_data), .o_clk_fall(ln_fall), .o_clk_rise(ln_rise)
    );

    reg [1:0]    mode;
    reg [PW-1:0] pre;           // unit prescaler
    reg [UW-1:0] u;             // phase in units (idle: time the lines have been idle)
    reg [5:0]    bitcnt;        // clocks done (rising edges)
    reg [9:0]    sh;            // send: next bit in [0]; receive: bits enter at [9]
    reg          clk_low, data_low, last_bit, acking;

    wire tick       = (pre == P_LAST);
    wire idle_lines = ln_clk && ln_data;
    wire host_low   = !ln_clk;                  // CLK low while this block releases it
    wire in_idle    = (mode == M_IDLE);
    wire in_gap     = (mode == M_GAPW);
    wire bit_clock  = mode[0];                  // M_TX or M_RX
    wire is_tx      = (mode == M_TX);
    wire fall_ev    = tick && (u == U_FALL);
    wire rise_ev    = tick && (u == U_RISE);
    wire chg_ev     = tick && (u == U_LAST);
    wire chk_win    = (u >= U_CHK) || (u < U_SET);
    wire rts        = ln_clk && !ln_data;       // idle: host request to send
    wire tx_start   = o_ready && i_valid && !rts;
    wire gap_quit   = !ln_clk || ln_data;       // host changed its mind
    wire gap_end    = tick && (u == U_GAP);
    wire abort      = chk_win && host_low && !acking;
    wire tx_end     = is_tx && rise_ev && (bitcnt == 6'd10);     // 11th clock done
    wire rx_giveup  = !is_tx && !acking && rise_ev && (bitcnt == K_LAST) && !ln_data;
    wire rx_end     = !is_tx && acking && chg_ev;                // ACK clock done
    // (re)start the unit timer: entering idle, starting a sequence, lines busy while idle
    wire restart    = in_idle ? (!idle_lines || tx_start)
                    : in_gap  ? gap_quit
                    : (abort || tx_end || rx_giveup || rx_end);
    assign o_clk_drive_low  = clk_low;
    assign o_data_drive_low = data_low;
    assign o_ready = in_idle && (u == U_IDLE);
    assign o_busy  = !in_idle;

    // ---- unit prescaler and phase counter ----
    always @(posedge i_clk) begin
        if (i_rst || restart) begin
            pre <= {PW{1'b0}};
            u   <= {UW{1'b0}};
        end else begin
            pre <= tick ? {PW{1'b0}} : pre + 1'b1;
            if (in_gap && gap_end)
                u <= U_SET;                             // first falling edge
            else if (tick && bit_clock && u == U_LAST)
                u <= {UW{1'b0}};
            else if (tick && !o_ready)                  // idle: saturate at U_IDLE
                u <= u + 1'b1;
        end
    end

    // ---- sequence ----
    always @(posedge i_clk) begin
        o_tx_done    <= 1'b0;
        o_tx_aborted <= 1'b0;
        o_rx_valid   <= 1'b0;
        o_rx_error   <= 1'b0;
        if (i_rst) begin
            mode      <= M_IDLE;
            bitcnt    <= 6'd0;
            sh        <= 10'd0;
            clk_low   <= 1'b0;
            data_low  <= 1'b0;
            last_bit  <= 1'b0;
            acking    <= 1'b0;
            o_rx_data <= 8'd0;
            o_rx_err  <= 2'd0;
        end else begin
            if (in_idle) begin
                bitcnt <= 6'd0;
                acking <= 1'b0;
            end
            // shift: send at each DATA change, receive at each rise (10 bits up to stop)
            if ((is_tx && chg_ev) || (mode == M_RX && rise_ev && !acking && bitcnt < 6'd10))
                sh <= {ln_data, sh[9:1]};
            if (fall_ev && bit_clock)
                clk_low <= 1'b1;
            if (rise_ev && bit_clock) begin
                clk_low  <= 1'b0;
                bitcnt   <= bitcnt + 6'd1;
                last_bit <= ln_data;
            end
            if (is_tx && chg_ev)
                data_low <= ~sh[0];                     // next bit
            if (mode == M_RX && chg_ev && !acking && bitcnt >= 6'd10 && last_bit) begin
                data_low <= 1'b1;                       // stop bit (or a later 1) seen: ACK
                acking   <= 1'b1;
            end
            if (tx_end)
                o_tx_done <= 1'b1;
            if (rx_giveup) begin                        // DATA never released: no ACK
                o_rx_error <= 1'b1;
                o_rx_err   <= RX_FRAME;
            end
            if (rx_end) begin                           // report (stop bit in sh[9])
                if (!sh[9]) begin
                    o_rx_error <= 1'b1;
                    o_rx_err   <= RX_FRAME;
                end else if (~^sh[8:0]) begin
                    o_rx_error <= 1'b1;
                    o_rx_err   <= RX_PARITY;
                end else begin
                    o_rx_valid <= 1'b1;
                end
            end
            if (rx_giveup || rx_end)
                o_rx_data <= sh[7:0];
            case (mode)
            M_IDLE:
                if (rts) begin
                    mode <= M_GAPW;
                end else if (tx_start) begin
                    data_low <= 1'b1;                   // start bit; setup time runs
                    sh       <= {1'b1, ~^i_data, i_data};
                    mode     <= M_TX;
                end
            M_GAPW:
                if (gap_quit) begin
                    mode <= M_IDLE;
                end else if (gap_end) begin
                    clk_low <= 1'b1;
                    mode    <= M_RX;
                end
            default:
                if (abort) begin        // host inhibit / RTS: release both lines
                    clk_low      <= 1'b0;
                    data_low     <= 1'b0;
                    o_tx_aborted <= is_tx;
                    mode         <= M_IDLE;
                end else if (tx_end || rx_giveup || rx_end) begin
                    data_low <= 1'b0;
                    mode     <= M_IDLE;
                end
            endcase
        end
    end

    wire unused_ok = &{1'b0, ln_fall, ln_rise};
endmodule
`default_nettype wire
