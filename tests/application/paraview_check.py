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
result["nearest_stress"] = list(points.GetArray("cauchy_stress").GetTuple(best))
result["nearest_von_mises"] = points.GetArray("von_mises_stress").GetTuple1(best)
result["nearest_max_principal"] = points.GetArray("max_principal_stress").GetTuple1(best)
# Independent recomputation of the derived fields from the written tensor (numpy, not leafmech's code).
import numpy
s = numpy.array(result["nearest_stress"]).reshape(3, 3)
dev = s - numpy.trace(s) / 3 * numpy.eye(3)
result["recomputed_von_mises"] = float(numpy.sqrt(1.5 * numpy.sum(dev * dev)))
result["recomputed_max_principal"] = float(numpy.linalg.eigvalsh(0.5 * (s + s.T))[-1])
result["stress_asymmetry"] = float(numpy.abs(s - s.T).max() / numpy.abs(s).max())
print(json.dumps(result))
