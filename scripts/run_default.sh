#!/usr/bin/env bash
# Quick start 1: set up, build, show the default valve's mesh figures and run the default simulation (all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
build/bin/leafmech mesh inputs/diastolic_valve.prm
mpirun -np "$(nproc)" build/bin/leafmech run inputs/diastolic_valve.prm
echo "Results: output/diastolic_valve (open solution.pvd and chordae.pvd in ParaView; summary.json holds the"
echo "orifice area before and after the 10 mmHg diastolic pressure, and the chordae tensions)"
