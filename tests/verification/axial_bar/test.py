"""Implicit dynamics (solver/core/force_terms/inertia.h) against a bar's axial vibration: a fixed-free bar under
a suddenly applied end load moves as a triangle wave between 0 and 2 u_s with the period 4 L / sqrt(E / rho).

1. alpha = 0 (the trapezoidal rule), three periods of 100 steps: the period, the amplitude 2 u_s, and the total
   energy kinetic + strain - F u conserved.
2. alpha = -0.1: the same period, and the scheme's numerical dissipation takes energy away.
3. Restart: stopped half-way (--stop-at-step 150) and resumed, the run retraces the uninterrupted one (the
   velocity, acceleration and time are the inertia's checkpoint state).
4. A ramped load over half a period with 20, 40 and 80 steps against 640: second order in time. The bar has
   2 cells here: the order is the scheme's once every mode of the mesh is resolved in time, and the 8-cell
   bar's highest modes (omega dt >> 1 at 10 steps) keep it pre-asymptotic (orders 1.4-1.7 at 10-80 steps).
"""
import csv
import math
import os
import subprocess
from leafmech_testing import Case, arguments, check, finish, run, summary

args = arguments()
case = Case(__file__)
deck = case.deck("axial_bar.prm")
bar = case.reference["bar"]
L, w, mu, rho, t0 = (bar[k] for k in ("length_mm", "width_mm", "shear_modulus_MPa", "density_t_per_mm3", "end_traction_MPa"))
E = 2 * mu  # Poisson's ratio 0
T1 = 4 * L / math.sqrt(E / rho)
F, u_s = t0 * w * w, t0 * L / E


def history(outdir):
    return [{k: float(v) for k, v in r.items() if k != "phase"} for r in csv.DictReader(open(os.path.join(outdir, "history.csv")))]


def vibrate(alpha):
    out = os.path.join(args.workdir, f"step_alpha{alpha:g}")
    run(args, deck, out, [f"Dynamics/Bossak alpha={alpha}"])
    rows = [{"time_s": 0.0, "tip_ux_mm": 0.0, "kinetic_energy_mJ": 0.0, "strain_energy_mJ": 0.0}] + history(out)
    t = [r["time_s"] for r in rows]
    u = [r["tip_ux_mm"] for r in rows]
    ups = [t[i] + (u_s - u[i]) / (u[i + 1] - u[i]) * (t[i + 1] - t[i])
           for i in range(len(u) - 1) if u[i] < u_s <= u[i + 1]]
    period = (ups[-1] - ups[0]) / (len(ups) - 1) if len(ups) > 1 else float("nan")
    energy = [r["kinetic_energy_mJ"] + r["strain_energy_mJ"] - F * r["tip_ux_mm"] for r in rows[1:]]
    change = max(abs(e - energy[0]) for e in energy) / (F * u_s)
    print(f"alpha {alpha:g}: {len(ups)} upward crossings, period {1e3 * period:.5f} ms (4 L / c = {1e3 * T1:.5f}), "
          f"max u {max(u):.5f} mm (2 u_s = {2 * u_s:.5f}), energy change {change:.2e} F u_s, final {(energy[-1] - energy[0]) / (F * u_s):.2e}")
    check(len(ups) >= 3 and abs(period / T1 - 1) <= case.tolerance("period"),
          f"alpha {alpha:g}: period {1e3 * period:.5f} ms within 1 % of 4 L / sqrt(E / rho) = {1e3 * T1:.5f} ms")
    return max(u), change, (energy[-1] - energy[0]) / (F * u_s)


peak, change, _ = vibrate(0)
ends = summary(os.path.join(args.workdir, "step_alpha0"))["dynamics"]["phase_ends"]
last = history(os.path.join(args.workdir, "step_alpha0"))[-1]
check(len(ends) == 1 and abs(ends[0]["time_s"] - 2.7496e-3) <= 1e-12 and abs(ends[0]["kinetic_energy_mJ"] - last["kinetic_energy_mJ"]) <= 1e-9 * last["kinetic_energy_mJ"],
      f"summary.json dynamics: the phase ends at t = {ends[0]['time_s']:.6g} s (the deck's 2.7496e-3) with the last step's kinetic energy")
# Newton starts from the Newmark predictor u_n + dt v_n + dt^2 a_n / 2 where it lowers the residual: in smooth
# motion it is O(dt^2) from the solution, u_n is O(dt), so every step but the first (from rest, where both agree)
# takes it; a predictor with a wrong term would lose to u_n.
log = open(os.path.join(args.workdir, "step_alpha0", "log.txt")).read()
predicted, steps = log.count("starting from the predicted state"), log.count("\nStep ")
check(steps == 300 and predicted == steps - 1,
      f"Newton starts from the predicted state in {predicted} of the {steps} steps (all but the first, from rest)")
check(abs(peak / (2 * u_s) - 1) <= case.tolerance("amplitude"), f"amplitude {peak:.5f} mm within 3 % of 2 u_s = {2 * u_s:.5f} mm")
check(change <= case.tolerance("energy"), f"alpha 0 conserves the energy: largest change {change:.2e} F u_s")
_, change_bossak, final_bossak = vibrate(-0.1)
check(final_bossak < -case.tolerance("energy"),
      f"alpha -0.1 dissipates: the total energy fell by {-final_bossak:.2e} F u_s over three periods")

# 3. Restart mid-vibration.
stopped = os.path.join(args.workdir, "stopped")
p = subprocess.run([args.leafmech, "run", deck, "--output", stopped, "--stop-at-step", "150", "--set", "Output/Report renders=false"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode == 3, f"--stop-at-step 150: exit {p.returncode}")
p = subprocess.run([args.leafmech, "run", "--resume", stopped], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
whole, resumed = history(os.path.join(args.workdir, "step_alpha0")), history(stopped)
columns = ("time_s", "tip_ux_mm", "kinetic_energy_mJ", "strain_energy_mJ")
scale = {c: max(abs(r[c]) for r in whole) for c in columns}
worst = max(abs(a[c] - b[c]) / scale[c] for a, b in zip(whole, resumed) for c in columns)
check(p.returncode == 0 and len(resumed) == len(whole) and worst <= 1e-10,
      f"resumed at step 150: {len(resumed)} of {len(whole)} steps, largest difference {worst:.1e} of each column's scale")

# 4. Order of accuracy: a smooth (ramped) load, the end displacement after half a period.
for alpha in (0, -0.1):
    tips = {}
    for n in (20, 40, 80, 640):
        out = os.path.join(args.workdir, f"ramp_alpha{alpha:g}_{n}")
        run(args, deck, out, ["Geometry/Axial bar/Load=ramp", "Geometry/Axial bar/Cells along=2",
                              f"Dynamics/Loading time (s)={0.5 * T1}",
                              f"Load stepping/Number of load steps={n}", f"Dynamics/Bossak alpha={alpha}"])
        tips[n] = history(out)[-1]["tip_ux_mm"]
    errors = [abs(tips[n] - tips[640]) for n in (20, 40, 80)]
    orders = [math.log2(errors[i] / errors[i + 1]) for i in range(2)]
    print(f"alpha {alpha:g}: end displacement errors {[f'{e:.3e}' for e in errors]}, orders {[round(o, 3) for o in orders]}")
    check(min(orders) >= case.value("order") - case.tolerance("order"), f"alpha {alpha:g}: second order in time ({min(orders):.2f})")
finish()
