// ps2_tx_chunk: feeds one chunk of up to N bytes to ps2_dev and handles aborts.
// A chunk is loaded in one clock (i_load, i_len, i_bytes with byte 0 in [7:0]). Bytes go
// to ps2_dev one at a time (o_dev_valid / o_dev_data, accepted on i_dev_ready).
//  * i_whole = 1 (scan-code chunk, mouse packet): on o_tx_aborted (host inhibit or
//    request-to-send) the whole chunk is sent again from byte 0.
//  * i_whole = 0 (command reply such as FA AB 83): every byte that completed is final; an
//    abort resends only the interrupted byte.
// o_chunk_done pulses when the last byte of the chunk completed. i_flush drops what is
// left (used when the host sends a new command). o_last is the last byte that completed
// (for the host's FE "resend" command). o_idle: nothing queued and no byte in flight.
// No buffer of its own: the owner holds i_bytes stable from i_load until o_chunk_done or
// i_flush (the emulators keep the pending chunk and the reply kind anyway, so a copy here
// would be a second one).
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high).
`default_nettype none
module ps2_tx_chunk #(
    parameter N    = 8              // chunk size in bytes (2..8)
) (
    input  wire           i_clk,
    input  wire           i_rst,
    // chunk load
    input  wire           i_load,
    input  wire [3:0]     i_len,    // 1..N
    input  wire [8*N-1:0] i_bytes,
    input  wire           i_whole,
    input  wire           i_flush,
    output wire           o_idle,
    output reg            o_chunk_done,
    output reg  [7:0]     o_last,
    // towards ps2_dev
    input  wire           i_dev_ready,
    output wire           o_dev_valid,
    output wire [7:0]     o_dev_data,
    input  wire           i_dev_done,
    input  wire           i_dev_aborted
);
    reg [3:0]     len, idx, base;
    reg           whole, inflight;

    assign o_dev_data  = i_bytes[idx[2:0]*8 +: 8];
    assign o_dev_valid = (idx != len) && !inflight;
    assign o_idle      = (idx == len) && !inflight;

    always @(posedge i_clk) begin
        o_chunk_done <= 1'b0;
        if (i_rst) begin
            len      <= 4'd0;
            idx      <= 4'd0;
            base     <= 4'd0;
            whole    <= 1'b0;
            inflight <= 1'b0;
            o_last   <= 8'h00;
        end else begin
            if (o_dev_valid && i_dev_ready)
                inflight <= 1'b1;
            if (i_dev_done) begin
                inflight <= 1'b0;
                if (idx != len) begin
                    o_last <= o_dev_data;
                    idx    <= idx + 4'd1;
                    if (!whole)
                        base <= idx + 4'd1;
                    if (idx + 4'd1 == len)
                        o_chunk_done <= 1'b1;
                end
            end
            if (i_dev_aborted) begin
                inflight <= 1'b0;
                idx      <= base;
            end
            if (i_flush) begin
                len  <= 4'd0;
                idx  <= 4'd0;
                base <= 4'd0;
            end
            if (i_load) begin
                len   <= i_len;
                idx   <= 4'd0;
                base  <= 4'd0;
                whole <= i_whole;
            end
        end
    end
endmodule
`default_nettype wire
