"""A run killed (SIGKILL) at any moment leaves no truncated result under a final name: every result file is
written under a temporary name and renamed when complete. The balloon-expanded tube is killed at several
moments of its run; every .vtu/.pvtu/.pvd/.xdmf left parses as XML, every .json/.csv/.prm is whole, every .h5
opens with h5py, and every file a .pvd/.pvtu/.xdmf names exists. (log.txt is a running log and is left out.)

Restart: every killed run that had written a checkpoint (one per step here) continues with `leafmech run
--resume DIR` to the result of the uninterrupted run (probe displacements and stresses within 1e-10, relative);
a killed run with no checkpoint yet, and a resume with another number of ranks, are refused (exit 2) with the
cause.
"""
import glob
import json
import os
import signal
import subprocess
import time
import xml.etree.ElementTree as ET
from leafmech_testing import arguments, check, debian_python, finish, test_deck

args = arguments()
deck = test_deck("verification/balloon_tube/balloon_tube.prm")
python = debian_python()
every_step = ["--set", "Output/Checkpoint interval=1"]
reference = os.path.join(args.workdir, "uninterrupted")
started = time.time()
subprocess.run([args.leafmech, "run", deck, "--output", reference] + every_step, stdout=subprocess.DEVNULL, check=True)
duration = time.time() - started  # the kills are spread over the run as long as it takes on this machine


def probe_values(out):
    s = json.load(open(os.path.join(out, "summary.json")))
    return s["status"], [v for p in s["probes"].values() for v in p["displacement_mm"] + sum(p["cauchy_stress_MPa"], [])]


def resume(out, ranks=1):
    cmd = [args.leafmech, "run", "--resume", out]
    if ranks > 1:
        cmd = [args.mpirun, "--oversubscribe", "-np", str(ranks)] + cmd
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


expected = probe_values(reference)[1]
kills = resumed = 0
for fraction in (0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85):
    delay = round(fraction * duration, 2)
    out = os.path.join(args.workdir, f"killed_{fraction}")
    p = subprocess.Popen([args.leafmech, "run", deck, "--output", out] + every_step, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
    bad = []
    for path in sorted(glob.glob(os.path.join(out, "*"))):
        name = os.path.basename(path)
        if name.endswith(".tmp") or name == "log.txt" or name.startswith("checkpoint"):
            continue
        try:
            if name.endswith((".vtu", ".pvtu", ".pvd", ".xdmf")):
                root = ET.parse(path).getroot()
                for ref in [e.get("file") or e.get("Source") for e in root.iter() if e.get("file") or e.get("Source")]:
                    if not os.path.exists(os.path.join(out, ref)):
                        bad.append(f"{name} names missing {ref}")
                for item in root.iter("DataItem"):
                    target = (item.text or "").strip().split(":")[0]
                    if target and not os.path.exists(os.path.join(out, target)):
                        bad.append(f"{name} names missing {target}")
            elif name.endswith(".json"):
                json.load(open(path))
            elif name.endswith((".csv", ".prm")):
                text = open(path).read()
                if not text.endswith("\n"):
                    bad.append(f"{name} does not end with a newline")
            elif name.endswith(".h5"):
                r = subprocess.run([python, "-c", "import h5py, sys; f = h5py.File(sys.argv[1], 'r'); f['nodes'][()]",
                                    path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                if r.returncode != 0:
                    bad.append(f"{name} does not open")
        except Exception as e:  # a parse error is a truncated file
            bad.append(f"{name}: {e}")
    check(not bad, f"killed after {delay} s: {len(os.listdir(out)) if os.path.isdir(out) else 0} files, none "
          f"truncated {bad[:3]}")
    if not os.path.isdir(out):
        continue
    if not os.path.isdir(os.path.join(out, "checkpoint")) and not os.path.isdir(os.path.join(out, "checkpoint.old")):
        r = resume(out)
        check(r.returncode == 2 and "holds no checkpoint" in r.stdout, f"killed after {delay} s before any checkpoint: "
              f"--resume is refused (exit {r.returncode}): {r.stdout.strip().splitlines()[-1:]}")
        continue
    if resumed == 0:
        r = resume(out, ranks=2)
        check(r.returncode == 2 and "mpirun -np 1" in r.stdout, f"a 1-rank checkpoint resumed on 2 ranks is refused "
              f"(exit {r.returncode}) naming the fix")
    r = resume(out)
    status, values = probe_values(out)
    worst = max(abs(a - b) / max(abs(b), 1e-12 * max(map(abs, expected))) for a, b in zip(values, expected))
    check(r.returncode == 0 and status == "completed" and worst <= 1e-10, f"killed after {delay} s, resumed: "
          f"{status}, probes differ from the uninterrupted run by {worst:.1e} (relative)")
    resumed += 1
check(kills >= 4, f"{kills} of the runs were killed while running (not finished before the signal)")
check(resumed >= 3, f"{resumed} killed runs resumed from their checkpoints")
finish()
