// Thick-walled tube expanded from inside (by a balloon): a quarter of the cross-section with symmetry planes,
// plane strain along the axis (z). Reference: for an incompressible neo-Hookean tube, r^2 = R^2 + a^2 - A^2 and
// the internal pressure P = int_a^b mu (lambda^2 - lambda^-2) dr / r, lambda = r / R (tests/verification).
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>

#include <cmath>
#include <optional>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class ThickTube final : public Problem
    {
    public:
      explicit ThickTube(ParameterHandler &prm)
        : inner(prm.get_double("Inner radius")), outer(prm.get_double("Outer radius")), length(prm.get_double("Length")),
          n_radial(prm.get_integer("Cells radial")), n_around(prm.get_integer("Cells around")),
          n_axial(prm.get_integer("Cells axial"))
      {
        if (!(outer > inner))
          throw std::invalid_argument("Geometry/Thick tube: Outer radius must exceed Inner radius");
        const double k = prm.get_double("Outer support stiffness");
        if (k > 0)
          support = ElasticSupportSpec{outer_surface, k, 0.0, Point<dim>(), Tensor<1, dim>({0, 0, 1})};
        if (const double ring_stiffness = prm.get_double("Outer ring stiffness"); ring_stiffness > 0)
          ring = HoopRingSpec{outer_surface, ring_stiffness, Point<dim>(), Tensor<1, dim>({0, 0, 1})};
      }

      void create_grid(Triangulation<dim> &tria) const override
      {
        // Structured in (r, theta, z), mapped to x = r cos theta, y = r sin theta: nodes exactly on the circles.
        Triangulation<dim> serial;
        GridGenerator::subdivided_hyper_rectangle(serial, {n_radial, n_around, n_axial}, Point<dim>(inner, 0, 0),
                                                  Point<dim>(outer, 0.5 * M_PI, length), /*colorize=*/true);
        GridTools::transform(
          [](const Point<dim> &p) { return Point<dim>(p[0] * std::cos(p[1]), p[0] * std::sin(p[1]), p[2]); }, serial);
        copy_with_material(serial, MaterialIds::leaflet_anterior, tria);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double,
                            std::map<types::global_dof_index, double> &values) const override
      {
        const auto zero = [](const Point<dim> &) { return 0.0; };
        add_boundary_component(dof_handler, theta_zero, 1, zero, values);     // the plane y = 0
        add_boundary_component(dof_handler, theta_quarter, 0, zero, values);  // the plane x = 0
        for (const types::boundary_id end : {z_min, z_max})                   // plane strain
          add_boundary_component(dof_handler, end, 2, zero, values);
      }

      std::vector<types::boundary_id> contact_surfaces() const override { return {inner_surface}; }
      const ElasticSupportSpec       *elastic_support() const override { return support ? &*support : nullptr; }
      const HoopRingSpec             *hoop_ring() const override { return ring ? &*ring : nullptr; }

    private:
      static constexpr types::boundary_id inner_surface = 0, outer_surface = 1, theta_zero = 2, theta_quarter = 3, z_min = 4, z_max = 5;
      const double                        inner, outer, length;
      const unsigned int                  n_radial, n_around, n_axial;
      std::optional<ElasticSupportSpec>   support;
      std::optional<HoopRingSpec>         ring;
    };

    const ProblemRegistry::Entry tube_entry(
      "Thick tube",
      {"quarter of a thick-walled tube in plane strain, loaded from inside by the balloon (boundary id 0)",
       [](ParameterHandler &prm) {
         prm.declare_entry("Inner radius", "5", Patterns::Double(0.01, 1e3), "Reference inner radius A (mm).");
         prm.declare_entry("Outer radius", "8", Patterns::Double(0.01, 1e3), "Reference outer radius B (mm).");
         prm.declare_entry("Length", "2", Patterns::Double(0.01, 1e3), "Axial length (mm); the ends are held axially.");
         prm.declare_entry("Cells radial", "4", Patterns::Integer(1, 256), "Cells through the wall.");
         prm.declare_entry("Cells around", "12", Patterns::Integer(1, 1024), "Cells around the quarter.");
         prm.declare_entry("Cells axial", "1", Patterns::Integer(1, 256), "Cells along the axis.");
         prm.declare_entry("Outer support stiffness", "0", Patterns::Double(0, 1e6),
                           "Radial springs to ground on the outer surface (MPa/mm per reference area; 0 = free).");
         prm.declare_entry("Outer ring stiffness", "0", Patterns::Double(0, 1e6),
                           "Hoop membrane E t on the outer surface (N/mm; hoop_ring.h; 0 = none).");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> { return std::make_unique<ThickTube>(prm); }});
  } // namespace
} // namespace leafmech
