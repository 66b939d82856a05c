"""Cook's membrane against the deal.II code gallery's published tip-displacement table.

The gallery ("Quasi-Static Finite-Strain Compressible Elasticity", README, 'Tip y-displacement') tabulates Q1 and Q2
results per mesh; its grid code never tags the +-z faces, so its plate is free through the thickness
(Out-of-plane = free here). The gallery discretises with the one-field (displacement) formulation: with that,
every level must match the table to its printed precision, and the finest Q2 value must be within 1% of the
table's converged 14.33 mm. The three-field formulation must converge to the same limit. The plane-strain
variant must converge under refinement.
"""
import os
from leafmech_testing import arguments, check, finish, probe_uy, run

args = arguments()
published = {1: {2: 8.72, 4: 12.02, 8: 13.61, 16: 14.13}, 2: {2: 13.83, 4: 14.22, 8: 14.30, 16: 14.32}}
for degree, table in published.items():
    previous_error = None
    for n, reference in table.items():
        out = os.path.join(args.workdir, f"cook_free_q{degree}_{n}")
        run(args, "cook_membrane.prm", out,
            [f"Geometry/Cook membrane/Cells per edge={n}", "Geometry/Cook membrane/Out-of-plane=free",
             f"Finite element/Polynomial degree={degree}", "Output/Interval=0",
             "Finite element/Volumetric formulation=displacement"])
        uy = probe_uy(out)
        check(abs(uy - reference) <= 0.0051, f"Q{degree} {n}x{n}: tip {uy:.4f} mm vs published {reference:.2f} mm")
        error = abs(uy - 14.33)
        if previous_error is not None:
            check(error < previous_error, f"Q{degree} {n}x{n}: error to the converged value decreases ({error:.4f})")
        previous_error = error
check(abs(uy - 14.33) / 14.33 <= 0.01, f"finest Q2 within 1% of the converged 14.33 mm ({uy:.4f})")
out = os.path.join(args.workdir, "cook_free_q2_16_three_field")
run(args, "cook_membrane.prm", out, ["Geometry/Cook membrane/Cells per edge=16", "Geometry/Cook membrane/Out-of-plane=free",
                                     "Output/Interval=0"])
check(abs(probe_uy(out) - 14.33) / 14.33 <= 0.01, f"three-field Q2 16x16 within 1% of 14.33 mm ({probe_uy(out):.4f})")

# Plane strain: Q2 converges (differences shrink) and the two volumetric formulations agree for nu = 0.3.
values = []
for n in (2, 4, 8, 16):
    out = os.path.join(args.workdir, f"cook_ps_q2_{n}")
    run(args, "cook_membrane.prm", out, [f"Geometry/Cook membrane/Cells per edge={n}", "Output/Interval=0",
                                         "Geometry/Cook membrane/Out-of-plane=plane strain"])
    values.append(probe_uy(out))
print("plane strain Q2 tip:", values)
check(abs(values[3] - values[2]) < abs(values[2] - values[1]) < abs(values[1] - values[0]),
      "plane strain: successive differences shrink")
check(abs(values[3] - values[2]) / values[3] < 1e-3, "plane strain: 8x8 and 16x16 agree within 0.1%")
out = os.path.join(args.workdir, "cook_ps_q2_16_displacement")
run(args, "cook_membrane.prm", out, ["Geometry/Cook membrane/Cells per edge=16", "Output/Interval=0",
                                     "Geometry/Cook membrane/Out-of-plane=plane strain",
                                     "Finite element/Volumetric formulation=displacement"])
check(abs(probe_uy(out) - values[3]) / values[3] < 2e-3,
      f"plane strain 16x16: displacement formulation {probe_uy(out):.4f} agrees with three-field {values[3]:.4f}")
finish()
