"""Every material under homogeneous deformations: the FE Cauchy stress against closed-form solutions
(README.md, reference.json).

The closed forms below are written from the strain energies in principal stretches / plain 3x3 lists, not from
leafmech's tensor code. Uniaxial and equibiaxial stretch leave the other directions traction-free: their stretch
is found here by bisection on the closed-form normal stress.
"""
import math
import os
import re
import subprocess
from leafmech_testing import Case, arguments, check, finish, run, summary

args = arguments()
case = Case(__file__)
MATERIALS = case.reference["materials"]


def mat_mult(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def transpose(a):
    return [[a[j][i] for j in range(3)] for i in range(3)]


def det(a):
    return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
            + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))


def cauchy(m, F, f=(1, 0, 0)):
    """sigma = dev(tau_bar)/J + U'(J) I with tau_bar = mu b_bar + 2 psi1 (kappa b_bar + (1-3 kappa) a (x) a)."""
    J = det(F)
    s = J ** (-1.0 / 3.0)
    Fb = [[s * F[i][j] for j in range(3)] for i in range(3)]
    bb = mat_mult(Fb, transpose(Fb))
    n = math.sqrt(sum(x * x for x in f))
    a0 = [x / n for x in f]
    a = [sum(Fb[i][j] * a0[j] for j in range(3)) for i in range(3)]
    I1 = bb[0][0] + bb[1][1] + bb[2][2]
    I4 = sum(x * x for x in a)
    k = m["kappa"]
    E = k * (I1 - 3) + (1 - 3 * k) * (I4 - 1)
    psi1 = m["k1"] * E * math.exp(m["k2"] * E * E) if E > 0 else 0.0
    tb = [[m["mu"] * bb[i][j] + 2 * psi1 * (k * bb[i][j] + (1 - 3 * k) * a[i] * a[j]) for j in range(3)]
          for i in range(3)]
    tr = (tb[0][0] + tb[1][1] + tb[2][2]) / 3
    bulk = 2 * m["mu"] * (1 + m["nu"]) / (3 * (1 - 2 * m["nu"]))
    if m.get("volumetric") == "log squared":
        dU = bulk * math.log(J) / J
    else:
        dU = 0.5 * bulk * (J - 1 / J)
    return [[(tb[i][j] - (tr if i == j else 0)) / J + (dU if i == j else 0) for j in range(3)] for i in range(3)]


def free_stretch(m, fibre, f_of_t, component):
    """Bisection for the lateral stretch that makes sigma_cc vanish."""
    lo, hi = 0.3, 1.5
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if cauchy(m, f_of_t(mid), fibre)[component][component] > 0:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


# Every registered material model has a deck here (a new model cannot go unchecked).
listing = subprocess.run([args.leafmech, "print-parameters"], stdout=subprocess.PIPE, text=True).stdout
registered = set()
for line in re.findall(r"set Model = .*\n *# allowed: \[Selection ([^\]]*)\]", listing.split("subsection Materials")[1]):
    registered |= {m.strip() for m in line.split("|")}
covered = {m["model"] for m in MATERIALS.values()}
check(registered and registered <= covered, f"every registered material model {sorted(registered)} has a closed-form "
                                            f"deck (covered: {sorted(covered)})")

stress_bound, displacement_bound = case.tolerance("stress"), case.tolerance("lateral_displacement")
for name, m in MATERIALS.items():
    for loading in ("uniaxial", "equibiaxial", "simple shear"):
        l = m["stretch"]
        fibre = m.get("fibre", {}).get(loading, (1, 0, 0))
        if loading == "uniaxial":
            t = free_stretch(m, fibre, lambda t: [[l, 0, 0], [0, t, 0], [0, 0, t]], 1)
            F = [[l, 0, 0], [0, t, 0], [0, 0, t]]
        elif loading == "equibiaxial":
            t = free_stretch(m, fibre, lambda t: [[l, 0, 0], [0, l, 0], [0, 0, t]], 2)
            F = [[l, 0, 0], [0, l, 0], [0, 0, t]]
        else:
            F = [[1, m["shear"], 0], [0, 1, 0], [0, 0, 1]]
        expected = cauchy(m, F, fibre)
        for formulation in ("three-field", "displacement"):
            out = os.path.join(args.workdir, f"block_{name[:-4]}_{loading.replace(' ', '_')}_{formulation}")
            run(args, case.deck(name), out,
                [f"Geometry/Homogeneous block/Loading={loading}", f"Finite element/Volumetric formulation={formulation}",
                 "Materials/leaflet_anterior/HGO leaflet/Fibre direction=" + ", ".join(map(str, fibre))])
            s = summary(out)
            scale = max(abs(x) for row in expected for x in row)
            for probe in ("centre", "corner"):
                got = s["probes"][probe]["cauchy_stress_MPa"]
                err = max(abs(got[i][j] - expected[i][j]) for i in range(3) for j in range(3)) / scale
                check(err <= stress_bound, f"{name} {loading} {formulation} at {probe}: relative stress error {err:.1e} "
                                   f"(sigma_xx {got[0][0]:.6g} vs {expected[0][0]:.6g} MPa)")
            if loading != "simple shear":
                # the lateral displacement of the corner probe follows the closed-form free stretch
                u = s["probes"]["corner"]["displacement_mm"]
                lateral = 2 if loading == "equibiaxial" else 1
                expected_u = (F[lateral][lateral] - 1) * (0.8 if lateral == 1 else 0.7)
                check(abs(u[lateral] - expected_u) <= displacement_bound, f"{name} {loading} {formulation}: free lateral "
                                                            f"displacement {u[lateral]:.8f} vs {expected_u:.8f} mm")
finish()
