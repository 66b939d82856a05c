#!/usr/bin/env bash
# The README's studies of the default valve, from a fresh clone: set up and build, then on the quasi-static
# 15 mm deck the 5-point balloon-size sweep with its plot and the stepwise protocol with its plot and ParaView
# screenshots; on the clinical default deck (26 mm, dynamics, friction, elastic annulus) the balloon friction's
# sensitivity (0 to 0.2) and the clinical sizes 20-30 mm (about 2 h on 2 cores). Results:
# output/sweep-pbmv_quasistatic/ (sweep.csv, sweep.png), output/pbmv_stepwise/ (stepwise.csv, stepwise.png,
# state_inflated.png, state_last.png), output/sweep-friction/sweep.csv and output/sweep-clinical/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
jobs=$(( $(nproc) < 5 ? $(nproc) : 5 ))
# A sweep point that fails is a row of the table (exit code 1); the plot is still drawn from the rest.
build/bin/leafmech sweep inputs/pbmv_quasistatic.prm --param "Balloon/Target diameter" --values 13:0.5:15 \
  --jobs "$jobs" || echo "run_studies: some sweep points failed (see the status column of sweep.csv)"
/usr/bin/python3 postprocess/plot_sweep.py output/sweep-pbmv_quasistatic/sweep.csv
mpirun -np "$(nproc)" build/bin/leafmech run inputs/pbmv_quasistatic.prm --output output/pbmv_stepwise \
  --set "Stepwise protocol/Balloon diameters=13, 13.5, 14, 14.5, 15"
/usr/bin/python3 postprocess/plot_sweep.py output/pbmv_stepwise/stepwise.csv
for time in inflated last; do
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" pvbatch postprocess/render_state.py output/pbmv_stepwise --time "$time"
done
# The balloon friction's sensitivity at the default clinical size (README "Status of the default PBMV run").
build/bin/leafmech sweep inputs/pbmv_default.prm --param "Balloon/Friction coefficient" --values 0,0.05,0.1,0.2 \
  --set "Run/Time limit=1800" --jobs "$(( jobs < 4 ? jobs : 4 ))" --output output/sweep-friction \
  || echo "run_studies: some friction points failed (see the status column of output/sweep-friction/sweep.csv)"
# Clinical Inoue sizes on the default deck (README "Status of the default PBMV run": which points complete today).
build/bin/leafmech sweep inputs/pbmv_default.prm --param "Balloon/Target diameter" --values 20:2:30 \
  --set "Run/Time limit=1800" --jobs "$jobs" --output output/sweep-clinical \
  || echo "run_studies: some clinical sizes failed (see the status column of output/sweep-clinical/sweep.csv)"
/usr/bin/python3 postprocess/plot_sweep.py output/sweep-clinical/sweep.csv
echo "Sweep: output/sweep-pbmv_quasistatic/sweep.csv and sweep.png; stepwise protocol: output/pbmv_stepwise/"
echo "stepwise.csv, stepwise.png, state_inflated.png, state_last.png; summary.json holds the recommended size."
echo "Friction sensitivity: output/sweep-friction/sweep.csv; clinical sizes: output/sweep-clinical/."
