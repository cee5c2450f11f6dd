#!/bin/bash
# equiv_cells.sh: prove that a module's hand-instantiated iCE40 cells (its `ifdef SYNTHESIS
# branch: SB_LUT4 / SB_CARRY with chosen LUT_INIT values) behave exactly like its plain
# Verilog description (the `else branch, which every simulation test runs).
#
#   tools/equiv_cells.sh OUT_DIR TOP "CHPARAM_ARGS" [-Idir ...] FILE...
#
# The cells' behaviour comes from yosys's own simulation models (share/yosys/ice40/
# cells_sim.v, only SB_LUT4 and SB_CARRY are taken: reading the whole file costs a
# minute). yosys then pairs the two designs' flip-flops by name (the hand-built branch
# keeps the same registers) and proves every register input and output equal by
# induction (equiv_make / equiv_simple / equiv_induct / equiv_status -assert).
# Exit status 0 = proven; otherwise the yosys log (OUT_DIR/TOP.log) names the signals.
set -euo pipefail
out=$1 top=$2 chp=$3
shift 3
incs=() files=()
for a in "$@"; do
	case $a in
	-I*) incs+=("$a") ;;
	*) files+=("$a") ;;
	esac
done
mkdir -p "$out"

share=$(dirname "$(command -v yosys)")/../share/yosys
cells=$out/ice40_cells.v
{
	echo '`define ICE40_DEFAULT_ASSIGNMENT_0'
	awk '/^module SB_LUT4[ (]/,/^endmodule/' "$share/ice40/cells_sim.v"
	awk '/^module SB_CARRY[ (]/,/^endmodule/' "$share/ice40/cells_sim.v"
} > "$cells"
grep -q '^module SB_LUT4' "$cells" && grep -q '^module SB_CARRY' "$cells" || {
	echo "equiv_cells: SB_LUT4 / SB_CARRY not found in $share/ice40/cells_sim.v" >&2
	exit 1
}

setp=""
[ -n "$chp" ] && setp="chparam $chp $top"
cat > "$out/$top.ys" <<EOF
read_verilog -sv -nosynthesis ${incs[*]} ${files[*]}
$setp
prep -top $top
rename $top gold
design -stash gold
read_verilog -sv ${incs[*]} ${files[*]}
read_verilog -nosynthesis $cells
$setp
hierarchy -top $top
flatten
prep -top $top
rename $top gate
design -stash gate
design -copy-from gold -as gold gold
design -copy-from gate -as gate gate
equiv_make gold gate equiv
hierarchy -top equiv
equiv_simple -seq 2
equiv_induct -seq 2
equiv_status -assert
EOF
if yosys -q -l "$out/$top.log" -s "$out/$top.ys" >/dev/null 2>&1; then
	n=$(sed -n 's/^ *Of those cells \([0-9]*\) are proven.*/\1/p' "$out/$top.log" | tail -1)
	echo "equiv_cells: $top${chp:+ ($chp)}: hand-built cells == plain Verilog ($n signals proven)"
else
	echo "equiv_cells: $top${chp:+ ($chp)}: NOT proven equal; see $out/$top.log:" >&2
	grep -E 'ERROR|Unproven|unproven \$equiv' "$out/$top.log" | head -20 >&2
	exit 1
fi
