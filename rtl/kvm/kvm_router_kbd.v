// kvm_router_kbd: keyboard half of the input router.
// Takes console set-2 bytes (i_valid/i_data/o_ready, from the input FIFO) and sends whole
// chunks to one port's ps2_kbd_emu (o_valid[port]/o_data/i_ready[port]).
//  * Chunk = prefixes (E0, F0) + final byte; E1 takes two finals (Pause). Chunks are
//    joined so they are never split: E0 12 make + next atom (Print Screen make and the
//    fake shifts), E0 F0 7C break + next atom (Print Screen break), the two E1 halves of
//    Pause. Console control bytes (00, 85..FF except E0/E1/F0: FA, AA, EE, FE...) are
//    dropped. 8 bytes at most; a longer run is dropped.
//  * Held-key map (kvm_ram, 512 x {held, port}, index {E0, code}): a make forwarded to
//    port P sets {1, P}; a break is forwarded to the port of its map entry (whatever the
//    selection or i_block) and clears it; a break for a key not held is dropped. A chunk
//    goes where its first atom goes. Makes and Pause go to the current port, or are
//    dropped (not recorded) while i_block is set.
//  * Switch (i_select != current port, checked between chunks): scan the map from the
//    top (so a held Print Screen is released as E0 F0 7C, E0 F0 12), send F0 xx /
//    E0 F0 xx to the old port for every key it holds, then take the new port and
//    raise o_led_req (held until i_led_ack) with o_led_byte = the port's LEDs. The PC of
//    the current port setting its LEDs (i_port_leds_wr) also raises o_led_req.
//  * Filter (hotkey): while i_filt_en, a make of key i_filt_key ({E0, code}) is treated
//    like a make during i_block (dropped, not recorded): a chunk it starts goes nowhere.
//    Its break follows the map as usual: forwarded only to a port that holds the key
//    (pressed before the filter was set), so nothing sticks.
//  * Inject: between chunks, a firmware chunk (i_inj_valid/i_inj_data/i_inj_last, port
//    i_inj_port, held stable for the chunk) passes straight to its port until i_inj_last.
//    Injected keys are not tracked in the map.
//  * Stall limit: a port's emulator that takes no byte for STALL_MS ms (its PC holds the
//    clock low and never reads, bad input) loses the rest of that chunk (an inject's
//    remaining bytes are taken and dropped up to i_inj_last), so one dead PC never holds
//    the console, the other ports or a switch (release-all) for longer than STALL_MS.
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high); after reset the map is
// cleared (512 clocks, o_ready low meanwhile) and the current port is 0.
`default_nettype none
module kvm_router_kbd #(
    parameter N  = 4,
    parameter PW = (N > 1) ? $clog2(N) : 1,
    parameter STALL_MS = 100
) (
    input  wire          i_clk,
    input  wire          i_rst,
    input  wire          i_ms_tick,     // 1 ms strobe (stall limit)
    // console bytes
    input  wire          i_valid,
    input  wire [7:0]    i_data,
    output wire          o_ready,
    // control
    input  wire [PW-1:0] i_select,
    input  wire          i_block,
    output reg  [PW-1:0] o_cur_port,
    input  wire          i_filt_en,
    input  wire [8:0]    i_filt_key,    // {E0, code}
    // firmware inject
    input  wire          i_inj_valid,
    input  wire [7:0]    i_inj_data,
    input  wire          i_inj_last,
    input  wire [PW-1:0] i_inj_port,
    output wire          o_inj_ready,
    // towards the per-port ps2_kbd_emu
    output reg  [N-1:0]  o_valid,
    output reg  [7:0]    o_data,
    input  wire [N-1:0]  i_ready,
    // per-port LEDs and the console LED request
    input  wire [3*N-1:0] i_port_leds,
    input  wire [N-1:0]  i_port_leds_wr,
    output reg           o_led_req,
    output wire [7:0]    o_led_byte,
    input  wire          i_led_ack
);
    localparam [2:0] S_CLEAR = 3'd0, S_GET = 3'd1, S_MAP = 3'd2, S_SEND = 3'd3,
                     S_SCAN = 3'd4, S_SCHK = 3'd5, S_INJ = 3'd6;
    localparam integer MW = PW + 1;
    localparam [PW:0]  NP = N[PW:0];

    reg  [2:0]    st;
    reg  [63:0]   cb;           // chunk bytes, byte 0 first
    reg  [3:0]    clen, snd_i;
    reg           ext, brk;     // prefixes of the atom being gathered
    reg  [1:0]    e1cnt;        // finals still due in an E1 atom
    reg           e1_joined;    // first Pause half done
    reg           dest_set, dest_ok, scan_ret;
    reg  [PW-1:0] dest, old_port, new_port;
    reg  [8:0]    idx;          // map index: clear / scan
    reg  [8:0]    atom_idx;

    // ---- held-key map ----
    reg           m_we, m_re;
    reg  [8:0]    m_waddr, m_raddr;
    reg  [MW-1:0] m_wdata;
    wire [MW-1:0] m_rdata;
    kvm_ram #(.W(MW), .AW(9)) u_map (
        .i_clk(i_clk), .i_we(m_we), .i_waddr(m_waddr), .i_wdata(m_wdata),
        .i_re(m_re), .i_raddr(m_raddr), .o_rdata(m_rdata)
    );

    wire          sel_pend  = (i_select != o_cur_port) && ({1'b0, i_select} < NP);
    wire          boundary  = (clen == 4'd0);
    wire          take_new  = boundary && !sel_pend && !i_inj_valid;
    assign o_ready = (st == S_GET) && (!boundary || take_new);
    wire          in_fire   = i_valid && o_ready;
    wire          is_pref   = (i_data == 8'hE0) || (i_data == 8'hF0) || (i_data == 8'hE1);
    wire          is_ctrl   = (i_data == 8'h00) || ((i_data >= 8'h85) && !is_pref);

    wire          held      = m_rdata[MW-1];
    wire [PW-1:0] hport     = m_rdata[PW-1:0];
    wire [7:0]    acode     = cb[(clen - 4'd1)*8 +: 8];    // final byte of the atom
    wire          join_ps   = ext && ((!brk && acode == 8'h12) || (brk && acode == 8'h7C));
    // a make may go out (to the current port) unless blocked or it is the filtered key
    wire          mk_allow  = !i_block && !(i_filt_en && atom_idx == i_filt_key);
    // destination of a make if no earlier atom decided it
    wire          mk_ok     = dest_set ? dest_ok : mk_allow;
    wire [PW-1:0] mk_port   = dest_set ? dest : o_cur_port;

    wire          out_fire  = |(o_valid & i_ready);
    // stall limit: ms while a byte is offered and not taken
    reg  [7:0]    stall_ms;
    reg           inj_drop;     // inject timed out: take and drop up to its last byte
    wire          stalled   = (stall_ms == STALL_MS[7:0]);
    assign o_inj_ready = (st == S_INJ) && (i_ready[i_inj_port] || inj_drop);

    wire [8:0]    scode     = idx;      // scanned entry: {E0, code}
    assign o_led_byte = {5'd0, i_port_leds[o_cur_port*3 +: 3]};

    // ---- outputs towards the emulators ----
    always @(*) begin
        o_valid = {N{1'b0}};
        o_data  = cb[snd_i[2:0]*8 +: 8];
        if (st == S_SEND)
            o_valid[dest] = 1'b1;
        else if (st == S_INJ) begin
            o_valid[i_inj_port] = i_inj_valid && !inj_drop;
            o_data = i_inj_data;
        end
    end

    // ---- map access (combinational controls) ----
    always @(*) begin
        m_re    = 1'b0;
        m_raddr = idx;
        m_we    = 1'b0;
        m_waddr = idx;
        m_wdata = {MW{1'b0}};
        case (st)
        S_CLEAR: m_we = 1'b1;
        S_GET: if (in_fire && !is_pref && !is_ctrl && e1cnt == 2'd0) begin
            m_re = 1'b1; m_raddr = {ext, i_data};
        end
        S_MAP: begin
            m_waddr = atom_idx;
            if (brk) begin
                m_we = held;
            end else begin
                m_we = mk_ok; m_wdata = {1'b1, mk_port};
            end
        end
        S_SCAN: m_re = 1'b1;
        S_SCHK: m_we = held && (hport == old_port);
        default: ;
        endcase
    end

    task automatic reset_chunk;
        begin
            clen <= 4'd0; ext <= 1'b0; brk <= 1'b0; e1cnt <= 2'd0; e1_joined <= 1'b0;
            dest_set <= 1'b0; dest_ok <= 1'b0;
        end
    endtask

    always @(posedge i_clk) begin
        if (i_led_ack)
            o_led_req <= 1'b0;
        if (i_port_leds_wr[o_cur_port] && st != S_SCAN && st != S_SCHK)
            o_led_req <= 1'b1;
        if (i_rst) begin
            st <= S_CLEAR; idx <= 9'd0; o_cur_port <= {PW{1'b0}}; o_led_req <= 1'b0;
            snd_i <= 4'd0; scan_ret <= 1'b0; dest <= {PW{1'b0}};
            old_port <= {PW{1'b0}}; new_port <= {PW{1'b0}}; atom_idx <= 9'd0; cb <= 64'd0;
            stall_ms <= 8'd0; inj_drop <= 1'b0;
            reset_chunk();
        end else begin
            if ((|o_valid) && !out_fire) begin
                if (i_ms_tick && !stalled) stall_ms <= stall_ms + 8'd1;
            end else begin
                stall_ms <= 8'd0;
            end
            case (st)
            S_CLEAR: begin
                idx <= idx + 9'd1;
                if (idx == 9'h1FF) st <= S_GET;
            end
            S_GET: begin
                if (boundary && sel_pend) begin
                    old_port <= o_cur_port; new_port <= i_select; idx <= 9'h1FF; st <= S_SCAN;
                end else if (boundary && i_inj_valid) begin
                    st <= S_INJ;
                end else if (in_fire && !is_ctrl) begin
                    if (clen == 4'd8) begin
                        reset_chunk();              // runaway sequence: drop it
                    end else begin
                        cb[clen[2:0]*8 +: 8] <= i_data;
                        clen <= clen + 4'd1;
                        if (i_data == 8'hE0) ext <= 1'b1;
                        else if (i_data == 8'hF0) brk <= 1'b1;
                        else if (i_data == 8'hE1) e1cnt <= 2'd2;
                        else if (e1cnt == 2'd2) e1cnt <= 2'd1;
                        else if (e1cnt == 2'd1) begin
                            // Pause half done: no map entry, goes to the current port
                            e1cnt <= 2'd0; ext <= 1'b0; brk <= 1'b0;
                            if (!dest_set) begin
                                dest_set <= 1'b1; dest_ok <= !i_block; dest <= o_cur_port;
                            end
                            if (!e1_joined) begin
                                e1_joined <= 1'b1;
                            end else if (dest_set ? dest_ok : !i_block) begin
                                snd_i <= 4'd0; scan_ret <= 1'b0; st <= S_SEND;
                                if (!dest_set) dest <= o_cur_port;
                            end else begin
                                reset_chunk();
                            end
                        end else begin
                            atom_idx <= {ext, i_data}; st <= S_MAP;
                        end
                    end
                end
            end
            S_MAP: begin
                ext <= 1'b0; brk <= 1'b0;
                if (!dest_set) begin
                    dest_set <= 1'b1;
                    dest_ok  <= brk ? held : mk_allow;
                    dest     <= brk ? hport : o_cur_port;
                end
                if (join_ps) begin
                    st <= S_GET;
                end else if (dest_set ? dest_ok : (brk ? held : mk_allow)) begin
                    snd_i <= 4'd0; scan_ret <= 1'b0; st <= S_SEND;
                end else begin
                    reset_chunk(); st <= S_GET;
                end
            end
            S_SEND: if (out_fire || stalled) begin
                snd_i <= snd_i + 4'd1;
                if (snd_i + 4'd1 == clen || stalled) begin     // done, or the port is dead
                    reset_chunk();
                    if (scan_ret) begin
                        idx <= idx - 9'd1;
                        st  <= (idx == 9'h000) ? S_GET : S_SCAN;
                        if (idx == 9'h000) begin o_cur_port <= new_port; o_led_req <= 1'b1; end
                    end else begin
                        st <= S_GET;
                    end
                end
            end
            S_SCAN: st <= S_SCHK;       // read issued, data next clock
            S_SCHK: begin
                if (held && hport == old_port) begin
                    if (scode[8]) begin
                        cb[23:0] <= {scode[7:0], 8'hF0, 8'hE0}; clen <= 4'd3;
                    end else begin
                        cb[15:0] <= {scode[7:0], 8'hF0}; clen <= 4'd2;
                    end
                    dest <= old_port; snd_i <= 4'd0; scan_ret <= 1'b1; st <= S_SEND;
                end else begin
                    idx <= idx - 9'd1;
                    if (idx == 9'h000) begin
                        st <= S_GET; o_cur_port <= new_port; o_led_req <= 1'b1;
                    end else begin
                        st <= S_SCAN;
                    end
                end
            end
            S_INJ: begin
                if (stalled)
                    inj_drop <= 1'b1;
                if (i_inj_valid && o_inj_ready && i_inj_last) begin
                    st <= S_GET; inj_drop <= 1'b0;
                end
            end
            default: st <= S_GET;
            endcase
        end
    end
endmodule
`default_nettype wire
