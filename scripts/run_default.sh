#!/usr/bin/env bash
# Quick start 1: set up, build, show the default valve's mesh figures and run the default simulation (all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
build/bin/leafmech mesh inputs/pbmv_default.prm --output output/pbmv_default/mesh
mpirun -np "$(nproc)" build/bin/leafmech run inputs/pbmv_default.prm
echo "Results: output/pbmv_default (open solution.pvd, balloon.pvd and chordae.pvd in ParaView; summary.json holds"
echo "the split per commissure, the tear index, MVA before and after, and the regurgitation risk with its reasons)"
