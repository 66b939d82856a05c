// A patient valve mesh from gmsh (meshes/gmsh_import.h) under diastolic pressure.
#include <deal.II/base/utilities.h>

#include <base/parsing.h>
#include <meshes/gmsh_import.h>
#include <meshes/orifice_area.h>
#include <solver/models/valve_problem.h>

namespace leafmech
{
  namespace
  {
    const ProblemRegistry::Entry gmsh_valve_entry(
      "Valve from gmsh",
      {"valve mesh read from a gmsh .msh file with named physical groups (meshes/README.md)",
       [](dealii::ParameterHandler &prm) {
         prm.declare_entry("Mesh file", "meshes/example_valve.msh", dealii::Patterns::FileName(),
                           "gmsh mesh (.msh 2.2 or 4.1, ASCII, hexahedra) with physical groups named by leafmech's "
                           "convention; a relative path is taken from the working directory.");
         prm.declare_entry("Chordae attachments", "", dealii::Patterns::Anything(),
                           "Points 'x, y, z; x, y, z; ...' (mm); each attaches a chorda to the nearest vertex of a "
                           "ventricular_surface or free_edge face.");
         prm.declare_entry("Anterolateral papillary tip", "12, -4, 26", dealii::Patterns::Anything(),
                           "Papillary tip 'x, y, z' (mm) for chordae attached at x > 0.");
         prm.declare_entry("Posteromedial papillary tip", "-12, -4, 26", dealii::Patterns::Anything(),
                           "Papillary tip 'x, y, z' (mm) for chordae attached at x <= 0.");
         declare_valve_physics(prm);
       },
       [](dealii::ParameterHandler &prm) -> std::unique_ptr<Problem> {
         const std::string file = prm.get("Mesh file");
         std::vector<dealii::Point<dim>> points;
         for (const auto &item : dealii::Utilities::split_string_list(prm.get("Chordae attachments"), ';'))
           if (!item.empty())
             points.push_back(parse_point(item, "Geometry/Valve from gmsh/Chordae attachments"));
         const auto al = parse_point(prm.get("Anterolateral papillary tip"), "Anterolateral papillary tip");
         const auto pm = parse_point(prm.get("Posteromedial papillary tip"), "Posteromedial papillary tip");
         return std::make_unique<ValveProblem>(prm, [=](dealii::Triangulation<dim> &tria, double pixel) {
           ValveMesh mesh = import_gmsh_valve(file, tria);
           attach_chordae(tria, points, al, pm, mesh);
           mesh.add_metric("orifice area (cm^2)", orifice_area(tria, pixel, MPI_COMM_SELF) / 100.0);
           return mesh;
         });
       }});
  } // namespace
} // namespace leafmech
