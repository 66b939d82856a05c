"""HDF5/XDMF results: the balloon-expanded tube on 2 ranks writes solution-NNNN.h5 (parallel HDF5, all ranks in
one file per output) and solution.xdmf beside the .pvd series.

1. ParaView reads solution.xdmf: the same time steps as solution.pvd, the named arrays (stress as nine
   components), and the same largest |displacement| and von Mises stress at the last time.
2. h5py reads the last .h5: nodes, cells and every field with one row per node, finite displacements, and the
   stress components agree with the von Mises stress written beside them.
3. h5py reads solution.h5, the index of the series: one group per output file with the pvd's times, and its last
   group's displacement is the last file's.
4. No temporary file is left behind.
"""
import json
import os
import shutil
import subprocess
from leafmech_testing import arguments, check, debian_python, finish, run, test_deck

args = arguments()
out = os.path.join(args.workdir, "tube")
run(args, test_deck("verification/balloon_tube/balloon_tube.prm"), out, ranks=2)
names = sorted(os.listdir(out))
h5 = [n for n in names if n.startswith("solution-") and n.endswith(".h5")]
check("solution.xdmf" in names and len(h5) >= 2, f"solution.xdmf and {len(h5)} .h5 files written")
check(not any(n.endswith(".tmp") for n in names), "no temporary file left")

pvd = None
pvpython = shutil.which("pvpython")
check(pvpython is not None, "pvpython is installed (scripts/setup.sh)")
if pvpython:
    p = subprocess.run([pvpython, "--force-offscreen-rendering", os.path.join(os.path.dirname(__file__),
                        "xdmf_check.py"), out], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    check(p.returncode == 0 and lines, "pvpython read solution.pvd and solution.xdmf")
    if lines:
        r = json.loads(lines[-1])
        pvd, xdmf = r["pvd"], r["xdmf"]
        check(xdmf["times"] == pvd["times"], f"same time steps: {xdmf['times']}")
        for a in ("displacement", "von_mises_stress", "max_principal_stress", "J", "cauchy_stress_xy", "contact_pressure"):
            check(a in xdmf["arrays"], f"xdmf has {a}")
        for k in ("max_displacement", "max_von_mises"):
            check(abs(xdmf[k] - pvd[k]) <= 1e-6 * abs(pvd[k]), f"{k}: xdmf {xdmf[k]:.9g} = pvd {pvd[k]:.9g}")
    else:
        print(p.stdout[-3000:])

python = debian_python()
script = r'''
import h5py, json, math, sys
f = h5py.File(sys.argv[1], "r")
n = f["nodes"].shape[0]
rows = {k: f[k].shape[0] for k in f.keys() if k != "cells"}
u = f["displacement"][()]
s = {c: f["cauchy_stress_" + c][()][:, 0] for c in ("xx", "yy", "zz", "xy", "yz", "zx")}
vm = f["von_mises_stress"][()][:, 0]
err = 0.0
for i in range(n):
    v = math.sqrt(0.5 * ((s["xx"][i] - s["yy"][i]) ** 2 + (s["yy"][i] - s["zz"][i]) ** 2 + (s["zz"][i] - s["xx"][i]) ** 2)
                  + 3 * (s["xy"][i] ** 2 + s["yz"][i] ** 2 + s["zx"][i] ** 2))
    err = max(err, abs(v - vm[i]) / (1e-12 + abs(vm[i])))
print(json.dumps({"nodes": n, "cells": f["cells"].shape[0], "rows": rows, "finite": bool(all(map(math.isfinite, u.ravel()))),
                  "von_mises_rel_err": err}))
'''
last = os.path.join(out, sorted(h5)[-1])
p = subprocess.run([python, "-c", script, last], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
check(p.returncode == 0 and lines, f"h5py read {os.path.basename(last)}")
if lines:
    r = json.loads(lines[-1])
    check(r["cells"] > 0 and all(v == r["nodes"] for v in r["rows"].values()), f"{r['nodes']} nodes, {r['cells']} cells; "
          "every field has one row per node")
    check(r["finite"], "finite displacements")
    check(r["von_mises_rel_err"] < 1e-6, f"von Mises from the stored components = stored von Mises "
          f"(rel. {r['von_mises_rel_err']:.1e})")
else:
    print(p.stdout[-3000:])

index = r'''
import h5py, json, sys, numpy as np
f, last = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
groups = sorted(k for k in f.keys() if k.startswith("solution-"))
print(json.dumps({"groups": groups, "times": [float(t) for t in f["times"][()]], "nodes": f["nodes"].shape[0],
                  "diff": float(np.abs(f[groups[-1]]["displacement"][()] - last["displacement"][()]).max())}))
'''
p = subprocess.run([python, "-c", index, os.path.join(out, "solution.h5"), last], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
check(p.returncode == 0 and lines, "h5py read solution.h5")
if lines:
    r = json.loads(lines[-1])
    check(r["groups"] == [n[:-3] for n in sorted(h5)], f"solution.h5 links the {len(h5)} outputs: {r['groups']}")
    check(pvd is not None and r["times"] == pvd["times"], f"solution.h5 times {r['times']} = the pvd's")
    check(r["diff"] == 0.0, "its last group's displacement is the last file's")
else:
    print(p.stdout[-3000:])
finish()
