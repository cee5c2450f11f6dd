// ps2_emu_link: the device-side plumbing shared by the emulated keyboard and mouse
// (ps2_kbd_emu, ps2_mouse_emu): ps2_dev line engine, ps2_tx_chunk sender (flushed by every
// received byte or receive error, so a host command cancels what is left to send) and a
// millisecond tick. The emulator above only decides what to send and when.
// Send side: load one chunk of up to N bytes (i_load, i_len, i_bytes with byte 0 in [7:0],
// i_whole) while o_idle; o_chunk_done pulses when it completed; o_last is the last byte
// that completed (for FE "resend"). Receive side: o_rx_valid / o_rx_data pulse per host
// byte, o_rx_error on a parity or framing error.
// The sender keeps no copy of the chunk: i_bytes must hold the chunk's bytes from i_load
// until o_chunk_done or the next host byte.
// Clock: i_clk = clk_sys (CLK_HZ); the PS/2 lines are asynchronous (synchronised in
// ps2_dev). Reset: i_rst (synchronous, active high).
`default_nettype none
module ps2_emu_link #(
    parameter CLK_HZ = 12_000_000,
    parameter N      = 6            // chunk size in bytes (2..8)
) (
    input  wire           i_clk,
    input  wire           i_rst,
    // PS/2 lines towards the PC (open collector)
    input  wire           i_clk_in,
    output wire           o_clk_drive_low,
    input  wire           i_data_in,
    output wire           o_data_drive_low,
    // chunk sender
    input  wire           i_load,
    input  wire [3:0]     i_len,
    input  wire [8*N-1:0] i_bytes,
    input  wire           i_whole,
    output wire           o_idle,
    output wire           o_chunk_done,
    output wire [7:0]     o_last,
    // received host bytes
    output wire           o_rx_valid,
    output wire [7:0]     o_rx_data,
    output wire           o_rx_error,
    // 1 ms tick
    output wire           o_ms_tick
);
    wire       dev_ready, dev_valid, dev_done, dev_aborted;
    wire [7:0] dev_data;
    wire [1:0] rx_err;
    wire       dev_busy;
    ps2_dev #(.CLK_HZ(CLK_HZ)) u_dev (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_clk_in(i_clk_in), .o_clk_drive_low(o_clk_drive_low),
        .i_data_in(i_data_in), .o_data_drive_low(o_data_drive_low),
        .o_ready(dev_ready), .i_valid(dev_valid), .i_data(dev_data),
        .o_tx_done(dev_done), .o_tx_aborted(dev_aborted),
        .o_rx_valid(o_rx_valid), .o_rx_data(o_rx_data), .o_rx_error(o_rx_error),
        .o_rx_err(rx_err), .o_busy(dev_busy)
    );

    ps2_tx_chunk #(.N(N)) u_tx (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_load(i_load), .i_len(i_len), .i_bytes(i_bytes), .i_whole(i_whole),
        .i_flush(o_rx_valid || o_rx_error), .o_idle(o_idle), .o_chunk_done(o_chunk_done),
        .o_last(o_last),
        .i_dev_ready(dev_ready), .o_dev_valid(dev_valid), .o_dev_data(dev_data),
        .i_dev_done(dev_done), .i_dev_aborted(dev_aborted)
    );

    ps2_ms_tick #(.CLK_HZ(CLK_HZ)) u_ms (.i_clk(i_clk), .i_rst(i_rst), .o_tick(o_ms_tick));

    wire unused_ok = &{1'b0, rx_err, dev_busy};
endmodule
`default_nettype wire
