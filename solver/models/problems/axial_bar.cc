// A bar along x, held axially at x = 0 (rollers on the three coordinate planes through the origin) and pulled
// by a dead traction on its end x = L, applied at once (step) or ramped with the load factor. With Poisson's
// ratio 0 it is a one-dimensional bar: under a step load its end moves as a triangle wave between 0 and twice
// the static displacement, with the period of its first axial mode 4 L / sqrt(E / rho) (the time integrator's
// verification case, tests/verification/axial_bar).
#include <deal.II/grid/grid_generator.h>

#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class AxialBar final : public Problem
    {
    public:
      explicit AxialBar(ParameterHandler &prm)
        : length(prm.get_double("Length")), width(prm.get_double("Width")), n_cells(prm.get_integer("Cells along")),
          end_traction(prm.get_double("End traction")), step(prm.get("Load") == "step")
      {}

      void create_grid(Triangulation<dim> &tria) const override
      {
        Triangulation<dim> serial;
        GridGenerator::subdivided_hyper_rectangle(serial, {n_cells, 1, 1}, Point<dim>(), Point<dim>(length, width, width),
                                                  /*colorize=*/true);
        copy_with_material(serial, MaterialIds::leaflet_anterior, tria);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double,
                            std::map<types::global_dof_index, double> &values) const override
      {
        const auto zero = [](const Point<dim> &) { return 0.0; };
        for (unsigned int c = 0; c < dim; ++c)
          add_boundary_component(dof_handler, 2 * c, c, zero, values);
      }

      bool traction(types::boundary_id id, const Point<dim> &, double load_factor, Tensor<1, dim> &t) const override
      {
        if (id != 1)
          return false;
        t    = Tensor<1, dim>();
        t[0] = (step ? (load_factor > 0 ? 1.0 : 0.0) : load_factor) * end_traction;
        return true;
      }

    private:
      const double       length, width;
      const unsigned int n_cells;
      const double       end_traction;
      const bool         step;
    };

    const ProblemRegistry::Entry bar_entry(
      "Axial bar",
      {"a bar held at x = 0 and pulled at its end by a step or ramped traction (axial vibration)",
       [](ParameterHandler &prm) {
         prm.declare_entry("Length", "10", Patterns::Double(1e-6, 1e4), "Length L along x (mm).");
         prm.declare_entry("Width", "1", Patterns::Double(1e-6, 1e4), "Side of the square cross-section (mm).");
         prm.declare_entry("Cells along", "8", Patterns::Integer(1, 4096), "Cells along the bar (one across).");
         prm.declare_entry("End traction", "0.001", Patterns::Double(-1e3, 1e3),
                           "Dead traction on the end x = L along x (MPa per reference area).");
         prm.declare_entry("Load", "step", Patterns::Selection("step|ramp"),
                           "step: the whole traction from the first instant; ramp: traction x load factor.");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> { return std::make_unique<AxialBar>(prm); }});
  } // namespace
} // namespace leafmech
