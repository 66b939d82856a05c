"""`leafmech sweep` on the balloon-expanded tube (a few seconds per run):

1. A 3-point sweep (two values from a range, one that the input check refuses) with 2 jobs: the table has two
   completed rows with their values, wall times, the waist reached, contact pressure, steps and Newton iterations
   of each point's summary.json, and one failed row naming the cause; exit code 1.
2. Running the same sweep again after one completed point lost its result completes only that point: the other
   completed point is kept untouched, the failed one is tried again (and fails again).
3. A 2 x 2 grid emitted as a SLURM job array: the script passes `bash -n`; two of its array tasks run (with a
   stand-in `srun` that runs its command here) and `--gather` tabulates 2 completed and 2 not-run points.
4. A misspelt swept parameter stops the sweep before anything runs (exit 2, with a suggestion).
5. postprocess/plot_sweep.py turns the table into a PNG, and postprocess/render_state.py (pvbatch under
   xvfb-run) renders a run's last state to a PNG.
"""
import csv
import json
import os
import shutil
import stat
import subprocess
from leafmech_testing import arguments, check, debian_python, finish, test_deck

args = arguments()
tube = test_deck("verification/balloon_tube/balloon_tube.prm")
shutil.rmtree(args.workdir, ignore_errors=True)
os.makedirs(args.workdir)


def sweep(*argv):
    p = subprocess.run([args.leafmech, "sweep", *argv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(p.stdout)
    return p.returncode, p.stdout


def table(directory):
    return list(csv.DictReader(open(os.path.join(directory, "sweep.csv"))))


# 1. Three points, one refused.
out = os.path.join(args.workdir, "diameters")
D = "Balloon/Target diameter"
code, text = sweep(tube, "--param", D, "--values", "11:1:12,-5", "--jobs", "2", "--output", out)
check(code == 1, f"a sweep with a failed point exits 1 (got {code})")
rows = table(out)
check([r[D] for r in rows] == ["11", "12", "-5"], f"one row per value in order: {[r[D] for r in rows]}")
check([r["status"] for r in rows] == ["completed", "completed", "failed"], f"statuses {[r['status'] for r in rows]}")
check(all(float(r["wall_time_s"]) > 0 for r in rows[:2]), "completed rows carry their wall time")
check("Double 1...60" in rows[2]["message"], f"the failed row names the cause: {rows[2]['message'][-120:]}")
js = json.load(open(os.path.join(out, "sweep.json")))
check(len(js["points"]) == 3 and js["points"][0]["status"] == "completed", "sweep.json has the same rows")
for r in rows[:2]:
    s = json.load(open(os.path.join(out, r["point"], "summary.json")))
    check(abs(float(r["wall_time_s"]) - s["wall_time_s"]) < 1e-6 * s["wall_time_s"], f"{r['point']}: table = summary")
    b = s["balloon"]
    check(abs(float(r["balloon_achieved_diameter_mm"]) - b["achieved_diameter_mm"]) < 1e-6 * b["achieved_diameter_mm"]
          and abs(float(r["contact_max_pressure_kPa"]) - b["max_contact_pressure_kPa"]) <= 1e-6 * b["max_contact_pressure_kPa"]
          and int(r["newton_iterations"]) == s["newton_iterations"] and int(r["load_steps"]) == s["load_steps"],
          f"{r['point']}: the balloon's waist reached, contact pressure, steps and iterations = summary")

# 2. The same command again after point_001 lost its result.
kept = os.path.join(out, "point_000", "summary.json")
mtime = os.stat(kept).st_mtime_ns
os.remove(os.path.join(out, "point_001", "summary.json"))
code, text = sweep(tube, "--param", D, "--values", "11:1:12,-5", "--jobs", "2", "--output", out)
check("point_000 (Balloon/Target diameter = 11): already completed, kept" in text, "the completed point is kept")
check(os.stat(kept).st_mtime_ns == mtime, "... and its result is untouched")
check("point_001 (Balloon/Target diameter = 12): completed" in text, "the missing point is run again")
check([r["status"] for r in table(out)] == ["completed", "completed", "failed"], "the table is whole again")
code, text = sweep(tube, "--param", "Balloon/Penalty", "--values", "1", "--output", out)
check(code == 2 and "different sweep" in text, "a different sweep into the same directory is refused")

# 3. SLURM job array.
farm = os.path.join(args.workdir, "slurm")
code, text = sweep(tube, "--param", D, "--values", "11,12", "--param", "Balloon/Penalty", "--values", "1, 2",
                   "--emit-slurm", farm)
script = os.path.join(farm, "sweep.slurm")
check(code == 0 and os.path.exists(script), "the job array script is written")
check(subprocess.run(["bash", "-n", script]).returncode == 0, "bash -n accepts it")
body = open(script).read()
check("#SBATCH --signal=TERM@300" in body, "the job array asks for SIGTERM ahead of the time limit")
check("#SBATCH --array=0-3" in body, "one array task per grid point (2 x 2)")
stub = os.path.join(args.workdir, "bin")
os.makedirs(stub, exist_ok=True)
with open(os.path.join(stub, "srun"), "w") as f:
    f.write('#!/bin/bash\nexec "$@"\n')
os.chmod(os.path.join(stub, "srun"), stat.S_IRWXU)
env = dict(os.environ, PATH=stub + os.pathsep + os.environ["PATH"])
for task in ("0", "3"):
    r = subprocess.run(["bash", script], env=dict(env, SLURM_ARRAY_TASK_ID=task))
    check(r.returncode == 0, f"array task {task} runs")
code, text = sweep("--gather", farm)
rows = table(farm)
check([r["status"] for r in rows] == ["completed", "not run", "not run", "completed"],
      f"gathered statuses {[r['status'] for r in rows]}")
check([(r[D], r["Balloon/Penalty"]) for r in rows] == [("11", "1"), ("11", "2"), ("12", "1"), ("12", "2")],
      "the full grid, first parameter outermost")

# 4. A misspelt swept parameter.
bad = os.path.join(args.workdir, "misspelt")
code, text = sweep(tube, "--param", "Balloon/Target diametre", "--values", "11", "--output", bad)
check(code == 2 and "Target diameter" in text, "a misspelt parameter is refused with a suggestion")
check(not os.path.exists(bad), "... before anything is written")

# 5. Plots and a rendering.
def is_png(path):
    return os.path.exists(path) and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"


postprocess = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocess")
python = debian_python()
png = os.path.join(args.workdir, "sweep.png")
r = subprocess.run([python, os.path.join(postprocess, "plot_sweep.py"), os.path.join(out, "sweep.csv"), "--output", png])
check(r.returncode == 0 and is_png(png), "plot_sweep.py wrote a PNG")
pvbatch, xvfb = shutil.which("pvbatch"), shutil.which("xvfb-run")
check(pvbatch is not None and xvfb is not None, "pvbatch and xvfb-run are installed (scripts/setup.sh)")


def pvbatch_under_xvfb(*script_and_args):
    # -noreset: Xvfb resets when its last client disconnects, and pvbatch connects twice, so on a loaded machine
    # its second connection can meet the reset ("bad X server connection"). The display search starts from a
    # number of this process's own and is tried once more from another, as the report's renders do
    # (solver/app/report/render.cc).
    first = 102 + os.getpid() % 4000 * 8
    for display in (first, first + 4):
        r = subprocess.run([xvfb, "-a", "-n", str(display), "-s", "-screen 0 1280x1024x24 -noreset", pvbatch,
                            *script_and_args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode == 0:
            break
    return r


if pvbatch and xvfb:
    shot = os.path.join(args.workdir, "state.png")
    r = pvbatch_under_xvfb(os.path.join(postprocess, "render_state.py"), os.path.join(out, "point_000"),
                           "--output", shot)
    ok = r.returncode == 0 and is_png(shot)
    check(ok, "render_state.py rendered the run to a PNG")
    if not ok:
        # The cause comes first (the X connection, a GLX visual), the stack trace last: show both ends.
        print(r.stdout if len(r.stdout) < 4000 else r.stdout[:2000] + "\n[...]\n" + r.stdout[-2000:])
finish()
