#!/usr/bin/env python3
"""Plots a sweep table (sweep.csv from `leafmech sweep`) against its first swept parameter: split length per
commissure, MVA before and after, and the leaflet tear index, each point coloured by its regurgitation risk
(failed points marked as such at the bottom of each panel). With more than one swept parameter, each combination
of the others is its own line. A stepwise protocol's round table (stepwise.csv of `leafmech run`) plots the same
way against the balloon size of each round.

    python3 postprocess/plot_sweep.py output/sweep-pbmv_default/sweep.csv [--output sweep.png]
    python3 postprocess/plot_sweep.py output/pbmv_stepwise/stepwise.csv    # -> stepwise.png
"""
import argparse
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.pyplot as plt

RISK_COLOUR = {"low": "tab:green", "moderate": "tab:orange", "high": "tab:red"}


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def as_sweep(rows):
    """A stepwise round table in the sweep table's shape: every round completed, swept over its balloon size."""
    table = []
    for r in rows:
        row = {"point": r["round"], "Stepwise/Balloon diameter": r["balloon_diameter_mm"], "status": "completed"}
        row.update({(k[:-len("_split_mm")] + "_split_length_mm" if k.endswith("_split_mm") else k): v
                    for k, v in r.items() if k not in ("round", "balloon_diameter_mm")})
        table.append(row)
    return table


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("table", help="sweep.csv")
    p.add_argument("--output", help="PNG file (default: sweep.png beside the table)")
    a = p.parse_args()
    rows = list(csv.DictReader(open(a.table)))
    if not rows:
        sys.exit(f"plot_sweep: {a.table} has no rows")
    stepwise = "round" in rows[0]
    if stepwise:
        rows = as_sweep(rows)
    header = list(rows[0].keys())
    swept = header[header.index("point") + 1:header.index("status")]
    x_name, others = swept[0], swept[1:]
    commissures = [c[:-len("_split_length_mm")] for c in header if c.endswith("_split_length_mm")]
    panels = [(f"{c}_split_length_mm", f"{c} split (mm)") for c in commissures] + \
             [("mva_post_cm2", "MVA after (cm$^2$)"), ("tear_index", "leaflet tear index")]
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.6), squeeze=False)
    series = {}
    for r in rows:
        series.setdefault(tuple(r[o] for o in others), []).append(r)
    for ax, (column, label) in zip(axes[0], panels):
        for key, members in series.items():
            done = [r for r in members if r["status"] == "completed" and number(r.get(column)) is not None]
            done.sort(key=lambda r: number(r[x_name]))
            name = ", ".join(f"{o} = {v}" for o, v in zip(others, key))
            ax.plot([number(r[x_name]) for r in done], [number(r[column]) for r in done], "-", color="0.6",
                    label=name or None, zorder=1)
            ax.scatter([number(r[x_name]) for r in done], [number(r[column]) for r in done], zorder=2,
                       c=[RISK_COLOUR.get(r.get("risk"), "tab:blue") for r in done], edgecolors="k")
            failed = [r for r in members if r["status"] != "completed"]
            if failed:
                ax.scatter([number(r[x_name]) for r in failed], [0.0] * len(failed), marker="x", c="0.3",
                           zorder=2, label="failed")
        if column == "mva_post_cm2":
            pre = [number(r.get("mva_pre_cm2")) for r in rows if number(r.get("mva_pre_cm2")) is not None]
            if pre:
                ax.axhline(pre[0], ls="--", c="0.4", lw=1, label="MVA before")
        if column == "tear_index":
            ax.axhline(1.0, ls=":", c="tab:red", lw=1, label="tear (index 1)")
        ax.set_xlabel(x_name.split("/")[-1] + (" (mm)" if "diameter" in x_name.lower() else ""))
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7)
    for risk, colour in RISK_COLOUR.items():
        axes[0][0].scatter([], [], c=colour, edgecolors="k", label=f"risk {risk}")
    axes[0][0].legend(fontsize=7)
    fig.tight_layout()
    out = a.output or os.path.join(os.path.dirname(os.path.abspath(a.table)),
                                   "stepwise.png" if stepwise else "sweep.png")
    tmp = out + ".tmp.png"
    fig.savefig(tmp, dpi=120)
    os.replace(tmp, out)  # never a half-written PNG under the final name
    print(f"plot_sweep: {out}")


if __name__ == "__main__":
    main()
