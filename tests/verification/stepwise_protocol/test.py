"""The stepwise Inoue technique on the default valve (inputs/pbmv_quasistatic.prm, 2 ranks): inflations to 13.5,
14 and 14.5 mm, each withdrawn before the next, with a target MVA of 1.42 cm^2.

1. The rounds carry the damage: each round's inflation starts with the split the round before left (no
   healing), the split and the MVA after each round do not shrink, and the first round is the 13.5 mm
   procedure on the intact valve (its phases are exactly those of a single 13.5 mm run, so its split starts at
   zero and opens within the inflation).
2. The stop rules, as docs/outcome.md gives them: round 1 (split fraction below 1, risk low, MVA below the
   target) goes on; at 14 mm the splits run past the fused length, the risk rises to moderate, so the protocol
   stops before 14.5 mm (no step of the run has that balloon) and recommends 13.5 mm, saying why.
3. The round table is the same in summary.json, stepwise.csv and history.csv (the MVA after each round is the
   orifice at the end of its deflation; the split at the end of its inflation); postprocess/plot_sweep.py plots it.
"""
import csv
import json
import os
import subprocess
from leafmech_testing import Case, arguments, check, debian_python, finish, run, summary

args = arguments()
case = Case(__file__)
out = os.path.join(args.workdir, "stepwise")
run(args, case.deck("stepwise_protocol.prm"), out, ranks=2)
s = summary(out)
h = list(csv.DictReader(open(os.path.join(out, "history.csv"))))
table = list(csv.DictReader(open(os.path.join(out, "stepwise.csv"))))
st = s["stepwise"]
print(json.dumps({k: st[k] for k in ("recommended_diameter_mm", "recommendation")}, indent=1))
for r in table:
    print(r)
check(s["status"] == "completed", f"the run completes: {s['message']}")
rounds = st["rounds"]
check(len(rounds) == 2 and len(table) == 2, f"{len(rounds)} rounds run (13.5 and 14 mm), 14.5 mm not run")
check(all(float(r["balloon_free_diameter_mm"]) < 14.5 - 1e-9 for r in h), "no step of the run has a 14.5 mm balloon")

# 1. Damage carried over.
ends = [k for k, r in enumerate(h) if r["phase"] == "deflation" and float(r["load_factor"]) >= 1 - 1e-12]
starts = [k for k, r in enumerate(h) if r["phase"] == "inflation" and (k == 0 or h[k - 1]["phase"] != "inflation")]
check(len(ends) == 2 and len(starts) == 2, f"two inflation-deflation rounds in history ({len(starts)}, {len(ends)})")
for name in ("anterolateral", "posteromedial"):
    col = f"{name}_split_length_mm"
    first = float(h[starts[0]][col])
    check(first == 0, f"{name}: round 1 starts intact (split {first})")
    carried, left = float(h[starts[1]][col]), float(h[ends[0]][col])
    check(carried >= left - 1e-12, f"{name}: round 2 starts with round 1's split ({carried:.3f} >= {left:.3f} mm)")
    check(rounds[1]["commissures"][name]["split_length_mm"] >= rounds[0]["commissures"][name]["split_length_mm"],
          f"{name}: split {rounds[0]['commissures'][name]['split_length_mm']:.3f} -> "
          f"{rounds[1]['commissures'][name]['split_length_mm']:.3f} mm")
check(rounds[1]["mva_post_cm2"] >= rounds[0]["mva_post_cm2"] > s["mva_cm2"]["pre"],
      f"MVA pre {s['mva_cm2']['pre']} -> {rounds[0]['mva_post_cm2']} -> {rounds[1]['mva_post_cm2']} cm^2")

# 2. Stop rules and recommendation.
r1, r2 = rounds
check(r1["stop"] is None and r1["risk"] == "low" and r1["mva_post_cm2"] < 1.42 and
      max(c["split_fraction"] for c in r1["commissures"].values()) < 1,
      f"round 1 goes on: risk {r1['risk']}, MVA {r1['mva_post_cm2']}, fractions "
      f"{[round(c['split_fraction'], 3) for c in r1['commissures'].values()]}")
check(r2["risk"] == "moderate" and min(c["split_fraction"] for c in r2["commissures"].values()) > 1 and
      r2["stop"] is not None and "rose from low to moderate" in r2["stop"], f"round 2 stops: {r2['stop']}")
check(st["finished"] and st["recommended_diameter_mm"] == 13.5 and "13.5 mm, the last size before" in
      st["recommendation"], f"recommended {st['recommended_diameter_mm']} mm: {st['recommendation'][:80]}...")

# 3. One table everywhere.
for k, (r, row) in enumerate(zip(rounds, table)):
    end = h[ends[k]]
    inflated = h[ends[k] - 1 - [x["phase"] for x in h[:ends[k]]][::-1].index("inflation")]
    check(abs(float(row["mva_post_cm2"]) - r["mva_post_cm2"]) < 1e-9 and
          abs(float(end["orifice_area_cm2"]) - r["mva_post_cm2"]) < 1e-9,
          f"round {k + 1}: MVA {r['mva_post_cm2']} in summary, stepwise.csv and history")
    check(abs(float(inflated["balloon_achieved_diameter_mm"]) - r["achieved_diameter_mm"]) < 1e-9 and
          float(row["balloon_diameter_mm"]) == r["balloon_diameter_mm"],
          f"round {k + 1}: balloon {r['balloon_diameter_mm']} mm, reached {r['achieved_diameter_mm']:.3f} mm")
check(s["mva_cm2"]["post"] == rounds[-1]["mva_post_cm2"], "summary MVA post = the last round's")
plot = os.path.join(os.path.dirname(__file__), "..", "..", "..", "postprocess", "plot_sweep.py")
p = subprocess.run([debian_python(), plot, os.path.join(out, "stepwise.csv")], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
png = os.path.join(out, "stepwise.png")
check(p.returncode == 0 and os.path.getsize(png) > 10000, f"plot_sweep.py drew the rounds: {p.stdout.strip()}")
finish()
