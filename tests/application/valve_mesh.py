"""`leafmech mesh` on the default valve: ids, counts, quality, orifice area, files ParaView reads; and refusal of
inputs that would invert cells or cannot make a valve (exit 2, a message naming the cause, no report)."""
import json
import os
import shutil
import subprocess
from leafmech_testing import arguments, check, finish, mesh, vtu_lines

args = arguments()
out = os.path.join(args.workdir, "mesh")
code, text = mesh(args, "diastolic_valve.prm", out)
print(text)
for name in ("mesh.pvtu", "mesh.0.vtu", "mesh_boundary.vtu", "chordae.vtu", "mesh_report.json"):
    check(os.path.exists(os.path.join(out, name)), f"{name} written")
report = json.load(open(os.path.join(out, "mesh_report.json")))
g = report["geometry"]
check(report["cells"] == 48 * 8 == g["cells"], f"48 x 8 cells ({report['cells']})")
check(report["dofs"] == 3 * 2 * (2 * 24 + 1) * (2 * 8 + 1) * 3, f"Q2 DoFs of two separate leaflets ({report['dofs']})")
check(g["minimum scaled Jacobian"] > 0.05, f"minimum scaled Jacobian {g['minimum scaled Jacobian']:.3f} > 0.05")
check(abs(g["orifice area (cm^2)"] - 1.0) <= 0.05, f"orifice area {g['orifice area (cm^2)']:.4f} cm^2 within 5 % of 1.0")
check(g["calcium nodules"] == 2 and g["calcium volume (mm^3)"] > 0, "two calcium nodules with volume")
check(g["chordae"] == 12, "12 chordae")
points, _ = vtu_lines(os.path.join(out, "chordae.vtu"))
check(len(points) == 24, "chordae.vtu: 12 lines")

pvpython = shutil.which("pvpython")
check(pvpython is not None, "pvpython is installed")
if pvpython:
    p = subprocess.run([pvpython, "--force-offscreen-rendering",
                        os.path.join(os.path.dirname(__file__), "paraview_mesh_check.py"), out],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    check(p.returncode == 0 and lines, "pvpython read the mesh files")
    if lines:
        r = json.loads(lines[-1])
        check(r["material_ids"] == [0, 1, 2, 3], f"ParaView sees material ids {r['material_ids']}")
        check(r["fibre_components"] == 3 and abs(r["fibre_norm_min"] - 1) < 1e-6 and abs(r["fibre_norm_max"] - 1) < 1e-6,
              "fibre_direction: unit 3-vectors")
        check(r["boundary_ids"] == [0, 1, 2, 3, 4], f"ParaView sees boundary ids {r['boundary_ids']}")
        check(r["chordae_cells"] == 12, "ParaView sees 12 chordae")
    else:
        print(p.stdout[-2000:], p.stderr[-2000:])

# Inputs the generator must refuse: exit 2, the cause named, no report left behind.
for sets, words in (
        (["Geometry/Stenotic mitral valve/Tip thickness=14", "Geometry/Stenotic mitral valve/Base thickness=9"],
         "cells (minimum scaled Jacobian"),
        (["Geometry/Stenotic mitral valve/Posterior leaflet height=8"], "Posterior leaflet height"),
        (["Geometry/Stenotic mitral valve/Cells around=50"], "multiple of 4"),
        (["Geometry/Stenotic mitral valve/Calcium nodules=lateral: 10, 0.5, 1"], "unknown site")):
    bad = os.path.join(args.workdir, "refused")
    code, text = mesh(args, "diastolic_valve.prm", bad, sets, expect=None)
    check(code == 2 and words in text, f"refused with exit 2 naming '{words}': {text.strip()[:160]}")
    check(not os.path.exists(os.path.join(bad, "mesh_report.json")), "no report written for a refused input")
finish()
