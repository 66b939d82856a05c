"""A block pressed onto a balloon and pulled along it, against Coulomb's law: it sticks below mu N, has no
equilibrium beyond it, and slides with a friction force mu N whose work is mu N times the slip."""
import csv
import os
import statistics
from leafmech_testing import Case, arguments, check, finish, run, tangent_checks

args = arguments()
case = Case(__file__)
deck = case.deck("friction_block.prm")
block = case.reference["block"]
mu, p = block["friction_coefficient"], block["pressure_MPa"]


def history(outdir):
    return list(csv.DictReader(open(os.path.join(outdir, "history.csv"))))


# 1. Stick: a dead pull of 0.4 mu p.
pull = 0.4 * mu * p
out = os.path.join(args.workdir, "stick")
run(args, deck, out, [f"Geometry/Sliding block/Pull traction={pull}"])
last = history(out)[-1]
elastic = pull / block["tangential_penalty_MPa_per_mm"]
slip, top = float(last["bottom_uz_mm"]), float(last["top_uz_mm"])
print(f"stick: bottom slip {slip:.3e} mm (pull / eps_T = {elastic:.1e}), top {top:.3e} mm")
check(0 < slip <= 2 * elastic and top >= 100 * slip, "below mu N the block sticks: only the penalty's elastic slip")

# 2. A dead pull of 1.2 mu p: no equilibrium beyond mu p.
out = os.path.join(args.workdir, "beyond")
code, _ = run(args, deck, out, [f"Geometry/Sliding block/Pull traction={1.2 * mu * p}", "Load stepping/Number of load steps=20",
                                "Load stepping/Maximum step cuts=7", "Nonlinear solver/Maximum iterations=12"], expect=None)
rows = history(out)
reached = 1.2 * mu * p * (2 * float(rows[-1]["load_factor"]) - 1)
print(f"beyond: stopped at load factor {rows[-1]['load_factor']}, pull {reached / (mu * p):.5f} mu p")
check(code != 0, "the run stops: a pull beyond mu N has no equilibrium")
check((1 - case.tolerance("slip_onset")) * mu * p <= reached <= mu * p,
      f"its last converged pull {reached / (mu * p):.5f} mu p is within 0.5 % below mu p")

# 3. A prescribed pull: sliding at mu N, work mu N ds; the tangent against differences of the residual.
out = os.path.join(args.workdir, "sliding")
run(args, deck, out, ["Geometry/Sliding block/Pull=displacement", "Nonlinear solver/Check tangent=true"])
rows = history(out)
sliding = [r for r in rows if float(r["friction_force_N"]) >= (1 - 1e-9) * mu * float(r["contact_force_N"])
           and float(r["load_factor"]) > 0.5]
ratios = [float(r["friction_force_N"]) / float(r["contact_force_N"]) for r in sliding]
print("sliding steps: friction / normal force", [f"{x:.9f}" for x in ratios])
check(len(sliding) >= 3 and max(abs(x / mu - 1) for x in ratios) <= case.tolerance("sliding_force"),
      f"sliding, the friction force is mu N in {len(sliding)} steps")
for a, b in zip(sliding, sliding[1:]):
    work = float(b["friction_work_mJ"]) - float(a["friction_work_mJ"])
    expected = mu * float(b["contact_force_N"]) * (float(b["bottom_uz_mm"]) - float(a["bottom_uz_mm"]))
    check(abs(work - expected) <= case.tolerance("sliding_work") * expected,
          f"work over the step to {b['load_factor']}: {work:.4e} mJ against mu N ds = {expected:.4e}")
full = [v for step, c in tangent_checks(out).items() if step > 5 for v, normal_only in c if not normal_only]
print("full-tangent FD differences while pulled:", [f"{v:.1e}" for v in full])
check(len(full) >= 8 and max(full) <= case.tolerance("tangent") and statistics.median(full) <= 1e-6,
      f"the tangent with friction matches differences of the residual (largest {max(full):.1e})")
finish()
