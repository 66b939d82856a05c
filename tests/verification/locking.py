"""Near incompressibility (nu = 0.4999) on Cook's membrane: the three-field formulation must not lock.

A locking element's coarse-mesh tip displacement collapses far below its fine-mesh value. The three-field
Q2-P1 result on a 2x2 mesh must stay within 2% of its 8x8 result, while the displacement formulation (kept as
the control, to show the test can tell the difference) loses more than 20%.
"""
import os
from leafmech_testing import arguments, check, finish, probe_uy, run

args = arguments()
tip = {}
for formulation in ("three-field", "displacement"):
    for n in (2, 8):
        out = os.path.join(args.workdir, f"locking_{formulation}_{n}")
        run(args, "cook_membrane.prm", out,
            [f"Geometry/Cook membrane/Cells per edge={n}", "Materials/leaflet_anterior/Poisson's ratio=0.4999",
             "Geometry/Cook membrane/Out-of-plane=plane strain",
             f"Finite element/Volumetric formulation={formulation}", "Output/Interval=0"])
        tip[formulation, n] = probe_uy(out)
print(tip)
ratio = tip["three-field", 2] / tip["three-field", 8]
check(abs(1 - ratio) < 0.02, f"three-field: coarse/fine = {ratio:.4f} (within 2%)")
ratio_d = tip["displacement", 2] / tip["displacement", 8]
check(ratio_d < 0.8, f"displacement formulation locks: coarse/fine = {ratio_d:.4f} (below 0.8)")
check(tip["displacement", 2] < tip["displacement", 8] < tip["three-field", 8],
      "the locking control stiffens less as the mesh is refined, approaching the three-field answer from below")
finish()
