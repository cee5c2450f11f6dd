// video_regs: the VIDEO register block (see common/regmap.toml) in clk_sys.
// Clock: i_clk = clk_sys. Slave port per the SoC convention; o_ready is combinational:
// reads complete at once, writes complete at once unless i_freeze is high (a snapshot of
// these registers is crossing to clk_pix, about 10 cycles once per frame), then they wait.
// Read/write registers read back the implemented bits written (others read 0); byte
// strobes are honoured. STATUS, FRAME, TIMING_H and TIMING_V are read-only.
// PALETTE is write-only (reads 0): the entries live in a block RAM in the overlay
// (osd_pal_ram); this block only forwards the store with its byte strobes [1:0].
`default_nettype none
module video_regs #(
    parameter H_ACTIVE = 640,
    parameter H_TOTAL  = 800,
    parameter V_ACTIVE = 480,
    parameter V_TOTAL  = 525
) (
    input  wire         i_clk,
    input  wire         i_rst,
    input  wire         i_sel,
    input  wire [7:0]   i_addr,
    /* verilator lint_off UNUSEDSIGNAL */
    input  wire [31:0]  i_wdata,        // bits [31:28] are not implemented anywhere
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [3:0]   i_wstrb,
    output reg  [31:0]  o_rdata,
    output wire         o_ready,
    // status inputs (already in clk_sys)
    input  wire         i_freeze,
    input  wire [31:0]  i_frame,
    input  wire         i_running,
    // register values (clk_sys; crossed by cfg_snapshot)
    output reg  [1:0]   o_pat_mode,     // PATTERN[1:0]
    output reg  [11:0]  o_pat_colour,   // PATTERN[15:4]
    output reg          o_osd_en,
    output reg  [11:0]  o_pos_x,
    output reg  [11:0]  o_pos_y,
    output reg  [7:0]   o_cols,
    output reg  [7:0]   o_rows,
    // palette write port (clk_sys, to osd_pal_ram)
    output wire [1:0]   o_pal_we,       // [0] bits [7:0], [1] bits [11:8]
    output wire [3:0]   o_pal_addr,
    output wire [11:0]  o_pal_wdata
);
    // The generated map defines every address in the SoC; only the VIDEO offsets are used.
    /* verilator lint_off UNUSEDPARAM */
`include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    localparam [7:0] A_STATUS   = KVM_VIDEO_STATUS_OFF[7:0];
    localparam [7:0] A_PATTERN  = KVM_VIDEO_PATTERN_OFF[7:0];
    localparam [7:0] A_OSD_CTRL = KVM_VIDEO_OSD_CTRL_OFF[7:0];
    localparam [7:0] A_OSD_POS  = KVM_VIDEO_OSD_POS_OFF[7:0];
    localparam [7:0] A_OSD_SIZE = KVM_VIDEO_OSD_SIZE_OFF[7:0];
    localparam [7:0] A_FRAME    = KVM_VIDEO_FRAME_OFF[7:0];
    localparam [7:0] A_TIMING_H = KVM_VIDEO_TIMING_H_OFF[7:0];
    localparam [7:0] A_TIMING_V = KVM_VIDEO_TIMING_V_OFF[7:0];
    localparam [7:0] A_PALETTE  = KVM_VIDEO_PALETTE_OFF[7:0];
    localparam [11:0] HA = H_ACTIVE, HT = H_TOTAL, VA = V_ACTIVE, VT = V_TOTAL;

    wire is_write = |i_wstrb;
    assign o_ready = i_sel && (!is_write || !i_freeze);
    wire wr = i_sel && is_write && !i_freeze;
    wire is_pal = (i_addr[7:6] == A_PALETTE[7:6]);
    wire [3:0] pal_idx = i_addr[5:2];

    // Current value of the addressed register, as read (also the base for byte merges).
    always @(*) begin
        o_rdata = 32'd0;
        if (!is_pal) case (i_addr)
        A_STATUS:   o_rdata = {i_frame[15:0], 15'd0, i_running};
        A_PATTERN:  o_rdata = {16'd0, o_pat_colour, 2'b00, o_pat_mode};
        A_OSD_CTRL: o_rdata = {31'd0, o_osd_en};
        A_OSD_POS:  o_rdata = {4'd0, o_pos_y, 4'd0, o_pos_x};
        A_OSD_SIZE: o_rdata = {16'd0, o_rows, o_cols};
        A_FRAME:    o_rdata = i_frame;
        A_TIMING_H: o_rdata = {4'd0, HT, 4'd0, HA};
        A_TIMING_V: o_rdata = {4'd0, VT, 4'd0, VA};
        default:    o_rdata = 32'd0;
        endcase
    end

    // Byte-merged write value (no register implements bits [31:28]).
    wire [27:0] strb_mask = {{4{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
    wire [27:0] wval = (o_rdata[27:0] & ~strb_mask) | (i_wdata[27:0] & strb_mask);

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_pat_mode   <= 2'd0;
            o_pat_colour <= 12'd0;
            o_osd_en  <= 1'b0;
            o_pos_x   <= 12'd0;
            o_pos_y   <= 12'd0;
            o_cols    <= 8'd0;
            o_rows    <= 8'd0;
        end else if (wr && !is_pal) begin
            case (i_addr)
            A_PATTERN:  begin o_pat_mode <= wval[1:0]; o_pat_colour <= wval[15:4]; end
            A_OSD_CTRL: o_osd_en  <= wval[0];
            A_OSD_POS:  begin o_pos_x <= wval[11:0]; o_pos_y <= wval[27:16]; end
            A_OSD_SIZE: begin o_cols <= wval[7:0]; o_rows <= wval[15:8]; end
            default: ;
            endcase
        end
    end

    // Palette stores go straight to the RAM (lanes 0 and 1 carry the 12 bits).
    assign o_pal_we    = {2{wr && is_pal}} & i_wstrb[1:0];
    assign o_pal_addr  = pal_idx;
    assign o_pal_wdata = i_wdata[11:0];
endmodule
`default_nettype wire
