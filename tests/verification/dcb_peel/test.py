"""Double cantilever beam peel test of the cohesive law (dcb_peel.prm; README.md, reference.json), against linear
elastic fracture mechanics: while the crack grows at G = G_c, beam theory (compliance C = 2 a^3 / (3 E I),
G = P^2 a^2 / (b E I)) gives the load at the end opening Delta independently of the crack length:
    P = sqrt(2/3) (b G_c)^(3/4) (E I)^(1/4) Delta^(-1/2).

1. Loading to 1.6 mm: the separation load within 10 % of P(Delta) wherever the crack grows.
2. Unloading to 0.8 mm: no crack growth and no further dissipation.
3. Reloading to 2 mm: the unloading path back to the old opening (nothing healed, a softer beam than the
   intact one), then growth at P(Delta) again.
4. Energy: the dissipated energy is G_c times the new crack area (crack length from the final load by LEFM,
   a = sqrt(b G_c E I) / P) within 10 %.
"""
import csv
import math
import os
from leafmech_testing import Case, arguments, check, finish, run

args = arguments()
case = Case(__file__)
beam = case.reference["beam"]
E, b, h, a0, Gc = (beam[k] for k in ("young_modulus_MPa", "width_mm", "arm_thickness_mm", "initial_crack_mm",
                                     "fracture_energy_N_per_mm"))
EI = E * b * h ** 3 / 12
schedule = [tuple(p) for p in beam["opening_schedule"]]
lefm = case.tolerance("lefm_load")


def opening(load_factor):
    for (l0, d0), (l1, d1) in zip(schedule, schedule[1:]):
        if load_factor <= l1 + 1e-12:
            return d0 + (d1 - d0) * (load_factor - l0) / (l1 - l0)


def lefm_load(delta):
    return math.sqrt(2 / 3) * (b * Gc) ** 0.75 * EI ** 0.25 / math.sqrt(delta)


out = os.path.join(args.workdir, "dcb")
text = "; ".join(f"{l}: {d}" for l, d in schedule)
run(args, case.deck("dcb_peel.prm"), out, sets=[f"Geometry/Double cantilever beam/Opening schedule={text}"])
rows = []
for r in csv.DictReader(open(os.path.join(out, "history.csv"))):
    rows.append((float(r["load_factor"]), opening(float(r["load_factor"])), float(r["interface_force_N"]),
                 float(r["interface_split_length_mm"]), float(r["interface_dissipated_mJ"])))

# Growth: steps where the separated length increased and the opening exceeds every earlier opening.
growing, max_open, prev_split = [], 0.0, 0.0
for lf, delta, P, split, _ in rows:
    if split > prev_split and delta >= max_open:
        growing.append((delta, P / lefm_load(delta)))
    prev_split, max_open = split, max(max_open, delta)
print("opening (mm), P / P_LEFM while the crack grows:", ", ".join(f"{d:.3f}: {q:.3f}" for d, q in growing))
check(len(growing) >= 10, f"the crack grows over {len(growing)} load steps (at least 10)")
worst = max(abs(q - 1) for _, q in growing)
check(worst <= lefm, f"separation load within 10 % of LEFM while the crack grows (worst {100 * worst:.1f} %)")

# The load steps need not land on the schedule's corners: the peak is the largest opening solved before 0.65.
at_peak = max((r for r in rows if r[0] <= 0.65 + 1e-9), key=lambda r: r[1])
unload = [r for r in rows if at_peak[0] < r[0] <= 0.65 + 1e-9]
reload = [r for r in rows if 0.65 + 1e-9 < r[0] and r[1] <= at_peak[1] - 0.05]
check(len(unload) >= 4 and len(reload) >= 4, f"{len(unload)} unloading and {len(reload)} reloading steps")
check(all(abs(r[3] - at_peak[3]) < 1e-12 for r in unload + reload),
      f"no crack growth while unloading and reloading below {at_peak[1]:.3f} mm (split stays {at_peak[3]:.3f} mm)")
check(all(abs(r[4] - unload[0][4]) <= 1e-9 for r in unload + reload),
      f"no dissipation after the first unloading step ({unload[0][4]:.6f} mJ)")
# Reloading retraces unloading: the same load at the same opening (by linear interpolation along the unloading
# steps). Not quite a straight line: the damaged nodes still resist interpenetration at the intact stiffness.
down = sorted((r[1], r[2]) for r in unload)
worst = 0.0
for r in reload:
    if down[0][0] <= r[1] <= down[-1][0]:
        i = max(k for k in range(len(down)) if down[k][0] <= r[1])
        j = min(i + 1, len(down) - 1)
        w = 0.0 if j == i else (r[1] - down[i][0]) / (down[j][0] - down[i][0])
        P_down = down[i][1] + w * (down[j][1] - down[i][1])
        worst = max(worst, abs(r[2] - P_down) / P_down)
check(worst <= case.tolerance("reload"), f"reloading retraces the unloading path (largest difference {100 * worst:.2f} %)")
intact = rows[0][2] / rows[0][1]
secant = max(r[2] / r[1] for r in reload)
check(secant < 0.9 * intact, f"the reloaded beam is softer than the intact one ({secant:.5f} < {intact:.5f} N/mm): "
      f"the crack did not heal")

final = rows[-1]
a_final = math.sqrt(b * Gc * EI) / final[2]
expected = Gc * b * (a_final - a0)
print(f"final: P {final[2]:.5f} N, LEFM crack length {a_final:.3f} mm, separated length {final[3]:.3f} mm, "
      f"dissipated {final[4]:.5f} mJ vs G_c b (a - a0) = {expected:.5f} mJ")
check(abs(final[4] - expected) <= case.tolerance("energy") * expected, "dissipated energy within 10 % of G_c times the new crack area")
check(abs(a0 + final[3] - a_final) <= case.tolerance("energy") * (a_final - a0), "separated length within 10 % of the LEFM crack growth")
finish()
