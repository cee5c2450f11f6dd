// kvm_router_mouse: mouse half of the input router.
// Console mouse events (from kvm_router_mpkt) go to the current port's ps2_mouse_emu
// (o_valid[port] + shared buttons/dx/dy/dz, i_ready[port]). While the emulator is busy
// the movement is accumulated (saturating to 10 bits signed) and the latest buttons kept.
//  * i_block: nothing is forwarded, except button releases (buttons = sent & console, no
//    movement) so no button sticks on the port that saw the press.
//  * Switch (i_select != current port): if any button was reported pressed to the old
//    port, an event "all released, no movement" goes to it first; then the new port is
//    taken (pending movement follows to the new port).
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high), current port 0.
`default_nettype none
module kvm_router_mouse #(
    parameter N  = 4,
    parameter PW = (N > 1) ? $clog2(N) : 1
) (
    input  wire          i_clk,
    input  wire          i_rst,
    input  wire          i_ev_valid,
    input  wire [4:0]    i_ev_buttons,
    input  wire [9:0]    i_ev_dx,
    input  wire [9:0]    i_ev_dy,
    input  wire [7:0]    i_ev_dz,
    input  wire [PW-1:0] i_select,
    input  wire          i_block,
    output reg  [PW-1:0] o_cur_port,
    output reg  [N-1:0]  o_valid,
    output reg  [4:0]    o_buttons,
    output reg  [9:0]    o_dx,
    output reg  [9:0]    o_dy,
    output reg  [7:0]    o_dz,
    input  wire [N-1:0]  i_ready
);
    reg  [4:0] acc_btn, sent_btn;
    reg  [9:0] acc_dx, acc_dy;
    reg  [7:0] acc_dz;
    reg        acc_pend;

    localparam [PW:0] NP = N[PW:0];
    wire sel_pend = (i_select != o_cur_port) && ({1'b0, i_select} < NP);
    wire [4:0] rel_btn = sent_btn & acc_btn;
    reg  send;
    wire fire = send && i_ready[o_cur_port];

    always @(*) begin
        o_valid   = {N{1'b0}};
        o_buttons = acc_btn;
        o_dx = acc_dx; o_dy = acc_dy; o_dz = acc_dz;
        send = 1'b0;
        if (sel_pend || i_block) begin
            o_buttons = sel_pend ? 5'd0 : rel_btn;
            o_dx = 10'd0; o_dy = 10'd0; o_dz = 8'd0;
            send = (o_buttons != sent_btn);
        end else begin
            send = acc_pend;
        end
        o_valid[o_cur_port] = send;
    end

    function automatic [9:0] sat10(input [9:0] a, input [9:0] b);
        reg [10:0] s;
        begin
            s = {a[9], a} + {b[9], b};
            sat10 = (s[10] != s[9]) ? {s[10], {9{!s[10]}}} : s[9:0];
        end
    endfunction
    function automatic [7:0] sat8(input [7:0] a, input [7:0] b);
        reg [8:0] s;
        begin
            s = {a[7], a} + {b[7], b};
            sat8 = (s[8] != s[7]) ? {s[8], {7{!s[8]}}} : s[7:0];
        end
    endfunction

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_cur_port <= {PW{1'b0}};
            acc_btn <= 5'd0; sent_btn <= 5'd0; acc_pend <= 1'b0;
            acc_dx <= 10'd0; acc_dy <= 10'd0; acc_dz <= 8'd0;
        end else begin
            if (fire)
                sent_btn <= o_buttons;
            if (sel_pend && (!send || fire))
                o_cur_port <= i_select;
            // accumulate; what was sent this clock is removed
            if (fire && !sel_pend && !i_block) begin
                acc_pend <= 1'b0;
                acc_dx <= 10'd0; acc_dy <= 10'd0; acc_dz <= 8'd0;
            end
            if (i_ev_valid) begin
                acc_btn <= i_ev_buttons;
                if (i_block) begin
                    acc_dx <= 10'd0; acc_dy <= 10'd0; acc_dz <= 8'd0; acc_pend <= 1'b0;
                end else if (fire && !sel_pend) begin
                    acc_dx <= i_ev_dx; acc_dy <= i_ev_dy; acc_dz <= i_ev_dz; acc_pend <= 1'b1;
                end else begin
                    acc_dx <= sat10(acc_dx, i_ev_dx); acc_dy <= sat10(acc_dy, i_ev_dy);
                    acc_dz <= sat8(acc_dz, i_ev_dz); acc_pend <= 1'b1;
                end
            end
        end
    end
endmodule
`default_nettype wire
