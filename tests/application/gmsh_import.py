"""gmsh import: the shipped example mesh (meshes/example_valve.msh) reads with the right ids and runs under
pressure; broken, unlabelled and incomplete meshes are refused with exit 2 and a message naming what is wrong."""
import json
import math
import os
from leafmech_testing import arguments, check, finish, mesh, run, summary

args = arguments()
msh = os.path.join(os.path.dirname(args.inputs), "meshes", "example_valve.msh")
file_set = lambda path: f"Geometry/Valve from gmsh/Mesh file={path}"
out = os.path.join(args.workdir, "example")
code, text = mesh(args, "gmsh_valve.prm", out, [file_set(msh)])
print(text)
report = json.load(open(os.path.join(out, "mesh_report.json")))
check(report["cells"] == 120, f"120 hexahedra read ({report['cells']})")
check(report["geometry"]["minimum scaled Jacobian"] > 0.5, "positive, well-shaped cells")
check(report["geometry"]["chordae"] == 4, "4 chordae attached")
# The example's orifice is the polygon of the mesh nodes on the orifice curve (z = 8 mm on the atrial side; the
# leaflets are extruded straight down, so nothing overhangs it): its shoelace area is the exact reference.
text = open(msh).read()
nodes = text[text.index("$Nodes"):text.index("$EndNodes")].splitlines()[2:]
ring = [tuple(map(float, l.split()[1:])) for l in nodes if abs(float(l.split()[3]) - 8.0) < 1e-9]
ring = sorted({(round(x, 9), round(y, 9)) for x, y, z in ring}, key=lambda p: math.atan2(p[1], p[0]))
polygon = 0.5 * abs(sum(ring[i][0] * ring[i - 1][1] - ring[i - 1][0] * ring[i][1] for i in range(len(ring)))) / 100
measured = report["geometry"]["orifice area (cm^2)"]
check(len(ring) >= 24 and abs(measured - polygon) < 0.01 * polygon,
      f"orifice area {measured:.5f} cm^2 = the {len(ring)}-node polygon's {polygon:.5f} within 1 %")

run_out = os.path.join(args.workdir, "example_run")
run(args, "gmsh_valve.prm", run_out, [file_set(msh), "Output/Interval=0"])
s = summary(run_out)
check(s["status"] == "completed", "the example mesh runs under 10 mmHg")
check(s["orifice_area_cm2"]["final"] > s["orifice_area_cm2"]["reference"], "its orifice opens")

lines = open(msh).read().splitlines(keepends=True)
def variant(name, text):
    path = os.path.join(args.workdir, name + ".msh")
    with open(path, "w") as f:
        f.write(text)
    return path
broken = variant("truncated", "".join(lines[: int(0.6 * len(lines))]))
unnamed_start, unnamed_end = lines.index("$PhysicalNames\n"), lines.index("$EndPhysicalNames\n")
unlabelled = variant("unlabelled", "".join(lines[:unnamed_start] + lines[unnamed_end + 1:]))
no_annulus = variant("no_annulus", "".join(lines).replace('"annulus"', '"free_edge"'))
unknown = variant("unknown_name", "".join(lines).replace('"leaflet_posterior"', '"posterior_leaflet"'))
for path, words in ((broken, "cannot be read"), (unlabelled, "no named physical groups"),
                    (no_annulus, "lacks the physical group(s) surface 'annulus'"),
                    (unknown, "'posterior_leaflet' is not one of leafmech's names"),
                    (os.path.join(args.workdir, "missing.msh"), "cannot open mesh file")):
    bad = os.path.join(args.workdir, "refused")
    code, text = mesh(args, "gmsh_valve.prm", bad, [file_set(path)], expect=None)
    check(code == 2 and words in text and path in text, f"{os.path.basename(path)} refused: {text.strip()[:150]}")
finish()
