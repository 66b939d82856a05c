#include <solver/valve_problem.h>

namespace leafmech
{
  using namespace dealii;

  void declare_valve_physics(ParameterHandler &prm)
  {
    prm.enter_subsection("Valve physics");
    prm.declare_entry("Transmitral pressure (mmHg)", "10", Patterns::Double(-300, 300),
                      "Diastolic pressure difference, atrium minus ventricle (mmHg), acting on the atrial surface and "
                      "following it as it deforms; ramped with the load factor.");
    prm.declare_entry("Chordae stiffness", "20", Patterns::Double(0),
                      "Axial stiffness EA of one chorda (N) in its linear range.");
    prm.declare_entry("Chordae toe strain", "0.03", Patterns::Double(1e-6, 1),
                      "Strain at which a chorda's toe region (crimp straightening) ends (dimensionless).");
    prm.declare_entry("Chordae rest length factor", "0.9", Patterns::Double(0.5, 1.5),
                      "Rest length over the reference length at full load; below 1 models rheumatic chordal "
                      "shortening (tethering grows with the load factor). Dimensionless.");
    prm.declare_entry("Fusion tie stiffness", "100", Patterns::Double(0),
                      "Penalty stiffness (MPa/mm) joining the two sides of each fusion_interface while the fused "
                      "commissure is intact; large against tissue stiffness / thickness. 0 leaves them untied.");
    prm.declare_entry("Orifice raster pixel", "0.02", Patterns::Double(1e-4, 1),
                      "Pixel size (mm) of the rasterised orifice-area measurement; the error is about a fraction "
                      "of a pixel times the orifice perimeter.");
    prm.leave_subsection();
  }

  ValveProblem::ValveProblem(ParameterHandler &prm, Builder b) : builder(std::move(b))
  {
    prm.enter_subsection("Valve physics");
    pressure                           = prm.get_double("Transmitral pressure (mmHg)") * mmHg;
    features.chord_law.stiffness       = prm.get_double("Chordae stiffness");
    features.chord_law.toe_strain      = prm.get_double("Chordae toe strain");
    features.chord_rest_length_factor  = prm.get_double("Chordae rest length factor");
    features.tie_stiffness             = prm.get_double("Fusion tie stiffness");
    features.orifice_pixel             = prm.get_double("Orifice raster pixel");
    prm.leave_subsection();
    features.mesh = &mesh;
  }

  void ValveProblem::create_grid(Triangulation<dim> &tria) const
  {
    Triangulation<dim> serial;
    mesh = builder(serial, features.orifice_pixel);
    tria.copy_triangulation(serial);
  }

  void ValveProblem::dirichlet_values(const DoFHandler<dim> &dof_handler, double,
                                      std::map<types::global_dof_index, double> &values) const
  {
    const auto zero = [](const Point<dim> &) { return 0.0; };
    for (unsigned int c = 0; c < dim; ++c)
      add_boundary_component(dof_handler, BoundaryIds::annulus, c, zero, values);
  }

  double ValveProblem::follower_pressure(types::boundary_id id, double load_factor) const
  {
    return id == BoundaryIds::atrial_surface ? load_factor * pressure : 0.0;
  }
} // namespace leafmech
