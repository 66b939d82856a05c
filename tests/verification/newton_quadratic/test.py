"""Newton's asymptotic quadratic convergence on nonlinear Cook's membrane (consistent tangent check), and
recovery from cut-back increments.

For each load step, with residuals normalised by the step's first one (e_k = r_k / r_0), quadratic convergence
means e_(k+1) ~ e_k^2, i.e. log e_(k+1) / log e_k ~ 2. Pairs whose next residual is at round-off are skipped.
"""
import csv
import math
import os
from leafmech_testing import Case, arguments, check, finish, probe_uy, run

args = arguments()
case = Case(__file__)
deck = case.deck("newton_quadratic.prm")
out = os.path.join(args.workdir, "newton_quadratic")
run(args, deck, out)
rows = list(csv.DictReader(open(os.path.join(out, "newton.csv"))))
steps = {}
for r in rows:
    steps.setdefault(int(r["step"]), []).append(float(r["residual_norm_N"]))
rates = []
for step, res in steps.items():
    for k in range(len(res) - 1):
        e0, e1 = res[k] / res[0], res[k + 1] / res[0]
        if res[k + 1] > 1e-12 and e0 < 0.1:
            rates.append(math.log(e1) / math.log(e0))
print("observed rates:", [round(x, 2) for x in rates])
check(len(rates) >= case.value("pairs"), f"{len(rates)} iteration pairs in the asymptotic range")
check(min(rates) >= 1.7, f"every asymptotic rate >= 1.7 (min {min(rates):.2f})")
check(max(len(r) for r in steps.values()) <= case.value("iterations"),
      f"no step needs more than {case.value('iterations')} Newton iterations")

# Cut-back recovery: a single full-load increment with too few Newton iterations must be halved, recover, and reach
# the same state as uniform stepping (the hyperelastic solution does not depend on the load path).
cut = os.path.join(args.workdir, "cut_back")
run(args, deck, cut, ["Nonlinear solver/Residual tolerance=1e-9", "Load stepping/Number of load steps=1",
                      "Nonlinear solver/Maximum iterations=5"])
history = list(csv.DictReader(open(os.path.join(cut, "history.csv"))))
check(sum(int(r["step_cuts"]) for r in history) > 0, "the full-load increment was cut back")
check(float(history[-1]["load_factor"]) == 1.0, "the cut-back run reached the full load")
uniform = os.path.join(args.workdir, "uniform")
run(args, deck, uniform, ["Nonlinear solver/Residual tolerance=1e-9"])
a, b = probe_uy(cut), probe_uy(uniform)
check(abs(a - b) <= case.tolerance("cut_back_tip") * abs(b), f"cut-back tip {a:.12f} equals uniform-stepping tip {b:.12f}")
finish()
