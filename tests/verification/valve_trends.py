"""Trends of the valvuloplasty prediction on the default run (inputs/pbmv_default.prm: the default valve at 32 x 6
Q2 cells, weak fusion 0.03 MPa / 0.02 N/mm, diameter-controlled Inoue balloon, 10 mmHg, deflation and recoil):

1. A larger balloon (15 against 13.5 mm waist) splits each commissure as far or further and leaves a larger or
   equal post-procedure MVA, and a larger leaflet tear index.
2. Calcium nodules at both commissures (1.5 mm, near the free edge; the fusion beside them is 5x stronger) make
   the split shorter on the same 15 mm balloon.
"""
import json
import os
from leafmech_testing import arguments, check, finish, run, summary

args = arguments()
S = "Geometry/Stenotic mitral valve"
commissural_calcium = (f"{S}/Calcium nodules=anterior: 60, 0.55, 1.6; posterior: 300, 0.55, 1.6; "
                       "anterolateral commissure: 0, 0.8, 1.5; posteromedial commissure: 0, 0.8, 1.5")


def outcome(name, sets):
    out = os.path.join(args.workdir, name)
    run(args, "pbmv_default.prm", out, sets=sets, ranks=2)  # the deck as it is, but for `sets`
    s = summary(out)
    check(s["status"] == "completed", f"{name}: the run completes")
    print(name, json.dumps({"split_mm": {k: round(c["split_length_mm"], 3) for k, c in s["commissures"].items()},
                            "tear_index": round(s["leaflets"]["tear_index"], 4), "mva_cm2": s["mva_cm2"],
                            "risk": s["regurgitation_risk"]["category"]}))
    return s


small = outcome("balloon_13.5mm", ["Balloon/Target diameter=13.5"])
large = outcome("balloon_15mm", ["Balloon/Target diameter=15"])
calcified = outcome("balloon_15mm_commissural_calcium", ["Balloon/Target diameter=15", commissural_calcium])

# 1. Balloon size.
for name in large["commissures"]:
    a, b = small["commissures"][name]["split_length_mm"], large["commissures"][name]["split_length_mm"]
    check(b >= a and b > 0, f"{name}: split {b:.2f} mm on 15 mm >= {a:.2f} mm on 13.5 mm")
check(large["mva_cm2"]["post"] >= small["mva_cm2"]["post"],
      f"post-procedure MVA {large['mva_cm2']['post']:.4f} cm^2 on 15 mm >= {small['mva_cm2']['post']:.4f} on 13.5 mm")
check(large["leaflets"]["tear_index"] > small["leaflets"]["tear_index"],
      f"tear index {large['leaflets']['tear_index']:.4f} on 15 mm > {small['leaflets']['tear_index']:.4f} on 13.5 mm")

# 2. Commissural calcium.
for name in large["commissures"]:
    a, b = large["commissures"][name]["split_length_mm"], calcified["commissures"][name]["split_length_mm"]
    check(b < a, f"{name}: calcified commissure splits {b:.2f} mm < {a:.2f} mm without commissural calcium")
finish()
