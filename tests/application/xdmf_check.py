"""Run by pvpython: reads a run's solution.pvd and solution.xdmf and prints, as JSON, their time steps, the
xdmf's point arrays and the largest |displacement| and von Mises stress of each at the last time."""
import json
import sys

from paraview import servermanager
from paraview.simple import MergeBlocks, OpenDataFile, UpdatePipeline


def last_state(path):
    reader = OpenDataFile(path)
    times = list(reader.TimestepValues) if reader.TimestepValues else [0.0]
    merged = MergeBlocks(Input=reader)
    UpdatePipeline(time=times[-1], proxy=merged)
    data = servermanager.Fetch(merged)
    pd = data.GetPointData()
    u, vm = pd.GetArray("displacement"), pd.GetArray("von_mises_stress")
    umax = max(sum(c * c for c in u.GetTuple3(i)) ** 0.5 for i in range(u.GetNumberOfTuples()))
    vmax = max(vm.GetTuple1(i) for i in range(vm.GetNumberOfTuples()))
    return {"times": times, "arrays": sorted(pd.GetArrayName(i) for i in range(pd.GetNumberOfArrays())),
            "max_displacement": umax, "max_von_mises": vmax}


print(json.dumps({"pvd": last_state(sys.argv[1] + "/solution.pvd"), "xdmf": last_state(sys.argv[1] + "/solution.xdmf")}))
