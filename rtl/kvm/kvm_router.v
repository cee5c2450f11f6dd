// kvm_router: input router of the KVM (hardware path, no firmware in the loop).
// Console keyboard bytes (from the keyboard ps2_host) and console mouse bytes (from the
// mouse ps2_host) go to the selected port's ps2_kbd_emu / ps2_mouse_emu:
//   u_kfifo  console keyboard bytes wait here while a port is busy (o_kbd_hold asks the
//            logic above to inhibit the console keyboard when it is nearly full)
//   u_kbd    set-2 chunking, held-key map, release-all on switch, inject, LED request
//   u_mpkt   console mouse packets (3 or 4 bytes) -> events
//   u_mouse  movement/buttons to the selected port, button release on switch / block
//   u_snoop  timestamped copy of every console byte for the firmware (read-only FIFO)
// i_select: port number from a register (values >= N are ignored). i_block: firmware
// stops forwarding (OSD open); key and button releases still reach the port that saw
// the press. Keyboard and mouse switch independently, each between whole chunks/events.
// Raw modes (console init by firmware): i_kbd_raw / i_ms_raw keep console bytes out of the
// router (they still reach the snoop FIFO with their timestamp; mouse bytes are snooped
// while i_ms_raw even without i_snoop_mouse_en); the mouse packet parser is held in its
// start state while i_ms_raw, so it restarts cleanly when raw mode ends.
// Filter (hotkey): while i_filt_en, makes of key i_filt_key ({E0, code}) are dropped (not
// forwarded, not recorded); its break goes out only if a port holds the key.
// N = 1..8 ports.
// Clock: i_clk = clk_sys (CLK_HZ). Reset: i_rst (synchronous, active high).
`default_nettype none
module kvm_router #(
    parameter N        = 4,
    parameter PW       = (N > 1) ? $clog2(N) : 1,
    parameter CLK_HZ   = 12_000_000,
    parameter KFIFO_AW = 4,         // console keyboard FIFO: 16 (+1) bytes
    parameter SNOOP_AW = 8,         // snoop FIFO: 256 (+1) entries
    parameter STALL_MS = 100        // a port that takes no keyboard byte this long loses the chunk
) (
    input  wire            i_clk,
    input  wire            i_rst,
    // console side (from ps2_host)
    input  wire            i_kbd_rx_valid,
    input  wire [7:0]      i_kbd_rx_data,
    output wire            o_kbd_hold,
    input  wire            i_ms_rx_valid,
    input  wire [7:0]      i_ms_rx_data,
    input  wire [2:0]      i_ms_id,         // console mouse ID (0, 3, 4)
    input  wire            i_kbd_raw,       // console keyboard bytes: snoop only
    input  wire            i_ms_raw,        // console mouse bytes: snoop only
    input  wire            i_filt_en,       // hotkey filter on
    input  wire [8:0]      i_filt_key,      // {E0, set-2 code}
    // LED request towards the console keyboard sender (ED + o_led_byte)
    output wire            o_led_req,
    output wire [7:0]      o_led_byte,
    input  wire            i_led_ack,
    // control
    input  wire [PW-1:0]   i_select,
    input  wire            i_block,
    output wire [PW-1:0]   o_kbd_port,      // port the keyboard path currently feeds
    output wire [PW-1:0]   o_ms_port,
    // firmware inject (one keyboard chunk, bytes with last)
    input  wire            i_inject_valid,
    input  wire [7:0]      i_inject_data,
    input  wire            i_inject_last,
    input  wire [PW-1:0]   i_inject_port,
    output wire            o_inject_ready,
    // snoop FIFO
    output wire            o_snoop_valid,
    output wire [23:0]     o_snoop_data,    // {src, ms[14:0], byte}
    input  wire            i_snoop_pop,
    output wire [SNOOP_AW:0] o_snoop_level,
    input  wire            i_snoop_mouse_en,
    output wire            o_snoop_overflow,
    input  wire            i_snoop_ovf_clear,
    // per-port keyboard emulators
    output wire [N-1:0]    o_kbd_valid,
    output wire [7:0]      o_kbd_data,
    input  wire [N-1:0]    i_kbd_ready,
    input  wire [3*N-1:0]  i_port_leds,
    input  wire [N-1:0]    i_port_leds_wr,
    // per-port mouse emulators
    output wire [N-1:0]    o_ms_valid,
    output wire [4:0]      o_ms_buttons,
    output wire [9:0]      o_ms_dx,
    output wire [9:0]      o_ms_dy,
    output wire [7:0]      o_ms_dz,
    input  wire [N-1:0]    i_ms_ready
);
    wire ms_tick;
    ps2_ms_tick #(.CLK_HZ(CLK_HZ)) u_ms (.i_clk(i_clk), .i_rst(i_rst), .o_tick(ms_tick));

    // ---- keyboard ----
    wire            kf_valid, kf_pop, kf_full;
    wire [7:0]      kf_data;
    wire [KFIFO_AW:0] kf_level;
    sync_fifo #(.WIDTH(8), .AW(KFIFO_AW), .REG_HEAD(1)) u_kfifo (
        .i_clk(i_clk), .i_rst(i_rst), .i_push(i_kbd_rx_valid && !i_kbd_raw), .i_data(i_kbd_rx_data),
        .o_full(kf_full), .o_valid(kf_valid), .o_data(kf_data), .i_pop(kf_pop),
        .o_level(kf_level)
    );
    assign o_kbd_hold = kf_full || (kf_level >= (1 << KFIFO_AW) - 4);

    kvm_router_kbd #(.N(N), .PW(PW), .STALL_MS(STALL_MS)) u_kbd (
        .i_clk(i_clk), .i_rst(i_rst), .i_ms_tick(ms_tick),
        .i_valid(kf_valid), .i_data(kf_data), .o_ready(kf_pop),
        .i_select(i_select), .i_block(i_block), .o_cur_port(o_kbd_port),
        .i_filt_en(i_filt_en), .i_filt_key(i_filt_key),
        .i_inj_valid(i_inject_valid), .i_inj_data(i_inject_data), .i_inj_last(i_inject_last),
        .i_inj_port(i_inject_port), .o_inj_ready(o_inject_ready),
        .o_valid(o_kbd_valid), .o_data(o_kbd_data), .i_ready(i_kbd_ready),
        .i_port_leds(i_port_leds), .i_port_leds_wr(i_port_leds_wr),
        .o_led_req(o_led_req), .o_led_byte(o_led_byte), .i_led_ack(i_led_ack)
    );

    // ---- mouse ----
    wire       ev_valid;
    wire [4:0] ev_buttons;
    wire [9:0] ev_dx, ev_dy;
    wire [7:0] ev_dz;
    kvm_router_mpkt u_mpkt (
        .i_clk(i_clk), .i_rst(i_rst || i_ms_raw), .i_ms_tick(ms_tick), .i_id(i_ms_id),
        .i_valid(i_ms_rx_valid), .i_data(i_ms_rx_data),
        .o_ev_valid(ev_valid), .o_ev_buttons(ev_buttons), .o_ev_dx(ev_dx), .o_ev_dy(ev_dy),
        .o_ev_dz(ev_dz)
    );
    kvm_router_mouse #(.N(N), .PW(PW)) u_mouse (
        .i_clk(i_clk), .i_rst(i_rst),
        .i_ev_valid(ev_valid), .i_ev_buttons(ev_buttons), .i_ev_dx(ev_dx), .i_ev_dy(ev_dy),
        .i_ev_dz(ev_dz), .i_select(i_select), .i_block(i_block), .o_cur_port(o_ms_port),
        .o_valid(o_ms_valid), .o_buttons(o_ms_buttons), .o_dx(o_ms_dx), .o_dy(o_ms_dy),
        .o_dz(o_ms_dz), .i_ready(i_ms_ready)
    );

    // ---- snoop ----
    kvm_router_snoop #(.AW(SNOOP_AW)) u_snoop (
        .i_clk(i_clk), .i_rst(i_rst), .i_ms_tick(ms_tick),
        .i_kbd_valid(i_kbd_rx_valid), .i_kbd_data(i_kbd_rx_data),
        .i_ms_valid(i_ms_rx_valid), .i_ms_data(i_ms_rx_data),
        .i_mouse_en(i_snoop_mouse_en || i_ms_raw),
        .o_snoop_valid(o_snoop_valid), .o_snoop_data(o_snoop_data), .i_snoop_pop(i_snoop_pop),
        .o_level(o_snoop_level), .o_overflow(o_snoop_overflow), .i_ovf_clear(i_snoop_ovf_clear)
    );
endmodule
`default_nettype wire
