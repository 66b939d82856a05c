// Double cantilever beam (DCB): two arms of thickness h bonded by the cohesive interface over x in [a0, L] and
// pulled apart at x = 0 by a prescribed opening Delta (each arm's end face moves by +-Delta / 2 normal to the
// interface). The verification case of the cohesive law: while the crack grows, beam theory and the energy
// release rate G = P^2 a^2 / (b E I) give P = sqrt(2/3) (b G_c)^(3/4) (E I)^(1/4) Delta^(-1/2), independent of
// the crack length (tests/verification/dcb_peel/).
#include <deal.II/base/utilities.h>
#include <deal.II/grid/grid_generator.h>

#include <base/piecewise_linear.h>
#include <solver/models/problem.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class DoubleCantileverBeam final : public Problem
    {
    public:
      explicit DoubleCantileverBeam(ParameterHandler &prm)
        : schedule(prm.get("Opening schedule"), "Geometry/Double cantilever beam/Opening schedule",
                   "load factor: opening"),
          length(prm.get_double("Length")), width(prm.get_double("Width")),
          arm_thickness(prm.get_double("Arm thickness")), crack(prm.get_double("Initial crack length")),
          n_along(prm.get_integer("Cells along")), n_through(prm.get_integer("Cells through arm"))
      {
        if (!(crack > 0 && crack < length))
          throw std::invalid_argument("Geometry/Double cantilever beam: Initial crack length must lie in (0, Length)");
        const double cell = length / n_along;
        if (std::abs(crack / cell - std::round(crack / cell)) > 1e-9)
          throw std::invalid_argument("Geometry/Double cantilever beam: the crack tip must fall on a cell face "
                                      "(Initial crack length a multiple of Length / Cells along)");
        const auto &table = schedule.entries();
        if (table.empty() || table.front().first != 0.0 || table.back().first != 1.0)
          throw std::invalid_argument("Geometry/Double cantilever beam/Opening schedule: must run from load "
                                      "factor 0 to 1");
        kernels::CohesiveLaw law;
        law.strength        = prm.get_double("Cohesive strength");
        law.fracture_energy = prm.get_double("Fracture energy");
        law.viscosity       = prm.get_double("Cohesive viscosity");
        spec.laws           = {law};
        spec.groups   = {"interface"};
        spec.group_of = [](const Point<dim> &) { return 0u; };
      }

      void create_grid(Triangulation<dim> &tria) const override
      {
        // Two separately meshed arms: their nodes on z = 0 coincide but are not shared.
        Triangulation<dim> lower, upper, both;
        GridGenerator::subdivided_hyper_rectangle(lower, {n_along, 1, n_through}, Point<dim>(0, 0, -arm_thickness),
                                                  Point<dim>(length, width, 0));
        GridGenerator::subdivided_hyper_rectangle(upper, {n_along, 1, n_through}, Point<dim>(0, 0, 0),
                                                  Point<dim>(length, width, arm_thickness));
        GridGenerator::merge_triangulations(lower, upper, both, /*duplicated_vertex_tolerance=*/0.0);
        const double tol = 1e-9 * length;
        for (const auto &cell : both.active_cell_iterators())
          {
            cell->set_material_id(MaterialIds::leaflet_anterior);
            const bool upper_arm = cell->center()[2] > 0;
            for (const unsigned int f : cell->face_indices())
              if (cell->face(f)->at_boundary())
                {
                  const Point<dim> c = cell->face(f)->center();
                  types::boundary_id id = BoundaryIds::other;
                  if (std::abs(c[2]) < tol && c[0] > crack)
                    id = BoundaryIds::fusion_interface;
                  else if (std::abs(c[0]) < tol)
                    id = upper_arm ? loaded_upper : loaded_lower;
                  else if (std::abs(c[0] - length) < tol)
                    id = far_end;
                  else if (std::abs(c[1]) < tol)
                    id = side;
                  cell->face(f)->set_boundary_id(id);
                }
          }
        tria.copy_triangulation(both);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double load_factor,
                            std::map<types::global_dof_index, double> &values) const override
      {
        const double half = 0.5 * opening(load_factor);
        const auto   zero = [](const Point<dim> &) { return 0.0; };
        add_boundary_component(dof_handler, loaded_upper, 2, [half](const Point<dim> &) { return half; }, values);
        add_boundary_component(dof_handler, loaded_lower, 2, [half](const Point<dim> &) { return -half; }, values);
        add_boundary_component(dof_handler, far_end, 0, zero, values); // no axial rigid motion
        add_boundary_component(dof_handler, side, 1, zero, values);    // no lateral rigid motion
      }

      const CohesiveSpec *cohesive_interface() const override { return &spec; }

    private:
      const PiecewiseLinear               schedule; ///< opening (mm) against the load factor
      /// Prescribed opening Delta (mm) at the load factor.
      double opening(double load_factor) const { return schedule(load_factor); }

      static constexpr types::boundary_id loaded_upper = 6, loaded_lower = 7, far_end = 8, side = 9;
      const double                        length, width, arm_thickness, crack;
      const unsigned int                  n_along, n_through;
      CohesiveSpec                        spec;
    };

    const ProblemRegistry::Entry dcb_entry(
      "Double cantilever beam",
      {"two arms bonded by a cohesive interface and pulled apart at one end: the cohesive law's verification",
       [](ParameterHandler &prm) {
         prm.declare_entry("Length", "40", Patterns::Double(0.01, 1e4), "Beam length L along x (mm).");
         prm.declare_entry("Width", "1", Patterns::Double(0.01, 1e3), "Beam width b along y (mm).");
         prm.declare_entry("Arm thickness", "1", Patterns::Double(0.01, 1e3), "Thickness h of each arm along z (mm).");
         prm.declare_entry("Initial crack length", "10", Patterns::Double(0.01, 1e4),
                           "Unbonded length a0 from the loaded end (mm); a multiple of the cell length.");
         prm.declare_entry("Cells along", "80", Patterns::Integer(1, 4096), "Cells along the length.");
         prm.declare_entry("Cells through arm", "1", Patterns::Integer(1, 64), "Cells through each arm.");
         prm.declare_entry("Opening schedule", "0: 0; 1: 3", Patterns::Anything(),
                           "Prescribed end opening Delta (mm) against the load factor, 'factor: opening; ...', "
                           "piecewise linear from factor 0 to 1 (it may decrease, to unload).");
         prm.declare_entry("Cohesive strength", "1", Patterns::Double(1e-9, 1e4), "Cohesive peak traction (MPa).");
         prm.declare_entry("Fracture energy", "0.01", Patterns::Double(1e-12, 1e4), "Cohesive G_c (N/mm).");
         prm.declare_entry("Cohesive viscosity", "0", Patterns::Double(0, 1e12),
                           "Relaxation time of the damage, in load-factor units (0: rate-independent).");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> {
         return std::make_unique<DoubleCantileverBeam>(prm);
       }});
  } // namespace
} // namespace leafmech
