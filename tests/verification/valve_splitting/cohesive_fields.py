"""Run by pvpython: the last time step of a run's solution.pvd as ParaView reads it; prints the largest
cohesive_damage and tear_index as JSON."""
import json
import sys

from paraview import servermanager
from paraview.simple import OpenDataFile, UpdatePipeline

reader = OpenDataFile(sys.argv[1])
times = list(reader.TimestepValues) if reader.TimestepValues else [0.0]
UpdatePipeline(time=times[-1], proxy=reader)
data = servermanager.Fetch(reader)
damage = data.GetPointData().GetArray("cohesive_damage")
tear = data.GetPointData().GetArray("tear_index")  # cell values, written constant over each patch
print(json.dumps({"last_time": times[-1], "n_times": len(times),
                  "max_damage": max(damage.GetTuple1(i) for i in range(damage.GetNumberOfTuples())),
                  "max_tear_index": max(tear.GetTuple1(i) for i in range(tear.GetNumberOfTuples()))}))
