"""Hostile inputs of an unattended batch run, one row each: refused before any computation (exit code 2), with a
message that names the parameter, file or value and what is allowed, no result files, no crash (no std::terminate
or PETSc error wall); and the messages that were clean but unhelpful. Then: every real or integer parameter has
an upper bound (print-parameters shows no unbounded range).
"""
import os
import shutil
import subprocess
from leafmech_testing import arguments, check, finish, test_deck

args = arguments()
os.makedirs(args.workdir, exist_ok=True)
tube = test_deck("verification/balloon_tube/balloon_tube.prm")
cook = test_deck("verification/cook_membrane/cook_membrane.prm")
diastolic = os.path.join(args.inputs, "diastolic_valve.prm")
gmsh = os.path.join(args.inputs, "gmsh_valve.prm")
example_msh = os.path.join(args.inputs, "..", "meshes", "example_valve.msh")
S = "Geometry/Stenotic mitral valve"


def write(name, text):
    path = os.path.join(args.workdir, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def leafmech(argv):
    p = subprocess.run([args.leafmech] + argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def refused(label, argv, *needles, output=True, longest=4000):
    """Exit 2, every needle in the message, nothing written, no crash."""
    out = os.path.join(args.workdir, "out_" + label)
    code, text = leafmech(argv + (["--output", out] if output else []))
    crash = [w for w in ("terminate called", "PETSC ERROR", "Segmentation", "Stacktrace") if w in text]
    ok = code == 2 and all(n in text for n in needles) and not crash and len(text) <= longest
    check(ok, f"{label}: exit {code}, {len(text)} characters: {text.strip()[:300]}")
    if not ok:
        print("  wanted:", needles, "crash words:", crash)
    if output:
        check(not os.path.exists(out) or not os.listdir(out), f"{label}: no result files")


def msh_variant(name, edit):
    lines = open(example_msh).read().splitlines(keepends=True)
    return write(name, "".join(edit(lines)))


mesh_file = lambda path: f"Geometry/Valve from gmsh/Mesh file={path}"

# The 18 cases of the issue.
refused("empty-input", ["run", write("empty.prm", "")], "is empty", "sets no parameter")
refused("long-name", ["run", write("long.prm", "subsection Balloon\n  set " + "x" * 100000 + " = 1\nend\n")],
        "100000 characters", "at most 200")
recursive = os.path.join(args.workdir, "recursive.prm")
write("recursive.prm", f"include {recursive}\n")
refused("recursive-include", ["run", recursive], "includes itself", "recursive.prm")
tube_lines = open(tube).read().splitlines()
first = next(k for k, l in enumerate(tube_lines) if "set Target diameter" in l) + 1
conflict = write("conflict.prm", "\n".join(tube_lines) + "\nsubsection Balloon\n  set Target diameter = 11\nend\n"
                 "subsection Balloon\n  set Target diameter = 14\nend\n")
refused("conflicting-duplicates", ["run", conflict], "Balloon/Target diameter", "set twice", f"line {first} ",
        f"line {len(tube_lines) + 2} ")
refused("shear-modulus-1e300", ["run", cook, "--set", "Materials/leaflet_anterior/neo-Hookean/Shear modulus=1e300"],
        "Shear modulus", "1e300")
refused("stabilization-1e300", ["run", cook, "--set", "Nonlinear solver/Stabilization=1e300"], "Stabilization",
        "1e300")
refused("absolute-tolerance-1e300", ["run", cook, "--set", "Nonlinear solver/Absolute residual tolerance=1e300"],
        "Absolute residual tolerance", "1e300")
refused("nan-axis-point", ["run", tube, "--set", "Balloon/Axis point=nan, 0, 0"], "Balloon/Axis point",
        "not a finite number")
refused("nan-papillary-tip", ["run", diastolic, "--set", f"{S}/Anterolateral papillary tip=nan, -4, 26"],
        "Anterolateral papillary tip", "not a finite number")
refused("nan-chordae-attachment", ["run", gmsh, "--set", mesh_file(example_msh),
                                   "--set", "Geometry/Valve from gmsh/Chordae attachments=nan, 3, 10"],
        "Chordae attachments", "not a finite number")
refused("nan-compliance-table", ["run", tube, "--set", "Balloon/Control=pressure",
                                 "--set", "Balloon/Compliance table=0: nan; 2: 10"], "Compliance table", "finite")
refused("overlapping-nodules", ["mesh", diastolic, "--set",
                                f"{S}/Calcium nodules=anterior: 60, 0.55, 1.6; anterior: 60, 0.55, 1.6"],
        "Calcium nodules", "nodule 2", "nodule 1", "one inside the other")


def mirror_first_hexahedron(lines):
    start = lines.index("$Elements\n") + 2
    for k in range(start, len(lines)):
        f = lines[k].split()
        if len(f) > 3 and f[1] == "5":
            nodes = f[3 + int(f[2]):]
            lines[k] = " ".join(f[:3 + int(f[2])] + nodes[4:] + nodes[:4]) + "\n"
            return lines
    raise RuntimeError("no hexahedron in the example mesh")


mirrored = msh_variant("mirrored.msh", mirror_first_hexahedron)
refused("mirrored-hexahedron", ["run", gmsh, "--set", mesh_file(mirrored)], "mirrored.msh", "hexahedron",
        "mirrored order")
a_file = write("a_file", "not a directory\n")
refused("output-is-a-file", ["run", tube, "--output", a_file], "is a file", output=False)
refused("output-under-a-file", ["run", tube, "--output", os.path.join(a_file, "sub")], "lies under", "a_file",
        output=False)
refused("output-not-creatable", ["run", tube, "--output", "/proc/leafmech-x"], "/proc/leafmech-x",
        "cannot", output=False)
refused("mesh-output-is-a-file", ["mesh", diastolic, "--output", a_file], "is a file", output=False)

stopped = os.path.join(args.workdir, "checkpointed")
shutil.rmtree(stopped, ignore_errors=True)
code, _ = leafmech(["run", tube, "--output", stopped, "--stop-at-step", "2"])
check(code == 3, f"a run stopped at step 2 for the checkpoint case (exit {code})")
rank_file = os.path.join(stopped, "checkpoint", "rank_0000.bin")
size = os.path.getsize(rank_file)
with open(rank_file, "r+b") as f:
    f.seek(size // 2)
    f.write(b"\x00\x00\x00\x00\x00\x00\xf8\x7f")  # a NaN
summary_before = open(os.path.join(stopped, "summary.json")).read()
refused("nan-bytes-in-checkpoint", ["run", "--resume", stopped], "rank_0000.bin", "damaged", output=False)
check(open(os.path.join(stopped, "summary.json")).read() == summary_before, "the damaged run's results untouched")

# The four messages that were clean but unhelpful.
nan_node = msh_variant("nan_node.msh", lambda lines: lines[:15] + ["1 nan 0 0\n"] + lines[16:])
refused("nan-mesh-coordinate", ["run", gmsh, "--set", mesh_file(nan_node)], "node 1", "not a finite number")
refused("empty-msh", ["run", gmsh, "--set", mesh_file(write("empty.msh", ""))], "empty.msh", "is empty")
refused("random-msh", ["run", gmsh, "--set", mesh_file(write("random.msh", "lorem ipsum\n" * 20))],
        "random.msh", "not a gmsh mesh", "$MeshFormat")
huge = write("huge_line.prm", open(tube).read() + "subsection Balloon\n  what " + "y" * 5_000_000 + "\nend\n")
refused("5-MB-bad-line", ["run", huge], "huge_line.prm", "Line <", longest=3000)
refused("fusion-length-0", ["mesh", diastolic, "--set", f"{S}/Anterolateral fusion length=0"],
        "Anterolateral fusion length = 0 (not fused)", "Commissural span", "10 mm")

# A failure inside PETSc (MUMPS given too little memory) is translated into its cause and a fix, without PETSc's
# own wall of error lines.
out = os.path.join(args.workdir, "mumps_memory")
code, text = leafmech(["run", cook, "--output", out, "--set", "Geometry/Cook membrane/Cells per edge=4",
                       "--set", "Linear solver/Extra PETSc options=-mat_mumps_icntl_23 1",
                       "--set", "Load stepping/Maximum step cuts=0"])
check(code == 1 and "MUMPS needs more memory than its limit allows" in text and "icntl_23" in text and
      "PETSC ERROR" not in text, f"a MUMPS failure says why: exit {code}: {text.strip()[-220:]}")

# Every real and integer parameter has a finite upper bound.
code, listing = leafmech(["print-parameters"])
unbounded = [line.strip() for line in listing.splitlines()
             if "allowed: [Double" in line and "MAX_DOUBLE" in line or "allowed: [Integer" in line and "2147483647" in line]
check(code == 0 and not unbounded, f"no numeric parameter is unbounded ({len(unbounded)}: {unbounded[:3]})")
finish()
