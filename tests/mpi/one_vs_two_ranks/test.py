"""The same problem on 1 and 2 MPI ranks gives the same probe displacement (relative 1e-8)."""
import os
from leafmech_testing import Case, arguments, check, finish, probe_uy, run, summary

args = arguments()
case = Case(__file__)
values = {}
for ranks in (1, 2):
    for method in ("direct", "CG"):
        out = os.path.join(args.workdir, f"ranks_{ranks}_{method}")
        run(args, case.deck("one_vs_two_ranks.prm"), out, [f"Linear solver/Method={method}"], ranks=ranks)
        check(summary(out)["mpi_ranks"] == ranks, f"{method}: summary reports {ranks} rank(s)")
        values[ranks, method] = probe_uy(out)
print(values)
for method in ("direct", "CG"):
    rel = abs(values[1, method] - values[2, method]) / abs(values[1, method])
    check(rel <= case.tolerance("ranks"), f"{method}: 1 vs 2 ranks differ by {rel:.2e} (<= {case.tolerance('ranks')})")
check(abs(values[2, "CG"] - values[2, "direct"]) / values[2, "direct"] <= case.tolerance("solvers"),
      "CG+GAMG agrees with MUMPS")
finish()
