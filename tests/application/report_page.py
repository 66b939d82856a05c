"""The report pages in a real headless browser (Debian's chromium): report.html of a valvuloplasty run (written by
the run itself, renders included) and sweep.html of a sweep (`leafmech report DIR` too). Each page opens from the
file offline (self-contained: no request leaves the page), shows its verdict or table, its SVG plots and its
embedded images all load, and a screenshot is written.
"""
import os
import re
import shutil
import subprocess
from leafmech_testing import arguments, check, finish, run, summary, test_deck

args = arguments()
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
check(chromium is not None, "chromium is installed (scripts/setup.sh installs it)")


def browse(page, shot):
    """The page's DOM after load and whether the screenshot was written (chromium, headless, offline)."""
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--allow-file-access-from-files", "--virtual-time-budget=5000"]
    dom = subprocess.run(base + ["--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + page],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    subprocess.run(base + ["--window-size=1280,2400", "--screenshot=" + shot, "file://" + page],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    errors = [l for l in dom.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    return dom.stdout, errors, os.path.exists(shot) and os.path.getsize(shot) > 20000


# A short valvuloplasty: the default valve (quasi-static), a 13 mm waist in 5 steps, withdrawn in 2.
out = os.path.join(args.workdir, "valve")
run(args, "pbmv_quasistatic.prm", out, ["Balloon/Target diameter=13", "Load stepping/Number of load steps=5",
                                        "Load stepping/Preload steps=2", "Load stepping/Deflation steps=2"],
    ranks=2, renders=True)
s = summary(out)
page = os.path.join(out, "report.html")
check(os.path.exists(page), "the run wrote report.html")
if chromium and os.path.exists(page):
    html = open(page).read()
    check("http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html,
          "the page asks for nothing from the network")
    dom, errors, shot = browse(page, os.path.join(out, "report.png"))
    images = re.search(r'data-images="(\d+)"', dom)
    loaded = re.search(r'data-loaded="(\d+)"', dom)
    check(not errors, f"the page loads with no console errors {errors[:2]}")
    check(images and loaded and int(images.group(1)) == 2 and loaded.group(1) == images.group(1),
          f"both renders are embedded and load ({images.group(1) if images else '?'} images, "
          f"{loaded.group(1) if loaded else '?'} loaded)")
    check(dom.count("<svg") >= 4, f"{dom.count('<svg')} plots against the step")
    for text in ("MVA before, after", "anterolateral commissure", "Leaflet tear index", "Regurgitation risk",
                 "Inoue", s["regurgitation_risk"]["category"]):
        check(text in dom, f"the verdict and inputs show {text!r}")
    check(f"{s['mva_cm2']['pre']:.4g}" in dom, f"the page shows MVA before {s['mva_cm2']['pre']:.4g} cm^2")
    check(shot, "a screenshot of the page was written")

# A sweep of two tube points: sweep.html, and `leafmech report DIR` makes it again.
tube = test_deck("verification/balloon_tube/balloon_tube.prm")
sweep = os.path.join(args.workdir, "sweep")
p = subprocess.run([args.leafmech, "sweep", tube, "--param", "Balloon/Target diameter", "--values", "11,12",
                    "--jobs", "2", "--output", sweep], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check(p.returncode == 0 and os.path.exists(os.path.join(sweep, "sweep.html")), "the sweep wrote sweep.html")
os.remove(os.path.join(sweep, "sweep.html"))
p = subprocess.run([args.leafmech, "report", sweep], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
page = os.path.join(sweep, "sweep.html")
check(p.returncode == 0 and os.path.exists(page), f"leafmech report DIR wrote sweep.html: {p.stdout.strip()[-80:]}")
if chromium and os.path.exists(page):
    dom, errors, shot = browse(page, os.path.join(sweep, "sweep.png"))
    check(not errors, f"the sweep page loads with no console errors {errors[:2]}")
    check(dom.count("point_00") >= 2 and dom.count("completed") >= 2, "its table has both points, completed")
    check(dom.count("<svg") >= 1, "and a plot against the swept parameter")
    check(shot, "a screenshot of the sweep page was written")
p = subprocess.run([args.leafmech, "report", os.path.join(args.workdir, "nothing_here")], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
check(p.returncode == 2 and "summary.json" in p.stdout, f"report of a directory with no run: {p.stdout.strip()[:100]}")
finish()
