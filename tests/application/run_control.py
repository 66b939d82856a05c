"""How an unattended run ends early, and what its terminal shows.

1. SIGTERM (a SLURM time limit) and SIGINT (Ctrl-C) in the middle of a run: the step in hand is dropped, a
   checkpoint of the last converged state and a summary.json with status `stopped` and the reason are written,
   exit code 3; `--resume` then gives the uninterrupted answer. On 2 ranks too (the signal reaching the ranks).
2. A run made to crawl (every increment below the stall floor) stops as `failed`, saying where and why; in a
   sweep it is a failed row with that reason while the other point completes.
3. Run/Time limit: a run past its budget stops as `failed` with where it stood.
4. A quiet terminal: one progress line per converged step and a final table; the Newton iterations and measures
   in log.txt (and on the terminal with --verbose).
"""
import csv
import json
import os
import shutil
import signal
import subprocess
import time
from leafmech_testing import arguments, check, finish, test_deck

args = arguments()
cook = test_deck("verification/cook_membrane/cook_membrane.prm")
long_run = ["--set", "Load stepping/Number of load steps=40", "--set", "Output/Interval=0",
            "--set", "Geometry/Cook membrane/Cells per edge=8"]


def summary(out):
    return json.load(open(os.path.join(out, "summary.json")))


def tip(out):
    return summary(out)["probes"]["tip"]["displacement_mm"][1]


def converged_steps(out):
    return len(list(csv.DictReader(open(os.path.join(out, "history.csv")))))


reference = os.path.join(args.workdir, "uninterrupted")
started = time.time()
subprocess.run([args.leafmech, "run", cook, "--output", reference] + long_run, stdout=subprocess.DEVNULL, check=True)
duration = time.time() - started


def interrupted(name, sig, ranks=1):
    out = os.path.join(args.workdir, name)
    shutil.rmtree(out, ignore_errors=True)
    cmd = [args.leafmech, "run", cook, "--output", out] + long_run
    if ranks > 1:
        cmd = [args.mpirun, "--oversubscribe", "-np", str(ranks)] + cmd
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Wait until a few steps have converged, then signal the leafmech processes themselves (under SLURM, srun
    # delivers the signal to every task).
    deadline = time.time() + 10 * duration
    while time.time() < deadline and p.poll() is None:
        history = os.path.join(out, "history.csv")
        if os.path.exists(history) and len(open(history).read().splitlines()) > 6:
            break
        time.sleep(0.05)
    if ranks > 1:
        subprocess.run(["pkill", "-" + sig.name[3:], "-f", "^" + args.leafmech + " run .*" + out + " "])
    else:
        p.send_signal(sig)
    text, _ = p.communicate()
    s = summary(out)
    check(p.returncode == 3 and s["status"] == "stopped", f"{name}: exit {p.returncode}, status {s['status']}")
    check(sig.name[3:] in s["message"] and "--resume" in s["message"], f"{name}: says why: {s['message'][:150]}")
    check(os.path.exists(os.path.join(out, "checkpoint", "run.bin")), f"{name}: a checkpoint to resume from")
    check(0 < converged_steps(out) < 40, f"{name}: stopped after {converged_steps(out)} of 40 steps")
    cmd = [args.leafmech, "run", "--resume", out]
    if ranks > 1:
        cmd = [args.mpirun, "--oversubscribe", "-np", str(ranks)] + cmd
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    a, b = tip(out), tip(reference)
    check(p.returncode == 0 and summary(out)["status"] == "completed" and abs(a - b) <= 1e-10 * abs(b),
          f"{name}: resumed to the uninterrupted answer ({a:.12f} against {b:.12f} mm)")


interrupted("sigterm", signal.SIGTERM)
interrupted("sigint", signal.SIGINT)
interrupted("sigterm_two_ranks", signal.SIGTERM, ranks=2)

# 2. A stall: every increment of the 10-step Cook run counts as crawling with a floor of 0.2 of the load.
stall = ["--set", "Load stepping/Stall increment=0.2", "--set", "Load stepping/Stall steps=3"]
out = os.path.join(args.workdir, "stalled")
p = subprocess.run([args.leafmech, "run", cook, "--output", out] + stall, stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
s = summary(out)
check(p.returncode == 1 and s["status"] == "failed" and "stalled" in s["message"] and "load factor" in s["message"],
      f"a crawling run fails with where and why: exit {p.returncode}: {s['message'][:160]}")
check(converged_steps(out) == 3, f"it stopped after the 3 crawling steps ({converged_steps(out)})")
sweep_dir = os.path.join(args.workdir, "sweep")
p = subprocess.run([args.leafmech, "sweep", cook, "--param", "Load stepping/Stall increment", "--values", "0.05,0.2",
                    "--set", "Load stepping/Stall steps=3", "--set", "Geometry/Cook membrane/Cells per edge=4",
                    "--jobs", "2", "--output", sweep_dir], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
rows = list(csv.DictReader(open(os.path.join(sweep_dir, "sweep.csv"))))
check(p.returncode == 1 and [r["status"] for r in rows] == ["completed", "failed"] and "stalled" in rows[1]["message"],
      f"in a sweep the stalled point is a failed row with its reason: {[(r['status'], r['message'][:60]) for r in rows]}")

# 3. The time limit.
out = os.path.join(args.workdir, "time_limit")
p = subprocess.run([args.leafmech, "run", cook, "--output", out, "--set", f"Run/Time limit={0.3 * duration:.2f}"]
                   + long_run, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
s = summary(out)
check(p.returncode == 1 and s["status"] == "failed" and "time limit" in s["message"] and "load factor" in s["message"],
      f"past Run/Time limit: exit {p.returncode}: {s['message'][:160]}")

# 4. The terminal of a plain run, of a --verbose run, and log.txt.
out = os.path.join(args.workdir, "quiet")
p = subprocess.run([args.leafmech, "run", cook, "--output", out], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                   text=True)
lines = p.stdout.splitlines()
progress = [l for l in lines if l.startswith("[loading] step ")]
log = open(os.path.join(out, "log.txt")).read()
check(len(progress) == 10 and not any(l.strip().startswith("it ") for l in lines), f"one progress line per step "
      f"({len(progress)}) and no Newton iterations on the terminal")
check(len(lines) <= 25 and "Results (" in p.stdout, f"{len(lines)} terminal lines, ending with the results table")
check("    it  0" in log and "Newton" in log, "log.txt holds the Newton iterations")
p = subprocess.run([args.leafmech, "run", cook, "--output", out + "_verbose", "--verbose"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
check("    it  0" in p.stdout, "--verbose shows the Newton iterations on the terminal")
finish()
