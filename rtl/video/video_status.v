// video_status: frame events and counters from clk_pix, made readable in clk_sys.
// Clocks: i_clk_pix (frame start pulses in), i_clk_sys (outputs).
//   o_irq_vsync  one clk_sys pulse per frame start (cdc_pulse)
//   o_frame      frames started since the clk_pix reset: a binary counter in clk_pix,
//                crossed as a Gray code through cdc_sync2 (one bit changes per frame)
//   o_running    clk_pix is out of reset and has started at least one frame (cdc_sync2)
//   o_pix_next_frame  clk_pix: the FRAME number the next frame start will give (count + 1),
//                for the OSD blink phase (stays in clk_pix)
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
    output wire [31:0] o_pix_next_frame
);
    reg [31:0] pix_count /* verilator public_flat_rd */;
    reg [31:0] pix_gray;
    reg        pix_running;
    wire [31:0] count_next = pix_count + 32'd1;
    assign o_pix_next_frame = count_next;
    always @(posedge i_clk_pix) begin
        if (i_rst_pix) begin
            pix_count   <= 32'd0;
            pix_gray    <= 32'd0;
            pix_running <= 1'b0;
        end else if (i_frame_start) begin
            pix_count   <= count_next;
            pix_gray    <= count_next ^ (count_next >> 1);
            pix_running <= 1'b1;
        end
    end

    wire [31:0] sys_gray;
    cdc_sync2 #(.W(32)) u_frame (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(pix_gray), .o_q(sys_gray));
    cdc_sync2 #(.W(1)) u_running (
        .i_clk(i_clk_sys), .i_rst(i_rst_sys), .i_d(pix_running), .o_q(o_running));
    cdc_pulse u_vsync (
        .i_src_clk(i_clk_pix), .i_src_rst(i_rst_pix), .i_src_pulse(i_frame_start),
        .i_dst_clk(i_clk_sys), .i_dst_rst(i_rst_sys), .o_dst_pulse(o_irq_vsync));

    // Gray to binary (bit i = XOR of Gray bits i and above), registered in clk_sys.
    reg [31:0] sys_bin;
    integer i;
    always @(*) begin
        sys_bin[31] = sys_gray[31];
        for (i = 30; i >= 0; i = i - 1)
            sys_bin[i] = sys_bin[i + 1] ^ sys_gray[i];
    end
    always @(posedge i_clk_sys)
        if (i_rst_sys) o_frame <= 32'd0;
        else o_frame <= sys_bin;
endmodule
`default_nettype wire
