#!/usr/bin/env bash
# Quick start 1: set up, build and run the default simulation (on all cores through MPI).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpirun -np "$(nproc)" build/bin/leafmech run inputs/cook_membrane.prm
echo "Results: output/cook_membrane (open solution.pvd in ParaView; summary.json holds the tip displacement)"
