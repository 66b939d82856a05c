// Example patient-style valve for leafmech's gmsh import (see meshes/README.md for the naming convention).
// A stenotic funnel: circular annulus (radius 15 mm, z = 0) to a circular orifice (radius 5 mm, z = 8 mm),
// two leaflets of 180 degrees each, extruded 2 mm along z into hexahedra. The leaflets are separate pieces
// whose coincident faces at the commissures (x = +-15..5, y = 0) form the fusion_interface.
// Regenerate: gmsh -3 meshes/example_valve.geo -o meshes/example_valve.msh
Mesh.MshFileVersion = 2.2;
// The posterior leaflet sits 2e-7 mm below in y, beneath gmsh's merging tolerance, so the two leaflets keep
// separate nodes at the commissures (leafmech pairs nodes closer than 1e-7 of the model size).
Geometry.Tolerance = 1e-10;
R = 15; r = 5; depth = 8; t = 2;
n_arc = 7; n_radial = 6;
// Each leaflet is one transfinite patch between a half-circle of the annulus and a half-circle of the orifice
// (splines through points every 30 degrees), so the leaflets are two separate pieces: their coincident faces at
// the commissures (y = 0) form the fusion_interface and are tied by the solver.
For leaflet In {0:1}
  For k In {0:6}
    th = Pi * (leaflet + k / 6);
    Point(100 * leaflet + 10 + k) = {R * Cos(th), R * Sin(th) - 2e-7 * leaflet, 0};
    Point(100 * leaflet + 20 + k) = {r * Cos(th), r * Sin(th) - 2e-7 * leaflet, depth};
  EndFor
  o = 100 * leaflet;
  Spline(o + 1) = {o + 10 : o + 16};
  Spline(o + 2) = {o + 20 : o + 26};
  Line(o + 3) = {o + 10, o + 20};
  Line(o + 4) = {o + 16, o + 26};
  Curve Loop(o + 1) = {o + 1, o + 4, -(o + 2), -(o + 3)};
  Surface(o + 1) = {o + 1};
  Transfinite Curve {o + 1, o + 2} = 2 * n_arc - 1;
  Transfinite Curve {o + 3, o + 4} = n_radial;
  Transfinite Surface {o + 1};
  Recombine Surface {o + 1};
EndFor
// Extrusion returns: top surface, volume, then the lateral surfaces in the order of the loop's curves.
a[] = Extrude {0, 0, t} { Surface{1}; Layers{1}; Recombine; };
p[] = Extrude {0, 0, t} { Surface{101}; Layers{1}; Recombine; };
Physical Volume("leaflet_anterior") = {a[1]};
Physical Volume("leaflet_posterior") = {p[1]};
Physical Surface("atrial_surface") = {1, 101};
Physical Surface("ventricular_surface") = {a[0], p[0]};
Physical Surface("annulus") = {a[2], p[2]};
Physical Surface("free_edge") = {a[4], p[4]};
Physical Surface("fusion_interface") = {a[3], a[5], p[3], p[5]};
