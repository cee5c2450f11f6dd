// pal_mux16: 16-entry RGB444 palette read, written as a balanced 2:1 multiplexer tree
// (four levels, one per index bit) so synthesis keeps it shallow. Combinational.
`default_nettype none
module pal_mux16 (
    input  wire [191:0] i_palette,  // entry i at [12*i +: 12]
    input  wire [3:0]   i_idx,
    output wire [11:0]  o_rgb
);
    wire [95:0] l1;     // 8 entries after selecting by i_idx[0]
    wire [47:0] l2;     // 4 entries
    wire [23:0] l3;     // 2 entries
    genvar i;
    generate
        for (i = 0; i < 8; i = i + 1) begin : g_l1
            assign l1[12*i +: 12] = i_idx[0] ? i_palette[24*i + 12 +: 12] : i_palette[24*i +: 12];
        end
        for (i = 0; i < 4; i = i + 1) begin : g_l2
            assign l2[12*i +: 12] = i_idx[1] ? l1[24*i + 12 +: 12] : l1[24*i +: 12];
        end
        for (i = 0; i < 2; i = i + 1) begin : g_l3
            assign l3[12*i +: 12] = i_idx[2] ? l2[24*i + 12 +: 12] : l2[24*i +: 12];
        end
    endgenerate
    assign o_rgb = i_idx[3] ? l3[23:12] : l3[11:0];
endmodule
`default_nettype wire
