"""Helpers shared by the application-level tests: run the leafmech executable and read its results."""
import argparse
import json
import os
import subprocess
import sys


def arguments():
    p = argparse.ArgumentParser()
    p.add_argument("--leafmech", required=True, help="path of the leafmech executable")
    p.add_argument("--inputs", required=True, help="the inputs/ directory")
    p.add_argument("--workdir", required=True, help="scratch directory for run outputs")
    p.add_argument("--mpirun", default="mpirun")
    return p.parse_args()


def test_deck(relative):
    """A deck of a test case folder, e.g. test_deck("verification/balloon_tube/balloon_tube.prm")."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), relative)


class Case:
    """A verification case folder (tests/<kind>/<case>/): its input decks, reference.json (the reference values,
    their tolerances and where they come from) and README.md, beside the driver that calls Case(__file__)."""

    def __init__(self, driver):
        self.folder = os.path.dirname(os.path.abspath(driver))
        with open(os.path.join(self.folder, "reference.json")) as f:
            self.reference = json.load(f)

    def deck(self, name):
        """The absolute path of a deck of this case."""
        return os.path.join(self.folder, name)

    def value(self, key):
        """A reference value (reference.json: references/<key>/value)."""
        return self.reference["references"][key]["value"]

    def tolerance(self, key):
        return self.reference["references"][key]["tolerance"]


def run(args, deck, outdir, sets=(), ranks=None, expect=0, renders=False):
    """Runs `leafmech run deck` (absolute, or relative to inputs/) with --set overrides; returns (exit code,
    stdout+stderr). The report's renders (about 10 s of pvbatch per valve run) only where a test asks for them."""
    cmd = [args.leafmech, "run", deck if os.path.isabs(deck) else os.path.join(args.inputs, deck), "--output", outdir]
    if not renders:
        cmd += ["--set", "Output/Report renders=false"]
    for s in sets:
        cmd += ["--set", s]
    if ranks is not None:
        cmd = [args.mpirun, "--oversubscribe", "-np", str(ranks)] + cmd
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if expect is not None and p.returncode != expect:
        print(p.stdout[-4000:])
        fail(f"{' '.join(cmd)} exited with {p.returncode}, expected {expect}")
    return p.returncode, p.stdout


def mesh(args, deck, outdir, sets=(), expect=0):
    """Runs `leafmech mesh deck`; returns (exit code, stdout+stderr)."""
    cmd = [args.leafmech, "mesh", deck if os.path.isabs(deck) else os.path.join(args.inputs, deck), "--output", outdir]
    for s in sets:
        cmd += ["--set", s]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if expect is not None and p.returncode != expect:
        print(p.stdout[-4000:])
        fail(f"{' '.join(cmd)} exited with {p.returncode}, expected {expect}")
    return p.returncode, p.stdout


def vtu_lines(path):
    """Points (pairs per line cell) and cell data arrays of an ASCII line VTU such as chordae.vtu."""
    text = open(path).read()
    def block(start):
        i = text.index(">", text.index(start)) + 1
        return text[i:text.index("</DataArray>", i)].split()
    xyz = [float(v) for v in block('NumberOfComponents="3"')]
    points = [xyz[i:i + 3] for i in range(0, len(xyz), 3)]
    data = {}
    for name in ("tension_N", "papillary_muscle"):
        if f'Name="{name}"' in text:
            data[name] = [float(v) for v in block(f'Name="{name}"')]
    return points, data


def tangent_checks(outdir):
    """Per load step, the logged |K v - dR/du v| / |K v| of every Newton iteration (Nonlinear solver/Check
    tangent), as {step: [(value, normal_only)]}; retried steps keep their last attempt."""
    checks, step = {}, None
    for line in open(os.path.join(outdir, "log.txt")):
        if line.startswith("Step "):
            step = int(line.split()[1].rstrip(":"))
            checks[step] = []
        elif "tangent check" in line:
            value = float(line.split("=")[1].split()[0])
            checks[step].append((value, "normal stiffness only" in line))
    return checks


def debian_python():
    """Debian's python3, which scripts/setup.sh gives h5py and matplotlib (another python3 may come first on PATH)."""
    return "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def summary(outdir):
    with open(os.path.join(outdir, "summary.json")) as f:
        return json.load(f)


def probe_uy(outdir, name="tip"):
    return summary(outdir)["probes"][name]["displacement_mm"][1]


failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def fail(message):
    print("FAIL  " + message)
    sys.exit(1)


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all checks passed")
