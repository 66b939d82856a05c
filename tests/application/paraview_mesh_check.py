"""Run by pvpython: reads `leafmech mesh` output and prints one JSON line (ids, fibre norms, chordae count)."""
import json
import os
import sys
from paraview import servermanager
from paraview.simple import OpenDataFile
from paraview.vtk.numpy_interface import dataset_adapter as dsa
import numpy as np

out = sys.argv[1]
grid = dsa.WrapDataObject(servermanager.Fetch(OpenDataFile(os.path.join(out, "mesh.pvtu"))))
fibre = np.asarray(grid.PointData["fibre_direction"])
faces = dsa.WrapDataObject(servermanager.Fetch(OpenDataFile(os.path.join(out, "mesh_boundary.vtu"))))
chordae = servermanager.Fetch(OpenDataFile(os.path.join(out, "chordae.vtu")))
print(json.dumps({
    # deal.II writes per-cell values as point data, constant over each cell's patch
    "material_ids": sorted(int(v) for v in np.unique(np.asarray(grid.PointData["material_id"]))),
    "fibre_components": int(fibre.shape[1]),
    "fibre_norm_min": float(np.linalg.norm(fibre, axis=1).min()),
    "fibre_norm_max": float(np.linalg.norm(fibre, axis=1).max()),
    "boundary_ids": sorted(int(v) for v in np.unique(np.asarray(faces.CellData["boundary_id"]))),
    "chordae_cells": int(chordae.GetNumberOfCells()),
}))
