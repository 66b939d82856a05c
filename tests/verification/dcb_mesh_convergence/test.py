"""Double cantilever beam at two meshes (40 and 80 cells along; Q2): the separation load converges to the
LEFM load P = sqrt(2/3) (b G_c)^(3/4) (E I)^(1/4) Delta^(-1/2) as the mesh resolves the cohesive process
zone. On the coarse mesh each node that separates snaps the crack forward (a saw-tooth above P); the
refined mesh must be closer to P on average and within 10 % everywhere."""
import csv
import math
import os
from leafmech_testing import Case, arguments, check, finish, run

args = arguments()
case = Case(__file__)
beam = Case(os.path.join(case.folder, "..", "dcb_peel", "test.py")).reference["beam"]
E, b, h, Gc = (beam[k] for k in ("young_modulus_MPa", "width_mm", "arm_thickness_mm", "fracture_energy_N_per_mm"))
EI = E * b * h ** 3 / 12


def deviations(cells):
    out = os.path.join(args.workdir, f"cells{cells}")
    run(args, case.deck("dcb_mesh_convergence.prm"), out, sets=[f"Geometry/Double cantilever beam/Cells along={cells}"])
    result, prev = [], 0.0
    for r in csv.DictReader(open(os.path.join(out, "history.csv"))):
        delta = 1.6 * float(r["load_factor"])
        split = float(r["interface_split_length_mm"])
        if split > prev:
            P = math.sqrt(2 / 3) * (b * Gc) ** 0.75 * EI ** 0.25 / math.sqrt(delta)
            result.append(float(r["interface_force_N"]) / P - 1)
        prev = split
    return result


coarse, fine = deviations(40), deviations(80)
mean = lambda v: sum(abs(x) for x in v) / len(v)
print(f"mean |P / P_LEFM - 1| while the crack grows: 40 cells {100 * mean(coarse):.2f} % ({len(coarse)} steps), "
      f"80 cells {100 * mean(fine):.2f} % ({len(fine)} steps); worst {100 * max(map(abs, coarse)):.2f} / "
      f"{100 * max(map(abs, fine)):.2f} %")
check(len(coarse) >= 5 and len(fine) >= 5, "the crack grows on both meshes")
check(mean(fine) < mean(coarse), "refining the mesh brings the separation load closer to LEFM")
check(max(map(abs, fine)) <= case.tolerance("fine_mesh"), "the refined mesh is within 10 % of LEFM at every growth step")
finish()
