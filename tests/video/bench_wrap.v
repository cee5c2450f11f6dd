// bench_wrap: pin-count adapter for synthesising video_top alone on the UP5K-SG48
// (bench-video only, not part of the design). The 61 bus input bits are loaded through a
// clk_sys shift register and the read data is XOR-reduced, so the pins fit in 32 I/Os.
// Clocks: i_clk_sys (shift register, bus), i_clk_pix (video outputs).
`default_nettype none
module bench_wrap (
    input  wire        i_clk_sys, input wire i_clk_pix,
    input  wire        i_rst_sys, input wire i_rst_pix,
    input  wire        i_sdi, input wire i_reg_sel, input wire i_mem_sel,
    output reg         o_sdo,
    output wire        o_reg_ready, output wire o_mem_ready, output wire o_irq_vsync,
    output wire [3:0]  o_r, output wire [3:0] o_g, output wire [3:0] o_b,
    output wire        o_hs, output wire o_vs, output wire o_de
);
    reg [60:0] shift;
    always @(posedge i_clk_sys)
        shift <= {shift[59:0], i_sdi};

    wire [31:0] rdata;
    always @(posedge i_clk_sys)
        o_sdo <= ^rdata;

    video_top u_video (
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys), .i_clk_pix(i_clk_pix), .i_rst_pix(i_rst_pix),
        .i_reg_sel(i_reg_sel), .i_reg_addr(shift[7:0]), .i_reg_wdata(shift[39:8]),
        .i_reg_wstrb(shift[43:40]), .o_reg_rdata(rdata), .o_reg_ready(o_reg_ready),
        .i_mem_sel(i_mem_sel), .i_mem_addr(shift[60:44]), .i_mem_wdata(shift[39:8]),
        .i_mem_wstrb(shift[43:40]), .o_mem_ready(o_mem_ready), .o_irq_vsync(o_irq_vsync),
        .o_r(o_r), .o_g(o_g), .o_b(o_b), .o_hs(o_hs), .o_vs(o_vs), .o_de(o_de));
endmodule
`default_nettype wire
