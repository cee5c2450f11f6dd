// soc_spi_window: memory-mapped read window onto the SPI flash (FLASH region).
// A read of word address A opens a burst: CS low, command 0x03 and the 24-bit address,
// then 32 bits are read (bytes A..A+3, little-endian into the word). The burst stays open
// and the following word is prefetched at once; a request for that sequential address is
// served from the prefetch (no new command). Any other address closes the burst (CS high
// for CS_GAP cycles) and starts a new one. CS is released after IDLE_TIMEOUT cycles
// without a request. While i_pause is high (SPI manual mode) requests wait, the burst is
// closed and the pins belong to the manual engine. Writes are ignored (ready at once).
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
    input  wire [7:0]  i_half,
    output reg         o_cs_n,
    output wire        o_sck,
    output wire        o_mosi,
    input  wire        i_miso
);
    localparam [7:0] CMD_READ = 8'h03;
    localparam [2:0] S_IDLE = 3'd0, S_GAP = 3'd1, S_CMD = 3'd2, S_DATA = 3'd3, S_HAVE = 3'd4;

    reg [2:0]  state;
    reg [23:0] fetch_addr;     // word being fetched (S_DATA) or held (S_HAVE)
    reg [31:0] buffer;
    reg [7:0]  timer;          // CS gap / idle timeout counter

    wire        rd       = i_sel & (i_wstrb == 4'b0000);
    wire [23:0] req_addr = {i_addr[23:2], 2'b00};
    wire        hit      = rd && !i_pause && state == S_HAVE && req_addr == fetch_addr;

    assign o_ready = (i_sel & (i_wstrb != 4'b0000)) | hit;
    assign o_rdata = buffer;

    reg         sh_start;
    reg  [31:0] sh_data;
    wire        sh_busy, sh_done;
    wire [31:0] sh_rx;
    soc_spi_shift #(.W(32)) u_shift (
        .i_clk(i_clk), .i_rst(i_rst), .i_half(i_half), .i_start(sh_start),
        .i_abort(state == S_GAP || state == S_IDLE), .i_data(sh_data),
        .o_busy(sh_busy), .o_done(sh_done), .o_rx(sh_rx),
        .o_sck(o_sck), .o_mosi(o_mosi), .i_miso(i_miso));

    always @(posedge i_clk) begin
        sh_start <= 1'b0;
        if (i_rst || i_pause) begin
            state      <= S_IDLE;
            o_cs_n     <= 1'b1;
            timer      <= 8'd0;
            if (i_rst) begin
                fetch_addr <= 24'd0;
                buffer     <= 32'd0;
                sh_data    <= 32'd0;
            end
        end else begin
            case (state)
            S_IDLE:
                if (rd) begin
                    fetch_addr <= req_addr;
                    timer      <= CS_GAP[7:0];
                    state      <= S_GAP;
                end
            S_GAP:   // CS high for at least CS_GAP cycles between commands
                if (timer != 8'd0) begin
                    timer <= timer - 8'd1;
                end else begin
                    o_cs_n   <= 1'b0;
                    sh_data  <= {CMD_READ, fetch_addr};
                    sh_start <= 1'b1;
                    state    <= S_CMD;
                end
            S_CMD:
                if (sh_done) begin
                    sh_start <= 1'b1;   // read 32 bits (MOSI don't care)
                    state    <= S_DATA;
                end
            S_DATA:
                if (rd && req_addr != fetch_addr) begin
                    o_cs_n     <= 1'b1;       // not the word in flight: restart
                    fetch_addr <= req_addr;
                    timer      <= CS_GAP[7:0];
                    state      <= S_GAP;
                end else if (sh_done) begin
                    buffer <= {sh_rx[7:0], sh_rx[15:8], sh_rx[23:16], sh_rx[31:24]};
                    timer  <= IDLE_TIMEOUT[7:0];
                    state  <= S_HAVE;
                end
            default: // S_HAVE: burst open, buffer holds fetch_addr
                if (hit) begin
                    fetch_addr <= fetch_addr + 24'd4;   // prefetch the next word
                    sh_start   <= 1'b1;
                    state      <= S_DATA;
                end else if (rd) begin
                    o_cs_n     <= 1'b1;
                    fetch_addr <= req_addr;
                    timer      <= CS_GAP[7:0];
                    state      <= S_GAP;
                end else if (timer == 8'd0) begin
                    o_cs_n <= 1'b1;
                    state  <= S_IDLE;
                end else begin
                    timer <= timer - 8'd1;
                end
            endcase
        end
    end

    wire unused = &{1'b0, sh_busy, i_addr[1:0]};
endmodule
`default_nettype wire
