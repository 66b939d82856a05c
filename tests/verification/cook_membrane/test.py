"""Cook's membrane against the deal.II code gallery's current tip-displacement table (README.md, reference.json)."""
import os
from leafmech_testing import Case, arguments, check, finish, probe_uy, run

args = arguments()
case = Case(__file__)
deck = case.deck("cook_membrane.prm")
converged = case.value("converged")
for degree in (1, 2):
    table = case.value(f"q{degree}")
    previous_error = None
    for n in case.reference["runs"][f"q{degree}"]:
        printed = table[str(n)]  # as the table prints it: its precision sets the bound
        reference, decimals = float(printed), len(printed.split(".")[1])
        out = os.path.join(args.workdir, f"q{degree}_{n}")
        run(args, deck, out, [f"Geometry/Cook membrane/Cells per edge={n}", f"Finite element/Polynomial degree={degree}",
                              "Output/Interval=0"])
        uy = probe_uy(out)
        bound = 0.5 * 10 ** -decimals + 1e-4
        check(abs(uy - reference) <= bound, f"Q{degree} {n}x{n}: tip {uy:.4f} mm vs the gallery's {printed} mm "
                                            f"(bound {bound:.4f})")
        error = abs(uy - converged)
        if previous_error is not None:
            check(error < previous_error, f"Q{degree} {n}x{n}: the error to {converged} mm falls ({error:.4f})")
        previous_error = error
out = os.path.join(args.workdir, "three_field_q2_16")
run(args, deck, out, ["Finite element/Volumetric formulation=three-field", "Output/Interval=0"])
uy = probe_uy(out)
check(abs(uy - converged) <= case.tolerance("converged") * converged,
      f"three-field Q2 16x16: {uy:.4f} mm within {100 * case.tolerance('converged'):.1f} % of {converged} mm")
finish()
