// soc_spi_window: memory-mapped read window onto the SPI flash (FLASH region).
// A read of word address A opens a burst: CS low, command 0x03 and the 24-bit address,
// then 32 bits are read (bytes A..A+3, little-endian into the word). The burst stays open
// and the following word is prefetched at once; a request for that sequential address is
// served from the prefetch (no new command). Any other address closes the burst (CS high
// for CS_GAP cycles) and starts a new one. CS is released after IDLE_TIMEOUT cycles
// without a request. While i_pause is high (SPI manual mode) requests wait, the burst is
// closed and the pins belong to the manual engine. Writes are ignored (ready at once).
// The shift engine (soc_spi_shift, 32 bits) is outside, in soc_spi, which shares it with
// the manual bytes: o_sh_start / o_sh_abort / o_sh_data drive it while i_pause is low (in
// pause the window sits in S_IDLE, so it asks for no transfer and aborts any).
// The word read is not copied: o_rdata is the engine's receive register (byte swapped),
// which holds it while the engine is idle, i.e. in S_HAVE, the only state that answers a
// read. The command word is not copied either: the engine loads {CMD_READ, fetch_addr}
// (o_sh_data) directly (fetch_addr holds still in S_CMD); its data phase shifts out
// whatever o_sh_data holds then, which the flash ignores.
// Clocks: i_clk = clk_sys.
`default_nettype none
module soc_spi_window #(
    parameter CS_GAP = 2,
    parameter IDLE_TIMEOUT = 255
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_sel,
    input  wire [23:0] i_addr,
    input  wire [3:0]  i_wstrb,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    input  wire        i_pause,
    output reg         o_cs_n,
    // shift engine (soc_spi_shift in soc_spi)
    output reg         o_sh_start,
    output wire        o_sh_abort,
    output wire [31:0] o_sh_data,
    input  wire        i_sh_done,
    input  wire [31:0] i_sh_rx
);
    localparam [7:0] CMD_READ = 8'h03;
    localparam [2:0] S_IDLE = 3'd0, S_GAP = 3'd1, S_CMD = 3'd2, S_DATA = 3'd3, S_HAVE = 3'd4;

    reg [2:0]  state;
    reg [23:0] fetch_addr;     // word being fetched (S_DATA) or held (S_HAVE)
    wire [7:0] timer;          // CS gap / idle timeout counter (soc_downcnt, below)

    wire        rd       = i_sel & (i_wstrb == 4'b0000);
    wire [23:0] req_addr = {i_addr[23:2], 2'b00};
    wire        hit      = rd && !i_pause && state == S_HAVE && req_addr == fetch_addr;

    // fetch_addr only matters from S_GAP to S_HAVE. It loads on every read request except
    // in S_GAP / S_CMD (where a request waits): the requested word, or on a hit the one
    // after it (a hit means req_addr == fetch_addr, so this is fetch_addr + 4). In S_DATA
    // a request for the word in flight reloads the same value, any other restarts the
    // burst with it. One carry chain with an enable, no multiplexer.
    wire [23:0] next_addr = req_addr + {21'd0, hit, 2'b00};
    always @(posedge i_clk)
        if (rd && state != S_GAP && state != S_CMD) fetch_addr <= next_addr;

    assign o_ready = (i_sel & (i_wstrb != 4'b0000)) | hit;

    // timer: loads CS_GAP when a burst (re)starts, IDLE_TIMEOUT when a word arrives; counts
    // down to 0 in S_GAP and in S_HAVE without a request; 0 in reset and pause
    wire miss   = rd && req_addr != fetch_addr;          // S_DATA: not the word in flight
    wire t_gap  = rd && (state == S_IDLE || (state == S_DATA && miss) ||
                         (state == S_HAVE && !hit));
    wire t_idle = state == S_DATA && !miss && i_sh_done;
    wire t_dec  = timer != 8'd0 && (state == S_GAP || (state == S_HAVE && !rd));
    soc_downcnt #(.W(8)) u_timer (
        .i_clk(i_clk), .i_rst(i_rst | i_pause), .i_load(t_gap | t_idle), .i_dec(t_dec),
        .i_val(t_idle ? IDLE_TIMEOUT[7:0] : CS_GAP[7:0]), .o_count(timer));
    assign o_rdata    = {i_sh_rx[7:0], i_sh_rx[15:8], i_sh_rx[23:16], i_sh_rx[31:24]};
    assign o_sh_abort = state == S_GAP || state == S_IDLE;
    assign o_sh_data  = {CMD_READ, fetch_addr};

    always @(posedge i_clk) begin
        o_sh_start <= 1'b0;
        if (i_rst || i_pause) begin
            state      <= S_IDLE;
            o_cs_n     <= 1'b1;
        end else begin
            case (state)
            S_IDLE:
                if (rd) begin
                    state      <= S_GAP;
                end
            S_GAP:   // CS high for at least CS_GAP cycles between commands
                if (timer == 8'd0) begin
                    o_cs_n   <= 1'b0;
                    o_sh_start <= 1'b1;
                    state    <= S_CMD;
                end
            S_CMD:
                if (i_sh_done) begin
                    o_sh_start <= 1'b1;   // read 32 bits (MOSI don't care)
                    state    <= S_DATA;
                end
            S_DATA:
                if (miss) begin
                    o_cs_n     <= 1'b1;       // not the word in flight: restart
                    state      <= S_GAP;
                end else if (i_sh_done) begin
                    state  <= S_HAVE;
                end
            default: // S_HAVE: burst open, the receive register holds fetch_addr
                if (hit) begin
                    // fetch_addr moves on to the next word (see next_addr)
                    o_sh_start <= 1'b1;
                    state      <= S_DATA;
                end else if (rd) begin
                    o_cs_n     <= 1'b1;
                    state      <= S_GAP;
                end else if (timer == 8'd0) begin
                    o_cs_n <= 1'b1;
                    state  <= S_IDLE;
                end
            endcase
        end
    end

    wire unused = &{1'b0, i_addr[1:0]};
endmodule
`default_nettype wire
