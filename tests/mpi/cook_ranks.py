"""The same problem on 1 and 2 MPI ranks gives the same probe displacement (relative 1e-8)."""
import os
from leafmech_testing import arguments, check, finish, probe_uy, run, summary

args = arguments()
values = {}
for ranks in (1, 2):
    for method in ("direct", "CG"):
        out = os.path.join(args.workdir, f"ranks_{ranks}_{method}")
        run(args, "cook_membrane.prm", out, ["Geometry/Cook membrane/Cells per edge=8", "Output/Interval=0",
                                             "Geometry/Cook membrane/Out-of-plane=plane strain",
                                             f"Linear solver/Method={method}", "Linear solver/Relative tolerance=1e-12"],
            ranks=ranks)
        check(summary(out)["mpi_ranks"] == ranks, f"{method}: summary reports {ranks} rank(s)")
        values[ranks, method] = probe_uy(out)
print(values)
for method in ("direct", "CG"):
    rel = abs(values[1, method] - values[2, method]) / abs(values[1, method])
    check(rel <= 1e-8, f"{method}: 1 vs 2 ranks differ by {rel:.2e} (<= 1e-8)")
check(abs(values[2, "CG"] - values[2, "direct"]) / values[2, "direct"] <= 1e-8, "CG+GAMG agrees with MUMPS")
finish()
