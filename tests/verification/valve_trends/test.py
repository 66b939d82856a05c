"""Trends of the valvuloplasty prediction on the quasi-static run (inputs/pbmv_quasistatic.prm: the default valve
at 32 x 6 Q2 cells, weak fusion 0.03 MPa / 0.02 N/mm, diameter-controlled Inoue balloon, 10 mmHg, deflation and recoil):

The runs use the viscous stabilisation (Nonlinear solver/Stabilization = 3e-6), which carries the inflation
to 16 mm on both valves and ends every phase in the relaxed static equilibrium (the hold).

1. A larger balloon (16 against 13 mm waist) splits each commissure as far or further and leaves a larger or
   equal post-procedure MVA, and a larger leaflet tear index.
2. Calcium nodules at both commissures (1.5 mm, near the free edge; the fusion beside them is 5x stronger) make
   the split shorter and the leaflet tear index higher on the same 16 mm balloon: the balloon's force goes into
   the leaflets instead of the fusion.
"""
import json
import os
from concurrent.futures import ThreadPoolExecutor
from leafmech_testing import Case, arguments, check, finish, run, summary

args = arguments()
case = Case(__file__)
S = "Geometry/Stenotic mitral valve"
commissural_calcium = (f"{S}/Calcium nodules=anterior: 60, 0.55, 1.6; posterior: 300, 0.55, 1.6; "
                       "anterolateral commissure: 0, 0.8, 1.5; posteromedial commissure: 0, 0.8, 1.5")

def outcome(name, sets):
    out = os.path.join(args.workdir, name)
    run(args, case.deck("valve_trends.prm"), out, sets=sets, ranks=1)  # the deck as it is, but for these
    s = summary(out)
    check(s["status"] == "completed", f"{name}: the run completes")
    print(name, json.dumps({"split_mm": {k: round(c["split_length_mm"], 3) for k, c in s["commissures"].items()},
                            "tear_index": round(s["leaflets"]["tear_index"], 4), "mva_cm2": s["mva_cm2"],
                            "risk": s["regurgitation_risk"]["category"]}))
    return s


# Two 1-rank runs at a time (the longest first) use the two cores better than 2-rank runs in turn.
with ThreadPoolExecutor(max_workers=2) as pool:
    runs = [pool.submit(outcome, "balloon_16mm", ["Balloon/Target diameter=16"]),
            pool.submit(outcome, "balloon_16mm_commissural_calcium", ["Balloon/Target diameter=16", commissural_calcium]),
            pool.submit(outcome, "balloon_13mm", ["Balloon/Target diameter=13"])]
    large, calcified, small = (r.result() for r in runs)

# 1. Balloon size.
for name in large["commissures"]:
    a, b = small["commissures"][name]["split_length_mm"], large["commissures"][name]["split_length_mm"]
    check(b >= a and b > 0, f"{name}: split {b:.2f} mm on 16 mm >= {a:.2f} mm on 13 mm")
check(large["mva_cm2"]["post"] >= small["mva_cm2"]["post"],
      f"post-procedure MVA {large['mva_cm2']['post']:.4f} cm^2 on 16 mm >= {small['mva_cm2']['post']:.4f} on 13 mm")
check(large["leaflets"]["tear_index"] > small["leaflets"]["tear_index"],
      f"tear index {large['leaflets']['tear_index']:.4f} on 16 mm > {small['leaflets']['tear_index']:.4f} on 13 mm")

# 2. Commissural calcium.
for name in large["commissures"]:
    a, b = large["commissures"][name]["split_length_mm"], calcified["commissures"][name]["split_length_mm"]
    check(b < a, f"{name}: calcified commissure splits {b:.2f} mm < {a:.2f} mm without commissural calcium")
t_plain, t_calcified = large["leaflets"]["tear_index"], calcified["leaflets"]["tear_index"]
check(t_calcified > t_plain, f"tear index {t_calcified:.4f} with commissural calcium > {t_plain:.4f} without")

for name, run_summary in (("16 mm", large), ("16 mm, commissural calcium", calcified)):
    st = run_summary["stabilization"]
    print(f"{name}: the stabilisation dissipated {st['dissipated_mJ']:.4f} mJ, "
          f"{100 * st['dissipated_fraction']:.2f} % of the largest strain energy")
finish()
