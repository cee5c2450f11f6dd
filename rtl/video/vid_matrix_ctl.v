// vid_matrix_ctl: the matrix's control state machine. Chooses the source, runs the
// frame-boundary stop handshake with the output domain and sequences the clock mux.
// Clock: i_clk_sys / i_rst_sys. Inputs from elsewhere cross here, named:
//   u_ok   (cdc_sync2) port ok flags (meter, clk_ref domain)
//   u_pol  (cdc_sync2) port sync polarities, csync and interlaced flags (meter, quasi-static)
//   u_idle (cdc_sync2) "output blank and has seen run low" from the output domain
// i_alive and i_en_seen are already clk_sys (vid_clk_alive, vid_clkmux).
// Source index N is the internal fallback generator.
//
// Switch sequence: RUN --(target changes)--> STOP (run=0: output domain finishes the frame
// and goes blank at the next VS leading edge, answers idle) --> OFF (old clock enable off,
// wait until seen off; output domain held in reset = gap) --> ON (new clock enable on,
// wait until seen on) --> GO (release the output domain, run=1, wait for idle=0) --> RUN.
// Forced paths: the current port's clock dies (any state) -> OFF at once, the enable is
// cleared by o_kill; no idle within STOP_TIMEOUT -> cut (blank at once) and carry on.
`default_nettype none
module vid_matrix_ctl #(
    parameter N            = 4,
    parameter SW           = 3,         // $clog2(N+1)
    parameter STOP_TIMEOUT = 540000,    // clk_sys cycles (45 ms at 12 MHz, > 2 frames at 50 Hz)
    parameter FB_H_POL     = 0,
    parameter FB_V_POL     = 0
) (
    input  wire          i_clk_sys,
    input  wire          i_rst_sys,
    input  wire [SW-1:0] i_select,      // port number; >= N selects the fallback
    input  wire [N-1:0]  i_ok,          // meter: present & stable (any domain)
    input  wire [N-1:0]  i_hpol,        // meter: 1 = active high (quasi-static)
    input  wire [N-1:0]  i_vpol,
    input  wire [N-1:0]  i_csync,       // meter: composite sync on the HS pin (quasi-static)
    input  wire [N-1:0]  i_ilace,       // meter: interlaced (quasi-static)
    input  wire [N-1:0]  i_alive,       // clk_sys: port clock running
    input  wire [N:0]    i_en_seen,     // clk_sys: clock mux enables
    input  wire          i_idle,        // output domain
    output wire [N:0]    o_en_req,      // clock mux requests
    output reg  [N-1:0]  o_kill,        // clock mux asynchronous clears (dead clocks only)
    output reg           o_gap,         // hold the output domain in reset (clock gap)
    output reg  [SW-1:0] o_src,         // quasi-static to the output domain
    output reg           o_hpol,
    output reg           o_vpol,
    output reg           o_csync,
    output reg           o_ilace,
    output reg           o_run,
    output reg           o_cut,
    output reg           o_fb_restart,  // one clk_sys pulse: restart the fallback raster
    output wire [SW-1:0] o_cur_source,
    output wire          o_switching,
    output reg  [15:0]   o_switch_count,
    output reg  [15:0]   o_forced_count
);
    localparam integer  N_I = N;
    localparam [SW-1:0] FB = N_I[SW-1:0];  // the fallback's source number
    localparam NX = 1 << SW;
    localparam CW = $clog2(STOP_TIMEOUT + 1);
    localparam [CW-1:0] TMO = STOP_TIMEOUT;

    localparam [2:0] S_BOOT = 3'd0, S_RUN = 3'd1, S_STOP = 3'd2, S_OFF = 3'd3, S_ON = 3'd4,
                     S_GO = 3'd5;

    wire [N-1:0] ok_s;
    wire [N-1:0] hpol_s, vpol_s, csync_s, ilace_s;
    wire         idle_s;
    cdc_sync2 #(.W(N)) u_ok (.i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(i_ok), .o_q(ok_s));
    cdc_sync2 #(.W(4 * N)) u_pol (.i_clk(i_clk_sys), .i_rst(i_rst_sys),
        .i_d({i_ilace, i_csync, i_vpol, i_hpol}), .o_q({ilace_s, csync_s, vpol_s, hpol_s}));
    cdc_sync2 #(.W(1)) u_idle (.i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(i_idle), .o_q(idle_s));

    // Index tables widened to every SW-bit value: indexes >= N are the fallback.
    wire [NX-1:0] usable  = {{(NX - N){1'b0}}, ok_s & i_alive};
    wire [NX-1:0] alive_x = {{(NX - N){1'b1}}, i_alive};
    wire [NX-1:0] hpol_x  = {{(NX - N){FB_H_POL != 0}}, hpol_s};
    wire [NX-1:0] vpol_x  = {{(NX - N){FB_V_POL != 0}}, vpol_s};
    wire [NX-1:0] csync_x = {{(NX - N){1'b0}}, csync_s};
    wire [NX-1:0] ilace_x = {{(NX - N){1'b0}}, ilace_s};
    wire [NX-1:0] seen_x  = {{(NX - N - 1){1'b0}}, i_en_seen};

    wire [SW-1:0] target   = usable[i_select] ? i_select : FB;
    reg  [2:0]    state;
    reg  [SW-1:0] cur;
    reg           en_on;
    reg           booted;       // first switch (power-up onto the fallback) is not counted
    reg           fb_kicked;    // fallback restarted during this switch
    reg           go_idle;      // GO: idle seen high since the new clock started
    reg  [CW-1:0] timer;
    wire          cur_dead = !alive_x[cur];

    assign o_en_req     = en_on ? ({{N{1'b0}}, 1'b1} << cur) : {(N + 1){1'b0}};
    assign o_cur_source = cur;
    assign o_switching  = (state != S_RUN);

    always @(posedge i_clk_sys) begin
        if (i_rst_sys) begin
            state          <= S_BOOT;
            cur            <= FB;
            en_on          <= 1'b0;
            booted         <= 1'b0;
            fb_kicked      <= 1'b0;
            go_idle        <= 1'b0;
            timer          <= {CW{1'b0}};
            o_kill         <= {N{1'b1}};
            o_gap          <= 1'b1;
            o_src          <= FB;
            o_hpol         <= (FB_H_POL != 0);
            o_vpol         <= (FB_V_POL != 0);
            o_csync        <= 1'b0;
            o_ilace        <= 1'b0;
            o_run          <= 1'b0;
            o_cut          <= 1'b0;
            o_fb_restart   <= 1'b0;
            o_switch_count <= 16'd0;
            o_forced_count <= 16'd0;
        end else begin
            o_kill       <= ~i_alive & ~o_en_req[N-1:0];
            o_fb_restart <= 1'b0;
            case (state)
            S_BOOT:
                if (i_en_seen == {(N + 1){1'b0}}) state <= S_ON;
            S_RUN:
                if (cur_dead) begin
                    o_run          <= 1'b0;
                    o_gap          <= 1'b1;
                    o_forced_count <= o_forced_count + 16'd1;
                    timer          <= {CW{1'b0}};
                    state          <= S_OFF;
                end else if (target != cur) begin
                    o_run <= 1'b0;
                    timer <= {CW{1'b0}};
                    if (target == FB && cur != FB) begin
                        o_fb_restart <= 1'b1;
                        fb_kicked    <= 1'b1;
                    end
                    state <= S_STOP;
                end
            S_STOP: begin
                if (timer != TMO) timer <= timer + 1'b1;
                if (cur_dead) begin
                    o_gap          <= 1'b1;
                    if (!o_cut) o_forced_count <= o_forced_count + 16'd1;
                    timer          <= {CW{1'b0}};
                    state          <= S_OFF;
                end else if (idle_s) begin
                    o_gap <= 1'b1;
                    timer <= {CW{1'b0}};
                    state <= S_OFF;
                end else if (timer == TMO && !o_cut) begin
                    o_cut          <= 1'b1;
                    o_forced_count <= o_forced_count + 16'd1;
                end
            end
            S_OFF: begin
                // Dwell at least 4 cycles so o_kill (registered from the dropped request)
                // is in force before the enable is judged off.
                en_on <= 1'b0;
                if (timer != TMO) timer <= timer + 1'b1;
                if (!en_on && timer >= 4 && !seen_x[cur]) begin
                    cur    <= target;
                    o_src  <= target;
                    o_hpol <= hpol_x[target];
                    o_vpol <= vpol_x[target];
                    o_csync <= csync_x[target];
                    o_ilace <= ilace_x[target];
                    if (target == FB && cur != FB && !fb_kicked) o_fb_restart <= 1'b1;
                    state  <= S_ON;
                end
            end
            S_ON: begin
                en_on   <= 1'b1;
                go_idle <= 1'b0;
                if (cur_dead) begin
                    en_on <= 1'b0;
                    timer <= {CW{1'b0}};
                    state <= S_OFF;
                end else if (en_on && seen_x[cur]) begin
                    state <= S_GO;
                end
            end
            S_GO: begin
                o_gap <= 1'b0;
                o_run <= 1'b1;
                o_cut <= 1'b0;
                // idle must be seen high (output domain reset on the new clock) and then
                // low (it has seen run): a stale low from before a dead-clock switch is
                // not taken as the answer.
                if (idle_s) go_idle <= 1'b1;
                if (cur_dead) begin
                    o_run <= 1'b0;
                    o_gap <= 1'b1;
                    timer <= {CW{1'b0}};
                    state <= S_OFF;
                end else if (o_run && go_idle && !idle_s) begin
                    fb_kicked <= 1'b0;
                    booted    <= 1'b1;
                    if (booted) o_switch_count <= o_switch_count + 16'd1;
                    state     <= S_RUN;
                end
            end
            default: state <= S_BOOT;
            endcase
        end
    end
endmodule
`default_nettype wire
