// kvm_cpu_bench: synthesis wrapper to measure kvm_cpu alone on iCE40 (bench-cpu only).
//
// Clock: i_clk (one domain). A 6-bit power-on reset counter, kvm_cpu, a 4 KiB block-RAM
// memory (1024 x 32, one wait state: ready the cycle after valid) and one registered 8-bit
// LED port written by any store with address bit 30 set. The interrupt lines come from
// LED-register bits so they are not constant. Only clock in, LEDs out: no I/O explosion.
`default_nettype none

module kvm_cpu_bench (
    input  wire       i_clk,
    output reg  [7:0] o_led
);
    // ---- power-on reset -------------------------------------------------------------------
    reg [5:0] rst_count = 6'd0;
    wire      rst = ~&rst_count;
    always @(posedge i_clk)
        if (rst)
            rst_count <= rst_count + 6'd1;

    // ---- the core ---------------------------------------------------------------------------
    wire        mem_valid, mem_instr;
    wire [31:0] mem_addr, mem_wdata;
    wire [3:0]  mem_wstrb;
    reg  [31:0] mem_rdata;
    reg         mem_ready;

    /* verilator lint_off PINCONNECTEMPTY */  // the retire trace is for simulation only
    kvm_cpu #(.RESET_PC(32'h0000_0000)) u_cpu (
        .i_clk(i_clk), .i_rst(rst),
        .o_mem_valid(mem_valid), .o_mem_instr(mem_instr),
        .o_mem_addr(mem_addr), .o_mem_wdata(mem_wdata), .o_mem_wstrb(mem_wstrb),
        .i_mem_rdata(mem_rdata), .i_mem_ready(mem_ready),
        .i_irq_timer(o_led[6]), .i_irq_external(o_led[7]),
        .o_rt_valid(), .o_rt_pc(), .o_rt_insn(), .o_rt_trap(), .o_rt_cause(),
        .o_rt_rd(), .o_rt_rd_wdata()
    );
    /* verilator lint_on PINCONNECTEMPTY */

    // ---- 4 KiB block RAM + LED register --------------------------------------------------
    reg [31:0] ram [0:1023];
    wire [9:0] word = mem_addr[11:2];
    wire       io   = mem_addr[30];
    wire       go   = mem_valid & ~mem_ready;   // first cycle of a request

    always @(posedge i_clk) begin
        mem_ready <= go & ~rst;
        mem_rdata <= ram[word];
        if (go && !io) begin
            if (mem_wstrb[0]) ram[word][7:0]   <= mem_wdata[7:0];
            if (mem_wstrb[1]) ram[word][15:8]  <= mem_wdata[15:8];
            if (mem_wstrb[2]) ram[word][23:16] <= mem_wdata[23:16];
            if (mem_wstrb[3]) ram[word][31:24] <= mem_wdata[31:24];
        end
        if (go && io && mem_wstrb[0])
            o_led <= mem_wdata[7:0];
    end

    // mem_instr is information only; bits outside the RAM and I/O decode are ignored
    wire unused = &{1'b0, mem_instr, mem_addr[31], mem_addr[29:12], mem_addr[1:0]};
endmodule

`default_nettype wire
