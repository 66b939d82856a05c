"""A thick-walled, nearly incompressible neo-Hookean tube expanded by a cylindrical balloon, against the
closed-form finite-strain solution of an incompressible tube in plane strain under internal pressure:
r^2 = R^2 + a^2 - A^2 and P(a) = int_a^b mu (lambda^2 - lambda^-2) dr / r with lambda = r / R.

1. Diameter control to 13 mm: deformed inner and outer radii and the mean contact pressure within 1 %.
2. Pressure-limited control (0.2 atm, a compliance table whose free diameter the tube never lets it reach):
   the contact pressure equals the balloon pressure and the achieved diameter is the closed-form a(P).
3. Augmented Lagrangian with a soft penalty: the penetration is driven below the gap tolerance.
4. Viscous stabilisation (Nonlinear solver/Stabilization): the stabilised tube still matches the closed form,
   and its reported strain energy matches the closed form's (pi / 2) L int_A^B mu / 2 (lambda^2 + lambda^-2 - 2) R dR;
   the reported dissipation is that of the viscous law along the quasi-static path, c int m |du/dlambda|^2,
   so it does not depend on the number of load steps and is proportional to c; above 5 % of the strain
   energy the log says so.
5. An elastic support (radial springs k per reference area on the outer surface, elastic_support.h): the
   incompressible wall's outer radius is still b(a), and the balloon's pressure gains the springs' Cauchy
   pressure k (b - B) B / b; the reported dilation is 2 (b - B) and the springs' force k (b - B) (pi / 2) B L.
6. A hoop ring (membrane E t along the circumference of the outer surface, hoop_ring.h): b(a) is unchanged
   and the balloon's pressure gains E t (b - B) / (B b).
"""
import csv
import math
import os
from leafmech_testing import Case, arguments, check, finish, run, summary, tangent_checks

args = arguments()
case = Case(__file__)
deck = case.deck("balloon_tube.prm")
mu, A, B, L = (case.reference["tube"][k] for k in ("shear_modulus_MPa", "inner_radius_mm", "outer_radius_mm", "length_mm"))
within = case.tolerance("closed_form")  # relative, radii, contact pressure, strain energy


def pressure(a):
    """Internal pressure (MPa) that holds the inner radius at a (midpoint rule, 20000 intervals)."""
    c = a * a - A * A
    b = math.sqrt(B * B + c)
    n = 20000
    total = 0.0
    for i in range(n):
        r = a + (b - a) * (i + 0.5) / n
        lam2 = r * r / (r * r - c)
        total += mu * (lam2 - 1 / lam2) / r * (b - a) / n
    return total


def outer(a):
    return math.sqrt(B * B + a * a - A * A)


def radii(s):
    return A + s["probes"]["inner"]["displacement_mm"][0], B + s["probes"]["outer"]["displacement_mm"][0]


# 1. Diameter control.
out = os.path.join(args.workdir, "diameter")
run(args, deck, out)
s = summary(out)
a, b = radii(s)
P = pressure(6.5)
mean_p = s["balloon"]["contact_force_N"] / (0.5 * math.pi * a * L)
print(f"closed form: a 6.5, b {outer(6.5):.5f}, P {1e3 * P:.4f} kPa; FE: a {a:.5f}, b {b:.5f}, p {1e3 * mean_p:.4f} kPa")
check(abs(a - 6.5) <= within * 6.5, f"inner radius {a:.5f} mm within 1 % of the balloon's 6.5 mm")
check(abs(b - outer(6.5)) <= within * outer(6.5), f"outer radius {b:.5f} mm within 1 % of {outer(6.5):.5f}")
check(abs(mean_p - P) <= within * P, f"contact pressure {1e3 * mean_p:.4f} kPa within 1 % of {1e3 * P:.4f} kPa")
check(abs(s["balloon"]["achieved_diameter_mm"] - 2 * a) <= 1e-3, "achieved diameter = the inner surface's")
steps = {}
for r in csv.DictReader(open(os.path.join(out, "newton.csv"))):
    steps.setdefault(int(r["step"]), []).append(float(r["residual_norm_N"]))
orders = []
for res in steps.values():
    # Above the round-off floor of this stiff system (penalty 1000 MPa/mm, bulk modulus 500 MPa): 1e-8 of r0.
    above = [r for r in res if r > 1e-8 * res[0]]
    for k in range(2, len(above)):
        orders.append(math.log(above[k] / above[k - 1]) / math.log(above[k - 1] / above[k - 2]))
print("orders of convergence:", [round(x, 2) for x in orders])
check(len(orders) >= 3 and min(orders) >= 1.7, "Newton converges quadratically near equilibrium (consistent contact tangent)")

# The contact tangent (curvature of the balloon, change of area) against central differences of the assembled
# residual: every full-tangent iteration of the steps in firm contact (step 1 ends exactly at touch, the law's
# kink, where differences straddle it).
check_out = os.path.join(args.workdir, "tangent")
run(args, deck, check_out, ["Nonlinear solver/Check tangent=true",
                                                                       "Output/Interval=0"])
checks = tangent_checks(check_out)
full = [v for step, c in checks.items() if step > 1 for v, normal_only in c if not normal_only]
print("full-tangent FD differences:", [f"{v:.1e}" for v in full])
check(len(full) >= 6 and max(full) <= case.tolerance("tangent"), f"consistent contact tangent: largest relative FD difference {max(full):.1e}")
check(os.path.exists(os.path.join(out, "balloon.pvd")) and os.path.exists(os.path.join(out, "balloon-0004.vtu")),
      "the balloon surface is written as its own dataset")

# 2. Pressure-limited: 0.2 atm; the free diameter (12-16 mm) always exceeds what the tube allows.
p_bal = 0.2 * 0.101325
lo, hi = A, 10.0
for _ in range(80):
    mid = 0.5 * (lo + hi)
    lo, hi = (mid, hi) if pressure(mid) < p_bal else (lo, mid)
a_expected = 0.5 * (lo + hi)
out = os.path.join(args.workdir, "pressure")
run(args, deck, out,
    ["Balloon/Control=pressure", "Balloon/Maximum pressure (atm)=0.2", "Balloon/Compliance table=0: 12; 1: 16",
     "Load stepping/Number of load steps=4"])
s = summary(out)
a, b = radii(s)
achieved = s["balloon"]["achieved_diameter_mm"]
print(f"pressure-limited: closed-form a {a_expected:.5f} mm; FE inner radius {a:.5f}, achieved diameter {achieved:.5f}")
check(abs(achieved - 2 * a_expected) <= within * 2 * a_expected,
      f"achieved diameter {achieved:.4f} mm within 1 % of the closed form's {2 * a_expected:.4f} mm")
check(abs(s["balloon"]["free_diameter_mm"] - (12 + 4 * 0.2)) <= 1e-12,
      f"free diameter {s['balloon']['free_diameter_mm']} mm interpolated from the compliance table (12.8)")
check(achieved < s["balloon"]["free_diameter_mm"], "the tube holds the balloon below its free diameter")
check(abs(s["balloon"]["max_contact_pressure_kPa"] - 1e3 * p_bal) <= 1e-6 * 1e3 * p_bal,
      f"contact pressure never exceeds the balloon pressure ({s['balloon']['max_contact_pressure_kPa']:.4f} kPa)")

# 3. Augmented Lagrangian: a 100x softer penalty, multipliers updated until the penetration is below 1e-4 mm.
out = os.path.join(args.workdir, "augmented")
run(args, deck, out,
    ["Balloon/Penalty=10", "Balloon/Augmented Lagrangian=true", "Balloon/Gap tolerance=1e-4"])
s = summary(out)
a, _ = radii(s)
pen = s["measures"]["final"]["contact_max_penetration_mm"]
check(pen <= 1e-4, f"deepest penetration {pen:.2e} mm <= 1e-4 mm")
check(abs(a - 6.5) <= 2e-4, f"inner radius {a:.6f} mm at the balloon's 6.5 mm")

# 4. Viscous stabilisation.
check("stabilization" not in s, "an unstabilised run reports no stabilisation")


def strain_energy(a):
    """Strain energy (mJ) of the quarter tube with inner radius a (midpoint rule, 20000 intervals)."""
    c, n, total = a * a - A * A, 20000, 0.0
    for i in range(n):
        R = A + (B - A) * (i + 0.5) / n
        lam2 = (R * R + c) / (R * R)
        total += 0.5 * mu * (lam2 + 1 / lam2 - 2) * R * (B - A) / n
    return 0.5 * math.pi * L * total


W = strain_energy(6.5)
dissipated = {}
for c, n in [(1e-3, 4), (1e-3, 8), (1e-4, 4)]:
    out = os.path.join(args.workdir, f"stabilised_{c:g}_{n}")
    run(args, deck, out,
        [f"Nonlinear solver/Stabilization={c:g}", f"Load stepping/Number of load steps={n}", "Output/Interval=0"])
    s = summary(out)
    dissipated[c, n] = s["stabilization"]["dissipated_mJ"]
    a, b = radii(s)
    log = open(os.path.join(out, "log.txt")).read()
    print(f"c {c:g}, {n} steps: dissipated {dissipated[c, n]:.6f} mJ ({s['stabilization']['dissipated_fraction']:.4f} "
          f"of the strain energy), a {a:.5f}, b {b:.5f}")
    check(abs(a - 6.5) <= within * 6.5 and abs(b - outer(6.5)) <= within * outer(6.5),
          f"c {c:g}: radii {a:.5f}, {b:.5f} mm within 1 % of the closed form")
    W_fe = s["stabilization"]["max_strain_energy_mJ"]
    check(abs(W_fe - W) <= within * W, f"c {c:g}: strain energy {W_fe:.5f} mJ within 1 % of the closed form's {W:.5f}")
    warned = "Note: the viscous stabilisation dissipated" in log
    check(warned == (s["stabilization"]["dissipated_fraction"] > 0.05),
          f"c {c:g}: the log notes the dissipation exactly when it exceeds 5 % of the strain energy")
ratio_steps = dissipated[1e-3, 8] / dissipated[1e-3, 4]
ratio_c = dissipated[1e-3, 4] / dissipated[1e-4, 4]
check(abs(ratio_steps - 1) <= case.tolerance("dissipation_ratio"), f"dissipation with 8 steps / 4 steps = {ratio_steps:.4f} (1: the viscous law's)")
check(abs(ratio_c / 10 - 1) <= case.tolerance("dissipation_ratio"), f"dissipation at c 1e-3 / 1e-4 = {ratio_c:.4f} (10: proportional to c)")

# 5. Outer springs.
k = case.reference["elastic_support"]["stiffness_MPa_per_mm"]
out = os.path.join(args.workdir, "supported")
run(args, deck, out, [f"Geometry/Thick tube/Outer support stiffness={k}"])
s = summary(out)
a, b = radii(s)
b_exact = outer(6.5)
P_springs = k * (b_exact - B) * B / b_exact
P_total = pressure(6.5) + P_springs
mean_p = s["balloon"]["contact_force_N"] / (0.5 * math.pi * a * L)
final = s["measures"]["final"]
print(f"supported: P {1e3 * P_total:.4f} kPa ({1e3 * P_springs:.4f} from the springs); FE p {1e3 * mean_p:.4f} kPa, "
      f"dilation {final['annular_dilation_mm']:.5f} mm, spring force {final['annulus_radial_force_N']:.5f} N")
check(abs(b - b_exact) <= within * b_exact, f"supported: outer radius {b:.5f} mm within 1 % of {b_exact:.5f}")
check(abs(mean_p - P_total) <= within * P_total,
      f"supported: contact pressure {1e3 * mean_p:.4f} kPa within 1 % of {1e3 * P_total:.4f} kPa (tube + springs)")
check(abs(final["annular_dilation_mm"] - 2 * (b_exact - B)) <= within * 2 * (b_exact - B),
      f"supported: dilation {final['annular_dilation_mm']:.5f} mm within 1 % of 2 (b - B) = {2 * (b_exact - B):.5f}")
force = k * (b_exact - B) * 0.5 * math.pi * B * L
check(abs(final["annulus_radial_force_N"] - force) <= within * force,
      f"supported: spring force {final['annulus_radial_force_N']:.5f} N within 1 % of {force:.5f}")
check(abs(s["annulus"]["dilation_percent"] - 100 * (b_exact - B) / B) <= within * 100 * (b_exact - B) / B,
      "supported: summary.json annulus dilation_percent = 100 (b - B) / B")

# 6. A hoop ring on the outer surface (hoop_ring.h): its hoop force per height E t (b / B - 1) presses on the
# deformed surface with n / b, so the balloon's pressure gains E t (b - B) / (B b) and b(a) is unchanged.
Et = case.reference["hoop_ring"]["stiffness_N_per_mm"]
out = os.path.join(args.workdir, "ring")
run(args, deck, out, [f"Geometry/Thick tube/Outer ring stiffness={Et}", "Output/Interval=0",
                      "Nonlinear solver/Check tangent=true"])
s = summary(out)
a, b = radii(s)
P_ring = Et * (b_exact - B) / (B * b_exact)
P_total = pressure(6.5) + P_ring
mean_p = s["balloon"]["contact_force_N"] / (0.5 * math.pi * a * L)
print(f"ring: P {1e3 * P_total:.4f} kPa ({1e3 * P_ring:.4f} from the ring); FE p {1e3 * mean_p:.4f} kPa, b {b:.5f} mm")
check(abs(b - b_exact) <= within * b_exact, f"ring: outer radius {b:.5f} mm within 1 % of {b_exact:.5f}")
check(abs(mean_p - P_total) <= within * P_total,
      f"ring: contact pressure {1e3 * mean_p:.4f} kPa within 1 % of {1e3 * P_total:.4f} kPa (tube + ring)")
check(abs(mean_p - P_total) < 0.5 * P_ring, "ring: the ring's share of the pressure is resolved (error below half of it)")
ring_fd = [v for step, c in tangent_checks(out).items() if step > 1 for v, normal_only in c if not normal_only]
check(len(ring_fd) >= 6 and max(ring_fd) <= case.tolerance("tangent"),
      f"ring: consistent tangent, largest relative FD difference {max(ring_fd):.1e}")
finish()
