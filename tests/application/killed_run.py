"""A run killed (SIGKILL) at any moment leaves no truncated result under a final name: every result file is
written under a temporary name and renamed when complete. The balloon-expanded tube is killed at several
moments of its run; every .vtu/.pvtu/.pvd/.xdmf left parses as XML, every .json/.csv/.prm is whole, every .h5
opens with h5py, and every file a .pvd/.pvtu/.xdmf names exists. (log.txt is a running log and is left out.)
"""
import glob
import json
import os
import signal
import subprocess
import time
import xml.etree.ElementTree as ET
from leafmech_testing import arguments, check, debian_python, finish

args = arguments()
deck = os.path.join(args.inputs, "verification", "balloon_tube.prm")
python = debian_python()
kills = 0
for delay in (0.6, 1.0, 1.4, 1.8, 2.2, 2.6, 3.0, 3.5):
    out = os.path.join(args.workdir, f"killed_{delay}")
    p = subprocess.Popen([args.leafmech, "run", deck, "--output", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
    bad = []
    for path in sorted(glob.glob(os.path.join(out, "*"))):
        name = os.path.basename(path)
        if name.endswith(".tmp") or name == "log.txt":
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
check(kills >= 4, f"{kills} of the runs were killed while running (not finished before the signal)")
finish()
