# tests/cells/cells.mk: modules that instantiate iCE40 cells by hand for synthesis
# (`ifdef SYNTHESIS: SB_LUT4 / SB_CARRY with chosen LUT_INIT values). Every simulation test
# runs their plain-Verilog branch instead, so this proves, with yosys's equivalence
# checker, that the two branches are the same machine (tools/equiv_cells.sh).
#   test-hand-cells   kvm_cpu_counter, soc_downcnt (8 and 32 bits), soc_timer
CELLS_B := $(B)/cells

TESTS += hand-cells
.PHONY: test-hand-cells
test-hand-cells: tools/equiv_cells.sh $(GEN_REGS_VH)
	@bash tools/equiv_cells.sh $(CELLS_B) kvm_cpu_counter "" rtl/cpu/kvm_cpu_counter.v
	@bash tools/equiv_cells.sh $(CELLS_B) soc_downcnt "-set W 8" rtl/soc/soc_downcnt.v
	@bash tools/equiv_cells.sh $(CELLS_B) soc_downcnt "-set W 32 -set RESET 32'h12345678" \
	  rtl/soc/soc_downcnt.v
	@bash tools/equiv_cells.sh $(CELLS_B) soc_timer "" -I$(B)/gen rtl/soc/soc_timer.v
