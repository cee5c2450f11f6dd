// kvm_router_snoop: copy of every console byte for the firmware, with a timestamp.
// Entry (o_snoop_data, 24 bits) = {src (0 keyboard, 1 mouse), ts[14:0], byte[7:0]};
// ts is a free-running 15-bit millisecond counter (i_ms_tick), sampled when the byte
// arrives, so it wraps every 32.768 s (firmware uses differences). Mouse bytes are
// stored only while i_mouse_en. A keyboard and a mouse byte in the same clock: the mouse
// byte waits one clock in a holding register. A byte arriving while the FIFO is full is
// lost and sets o_overflow (sticky until i_ovf_clear).
// Read: o_snoop_valid / o_snoop_data show the oldest entry, i_snoop_pop removes it.
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high).
`default_nettype none
module kvm_router_snoop #(
    parameter AW = 8                // 2**AW entries (+1 in the output register)
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_ms_tick,
    input  wire        i_kbd_valid,
    input  wire [7:0]  i_kbd_data,
    input  wire        i_ms_valid,
    input  wire [7:0]  i_ms_data,
    input  wire        i_mouse_en,
    output wire        o_snoop_valid,
    output wire [23:0] o_snoop_data,
    input  wire        i_snoop_pop,
    output wire [AW:0] o_level,     // entries waiting (not counting the head)
    output reg         o_overflow,
    input  wire        i_ovf_clear
);
    reg  [14:0] ts;
    reg         hold_v;
    reg  [7:0]  hold_d;
    wire        ms_v   = i_ms_valid && i_mouse_en;
    wire        push   = i_kbd_valid || hold_v || ms_v;
    wire [23:0] entry  = i_kbd_valid ? {1'b0, ts, i_kbd_data} :
                         hold_v      ? {1'b1, ts, hold_d} : {1'b1, ts, i_ms_data};
    wire        full;

    sync_fifo #(.WIDTH(24), .AW(AW), .REG_HEAD(1)) u_fifo (
        .i_clk(i_clk), .i_rst(i_rst), .i_push(push), .i_data(entry), .o_full(full),
        .o_valid(o_snoop_valid), .o_data(o_snoop_data), .i_pop(i_snoop_pop), .o_level(o_level)
    );

    always @(posedge i_clk) begin
        if (i_rst) begin
            ts <= 15'd0; hold_v <= 1'b0; hold_d <= 8'd0; o_overflow <= 1'b0;
        end else begin
            if (i_ms_tick)
                ts <= ts + 15'd1;
            // the mouse byte waits when the keyboard (or an older held byte) goes first
            if (ms_v && (i_kbd_valid || hold_v)) begin
                hold_v <= 1'b1; hold_d <= i_ms_data;
            end else if (!i_kbd_valid) begin
                hold_v <= 1'b0;
            end
            if (i_ovf_clear)
                o_overflow <= 1'b0;
            if (push && full)
                o_overflow <= 1'b1;
        end
    end
endmodule
`default_nettype wire
