// kvm_router_mpkt: console mouse packet assembler for the input router.
// Bytes from the console mouse's ps2_host become one event per packet: 3 bytes when the
// console mouse runs as ID 0, 4 bytes for ID 3 (Z) and ID 4 (Z[3:0] + buttons 4/5).
// A first byte must have bit 3 set (otherwise it is skipped: resync); a packet whose bytes
// are more than 2 ms apart (two i_ms_tick) is dropped. Output: o_ev_valid pulse with
// buttons {B5, B4, M, R, L}, dx/dy signed 10-bit (+Y up, overflow bits ignored), dz 8-bit.
// Clock: i_clk = clk_sys. Reset: i_rst (synchronous, active high).
`default_nettype none
module kvm_router_mpkt (
    input  wire       i_clk,
    input  wire       i_rst,
    input  wire       i_ms_tick,
    input  wire [2:0] i_id,         // console mouse ID: 0, 3 or 4
    input  wire       i_valid,
    input  wire [7:0] i_data,
    output reg        o_ev_valid,
    output reg  [4:0] o_ev_buttons,
    output reg  [9:0] o_ev_dx,
    output reg  [9:0] o_ev_dy,
    output reg  [7:0] o_ev_dz
);
    reg [1:0] n;                    // bytes held
    reg [4:0] b0;                   // {Ysign, Xsign, M, R, L}
    reg [7:0] b1, b2;
    reg [1:0] age;                  // ms ticks since the last byte
    wire      four = (i_id != 3'd0);
    wire      id4  = (i_id == 3'd4);
    wire      last = four ? (n == 2'd3) : (n == 2'd2);

    always @(posedge i_clk) begin
        o_ev_valid <= 1'b0;
        if (i_rst) begin
            n <= 2'd0; age <= 2'd0; b0 <= 5'd0; b1 <= 8'd0; b2 <= 8'd0;
            o_ev_buttons <= 5'd0; o_ev_dx <= 10'd0; o_ev_dy <= 10'd0; o_ev_dz <= 8'd0;
        end else if (i_valid) begin
            age <= 2'd0;
            if (n == 2'd0) begin
                if (i_data[3]) begin b0 <= {i_data[5:4], i_data[2:0]}; n <= 2'd1; end
            end else if (last) begin
                n            <= 2'd0;
                o_ev_valid   <= 1'b1;
                o_ev_buttons <= {id4 ? i_data[5:4] : 2'b00, b0[2:0]};
                o_ev_dx      <= {b0[3], b0[3], b1};
                o_ev_dy      <= {b0[4], b0[4], four ? b2 : i_data};
                o_ev_dz      <= !four ? 8'd0 : id4 ? {{4{i_data[3]}}, i_data[3:0]} : i_data;
            end else begin
                if (n == 2'd1) b1 <= i_data; else b2 <= i_data;
                n <= n + 2'd1;
            end
        end else if (i_ms_tick && n != 2'd0) begin
            age <= age + 2'd1;
            if (age == 2'd2) n <= 2'd0;
        end
    end
endmodule
`default_nettype wire
