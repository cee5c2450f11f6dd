// vin_pair: test wrapper for tests/sync/tb_vin_engine.cpp. Two vin_meters with N = 4 on
// the same inputs: u_ref is ENGINE = 0 (one sync_port per input, the reference), u_eng is
// ENGINE = 1 (per-pin front ends and one shared event engine). Every clock, reset and
// port pin is shared; each instance has its own register port (sel / addr / rdata /
// ready) and its own matrix flag outputs, so the testbench can read both and compare.
// Clocks: i_clk_ref (48 MHz, the meters), i_clk_sys (12 MHz, the register ports; the
// matrix flags are clk_sys registers in u_ref, clk_ref registers in u_eng);
// i_hs / i_vs are asynchronous port pins, as on vin_meters.
`default_nettype none
module vin_pair #(
    parameter N = 4
) (
    input  wire          i_clk_ref,
    input  wire          i_rst_ref,
    input  wire [N-1:0]  i_hs,
    input  wire [N-1:0]  i_vs,
    input  wire          i_clk_sys,
    input  wire          i_rst_sys,
    // register port of the reference (ENGINE = 0)
    input  wire          i_ref_sel,
    input  wire [7:0]    i_ref_addr,
    output wire [31:0]   o_ref_rdata,
    output wire          o_ref_ready,
    // register port of the shared engine (ENGINE = 1)
    input  wire          i_eng_sel,
    input  wire [7:0]    i_eng_addr,
    output wire [31:0]   o_eng_rdata,
    output wire          o_eng_ready,
    // matrix flags of both (o_ok = present and stable)
    output wire [N-1:0]  o_ref_ok,
    output wire [N-1:0]  o_ref_present,
    output wire [N-1:0]  o_ref_hpol,
    output wire [N-1:0]  o_ref_vpol,
    output wire [N-1:0]  o_ref_csync,
    output wire [N-1:0]  o_ref_interlaced,
    output wire [N-1:0]  o_eng_ok,
    output wire [N-1:0]  o_eng_present,
    output wire [N-1:0]  o_eng_hpol,
    output wire [N-1:0]  o_eng_vpol,
    output wire [N-1:0]  o_eng_csync,
    output wire [N-1:0]  o_eng_interlaced
);
    vin_meters #(.N(N), .ENGINE(0)) u_ref (
        .i_clk_ref(i_clk_ref), .i_rst_ref(i_rst_ref), .i_hs(i_hs), .i_vs(i_vs),
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .i_reg_sel(i_ref_sel), .i_reg_addr(i_ref_addr),
        .o_reg_rdata(o_ref_rdata), .o_reg_ready(o_ref_ready),
        .o_ok(o_ref_ok), .o_present(o_ref_present), .o_hpol(o_ref_hpol),
        .o_vpol(o_ref_vpol), .o_csync(o_ref_csync), .o_interlaced(o_ref_interlaced));

    vin_meters #(.N(N), .ENGINE(1)) u_eng (
        .i_clk_ref(i_clk_ref), .i_rst_ref(i_rst_ref), .i_hs(i_hs), .i_vs(i_vs),
        .i_clk_sys(i_clk_sys), .i_rst_sys(i_rst_sys),
        .i_reg_sel(i_eng_sel), .i_reg_addr(i_eng_addr),
        .o_reg_rdata(o_eng_rdata), .o_reg_ready(o_eng_ready),
        .o_ok(o_eng_ok), .o_present(o_eng_present), .o_hpol(o_eng_hpol),
        .o_vpol(o_eng_vpol), .o_csync(o_eng_csync), .o_interlaced(o_eng_interlaced));
endmodule
`default_nettype wire
