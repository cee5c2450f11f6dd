// video_regs: the VIDEO register block (see common/regmap.toml) in clk_sys.
// Clock: i_clk = clk_sys. Slave port per the SoC convention; o_ready is combinational:
// reads complete at once; writes complete at once except that they wait
//   - while i_freeze is high (a snapshot of these registers is crossing to clk_pix, about
//     10 cycles once per frame), and
//   - FILL_RECT / FILL_CELL / FILL_CTRL writes while the fill engine is busy (i_fill_busy):
//     the running fill reads those registers, and a second start queues behind the first.
// Read/write registers read back the implemented bits written (others read 0); byte
// strobes are honoured. STATUS, FRAME, TIMING_H and TIMING_V are read-only.
// SOURCE is a plain clk_sys register for the video matrix; MATRIX reads i_matrix.
// FILL_RECT and FILL_CELL are write-only (reads 0: saves the readback multiplexer).
// PALETTE, ROW_HIDE and BLINK_MASK are write-only (reads 0): they live in the palette block
// RAM in the overlay (osd_pal_ram, words 0-15, 16-17, 18); this block forwards the store
// with its byte strobes [1:0].
// POPUP: a frame down-counter. i_snap_done (one clk_sys pulse after each frame's snapshot)
// decrements it; the decrement that reaches 0 clears OSD_CTRL.enable, so the OSD showed in
// exactly N snapshots (frames) after POPUP = N was written. A CPU write in the same cycle wins.
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
    input  wire [31:0]  i_wdata,        // bits [31:30] are not implemented anywhere
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [3:0]   i_wstrb,
    output reg  [31:0]  o_rdata,
    output wire         o_ready,
    // status inputs (already in clk_sys)
    input  wire         i_freeze,
    input  wire         i_snap_done,    // pulse: a snapshot has just been taken
    input  wire [31:0]  i_frame,
    input  wire         i_running,
    input  wire         i_fill_busy,
    input  wire [31:0]  i_matrix,       // MATRIX register value (clk_sys)
    // register values (clk_sys; crossed by cfg_snapshot)
    output reg  [1:0]   o_pat_mode,     // PATTERN[1:0]
    output reg  [11:0]  o_pat_colour,   // PATTERN[15:4]
    output reg          o_osd_en,
    output reg  [1:0]   o_scale_m1,     // OSD_CTRL[5:4]
    output reg  [1:0]   o_blink_rate,   // OSD_CTRL[9:8]
    output reg  [11:0]  o_pos_x,
    output reg  [11:0]  o_pos_y,
    output reg  [7:0]   o_cols,
    output reg  [7:0]   o_rows,
    output reg  [3:0]   o_source,       // SOURCE[3:0] (clk_sys, straight to the matrix)
    // fill engine (clk_sys)
    output reg  [5:0]   o_fill_x,
    output reg  [4:0]   o_fill_y,
    output reg  [6:0]   o_fill_w,
    output reg  [5:0]   o_fill_h,
    output reg  [15:0]  o_fill_cell,
    output wire         o_fill_start,   // pulse
    // palette RAM write port (clk_sys, to osd_pal_ram): palette, ROW_HIDE, BLINK_MASK
    output wire [1:0]   o_pal_we,       // [0] bits [7:0], [1] bits [15:8]
    output wire [4:0]   o_pal_addr,
    output wire [15:0]  o_pal_wdata
);
    // The generated map defines every address in the SoC; only the VIDEO offsets are used.
    /* verilator lint_off UNUSEDPARAM */
`include "kvmosd_regs.vh"
    /* verilator lint_on UNUSEDPARAM */

    localparam [7:0] A_STATUS    = KVM_VIDEO_STATUS_OFF[7:0];
    localparam [7:0] A_PATTERN   = KVM_VIDEO_PATTERN_OFF[7:0];
    localparam [7:0] A_OSD_CTRL  = KVM_VIDEO_OSD_CTRL_OFF[7:0];
    localparam [7:0] A_OSD_POS   = KVM_VIDEO_OSD_POS_OFF[7:0];
    localparam [7:0] A_OSD_SIZE  = KVM_VIDEO_OSD_SIZE_OFF[7:0];
    localparam [7:0] A_FRAME     = KVM_VIDEO_FRAME_OFF[7:0];
    localparam [7:0] A_TIMING_H  = KVM_VIDEO_TIMING_H_OFF[7:0];
    localparam [7:0] A_TIMING_V  = KVM_VIDEO_TIMING_V_OFF[7:0];
    localparam [7:0] A_POPUP     = KVM_VIDEO_POPUP_OFF[7:0];
    localparam [7:0] A_FILL_RECT = KVM_VIDEO_FILL_RECT_OFF[7:0];
    localparam [7:0] A_FILL_CELL = KVM_VIDEO_FILL_CELL_OFF[7:0];
    localparam [7:0] A_FILL_CTRL = KVM_VIDEO_FILL_CTRL_OFF[7:0];
    localparam [7:0] A_SOURCE    = KVM_VIDEO_SOURCE_OFF[7:0];
    localparam [7:0] A_MATRIX    = KVM_VIDEO_MATRIX_OFF[7:0];
    localparam [7:0] A_PALETTE   = KVM_VIDEO_PALETTE_OFF[7:0];     // 0x40..0x7C: words 0-15
    localparam [7:0] A_ROW_HIDE  = KVM_VIDEO_ROW_HIDE_OFF[7:0];    // 0x80, 0x84: words 16-17
    localparam [7:0] A_BLINK     = KVM_VIDEO_BLINK_MASK_OFF[7:0];  // 0x88: word 18
    localparam [11:0] HA = H_ACTIVE, HT = H_TOTAL, VA = V_ACTIVE, VT = V_TOTAL;

    wire is_write = |i_wstrb;
    wire is_fill  = (i_addr == A_FILL_RECT) || (i_addr == A_FILL_CELL) || (i_addr == A_FILL_CTRL);
    wire stall    = is_write && (i_freeze || (is_fill && i_fill_busy));
    assign o_ready = i_sel && !stall;
    wire wr = i_sel && is_write && !stall;
    // palette RAM words: PALETTE 0x40 + 4i -> i; ROW_HIDE 0x80, 0x84 -> 16, 17; BLINK 0x88 -> 18
    wire is_pal = (i_addr[7:6] == A_PALETTE[7:6]) || (i_addr == A_ROW_HIDE) ||
                  (i_addr == A_ROW_HIDE + 8'd4) || (i_addr == A_BLINK);

    reg [11:0] popup;

    // Current value of the addressed register, as read (also the base for byte merges).
    always @(*) begin
        o_rdata = 32'd0;
        case (i_addr)
        A_STATUS:    o_rdata = {i_frame[15:0], 13'd0, popup != 12'd0, i_fill_busy, i_running};
        A_PATTERN:   o_rdata = {16'd0, o_pat_colour, 2'b00, o_pat_mode};
        A_OSD_CTRL:  o_rdata = {22'd0, o_blink_rate, 2'b00, o_scale_m1, 3'b000, o_osd_en};
        A_OSD_POS:   o_rdata = {4'd0, o_pos_y, 4'd0, o_pos_x};
        A_OSD_SIZE:  o_rdata = {16'd0, o_rows, o_cols};
        A_FRAME:     o_rdata = i_frame;
        A_TIMING_H:  o_rdata = {4'd0, HT, 4'd0, HA};
        A_TIMING_V:  o_rdata = {4'd0, VT, 4'd0, VA};
        A_POPUP:     o_rdata = {20'd0, popup};
        A_FILL_CTRL: o_rdata = {31'd0, i_fill_busy};
        A_SOURCE:    o_rdata = {28'd0, o_source};
        A_MATRIX:    o_rdata = i_matrix;
        default:     o_rdata = 32'd0;
        endcase
    end

    // Byte strobes act as per-byte write enables (no read-modify-write merge).
    wire [3:0] wb = {4{wr}} & i_wstrb;
    wire [7:0] d0 = i_wdata[7:0], d1 = i_wdata[15:8], d2 = i_wdata[23:16];
    wire [5:0] d3 = i_wdata[29:24];

    assign o_fill_start = wb[0] && (i_addr == A_FILL_CTRL) && d0[0];

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_pat_mode   <= 2'd0;
            o_pat_colour <= 12'd0;
            o_osd_en     <= 1'b0;
            o_scale_m1   <= 2'd0;
            o_blink_rate <= 2'd0;
            o_pos_x      <= 12'd0;
            o_pos_y      <= 12'd0;
            o_cols       <= 8'd0;
            o_rows       <= 8'd0;
            o_source     <= 4'd0;
            popup        <= 12'd0;
            o_fill_x     <= 6'd0;
            o_fill_y     <= 5'd0;
            o_fill_w     <= 7'd0;
            o_fill_h     <= 6'd0;
            o_fill_cell  <= 16'd0;
        end else begin
            // popup timer: one count per snapshot; the last one turns the OSD off
            if (i_snap_done && popup != 12'd0) begin
                popup <= popup - 12'd1;
                if (popup == 12'd1 && !(wr && i_addr == A_POPUP))
                    o_osd_en <= 1'b0;
            end
            case (i_addr)
            A_PATTERN: begin
                if (wb[0]) begin o_pat_mode <= d0[1:0]; o_pat_colour[3:0] <= d0[7:4]; end
                if (wb[1]) o_pat_colour[11:4] <= d1;
            end
            A_OSD_CTRL: begin
                if (wb[0]) begin o_osd_en <= d0[0]; o_scale_m1 <= d0[5:4]; end
                if (wb[1]) o_blink_rate <= d1[1:0];
            end
            A_OSD_POS: begin
                if (wb[0]) o_pos_x[7:0]  <= d0;
                if (wb[1]) o_pos_x[11:8] <= d1[3:0];
                if (wb[2]) o_pos_y[7:0]  <= d2;
                if (wb[3]) o_pos_y[11:8] <= d3[3:0];
            end
            A_OSD_SIZE: begin
                if (wb[0]) o_cols <= d0;
                if (wb[1]) o_rows <= d1;
            end
            A_SOURCE:
                if (wb[0]) o_source <= d0[3:0];
            A_POPUP: begin
                if (wb[0]) popup[7:0]  <= d0;
                if (wb[1]) popup[11:8] <= d1[3:0];
            end
            A_FILL_RECT: begin
                if (wb[0]) o_fill_x <= d0[5:0];
                if (wb[1]) o_fill_y <= d1[4:0];
                if (wb[2]) o_fill_w <= d2[6:0];
                if (wb[3]) o_fill_h <= d3[5:0];
            end
            A_FILL_CELL: begin
                if (wb[0]) o_fill_cell[7:0]  <= d0;
                if (wb[1]) o_fill_cell[15:8] <= d1;
            end
            default: ;
            endcase
        end
    end

    // Palette RAM stores go straight to the RAM (lanes 0 and 1 carry the 16 bits).
    assign o_pal_we    = {2{wr && is_pal}} & i_wstrb[1:0];
    assign o_pal_addr  = {i_addr[7], i_addr[5:2]};
    assign o_pal_wdata = i_wdata[15:0];
endmodule
`default_nettype wire
