"""Commissure splitting on the default valve (README.md, reference.json), coarsened (32 x 6 Q2 cells) so it runs in CI: an Inoue balloon,
diameter-controlled to a 14 mm waist, with a weak fusion (0.03 MPa, 0.02 N/mm) so the split starts at CI's
balloon size (inputs/pbmv_quasistatic.prm as it is, but for the waist), under the 10 mmHg diastolic pressure, then withdrawn (the valve recoils with its damage kept and the
diastolic pressure reopens it).

1. The fused valve splits both commissures, from the free edge; the split stops where the stronger commissural
   leaflet begins (within 2 mm of the fused length); the pre-procedure MVA is the orifice at the end of the
   diastolic loading, the post-procedure MVA the orifice at the end of the deflation, and the split valve opens
   wider after the procedure than before; the split is kept through the recoil (no healing); the tear measure
   and the risk call with its reasons are reported.
2. The same valve with no fusion (fused lengths 0, commissural span 3 + 7 mm: the meridian is commissural
   leaflet throughout) does not split, and its MVA after the procedure equals the MVA before (the hyperelastic
   valve recoils to the same state when nothing was damaged).
3. summary.json agrees with history.csv, and ParaView reads the fields: the largest cohesive_damage is 1 where
   the summary says the commissures split, and the largest tear_index of the last state equals history's.
4. Restart: the fused run stopped after step 20 (mid-split, the increment cut short: the commissure damage, the
   contact multipliers and sides, and the load stepping all matter) and resumed with `leafmech run --resume`
   equals the uninterrupted run: every measure of every step of history.csv and the last displacement field
   (h5py) within 1e-10, relative to the measure's largest value over the run.
"""
import csv
import json
import os
import shutil
import subprocess
from leafmech_testing import Case, arguments, check, debian_python, finish, run, summary

args = arguments()
case = Case(__file__)
deck = case.deck("valve_splitting.prm")  # the default deck at a 14 mm waist
S = "Geometry/Stenotic mitral valve"


def history(out):
    return list(csv.DictReader(open(os.path.join(out, "history.csv"))))


def fields(out):
    pvpython = shutil.which("pvpython")
    if pvpython is None:
        return None
    p = subprocess.run([pvpython, "--force-offscreen-rendering", os.path.join(os.path.dirname(__file__),
                        "cohesive_fields.py"), os.path.join(out, "solution.pvd")], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    return json.loads(lines[-1]) if p.returncode == 0 and lines else None


# 1. Fused.
fused_out = os.path.join(args.workdir, "fused")
run(args, deck, fused_out, ranks=2)
s, h = summary(fused_out), history(fused_out)
print(json.dumps({k: s.get(k) for k in ("commissures", "leaflets", "mva_cm2", "regurgitation_risk", "balloon")}, indent=1))
check(s["status"] == "completed", "the fused valve's run completes (diastolic loading, inflation)")
check([r["phase"] for r in h][::len(h) - 1] == ["diastolic loading", "deflation"] and
      any(r["phase"] == "inflation" for r in h), "the three phases in history")
inflated = [r for r in h if r["phase"] == "inflation"][-1]
for name, c in s["commissures"].items():
    check(c["split_length_mm"] > 0, f"{name}: split {c['split_length_mm']:.2f} mm of {c['fused_length_mm']} mm fused")
    check(c["split_length_mm"] <= c["fused_length_mm"] + 2.0, f"{name}: the split stops near the end of the fusion "
          f"(the commissural leaflet beyond it is 20x stronger)")
    check(c["first_split_diameter_mm"] is not None and 0 < c["first_split_diameter_mm"] <= 14.05,
          f"{name}: first split at a {c['first_split_diameter_mm']} mm balloon, within the 14 mm inflation")
    check(abs(c["split_length_mm"] - float(h[-1][f"{name}_split_length_mm"])) < 1e-9, f"{name}: summary = history")
    check(abs(float(inflated[f"{name}_split_length_mm"]) - c["split_length_mm"]) < 1e-9,
          f"{name}: the split is kept through the recoil (no healing)")
mva = s["mva_cm2"]
check(mva["pre"] is not None and abs(mva["pre"] - 1.0) < 0.1, f"pre-procedure MVA {mva['pre']} cm^2 (valve built at 1.0)")
check(float(inflated["orifice_area_cm2"]) > mva["pre"] + 0.3, f"the split valve opens on the balloon: orifice "
      f"{float(inflated['orifice_area_cm2']):.3f} cm^2 against {mva['pre']:.3f} before")
check(mva["post"] is not None and mva["post"] > mva["pre"] + 0.2, f"post-procedure MVA {mva['post']} cm^2 > pre "
      f"{mva['pre']} cm^2: the split commissures let the diastolic pressure open the valve wider")
check(mva["post"] < float(inflated["orifice_area_cm2"]), "the valve recoils from the balloon's orifice")
pre_row = [r for r in h if r["phase"] == "diastolic loading"][-1]
check(abs(float(pre_row["orifice_area_cm2"]) - mva["pre"]) < 1e-12, "MVA pre = the orifice at the end of diastolic loading")
check(abs(float(h[-1]["orifice_area_cm2"]) - mva["post"]) < 1e-12, "MVA post = the orifice at the end of the deflation")
tears = [float(r["leaflet_tear_index"]) for r in h]
check(abs(s["leaflets"]["tear_index"] - max(tears)) < 1e-12, "tear index = its largest value over the steps")
check(s["leaflets"]["torn"] == (s["leaflets"]["tear_index"] >= 1), "torn flag consistent with the tear index")
risk = s["regurgitation_risk"]
check(risk["category"] in ("low", "moderate", "high") and risk["reasons"], f"risk {risk['category']}: {risk['reasons']}")
f = fields(fused_out)
check(f is not None, "pvpython read the fused valve's solution.pvd")
if f:
    check(f["max_damage"] > 0.99, f"largest cohesive_damage in the last state {f['max_damage']:.4f} (split)")
    check(abs(f["max_tear_index"] - float(h[-1]["leaflet_tear_index"])) <= 1e-6 * (1 + f["max_tear_index"]),
          f"largest tear_index field {f['max_tear_index']:.6f} = history's last {float(h[-1]['leaflet_tear_index']):.6f}")

# 4. Restart.
stopped_out = os.path.join(args.workdir, "stopped")
cmd = [args.mpirun, "--oversubscribe", "-np", "2", args.leafmech]
p = subprocess.run(cmd + ["run", deck, "--output", stopped_out, "--stop-at-step", "20"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode == 3 and summary(stopped_out)["status"] == "stopped", f"--stop-at-step 20: exit {p.returncode}, "
      f"status {summary(stopped_out)['status']}: {summary(stopped_out)['message']}")
p = subprocess.run(cmd + ["run", "--resume", stopped_out], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
s4, h4 = summary(stopped_out), history(stopped_out)
check(p.returncode == 0 and s4["status"] == "completed" and s4.get("resumed_from_step") == 20,
      f"resumed from step {s4.get('resumed_from_step')}: {s4['status']}")
noise = ("phase", "wall_time_s", "residual_norm_N")  # the residual left at convergence is round-off, run to run
worst, where = 0.0, None
check(len(h4) == len(h), f"{len(h4)} steps, as the uninterrupted run's {len(h)}")
for col in [c for c in h[0] if c not in noise]:
    scale = max(abs(float(r[col])) for r in h) or 1.0
    for a, b in zip(h4, h):
        d = abs(float(a[col]) - float(b[col])) / scale
        if d > worst:
            worst, where = d, f"{col} at step {b['step']}"
check(worst <= case.tolerance("restart"), f"history.csv: largest difference {worst:.1e} of the measure's scale ({where})")
last = sorted(f for f in os.listdir(fused_out) if f.startswith("solution-") and f.endswith(".h5"))[-1]
p = subprocess.run([debian_python(), "-c", "import h5py, sys, numpy as np; a, b = (h5py.File(f, 'r')['displacement'][()] "
                    "for f in sys.argv[1:]); print(np.abs(a - b).max() / np.abs(b).max())",
                    os.path.join(stopped_out, last), os.path.join(fused_out, last)], stdout=subprocess.PIPE, text=True)
check(p.returncode == 0 and float(p.stdout) <= 1e-10, f"{last}: displacement fields differ by {p.stdout.strip()} "
      f"of the largest displacement")
check(all(abs(s4["mva_cm2"][k] - s["mva_cm2"][k]) <= 1e-10 * s["mva_cm2"][k] for k in ("pre", "post")) and
      s4["regurgitation_risk"] == s["regurgitation_risk"], f"same MVA {s4['mva_cm2']} and risk as the uninterrupted run")

# 2. No fusion.
open_out = os.path.join(args.workdir, "unfused")
# The same valve shape: the 7 mm fusion becomes commissural leaflet (span 3 + 7 = 10 mm, unfused).
run(args, deck, open_out, ranks=2, sets=[f"{S}/Anterolateral fusion length=0",
                                              f"{S}/Posteromedial fusion length=0", f"{S}/Commissural span=10"])
s2 = summary(open_out)
for name, c in s2["commissures"].items():
    check(c["split_length_mm"] == 0, f"no fusion: {name} does not split ({c['split_length_mm']} mm)")
# Elastic path independence: with (almost) no damage, the recoiled valve reloaded by the diastolic pressure is the
# pre-procedure valve again, so the deflation's restart from the reference shape loses nothing.
m2 = s2["mva_cm2"]
check(abs(m2["post"] - m2["pre"]) <= 1e-4, f"no split: MVA post {m2['post']} = pre {m2['pre']} cm^2 (1e-4)")
finish()
