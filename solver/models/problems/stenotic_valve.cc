// The parametric rheumatic stenotic mitral valve (meshes/valve_generator.h) under diastolic pressure.
#include <meshes/valve_generator.h>
#include <solver/models/valve_problem.h>

namespace leafmech
{
  namespace
  {
    const ProblemRegistry::Entry stenotic_valve_entry(
      "Stenotic mitral valve",
      {"parametric rheumatic mitral valve: fused commissures, calcium, chordae; annulus held, transmitral pressure",
       [](dealii::ParameterHandler &prm) {
         declare_valve_geometry(prm);
         declare_valve_physics(prm);
       },
       [](dealii::ParameterHandler &prm) -> std::unique_ptr<Problem> {
         const ValveGeometry geometry = parse_valve_geometry(prm);
         return std::make_unique<ValveProblem>(prm, [geometry](dealii::Triangulation<dim> &tria, double pixel) {
           ValveGeometry g = geometry;
           g.orifice_pixel = pixel;
           return generate_valve(g, tria);
         });
       }});
  } // namespace
} // namespace leafmech
