// video_timing: free-running raster counters for one video mode, with DE, sync and
// frame markers. Every output is registered and describes the same pixel ("T0" of the
// video pipeline). Later modes only change the parameters.
// Clock: i_clk = clk_pix. Reset: i_rst (active high, synchronous to clk_pix); the first
// pixel after reset is (0, 0) with o_frame_start high.
// Line layout: x = 0 .. H_ACTIVE-1 active, then front porch, sync, back porch.
// Frame layout: y = 0 .. V_ACTIVE-1 active, then front porch, sync, back porch; VS changes
// at x = 0 (start of a line).
`default_nettype none
module video_timing #(
    parameter H_ACTIVE = 640,
    parameter H_FP     = 16,
    parameter H_SYNC   = 96,
    parameter H_BP     = 48,
    parameter V_ACTIVE = 480,
    parameter V_FP     = 10,
    parameter V_SYNC   = 2,
    parameter V_BP     = 33,
    parameter H_POL    = 0,     // 0: HS active low, 1: active high
    parameter V_POL    = 0      // 0: VS active low, 1: active high
) (
    input  wire        i_clk,
    input  wire        i_rst,
    output reg  [11:0] o_x,
    output reg  [11:0] o_y,
    output reg         o_de,
    output reg         o_hs,
    output reg         o_vs,
    output reg         o_frame_start,   // pixel (0, 0)
    output reg         o_vblank_start   // pixel (0, V_ACTIVE): first pixel of vertical blanking
);
    localparam [11:0] HA_M1 = H_ACTIVE - 1;
    localparam [11:0] HS0_M1 = H_ACTIVE + H_FP - 1;
    localparam [11:0] HS1_M1 = H_ACTIVE + H_FP + H_SYNC - 1;
    localparam [11:0] HLAST = H_ACTIVE + H_FP + H_SYNC + H_BP - 1;
    localparam [11:0] VA_M1 = V_ACTIVE - 1;
    localparam [11:0] VS0_M1 = V_ACTIVE + V_FP - 1;
    localparam [11:0] VS1_M1 = V_ACTIVE + V_FP + V_SYNC - 1;
    localparam [11:0] VLAST = V_ACTIVE + V_FP + V_SYNC + V_BP - 1;
    localparam        HPOL  = (H_POL != 0);
    localparam        VPOL  = (V_POL != 0);

    // Each flag is set / cleared by an equality compare on the current position, so the
    // logic in front of every register stays shallow (no magnitude compares).
    reg h_act, v_act;           // inside the active columns / lines
    reg h_sync, v_sync;         // inside the sync pulse (before polarity)
    wire h_end = (o_x == HLAST);
    wire v_end = (o_y == VLAST);
    wire h_act_n  = h_end ? 1'b1 : (o_x == HA_M1) ? 1'b0 : h_act;
    wire h_sync_n = (o_x == HS0_M1) ? 1'b1 : (o_x == HS1_M1) ? 1'b0 : h_sync;
    wire v_act_n  = !h_end ? v_act : v_end ? 1'b1 : (o_y == VA_M1) ? 1'b0 : v_act;
    wire v_sync_n = !h_end ? v_sync : (o_y == VS0_M1) ? 1'b1 : (o_y == VS1_M1) ? 1'b0 : v_sync;

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_x            <= HLAST;
            o_y            <= VLAST;
            h_act          <= 1'b0;
            v_act          <= 1'b0;
            h_sync         <= 1'b0;
            v_sync         <= 1'b0;
            o_de           <= 1'b0;
            o_hs           <= ~HPOL;
            o_vs           <= ~VPOL;
            o_frame_start  <= 1'b0;
            o_vblank_start <= 1'b0;
        end else begin
            // The wrap is an AND, not a mux to 0: yosys folds a mux to 0 into the
            // flip-flops' reset pin for the bits that reset to 0 (not for those that
            // reset to 1), flip-flops with different set/reset nets cannot share a logic
            // tile, and the carry chain was cut into four pieces (50 MHz on the UP5K).
            o_x            <= (o_x + 12'd1) & {12{!h_end}};
            if (h_end)
                o_y        <= v_end ? 12'd0 : o_y + 12'd1;
            h_act          <= h_act_n;
            v_act          <= v_act_n;
            h_sync         <= h_sync_n;
            v_sync         <= v_sync_n;
            o_de           <= h_act_n && v_act_n;
            o_hs           <= h_sync_n ? HPOL : ~HPOL;
            o_vs           <= v_sync_n ? VPOL : ~VPOL;
            o_frame_start  <= h_end && v_end;
            o_vblank_start <= h_end && (o_y == VA_M1);
        end
    end
endmodule
`default_nettype wire
