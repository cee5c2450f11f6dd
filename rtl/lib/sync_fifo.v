// sync_fifo: synchronous FIFO, 2**AW words of WIDTH bits in a memory array plus,
// optionally, a registered head. Push when full and pop when empty are ignored.
// Read side is first-word-fall-through: o_valid/o_data show the head, i_pop removes it.
//   REG_HEAD = 0  head read combinationally from the array (o_data = mem[rp]); a push is
//                 visible the next cycle. The array stays in flip-flops (small FIFOs).
//   REG_HEAD = 1  head held in an output register loaded by a synchronous read of the
//                 array, so yosys maps the array to iCE40 block RAM (SB_RAM40_4K). A push
//                 is visible two cycles later.
//   HEAD_EXTRA    (REG_HEAD = 1 only) 1: the output register is one more word
//                 (capacity 2**AW + 1); 0: capacity 2**AW (head counted in the array).
// o_level counts the words in the array (not the output register).
// Clocks: i_clk (single domain). Reset: i_rst (synchronous, active high) empties the FIFO;
// the array itself is not cleared.
`default_nettype none
module sync_fifo #(
    parameter WIDTH      = 8,
    parameter AW         = 4,
    parameter REG_HEAD   = 0,
    parameter HEAD_EXTRA = 1
) (
    input  wire             i_clk,
    input  wire             i_rst,
    input  wire             i_push,
    input  wire [WIDTH-1:0] i_data,
    output wire             o_full,
    output wire             o_valid,
    output wire [WIDTH-1:0] o_data,
    input  wire             i_pop,
    output wire [AW:0]      o_level
);
    // A read never addresses the entry being written (that needs level 0 or 2**AW, where
    // there is no read or no write), so no read-during-write logic is needed.
    (* no_rw_check *)
    reg  [WIDTH-1:0] mem [0:(1<<AW)-1];
    reg  [AW:0]      wp, rp;
    wire [AW:0]      wp_inc    = wp + 1'b1;
    wire             mem_empty = (wp == rp);
    // wp - rp == 2**AW, and wp - rp == 2**AW - 1, without a subtractor
    wire             mem_full  = (wp[AW] != rp[AW]) && (wp[AW-1:0] == rp[AW-1:0]);
    wire             mem_1left = (wp_inc[AW] != rp[AW]) && (wp_inc[AW-1:0] == rp[AW-1:0]);
    wire             push_ok   = i_push && !o_full;
    wire             take;      // rp advances

    assign o_level = wp - rp;

    always @(posedge i_clk)
        if (push_ok)
            mem[wp[AW-1:0]] <= i_data;

    always @(posedge i_clk) begin
        if (i_rst) begin
            wp <= {(AW+1){1'b0}};
            rp <= {(AW+1){1'b0}};
        end else begin
            if (push_ok)
                wp <= wp_inc;
            if (take)
                rp <= rp + 1'b1;
        end
    end

    generate
        if (REG_HEAD == 0) begin : g_comb
            assign o_valid = !mem_empty;
            assign o_data  = mem[rp[AW-1:0]];
            assign o_full  = mem_full;
            assign take    = i_pop && !mem_empty;
            wire unused_ok = &{1'b0, mem_1left};
        end else begin : g_reg
            reg             head_v;
            reg [WIDTH-1:0] head;
            assign take    = !mem_empty && (!head_v || i_pop);
            assign o_valid = head_v;
            assign o_data  = head;
            if (HEAD_EXTRA != 0) begin : g_extra
                // same as mem_full; shares the o_level subtractor (the users of this
                // form read o_level, which makes it the cheaper one here)
                assign o_full = o_level[AW];
                wire unused_ok = &{1'b0, mem_1left, mem_full};
            end else begin : g_in_array
                assign o_full = mem_full || (head_v && mem_1left);
            end

            always @(posedge i_clk)
                if (take)
                    head <= mem[rp[AW-1:0]];

            always @(posedge i_clk) begin
                if (i_rst)
                    head_v <= 1'b0;
                else if (take)
                    head_v <= 1'b1;
                else if (i_pop)
                    head_v <= 1'b0;
            end
        end
    endgenerate
endmodule
`default_nettype wire
