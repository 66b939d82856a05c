"""Renders the state of a run to PNG with ParaView: the deformed leaflets coloured by the largest principal
stress, the split commissures (cohesive_damage = 1) outlined in red, and the balloon as a translucent surface.
Run with pvbatch; on a machine with no display, under xvfb-run:

    xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" pvbatch postprocess/render_state.py output/pbmv_default
        [--time inflated|last ...] [--output FILE]

(-noreset: Xvfb resets when its last client disconnects, and pvbatch's window can meet that reset.)

--time last (default) is the end of the run (after the deflation: the post-procedure valve); --time inflated is
the end of the (last) inflation: the valve on the balloon. Several times render in one call (one ParaView
start-up); --output names the file of a single time.
"""
import argparse
import csv
import json
import os
import sys

from paraview.simple import (ColorBy, Contour, CreateView, GetColorTransferFunction, GetScalarBar, OpenDataFile,
                             Render, SaveScreenshot, Show, UpdatePipeline, WarpByVector)


def inflated_time(run):
    """The .pvd time at the end of the last inflation: the time is the phase's index plus its load factor, and the
    phases follow one another in history.csv (a stepwise protocol repeats inflation and deflation)."""
    index, previous, end = -1, None, None
    for row in csv.DictReader(open(os.path.join(run, "history.csv"))):
        if row["phase"] != previous:
            index, previous = index + 1, row["phase"]
        if row["phase"] == "inflation":
            end = index + float(row["load_factor"])
    return end


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("run", help="a run's output directory (holds solution.pvd)")
    p.add_argument("--time", choices=("last", "inflated"), nargs="+", default=["last"])
    p.add_argument("--output", help="PNG file (default: RUN/state_<time>.png); one --time only")
    a = p.parse_args()
    if a.output and len(a.time) > 1:
        sys.exit("render_state: --output names the file of one --time")
    for which in a.time:
        render(a.run, which, a.output)


def render(run, which, output):
    solution = OpenDataFile(os.path.join(run, "solution.pvd"))
    if solution is None:
        sys.exit(f"render_state: no solution.pvd in {run}")
    times = list(solution.TimestepValues) or [0.0]
    inflated = inflated_time(run) if which == "inflated" else None
    if which == "inflated" and inflated is None:
        sys.exit(f"render_state: {run} has no inflation (history.csv)")
    time = times[-1] if which == "last" else max(t for t in times if t <= inflated + 1e-9)

    view = CreateView("RenderView")
    view.ViewSize = [1400, 1000]
    view.UseColorPaletteForBackground = 0
    view.Background = [1, 1, 1]
    view.OrientationAxesVisibility = 0
    view.ViewTime = time
    warped = WarpByVector(Input=solution, Vectors=["POINTS", "displacement"])
    UpdatePipeline(time=time, proxy=warped)
    leaflets = Show(warped, view)
    leaflets.SetRepresentationType("Surface")
    ColorBy(leaflets, ("POINTS", "max_principal_stress"))
    lut = GetColorTransferFunction("max_principal_stress")
    lut.ApplyPreset("Viridis (matplotlib)", True)
    # Colour range: up to the largest principal stress at the quadrature points (summary.json). The field is
    # evaluated at the cell vertices, where the displacement interpolated on a coarse, strongly deformed Q2 cell
    # can give a wild J (the three-field formulation holds J only on average per cell) and, through the
    # exponential fibre law, absurd stresses at a few points.
    summary_path = os.path.join(run, "summary.json")
    summary = json.load(open(summary_path)) if os.path.exists(summary_path) else {}
    top = (summary.get("leaflets") or {}).get("max_principal_stress_MPa")
    if top:
        lut.RescaleTransferFunction(0.0, top)
    else:
        leaflets.RescaleTransferFunctionToDataRange(False, True)
    bar = GetScalarBar(lut, view)
    bar.Title = "max principal stress (MPa)"
    bar.ComponentTitle = ""
    bar.TitleColor = bar.LabelColor = [0, 0, 0]
    leaflets.SetScalarBarVisibility(view, True)

    point_arrays = solution.PointData.keys()
    if "cohesive_damage" in point_arrays:
        split = Contour(Input=warped, ContourBy=["POINTS", "cohesive_damage"], Isosurfaces=[0.99])
        shown = Show(split, view)
        shown.DiffuseColor = shown.AmbientColor = [0.85, 0.1, 0.1]
        shown.LineWidth = 4
        shown.ColorArrayName = ["POINTS", ""]

    balloon_pvd = os.path.join(run, "balloon.pvd")
    if os.path.exists(balloon_pvd) and which == "inflated":
        balloon = OpenDataFile(balloon_pvd)
        UpdatePipeline(time=time, proxy=balloon)
        b = Show(balloon, view)
        b.ColorArrayName = ["POINTS", ""]
        b.DiffuseColor = [0.55, 0.7, 0.95]
        b.Opacity = 0.3

    # Looking down the valve axis from the atrium, tilted so the leaflet surfaces show.
    view.CameraPosition = [0, -60, 95]
    view.CameraFocalPoint = [0, 0, 4]
    view.CameraViewUp = [0, 1, 0]
    view.ResetCamera()
    Render(view)
    out = output or os.path.join(run, f"state_{which}.png")
    tmp = out + ".tmp.png"
    SaveScreenshot(tmp, view, ImageResolution=[1400, 1000])
    os.replace(tmp, out)
    print("render_state:", out, json.dumps({"time": time, "mva_cm2": summary.get("mva_cm2"),
                                            "risk": (summary.get("regurgitation_risk") or {}).get("category")}))

if __name__ == "__main__":
    main()
