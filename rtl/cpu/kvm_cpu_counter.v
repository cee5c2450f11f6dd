// kvm_cpu_counter: a 64-bit counter (mcycle or minstret) whose 32-bit halves can be written.
//
// Clock: i_clk (clk_sys), synchronous active-high reset i_rst (clears it).
//
// Each cycle: i_we_lo / i_we_hi replace that half with i_wdata (the other half holds, and
// the low half does not count); otherwise i_inc adds 1 to the low half. The high half
// adds the low half's carry one cycle later, from a flip-flop (carry_q): two 32-bit carry
// chains instead of one 64-bit chain. So for one cycle after the low half wraps, the high
// half still shows the old value (a CSR read of the high half cannot tell: the earliest
// read after the instruction that made the low half wrap comes later).
//
// On iCE40 every bit is ONE logic cell: the carry chain computes the increment's carries
// and the cell's LUT computes "written ? data : bit ^ carry in"; holding is the
// flip-flop's enable. Written as plain Verilog, yosys puts the write multiplexer in a
// second LUT per bit (128 LUTs for the two counters), so for synthesis the cells are
// instantiated. The carry of a bit being written is garbage, which only matters to the
// half that holds. Simulation (Verilator) uses the plain description.
`default_nettype none

module kvm_cpu_counter (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_inc,       // count one (ignored while a half is written)
    input  wire        i_we_lo,     // write i_wdata to bits 31:0
    input  wire        i_we_hi,     // write i_wdata to bits 63:32
    input  wire [31:0] i_wdata,
    output reg  [63:0] o_count
);
    wire [63:0] next;               // per half: the written value or the count + carry in
    reg         carry_q;            // the low half wrapped: the high half counts now
    wire        lo_counts = i_inc & ~i_we_lo & ~i_we_hi;
    wire        lo_wraps;           // lo_counts and the low half is all ones
    wire [63:0] we   = {{32{i_we_hi}}, {32{i_we_lo}}};
    wire [63:0] data = {i_wdata, i_wdata};

`ifdef SYNTHESIS
    // carry[i]: carry into bit i. While not writing, carry out = bit & carry in. The high
    // half's chain starts from carry_q; carry[64] is unused.
    /* verilator lint_off UNUSEDSIGNAL */
    wire [64:0] carry;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [63:0] carry_in = {carry[63:33], carry_q, carry[31:0]};
    assign carry[0] = 1'b1;
    assign lo_wraps = lo_counts & carry[32];
    genvar i;
    generate
        for (i = 0; i < 64; i = i + 1) begin : g_bit
            SB_CARRY u_carry (.CO(carry[i + 1]), .I0(o_count[i]), .I1(we[i]), .CI(carry_in[i]));
            // out = I2 ? I0 : I1 ^ I3, i.e. we ? data : count ^ carry in
            SB_LUT4 #(.LUT_INIT(16'hA3AC)) u_lut (
                .O(next[i]), .I0(data[i]), .I1(o_count[i]), .I2(we[i]), .I3(carry_in[i])
            );
        end
    endgenerate
`else
    wire [63:0] count_plus = {o_count[63:32] + {31'd0, carry_q}, o_count[31:0] + 32'd1};
    assign next     = (we & data) | (~we & count_plus);
    assign lo_wraps = lo_counts & (&o_count[31:0]);
`endif

    always @(posedge i_clk) begin
        if (i_rst) begin
            o_count <= 64'd0;
            carry_q <= 1'b0;
        end else begin
            if (i_we_lo | lo_counts)  o_count[31:0]  <= next[31:0];
            if (i_we_hi | carry_q)    o_count[63:32] <= next[63:32];   // a write wins
            carry_q <= lo_wraps;
        end
    end
endmodule

`default_nettype wire
