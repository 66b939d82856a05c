#!/usr/bin/env bash
# Installs every Debian 12 package leafmech needs. Idempotent and non-interactive; run as root or with sudo.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache git pkg-config
  libdeal.ii-dev            # deal.II 9.4 with MPI, PETSc (MUMPS, hypre), p4est, HDF5, Trilinos
  openmpi-bin
  libopenblas0-pthread libopenblas-dev   # optimised BLAS: the reference BLAS cripples direct solvers
  nlohmann-json3-dev libgtest-dev libbenchmark-dev
  python3 python3-numpy python3-h5py python3-matplotlib
  paraview python3-paraview xvfb xauth    # output tests and screenshots (pvpython, pvbatch under xvfb-run)
  chromium                               # the report pages' test in a real headless browser
)
# VTK's headers (libvtk9-dev) are not installed: its python3-vtk9 conflicts with python3-paraview on Debian 12,
# and deal.II writes VTU itself.
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# OpenBLAS as the system BLAS/LAPACK (Debian's alternatives; a no-op when already selected).
for lib in libblas.so.3 liblapack.so.3; do
  target=$(update-alternatives --list "${lib}-x86_64-linux-gnu" 2>/dev/null | grep openblas | head -1 || true)
  [ -n "$target" ] && ${SUDO:-} update-alternatives --set "${lib}-x86_64-linux-gnu" "$target" >/dev/null 2>&1 || true
done
