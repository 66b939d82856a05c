"""User-facing failures: each names its cause and fix, exits non-zero, and leaves no result that looks valid."""
import os
import subprocess
from leafmech_testing import arguments, check, finish, run, summary, test_deck

args = arguments()
os.makedirs(args.workdir, exist_ok=True)


def deck(name, text):
    path = os.path.join(args.workdir, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def leafmech(*argv):
    p = subprocess.run([args.leafmech, *argv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def expect_input_error(label, argv, *needles):
    out = os.path.join(args.workdir, "out_" + label)
    code, text = leafmech(*argv, "--output", out)
    check(code == 2, f"{label}: exit code {code} == 2")
    for n in needles:
        check(n in text, f"{label}: message mentions {n!r}")
    check(not os.path.exists(os.path.join(out, "summary.json")), f"{label}: no summary.json written")
    if code != 2 or not all(n in text for n in needles):
        print(text)


cook = test_deck("verification/cook_membrane/cook_membrane.prm")
expect_input_error("missing-file", ["run", "no/such/deck.prm"], "no/such/deck.prm", "no such file")
misspelt = deck("misspelt.prm", "subsection Finite element\n  set Polynomial degre = 2\nend\n")
expect_input_error("misspelt", ["run", misspelt], "misspelt.prm", "Line <2>", "Polynomial degre",
                   "Did you mean 'Finite element/Polynomial degree'")
out_of_range = deck("range.prm", "subsection Finite element\n  set Polynomial degree = 5\nend\n")
expect_input_error("out-of-range", ["run", out_of_range], "range.prm", "Line <2>", "Polynomial degree", "1...2")
malformed = deck("malformed.prm", "subsection Materials\n subsection leaflet_anterior\n"
                                  "  set Poisson's ratio = abc\n end\nend\n")
expect_input_error("malformed", ["run", malformed], "malformed.prm", "Line <3>", "Poisson's ratio", "abc")
too_large = deck("nu.prm", "subsection Materials\n subsection leaflet_anterior\n  set Poisson's ratio = 0.5\n end\nend\n")
expect_input_error("nu-0.5", ["run", too_large], "Poisson's ratio", "below 0.5")
unknown_section = deck("section.prm", "subsection Finite elements\n  set Polynomial degree = 2\nend\n")
expect_input_error("unknown-section", ["run", unknown_section], "section.prm", "Finite elements")
expect_input_error("set-unknown", ["run", cook, "--set", "Linear solver/Methd=direct"], "Methd",
                   "Did you mean 'Linear solver/Method'")
expect_input_error("set-bad-value", ["run", cook, "--set", "Linear solver/Method=LU"], "Method", "LU",
                   "direct|CG|GMRES")
expect_input_error("bad-probe", ["run", cook, "--set", "Output/Probes=tip: 48, 60"], "Probes", "name: x, y, z")
expect_input_error("probe-outside", ["run", cook, "--set", "Output/Probes=far: 100, 0, 0"], "far",
                   "outside the reference mesh")
expect_input_error("cuda-without-device", ["run", cook, "--set", "Run/Backend=cuda"], "cuda", "Backend = auto")
code, text = leafmech("frobnicate")
check(code == 2 and "unknown command" in text and "Usage" in text, "unknown command: usage and exit 2")
code, text = leafmech("print-parameters")
check(code == 0 and "set Shear modulus = 0.4225" in text and "(MPa)" in text and "allowed:" in text,
      "print-parameters lists entries with units and ranges")
code, text = leafmech("--version")
check(code == 0 and text.startswith("leafmech "), "--version")

# Newton failure: one increment, no cut-backs, two iterations: a clean stop that says why and how to fix it.
out = os.path.join(args.workdir, "newton_failure")
code, _ = run(args, cook, out,
              ["Load stepping/Number of load steps=1", "Load stepping/Maximum step cuts=0",
               "Nonlinear solver/Maximum iterations=2", "Geometry/Cook membrane/Cells per edge=4"], expect=1)
s = summary(out)
check(s["status"] == "failed", "newton failure: status failed")
check("Number of load steps" in s["message"] and "Newton did not converge" in s["message"],
      "newton failure: message names the cause and the fix")
check(s["load_factor"] == 0.0, "newton failure: the last converged state (load factor 0) is the one kept")
pvd = open(os.path.join(out, "solution.pvd")).read()
check("solution-0000.pvtu" in pvd and "solution-0001" not in pvd, "newton failure: only converged states written")

# Stepwise protocol and restart: refused before anything is computed.
pbmv = os.path.join(args.inputs, "pbmv_quasistatic.prm")
expect_input_error("stepwise-decreasing", ["run", pbmv, "--set", "Stepwise protocol/Balloon diameters=14, 13"],
                   "Balloon diameters must increase")
expect_input_error("stepwise-pressure", ["run", pbmv, "--set", "Stepwise protocol/Balloon diameters=13, 14",
                                         "--set", "Balloon/Control=pressure"], "Balloon/Control = diameter")
expect_input_error("ring-on-rigid-annulus",
                   ["run", pbmv, "--set", "Geometry/Stenotic mitral valve/Valve physics/Annulus ring stiffness=200"],
                   "Annulus ring stiffness", "Annulus support = elastic")
expect_input_error("stepwise-no-balloon", ["run", cook, "--set", "Stepwise protocol/Balloon diameters=13"],
                   "no balloon in a valve")
code, text = leafmech("run", "--resume", os.path.join(args.workdir, "no_such_run"))
check(code == 2 and "no parameters.prm there" in text, f"--resume of a directory with no run: exit {code}, says so")
code, text = leafmech("run", "--resume", out, cook)
check(code == 2 and "takes no input file" in text, f"--resume with an input file: exit {code}, refused")
changed = os.path.join(args.workdir, "changed")
run(args, cook, changed, ["Geometry/Cook membrane/Cells per edge=2", "Load stepping/Number of load steps=2"],
    expect=None)
prm_text = open(os.path.join(changed, "parameters.prm")).read()
with open(os.path.join(changed, "parameters.prm"), "w") as f:
    f.write(prm_text.replace("set Number of load steps = 2", "set Number of load steps = 3"))
code, text = leafmech("run", "--resume", changed)
check(code == 2 and "differs from the parameters the checkpoint was written with" in text,
      f"--resume after parameters.prm was edited: exit {code}, refused")

# A later good run into the same directory replaces every stale result.
run(args, cook, out, ["Geometry/Cook membrane/Cells per edge=2", "Output/Interval=0"])
check(summary(out)["status"] == "completed", "re-run into the same directory: completed")
check(not any(n.endswith(".tmp") for n in os.listdir(out)), "no temporary files left behind")
finish()
