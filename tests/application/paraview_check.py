# Run by pvpython: opens a run's solution.pvd as a ParaView user would and prints what it finds as JSON.
import json
import sys

from paraview import servermanager
from paraview.simple import OpenDataFile, UpdatePipeline

reader = OpenDataFile(sys.argv[1])
times = list(reader.TimestepValues) if reader.TimestepValues else []
UpdatePipeline(time=times[-1] if times else 0.0, proxy=reader)
data = servermanager.Fetch(reader)
points = data.GetPointData()
cells = data.GetCellData()
result = {
    "times": times,
    "n_points": data.GetNumberOfPoints(),
    "point_arrays": {points.GetArrayName(i): points.GetArray(i).GetNumberOfComponents()
                     for i in range(points.GetNumberOfArrays())},
    "cell_arrays": [cells.GetArrayName(i) for i in range(cells.GetNumberOfArrays())],
}
# displacement at the mesh point nearest to the requested one
target = [float(x) for x in sys.argv[2].split(",")]
best = min(range(data.GetNumberOfPoints()),
           key=lambda i: sum((a - b) ** 2 for a, b in zip(data.GetPoint(i), target)))
result["nearest_point"] = list(data.GetPoint(best))
result["nearest_displacement"] = list(points.GetArray("displacement").GetTuple3(best))
print(json.dumps(result))
