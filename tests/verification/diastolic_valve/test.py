"""The default valve under 10 mmHg diastolic pressure (annulus held): converges with a quadratic Newton rate,
the orifice opens a little, the chordae carry tension, and summary, history and fields agree. Then a
mirror-symmetric valve (no nodules, equal fusion lengths) on two ranks, whose response must be mirror-symmetric:
u_x(-x, y, z) = -u_x(x, y, z), u_y and u_z equal, and mirrored chordae equally loaded."""
import csv
import math
import os
from leafmech_testing import Case, arguments, check, finish, mesh, run, summary, tangent_checks, vtu_lines

args = arguments()
case = Case(__file__)
deck = case.deck("diastolic_valve.prm")
out = os.path.join(args.workdir, "default")
run(args, deck, out)
s = summary(out)
area = s["orifice_area_cm2"]
check(s["status"] == "completed", f"converged: {s['message']}")
check(area["final"] > area["reference"] * 1.005, f"orifice area grows: {area['reference']:.4f} -> {area['final']:.4f} cm^2")
check(area["final"] < area["reference"] * 1.3, "by a little (< 30 %) under 10 mmHg")
check(abs(s["mva_cm2"]["pre"] - area["final"]) < 1e-12, "pre-procedure MVA = the diastolic orifice area")
check(s["chordae"]["taut"] == 12 and s["chordae"]["total_tension_N"] > 0.05,
      f"all 12 chordae carry tension (total {s['chordae']['total_tension_N']:.3f} N)")
history = list(csv.DictReader(open(os.path.join(out, "history.csv"))))
check(abs(float(history[-1]["orifice_area_cm2"]) - area["final"]) < 1e-9, "history.csv ends at the summary's area")
areas = [float(r["orifice_area_cm2"]) for r in history]
check(all(b > a for a, b in zip(areas, areas[1:])), f"the area grows with every load step {areas}")
points, data = vtu_lines(os.path.join(out, "chordae-0001.vtu"))
check(abs(max(data["tension_N"]) - s["chordae"]["max_tension_N"]) < 1e-9, "chordae-0001.vtu tensions = summary")

# Consistent tangent (follower pressure, chordae, tie included): the computational order of convergence
# log(r_k+1 / r_k) / log(r_k / r_k-1) from each step's last three residuals above round-off is ~2 for Newton with
# an exact tangent and ~1 with an inconsistent one.
steps = {}
for r in csv.DictReader(open(os.path.join(out, "newton.csv"))):
    steps.setdefault(int(r["step"]), []).append(float(r["residual_norm_N"]))
orders = []
for res in steps.values():
    above = [r for r in res if r > 1e-11]
    if len(above) >= 3:
        r0, r1, r2 = above[-3:]
        orders.append(math.log(r2 / r1) / math.log(r1 / r0))
print("orders of convergence per step:", [round(x, 2) for x in orders])
check(len(orders) == len(steps) and min(orders) >= case.value("newton_order"), f"Newton converges quadratically (min order {min(orders):.2f})")

# The assembled tangent (follower pressure, chordae, fusion tie, three-field leaflets, calcium) against central
# differences of the assembled residual along a random direction, at every Newton iteration. The leaflets are
# neo-Hookean here: the tension-only HGO fibres have a kink in their tangent at I4 = 1 that differences
# straddle whenever a quadrature point sits within the step of it (their tangent is checked pointwise by
# kernels.material_point). Likewise the commissures' damage: the cohesive law's tangent has a kink where an
# opening passes its history (loading/unloading), so here its damage growth is frozen within each step by a
# huge viscosity (the damage tangent is checked by kernels.material_point and verification.dcb_peel).
check_out = os.path.join(args.workdir, "tangent")
smooth = [f"Materials/leaflet_{side}/Model=neo-Hookean" for side in ("anterior", "posterior")] + \
         [f"Materials/leaflet_{side}/neo-Hookean/Shear modulus=0.05" for side in ("anterior", "posterior")]
run(args, deck, check_out, ["Load stepping/Number of load steps=2",
                                             "Nonlinear solver/Check tangent=true",
                                             "Geometry/Stenotic mitral valve/Valve physics/Fusion viscosity=1e9"] + smooth)
checks = tangent_checks(check_out)
values = sorted(v for c in checks.values() for v, _ in c)
print("tangent vs finite differences:", [f"{v:.1e}" for v in values])
check(len(checks) == 2 and len(values) >= 6 and max(values) <= case.tolerance("tangent"),
      f"consistent tangent at every iteration: largest relative FD difference {max(values):.1e} <= 1e-8")

# Mirror symmetry, on two ranks: probes at mirrored chordae attachment vertices.
sym_sets = ["Geometry/Stenotic mitral valve/Calcium nodules="]
mesh_out = os.path.join(args.workdir, "symmetric_mesh")
mesh(args, deck, mesh_out, sym_sets)
attachments, _ = vtu_lines(os.path.join(mesh_out, "chordae.vtu"))
attachments = attachments[0::2]
right = [p for p in attachments if p[0] > 1e-6][:4]
probes = "; ".join(f"r{i}: {p[0]}, {p[1]}, {p[2]}; m{i}: {-p[0]}, {p[1]}, {p[2]}" for i, p in enumerate(right))
sym = os.path.join(args.workdir, "symmetric")
run(args, deck, sym, sym_sets + [f"Output/Probes={probes}"], ranks=2)
ss = summary(sym)
check(ss["mpi_ranks"] == 2 and ss["status"] == "completed", "symmetric valve converged on 2 ranks")
scale = max(max(abs(c) for c in v["displacement_mm"]) for v in ss["probes"].values())
worst = 0.0
for i in range(len(right)):
    u, m = ss["probes"][f"r{i}"]["displacement_mm"], ss["probes"][f"m{i}"]["displacement_mm"]
    worst = max(worst, abs(u[0] + m[0]), abs(u[1] - m[1]), abs(u[2] - m[2]))
check(len(right) == 4 and worst <= case.tolerance("mirror_symmetry") * scale, f"mirrored displacements agree: worst {worst:.2e} mm of {scale:.3f} mm")
points, data = vtu_lines(os.path.join(sym, "chordae-0001.vtu"))
ends = points[0::2]
tension_gap = 0.0
for i, p in enumerate(ends):
    j = min(range(len(ends)), key=lambda k: (ends[k][0] + p[0]) ** 2 + (ends[k][1] - p[1]) ** 2 + (ends[k][2] - p[2]) ** 2)
    tension_gap = max(tension_gap, abs(data["tension_N"][i] - data["tension_N"][j]))
check(tension_gap <= 1e-6 * max(data["tension_N"]), f"mirrored chordae carry equal tension (gap {tension_gap:.2e} N)")

# Partition independence: the same valve on one rank (the fusion ties and chordae then never straddle ranks).
one = os.path.join(args.workdir, "symmetric_one_rank")
run(args, deck, one, sym_sets + [f"Output/Probes={probes}"])
s1 = summary(one)
gap = max(abs(a - b) for name in ss["probes"] for a, b in zip(ss["probes"][name]["displacement_mm"],
                                                              s1["probes"][name]["displacement_mm"]))
check(gap <= case.tolerance("ranks") * scale, f"1 and 2 ranks agree: largest probe difference {gap:.2e} mm")
check(abs(s1["orifice_area_cm2"]["final"] - ss["orifice_area_cm2"]["final"]) <= 1e-9,
      "1 and 2 ranks measure the same orifice area")
finish()
