#!/usr/bin/env bash
# deps.sh: install the Debian packages kvmosd needs, only those missing. Idempotent.
set -eu
PKGS=(make gcc g++ python3 git pkg-config
      yosys nextpnr-ice40 fpga-icestorm verilator
      gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
      libftdi1-dev libpng-dev zlib1g-dev libcmocka-dev
      console-setup-linux)
missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#PKGS[@]} packages present"
	exit 0
fi
echo "deps: installing ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
