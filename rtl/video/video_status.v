// video_status: frame events and counters from clk_pix, made readable in clk_sys.
// Clocks: i_clk_pix (frame start pulses in), i_clk_sys (outputs).
//   o_irq_vsync  one clk_sys pulse per frame start (cdc_pulse u_vsync)
//   o_frame      frames started since reset: a clk_sys counter of o_irq_vsync (the FRAME
//                register; it advances the cycle after the interrupt pulse). cdc_pulse
//                never merges frame starts: they are a whole frame apart.
//   o_running    clk_pix is out of reset and has started at least one frame (cdc_sync2)
//   o_pix_next_frame  clk_pix: bits [6:0] of the FRAME number the next frame start will
//                give (count + 1), for the OSD blink phase (stays in clk_pix). Both counters
//                start at 0 from the same reset (clk_pix's reset follows clk_sys's), so these
//                bits equal the low bits of o_frame for the same frame.
// Earlier versions counted in clk_pix and crossed 32 bits as a Gray code (about 150 logic
// cells more: the Gray register, two synchroniser ranks and the decoder).
`default_nettype none
module video_status (
    input  wire        i_clk_pix,
    input  wire        i_rst_pix,
    input  wire        i_frame_start,
    input  wire        i_clk_sys,
    input  wire        i_rst_sys,
    output wire        o_irq_vsync,
    output reg  [31:0] o_frame,
    output wire        o_running,
    output wire [6:0]  o_pix_next_frame
);
    reg [6:0] pix_count /* verilator public_flat_rd */;
    reg       pix_running;
    wire [6:0] count_next = pix_count + 7'd1;
    assign o_pix_next_frame = count_next;
    always @(posedge i_clk_pix) begin
        if (i_rst_pix) begin
            pix_count   <= 7'd0;
            pix_running <= 1'b0;
        end else if (i_frame_start) begin
            pix_count   <= count_next;
            pix_running <= 1'b1;
        end
    end

    cdc_sync2 #(.W(1)) u_running (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(pix_running), .o_q(o_running));
    cdc_pulse u_vsync (
        .i_src_clk(i_clk_pix), .i_src_rst(i_rst_pix), .i_src_pulse(i_frame_start),
        .i_dst_clk(i_clk_sys), .i_dst_rst(i_rst_sys), .o_dst_pulse(o_irq_vsync));

    always @(posedge i_clk_sys)
        if (i_rst_sys) o_frame <= 32'd0;
        else if (o_irq_vsync) o_frame <= o_frame + 32'd1;
endmodule
`default_nettype wire
