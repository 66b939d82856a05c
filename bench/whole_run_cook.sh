#!/usr/bin/env bash
# Whole-run benchmark: Cook's membrane (plane strain), FE_Q2 three-field, 32 x 32 cells (38,025 DoFs), 10 load steps, on N MPI ranks
# (default: all cores). Prints the wall time, per-phase times and the tip displacement from summary.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ranks=${1:-$(nproc)}
shift || true
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
out=output/bench_cook_q2_32
mpirun -np "$ranks" build/bin/leafmech run tests/verification/cook_membrane/cook_membrane.prm --output "$out" \
  --set "Geometry/Cook membrane/Cells per edge=32" --set "Finite element/Volumetric formulation=three-field" \
  --set "Output/Interval=0" "$@" > /dev/null
python3 - "$out/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"status {s['status']}, {s['mpi_ranks']} rank(s), {s['mesh']['dofs']} DoFs, {s['load_steps']} steps, "
      f"{s['newton_iterations']} Newton iterations, wall {s['wall_time_s']:.2f} s, "
      f"tip u_y {s['probes']['tip']['displacement_mm'][1]:.4f} mm")
for k, v in sorted(s["timings_s"].items()):
    print(f"  {k:32s} {v:7.2f} s")
PY
