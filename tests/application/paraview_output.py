"""The results open in real ParaView (pvpython): time series, named fields, and values matching summary.json."""
import json
import os
import shutil
import subprocess
from leafmech_testing import arguments, check, finish, probe_uy, run, test_deck

args = arguments()
out = os.path.join(args.workdir, "cook")
run(args, test_deck("verification/cook_membrane/cook_membrane.prm"), out, ["Geometry/Cook membrane/Cells per edge=4", "Load stepping/Number of load steps=3"],
    ranks=2)
for name in ("solution.pvd", "solution-0003.pvtu", "solution-0003.0.vtu", "solution-0003.1.vtu", "summary.json",
             "history.csv", "newton.csv", "parameters.prm", "log.txt"):
    check(os.path.exists(os.path.join(out, name)), f"{name} written")
pvpython = shutil.which("pvpython")
check(pvpython is not None, "pvpython is installed (scripts/setup.sh installs ParaView)")
if pvpython:
    p = subprocess.run([pvpython, "--force-offscreen-rendering", os.path.join(os.path.dirname(__file__), "paraview_check.py"),
                        os.path.join(out, "solution.pvd"), "48,52,0.5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    check(p.returncode == 0 and lines, "pvpython read solution.pvd")
    if lines:
        r = json.loads(lines[-1])
        check([round(t, 6) for t in r["times"]] == [0.0, 0.333333, 0.666667, 1.0], f"time steps {r['times']}")
        arrays = r["point_arrays"]
        for name, n in (("displacement", 3), ("cauchy_stress", 9), ("von_mises_stress", 1),
                        ("max_principal_stress", 1), ("J", 1)):
            check(arrays.get(name) == n, f"point array {name} with {n} component(s)")
        for name in ("material_id", "rank"):  # per-cell values, written constant over each cell's patch
            check(arrays.get(name) == 1, f"cell field {name}")
        tip = probe_uy(out)
        uy = r["nearest_displacement"][1]
        check(r["nearest_point"] == [48.0, 52.0, 0.5] and abs(uy - tip) < 1e-6 * abs(tip),
              f"u_y at the tip in ParaView {uy:.6f} equals the summary's tip probe {tip:.6f}")
        # derived fields against numpy's recomputation from the written tensor (see paraview_check.py)
        vm, top = r["recomputed_von_mises"], r["recomputed_max_principal"]
        check(r["stress_asymmetry"] <= 1e-12, "written Cauchy stress is symmetric")
        check(abs(r["nearest_von_mises"] - vm) <= 1e-6 * vm, f"von_mises_stress {r['nearest_von_mises']:.6g} = {vm:.6g}")
        check(abs(r["nearest_max_principal"] - top) <= 1e-6 * abs(top) + 1e-12,
              f"max_principal_stress {r['nearest_max_principal']:.6g} = {top:.6g}")
    else:
        print(p.stdout[-2000:], p.stderr[-2000:])
finish()
