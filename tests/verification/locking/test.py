"""Near incompressibility (nu = 0.4999) on Cook's membrane: the three-field formulation must not lock
(README.md, reference.json)."""
import os
from leafmech_testing import Case, arguments, check, finish, probe_uy, run

args = arguments()
case = Case(__file__)
tip = {}
for formulation in ("three-field", "displacement"):
    for n in (2, 8):
        out = os.path.join(args.workdir, f"locking_{formulation}_{n}")
        run(args, case.deck("locking.prm"), out,
            [f"Geometry/Cook membrane/Cells per edge={n}", f"Finite element/Volumetric formulation={formulation}"])
        tip[formulation, n] = probe_uy(out)
print(tip)
ratio = tip["three-field", 2] / tip["three-field", 8]
bound = case.tolerance("three_field_coarse_over_fine")
check(abs(1 - ratio) < bound, f"three-field: coarse/fine = {ratio:.4f} (within {100 * bound:.0f}%)")
ratio_d = tip["displacement", 2] / tip["displacement", 8]
limit = case.value("displacement_coarse_over_fine")
check(ratio_d < limit, f"displacement formulation locks: coarse/fine = {ratio_d:.4f} (below {limit})")
check(tip["displacement", 2] < tip["displacement", 8] < tip["three-field", 8],
      "the locking control stiffens less as the mesh is refined, approaching the three-field answer from below")
finish()
